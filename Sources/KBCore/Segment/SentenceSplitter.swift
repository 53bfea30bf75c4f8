import Foundation

/// A sentence of a source: its place in the clean text (code-point offsets) and its text.
public struct SentenceSpan: Sendable, Equatable {
    public var ordinal: Int
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var text: String
}

/// Splits clean text into sentences. A sentence ends at '.', '!', '?' or '…' (with any closing
/// quotes or brackets) before white space and a capital, digit or opening quote — except after
/// an abbreviation ("Jan.", "Gen."), an initial ("Ilan I. Berman") or a dotted abbreviation
/// ("U.S.") that the next word does not mark as a new sentence. Blocks never share a sentence.
public struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>
    /// Words that start a sentence after a dotted abbreviation: "… in the U.S. The next day …".
    static let starters: Set<String> = ["The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
                                        "In", "On", "At", "But", "And", "However", "Yet", "A", "An", "As", "After", "Before",
                                        "When", "While", "There", "Their", "His", "Her", "Our", "Meanwhile", "Still", "If"]

    public init(abbreviationList: String) {
        var set: Set<String> = []
        for line in abbreviationList.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces).lowercased()
            if !t.isEmpty && !t.hasPrefix("#") { set.insert(t) }
        }
        abbreviations = set
    }

    public func split(blocks: [String]) -> [SentenceSpan] {
        var out: [SentenceSpan] = []
        var offset = 0
        for (p, block) in blocks.enumerated() {
            let text = ScalarText(block)
            let scalars = text
            for r in ranges(text) {
                var s = r.lowerBound, e = r.upperBound
                while s < e && scalars[s] == " " { s += 1 }
                while e > s && scalars[e - 1] == " " { e -= 1 }
                if s == e { continue }
                out.append(SentenceSpan(ordinal: out.count, paragraph: p, start: offset + s, end: offset + e, text: text.string(s..<e)))
            }
            offset += scalars.count + 2
        }
        return out
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool { "\"'”’)]»".unicodeScalars.contains(c) }
    static func isOpening(_ c: Unicode.Scalar) -> Bool { "\"'“‘([«".unicodeScalars.contains(c) }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

    func ranges(_ text: ScalarText) -> [Range<Int>] {
        let s = text
        var out: [Range<Int>] = []
        var begin = 0
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < n && (s[j] == "." || s[j] == "!" || s[j] == "?" || Self.isClosing(s[j])) { j += 1 }
            guard j < n else { break }
            guard s[j] == " " else { i = j; continue }
            var k = j
            while k < n && s[k] == " " { k += 1 }
            guard k < n else { break }
            let next = s[k]
            let nextStartsSentence = Self.isUpper(next) || next.properties.numericType != nil || Self.isOpening(next)
            if nextStartsSentence && (c != "." || j > i + 1 || !isAbbreviation(text, period: i, next: k)) {
                out.append(begin..<j)
                begin = k
            }
            i = k
        }
        if begin < n { out.append(begin..<n) }
        return out
    }

    /// Whether the period at `period` belongs to an abbreviation rather than ending a sentence.
    func isAbbreviation(_ text: ScalarText, period: Int, next: Int) -> Bool {
        let s = text
        var a = period
        while a > 0 && s[a - 1] != " " && !Self.isOpening(s[a - 1]) { a -= 1 }
        let word = s[a..<period]
        guard !word.isEmpty else { return false }
        // A single capital: an initial ("Ilan I. Berman"), unless it ends a sentence ("… Plan B. Then …" is rare).
        if word.count == 1, let w = word.first, Self.isUpper(w) { return true }
        // Dotted abbreviations: "U.S", "U.N", "e.g" — a new sentence only before a typical starter.
        if word.contains(".") && word.allSatisfy({ $0 == "." || Self.isLetter($0) }) && word.count <= 6 {
            var e = next
            while e < s.count && Self.isLetter(s[e]) { e += 1 }
            return !Self.starters.contains(text.string(next..<e))
        }
        return abbreviations.contains(text.string(a..<period).lowercased())
    }
}
