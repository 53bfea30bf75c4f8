/// A word, number or punctuation mark of a sentence, with its place in code points.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punct, possessive }
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind

    /// Starts with a capital letter.
    public var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase == true }
    public var lower: String { text.lowercased() }
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
        func isWordChar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }
        func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" }
        while i < n {
            let c = s[i]
            if isWordChar(c) {
                var j = i + 1
                var allDigits = c.properties.numericType != nil
                while j < n {
                    let d = s[j]
                    if isWordChar(d) { if d.properties.numericType == nil { allDigits = false }; j += 1; continue }
                    // Inner joiners: a hyphen, apostrophe, dot, comma-in-number, followed by a word character.
                    if j + 1 < n, isWordChar(s[j + 1]) {
                        if d == "-" || d == "‑" { allDigits = false; j += 1; continue }
                        if isApostrophe(d) {
                            // "’s" followed by a non-letter is a possessive: stop before it.
                            let isPossessive = (s[j + 1] == "s" || s[j + 1] == "S") && (j + 2 >= n || !isWordChar(s[j + 2]))
                            if isPossessive { break }
                            j += 1; continue
                        }
                        if d == "." && s[j + 1].properties.isAlphabetic && j - i <= 3 && !allDigits { j += 1; continue }
                        if (d == "." || d == ",") && allDigits && s[j + 1].properties.numericType != nil { j += 1; continue }
                    }
                    break
                }
                // The final dot of a dotted abbreviation: "U.S." (but not a sentence's full stop after a word).
                var text = String(String.UnicodeScalarView(s[i..<j]))
                if j < n, s[j] == ".", text.contains("."), text.count <= 5 { text += "."; j += 1 }
                text = text.replacingOccurrences(of: "’", with: "'")
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
