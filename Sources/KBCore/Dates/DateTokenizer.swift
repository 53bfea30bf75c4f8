/// A word, number or punctuation mark of a sentence, with its position in Unicode scalars.
struct DateToken: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }
    enum Suffix: UInt8, Sendable { case none, ordinal, plural, letters }

    var kind: Kind
    var start: Int
    var end: Int
    /// UTF-8 offsets of the token in the sentence.
    var lo: Int
    var hi: Int
    /// Whitespace (or the start of the sentence) precedes the token.
    var spaceBefore: Bool

    // words
    var lex: DateLex? = nil
    var capitalized = false
    var letters = 0
    /// Followed by 's / ’s (not part of the token's range).
    var possessive = false
    /// Carries 'll or is "won" of "won't".
    var willClitic = false

    // numbers
    var value = 0
    var digits = 0
    var suffix = Suffix.none
    /// Contains a thousands separator or a decimal point ("70,000", "3.5").
    var grouped = false
    /// Glued to a preceding letter ("F16", "A320").
    var attachedLeft = false

    // punctuation, normalised: ’‘ → ', “” → ", hyphens → -, en dash → –, em dash → —
    var char: Unicode.Scalar = " "

    var isDash: Bool { kind == .punct && (char == "-" || char == "–" || char == "—") }
    func isPunct(_ c: Unicode.Scalar) -> Bool { kind == .punct && char == c }
    var word: DateWord? { if case .word(let w)? = lex { return w }; return nil }
}

/// Single-pass scanner over the sentence's Unicode scalars (decoded from its UTF-8 bytes).
enum DateTokenizer {
    /// Fills `tokens`; returns false when the sentence holds no digit and no date keyword,
    /// in which case nothing in it can be a date.
    static func tokenize(_ s: String, into tokens: inout [DateToken]) -> Bool {
        tokenize(UTF8Scalars(s), into: &tokens)
    }

    static func tokenize(_ text: UTF8Scalars, into tokens: inout [DateToken]) -> Bool {
        text.bytes.withUnsafeBufferPointer { tokenize(ByteScalars(bytes: $0), into: &tokens) }
    }

    /// `UTF8Scalars` read through an unsafe buffer pointer, with an ASCII fast path: the same
    /// scalars at the same byte offsets, without the array's bounds checks and generic decoding.
    struct ByteScalars {
        let bytes: UnsafeBufferPointer<UInt8>

        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }

        @inline(__always)
        subscript(i: Int) -> Unicode.Scalar {
            let b0 = bytes[i]
            return b0 < 0x80 ? Unicode.Scalar(b0) : UTF8Text.scalar(bytes, at: i).0
        }

