/// A direct quotation in a paragraph: its words and the sentences it runs over.
public struct QuoteSpan: Sendable, Equatable {
    /// Offsets of the quoted words (without the marks) in the clean text.
    public var start: Int
    public var end: Int
    public var text: String
    /// Ordinals of the first and last sentence it touches.
    public var firstSentence: Int
    public var lastSentence: Int
}

/// Finds quotations by their marks (“ ” or paired straight quotes), across sentence boundaries
/// within a paragraph: "“We have to be cautious. We need freedom of action in Syria,” Bennett explained".
enum QuoteFinder {
    static func find(_ sentences: [SentenceSpan]) -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        var p = 0
        while p < sentences.count {
            var q = p
            while q + 1 < sentences.count && sentences[q + 1].paragraph == sentences[p].paragraph { q += 1 }
            // The paragraph as (offset, scalar) pairs.
            var chars: [(Int, Unicode.Scalar, Int)] = []   // (offset, scalar, sentence ordinal)
            for s in sentences[p...q] {
                for (k, u) in s.text.unicodeScalars.enumerated() { chars.append((s.start + k, u, s.ordinal)) }
                chars.append((s.end, " ", s.ordinal))
            }
            var open: Int? = nil
            for (idx, c) in chars.enumerated() {
                let u = c.1
                let prev: Unicode.Scalar = idx > 0 ? chars[idx - 1].1 : " "
                let next: Unicode.Scalar = idx + 1 < chars.count ? chars[idx + 1].1 : " "
                let opens = u == "“" || (u == "\"" && open == nil && (prev == " " || prev == "(" || prev == "—") && next != " ")
                let closes = u == "”" || (u == "\"" && open != nil)
                if opens && open == nil {
                    open = idx
                } else if closes, let o = open {
                    if idx > o + 1 {
                        var text = String.UnicodeScalarView()
                        for k in (o + 1)..<idx { text.append(chars[k].1) }
                        let t = String(text).trimmingCharacters(in: .whitespaces)
                        if t.split(separator: " ").count >= 1 {
                            out.append(QuoteSpan(start: chars[o + 1].0, end: chars[idx - 1].0 + 1, text: t,
                                                 firstSentence: chars[o].2, lastSentence: chars[idx].2))
                        }
                    }
                    open = nil
                }
            }
            p = q + 1
        }
        return out
    }
}
