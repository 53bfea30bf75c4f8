/// A word, number or punctuation mark of a sentence, with its place in code points.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punct, possessive }
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// The text in lowercase (computed once: every stage compares it).
    public let lower: String
    /// Starts with a capital letter.
    public let isCapitalized: Bool

    public init(text: String, start: Int, end: Int, kind: Kind) {
        let first = text.unicodeScalars.first
        self.init(text: text, start: start, end: end, kind: kind, lower: Self.lowercase(text, text.utf8),
                  isCapitalized: first.map(Self.isCapital) ?? false)
    }

    init(text: String, start: Int, end: Int, kind: Kind, lower: String, isCapitalized: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.lower = lower
        self.isCapitalized = isCapitalized
    }

    @inline(__always)
    static func isCapital(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? (u.value >= 0x41 && u.value <= 0x5A) : u.properties.isUppercase
    }

    /// `text.lowercased()` (`bytes` are its UTF-8): ASCII capitals mapped byte by byte, anything
    /// else by the standard library.
    static func lowercase<B: Collection>(_ text: String, _ bytes: B) -> String where B.Element == UInt8 {
        var upper = false
        for c in bytes {
            if c >= 0x80 { return text.lowercased() }
            if c >= 0x41 && c <= 0x5A { upper = true }
        }
        guard upper else { return text }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (k, c) in bytes.enumerated() { buffer[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            return bytes.count
        }
    }
}

/// Splits a sentence into tokens in one pass. Words keep inner hyphens, apostrophes and the dots
/// of abbreviations ("al-Assad", "U.S.", "Ya'alon"); a possessive "’s" is a token of its own,
/// and curly apostrophes are read as straight ones. The scan runs over the sentence's UTF-8
/// bytes, counting code points for the offsets.
public enum Tokenizer {
    public static func tokens(_ sentence: String) -> [Token] {
        var sentence = sentence
        return sentence.withUTF8 { tokens(UTF8Cursor(bytes: $0)) }
    }

    static func tokens(_ s: UTF8Cursor) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(s.bytes.count / 6)
        var i = 0, si = 0          // byte and code-point offsets
        let n = s.bytes.count
        while i < n {
            let (c, length) = s[i]
            if isWordChar(c) {
                var j = i + length, sj = si + 1
                var allDigits = isDigit(c), hasDot = false
                while j < n {
                    let (d, dl) = s[j]
                    if isWordChar(d) { if !isDigit(d) { allDigits = false }; j += dl; sj += 1; continue }
                    // Inner joiners: a hyphen, apostrophe, dot, comma-in-number, followed by a word character.
                    if j + dl < n, case let (e, el) = s[j + dl], isWordChar(e) {
                        if d == "-" || d == "‑" { allDigits = false; j += dl; sj += 1; continue }
                        if isApostrophe(d) {
                            // "’s" followed by a non-letter is a possessive: stop before it.
                            let isPossessive = (e == "s" || e == "S") && (j + dl + el >= n || !isWordChar(s[j + dl + el].0))
                            if isPossessive { break }
                            j += dl; sj += 1; continue
                        }
                        if d == "." && !isDigit(e) && sj - si <= 3 && !allDigits { hasDot = true; j += dl; sj += 1; continue }
                        if (d == "." || d == ",") && allDigits && isDigit(e) { hasDot = hasDot || d == "."; j += dl; sj += 1; continue }
                    }
                    break
                }
                // The final dot of a dotted abbreviation: "U.S." (but not a sentence's full stop after a word).
                if j < n, s.bytes[j] == 0x2E, hasDot, sj - si <= 5 { j += 1; sj += 1 }
                let word = wordToken(s, i..<j, si..<sj, first: c, kind: allDigits ? .number : .word)
                out.append(word)
                i = j
                si = sj
                // Possessive or plural-possessive: "Israel’s", "Russians’".
                guard i < n, case let (a, al) = s[i], isApostrophe(a) else { continue }
                if i + al < n, case let (x, xl) = s[i + al], x == "s" || x == "S", i + al + xl >= n || !isWordChar(s[i + al + xl].0) {
                    out.append(Token(text: "'s", start: si, end: si + 2, kind: .possessive))
                    i += al + xl
                    si += 2
                } else if word.text.hasSuffix("s"), i + al >= n || !isWordChar(s[i + al].0) {
                    out.append(Token(text: "'", start: si, end: si + 1, kind: .possessive))
                    i += al
                    si += 1
                }
            } else if c == " " || c == "\n" || c == "\t" {
                i += length
                si += 1
            } else {
                out.append(Token(text: String(c), start: si, end: si + 1, kind: .punct))
                i += length
                si += 1
            }
        }
        return out
    }

    @inline(__always)
    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType != nil
    }

    @inline(__always)
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" }

    /// A word or number token (bytes `r`, code points `offsets`), with curly apostrophes (’) read as straight ones.
    static func wordToken(_ s: UTF8Cursor, _ r: Range<Int>, _ offsets: Range<Int>, first: Unicode.Scalar, kind: Token.Kind) -> Token {
        let bytes = UnsafeBufferPointer(rebasing: s.bytes[r])
        var upper = false, beyondASCII = false
        for c in bytes {
            if c >= 0x80 { beyondASCII = true; break }
            if c &- 0x41 < 26 { upper = true }
        }
        let isCapitalized = Token.isCapital(first)
        guard beyondASCII else {
            // ASCII: the text as it is, lowercased byte by byte.
            let word = String(decoding: bytes, as: UTF8.self)
            let lower = upper ? String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (k, c) in bytes.enumerated() { buffer[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                return bytes.count
            } : word
            return Token(text: word, start: offsets.lowerBound, end: offsets.upperBound, kind: kind, lower: lower, isCapitalized: isCapitalized)
        }
        let straight = straightApostrophes(bytes)
        let word = UTF8Text.string(straight)
        return Token(text: word, start: offsets.lowerBound, end: offsets.upperBound, kind: kind, lower: Token.lowercase(word, straight),
                     isCapitalized: isCapitalized)
    }

    /// The bytes with each ’ (E2 80 99) as '.
    static func straightApostrophes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                out.append(0x27)
                k += 3
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return out
    }
}

/// Valid UTF-8 bytes read a scalar at a time: `cursor[i]` is the scalar starting at byte `i` and its length.
struct UTF8Cursor {
    let bytes: UnsafeBufferPointer<UInt8>

    @inline(__always)
    subscript(i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        return b0 < 0x80 ? (Unicode.Scalar(b0), 1) : UTF8Text.scalar(bytes, at: i)
    }
}
