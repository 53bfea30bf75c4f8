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
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        lower = text.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? text.lowercased() : text
        let first = text.unicodeScalars.first
        isCapitalized = first.map { $0.value < 0x80 ? ($0.value >= 0x41 && $0.value <= 0x5A) : $0.properties.isUppercase } ?? false
    }
}

/// Splits a sentence into tokens in one pass. Words keep inner hyphens, apostrophes and the dots
/// of abbreviations ("al-Assad", "U.S.", "Ya'alon"); a possessive "’s" is a token of its own,
/// and curly apostrophes are read as straight ones.
public enum Tokenizer {
    public static func tokens(_ sentence: String) -> [Token] {
        let s = Array(sentence.unicodeScalars)
        var out: [Token] = []
        out.reserveCapacity(s.count / 5)
        var i = 0
        let n = s.count
        func isWordChar(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
            return c.properties.isAlphabetic || c.properties.numericType != nil
        }
        func isDigit(_ c: Unicode.Scalar) -> Bool {
            c.value < 0x80 ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType != nil
        }
        func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" }
        while i < n {
            let c = s[i]
            if isWordChar(c) {
                var j = i + 1
                var allDigits = isDigit(c)
                while j < n {
                    let d = s[j]
                    if isWordChar(d) { if !isDigit(d) { allDigits = false }; j += 1; continue }
                    // Inner joiners: a hyphen, apostrophe, dot, comma-in-number, followed by a word character.
                    if j + 1 < n, isWordChar(s[j + 1]) {
                        if d == "-" || d == "‑" { allDigits = false; j += 1; continue }
                        if isApostrophe(d) {
                            // "’s" followed by a non-letter is a possessive: stop before it.
                            let isPossessive = (s[j + 1] == "s" || s[j + 1] == "S") && (j + 2 >= n || !isWordChar(s[j + 2]))
                            if isPossessive { break }
                            j += 1; continue
                        }
                        if d == "." && !isDigit(s[j + 1]) && j - i <= 3 && !allDigits { j += 1; continue }
                        if (d == "." || d == ",") && allDigits && isDigit(s[j + 1]) { j += 1; continue }
                    }
                    break
                }
                // The final dot of a dotted abbreviation: "U.S." (but not a sentence's full stop after a word).
                // Built scalar by scalar, with curly apostrophes read as straight ones.
                var view = String.UnicodeScalarView()
                var hasDot = false
                for k in i..<j {
                    let u = s[k]
                    if u == "." { hasDot = true }
                    view.append(u == "’" ? "'" : u)
                }
                if j < n, s[j] == ".", hasDot, j - i <= 5 { view.append("."); j += 1 }
                let text = String(view)
                out.append(Token(text: text, start: i, end: j, kind: allDigits ? .number : .word))
                i = j
                // Possessive or plural-possessive: "Israel’s", "Russians’".
                if i + 1 < n, isApostrophe(s[i]), s[i + 1] == "s" || s[i + 1] == "S", i + 2 >= n || !isWordChar(s[i + 2]) {
                    out.append(Token(text: "'s", start: i, end: i + 2, kind: .possessive))
                    i += 2
                } else if i < n, isApostrophe(s[i]), text.hasSuffix("s"), i + 1 >= n || !isWordChar(s[i + 1]) {
                    out.append(Token(text: "'", start: i, end: i + 1, kind: .possessive))
                    i += 1
                }
            } else if c == " " || c == "\n" || c == "\t" {
                i += 1
            } else {
                out.append(Token(text: String(c), start: i, end: i + 1, kind: .punct))
                i += 1
            }
        }
        return out
    }
}