        @inline(__always)
        func index(after i: Int) -> Int {
            let b0 = bytes[i]
            return b0 < 0x80 ? i + 1 : i + UTF8Text.length(lead: b0)
        }
    }

    static func tokenize(_ sc: ByteScalars, into tokens: inout [DateToken]) -> Bool {
        var i = sc.startIndex
        let end = sc.endIndex
        var off = 0
        var space = true
        var trigger = false

        @inline(__always) func isAsciiLetter(_ v: UInt32) -> Bool {
            (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        @inline(__always) func isLetter(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 128 { return isAsciiLetter(v) }
            if v == 0x2019 || v == 0x2018 || (v >= 0x2000 && v <= 0x206F) { return false }
            return c.properties.isAlphabetic
        }
        @inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        @inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            return v == 32 || v == 9 || v == 10 || v == 13 || v == 0xA0 || (v >= 0x2000 && v <= 0x200B)
                || v == 0x202F || v == 0x3000 || v == 0xFEFF
        }
        /// Base-27 packing as in `DateLexicon.key`; non-ASCII letters poison the key.
        @inline(__always) func packLetter(_ k: UInt64, _ c: Unicode.Scalar, _ n: inout Int) -> UInt64 {
            n += 1
            let v = c.value
            guard v < 128, n <= 13 else { return UInt64.max }
            return k == UInt64.max ? k : k &* 27 &+ UInt64((UInt8(v) | 0x20) - 96)
        }
        @inline(__always) func isApostrophe(_ c: Unicode.Scalar) -> Bool { c.value == 39 || c.value == 0x2019 }

        while i < end {
            let c = sc[i]
            if isSpace(c) {
                space = true
                i = sc.index(after: i); off += 1
                continue
            }
            let lo = i, start = off
            if isDigit(c) {
                var t = DateToken(kind: .number, start: start, end: start, lo: lo, hi: lo, spaceBefore: space)
                trigger = true
                var v = 0, n = 0
                while i < end, isDigit(sc[i]) {
                    if n < 15 { v = v * 10 + Int(sc[i].value - 48) }
                    n += 1; i = sc.index(after: i); off += 1
                }
                // thousands groups and decimals
                while i < end {
                    let d = sc[i]
                    if d == "," {
                        var j = sc.index(after: i), k = 0
                        while j < end, k < 4, isDigit(sc[j]) { j = sc.index(after: j); k += 1 }
                        guard k == 3 else { break }
                        t.grouped = true
                        j = sc.index(after: i)
                        i = j; off += 1
                        for _ in 0..<3 { v = v * 10 + Int(sc[i].value - 48); i = sc.index(after: i); off += 1 }
                        n += 3
                    } else if d == "." {
                        let j = sc.index(after: i)
                        guard j < end, isDigit(sc[j]) else { break }
                        t.grouped = true
                        i = j; off += 1
                        while i < end, isDigit(sc[i]) { i = sc.index(after: i); off += 1 }
                    } else { break }
                }
                t.value = v; t.digits = n
                if i < end, isLetter(sc[i]) {
                    var suf: UInt64 = 0, m = 0
                    while i < end, isLetter(sc[i]) {
                        suf = packLetter(suf, sc[i], &m)
                        i = sc.index(after: i); off += 1
                    }
                    switch suf {
                    case DateLexicon.st, DateLexicon.nd, DateLexicon.rd, DateLexicon.th: t.suffix = .ordinal
                    case DateLexicon.s: t.suffix = .plural
                    default: t.suffix = .letters
                    }
                }
                t.hi = i; t.end = off
                if i < end, isApostrophe(sc[i]) {
                    let j = sc.index(after: i)
                    if j < end, sc[j] == "s" || sc[j] == "S" {
                        let k = sc.index(after: j)
                        if k == end || !isLetter(sc[k]) { t.possessive = true; i = k; off += 2 }
                    }
                }
                if !space, tokens.last?.kind == .word { t.attachedLeft = true }
                tokens.append(t)
                space = false
                continue
            }
            if isLetter(c) {
                var t = DateToken(kind: .word, start: start, end: start, lo: lo, hi: lo, spaceBefore: space)
                var key: UInt64 = 0, n = 0, ascii = true
                let cv = c.value
                t.capitalized = (cv >= 65 && cv <= 90) || (cv >= 128 && c.properties.isUppercase)
                while i < end {
                    let d = sc[i]
                    guard isLetter(d) else { break }
                    let dv = d.value
                    if dv < 128 {
                        if n < 13 { key = key &* 27 &+ UInt64((UInt8(dv) | 0x20) - 96) }
                    } else { ascii = false }
                    n += 1; i = sc.index(after: i); off += 1
                }
                t.letters = n
                t.hi = i; t.end = off
                if ascii, n <= 13, let lex = DateLexicon.lookup(key) {
                    t.lex = lex
                    if lex.isTrigger { trigger = true }
                }
                // clitics: 's, 'll, n't ...
                if i < end, isApostrophe(sc[i]) {
                    var j = sc.index(after: i)
                    var cl: UInt64 = 0, m = 0
                    while j < end, isLetter(sc[j]) {
                        cl = packLetter(cl, sc[j], &m)
                        j = sc.index(after: j)
                    }
                    if m > 0 {
                        if cl == DateLexicon.s { t.possessive = true }
                        else if cl == DateLexicon.ll { t.willClitic = true }
                        else if cl == DateLexicon.t, key == DateLexicon.won { t.willClitic = true }
                        i = j; off += 1 + m
                    }
                }
                tokens.append(t)
                space = false
                continue
            }
            // punctuation: one scalar
            var t = DateToken(kind: .punct, start: start, end: start + 1, lo: lo, hi: lo, spaceBefore: space)
            switch c.value {
            case 0x2018, 0x2019, 0x2032: t.char = "'"
            case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: t.char = "\""
            case 0x2010, 0x2011, 0x2212: t.char = "-"
            case 0x2012, 0x2013: t.char = "–"
            case 0x2014, 0x2015: t.char = "—"
            default: t.char = c
            }
            i = sc.index(after: i); off += 1
            t.hi = i
            tokens.append(t)
            space = false
        }
        return trigger
    }
}
