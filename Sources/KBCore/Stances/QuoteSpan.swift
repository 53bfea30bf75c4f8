import Foundation

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
/// A paragraph is read as its sentences joined by single spaces; only the quotation marks are
/// looked at, over the sentences' UTF-8 bytes.
enum QuoteFinder {
    /// A quotation mark: the sentence (index into the array) and where it stands in its text.
    struct Mark {
        var sentence: Int
        var scalar: Int
        var byte: Int
        var length: Int
    }

    static func find(_ sentences: [SentenceSpan]) -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        let texts = sentences.map { Array($0.text.utf8) }
        var p = 0
        while p < sentences.count {
            var q = p
            while q + 1 < sentences.count && sentences[q + 1].paragraph == sentences[p].paragraph { q += 1 }
            var open: Mark? = nil
            for si in p...q {
                let b = texts[si]
                var i = 0, k = 0
                while i < b.count {
                    let length = UTF8Text.length(lead: b[i])
                    if let u = quotationMark(b, at: i) {
                        // Before a sentence's first and after its last scalar stands a space.
                        let prev: Unicode.Scalar = k == 0 ? " " : UTF8Text.scalar(b, at: UTF8Text.start(b, before: i)).0
                        let next: Unicode.Scalar = i + length < b.count ? UTF8Text.scalar(b, at: i + length).0 : " "
                        let opens = u == "“" || (u == "\"" && open == nil && (prev == " " || prev == "(" || prev == "—") && next != " ")
                        let closes = u == "”" || (u == "\"" && open != nil)
                        let here = Mark(sentence: si, scalar: k, byte: i, length: length)
                        if opens && open == nil {
                            open = here
                        } else if closes, let o = open {
                            if let quote = quote(from: o, to: here, sentences, texts) { out.append(quote) }
                            open = nil
                        }
                    }
                    i += length
                    k += 1
                }
            }
            p = q + 1
        }
        return out
    }

    /// “, ” or ", if one starts at byte i.
    @inline(__always)
    static func quotationMark(_ b: [UInt8], at i: Int) -> Unicode.Scalar? {
        if b[i] == 0x22 { return "\"" }
        guard b[i] == 0xE2, b[i + 1] == 0x80 else { return nil }
        return b[i + 2] == 0x9C ? "“" : b[i + 2] == 0x9D ? "”" : nil
    }

    /// The quotation between two marks (of the same paragraph), if it has words.
    static func quote(from o: Mark, to c: Mark, _ sentences: [SentenceSpan], _ texts: [[UInt8]]) -> QuoteSpan? {
        guard o.sentence < c.sentence || c.scalar > o.scalar + 1 else { return nil }
        var bytes: [UInt8]
        if o.sentence == c.sentence {
            bytes = Array(texts[o.sentence][(o.byte + o.length)..<c.byte])
        } else {
            bytes = Array(texts[o.sentence][(o.byte + o.length)...])
            bytes.append(0x20)
            for s in (o.sentence + 1)..<c.sentence {
                bytes += texts[s]
                bytes.append(0x20)
            }
            bytes += texts[c.sentence][..<c.byte]
        }
        let text = trimmingWhitespace(bytes)
        guard !text.isEmpty else { return nil }
        let start = sentences[o.sentence].start + o.scalar + 1
        let end = c.scalar > 0 ? sentences[c.sentence].start + c.scalar : sentences[c.sentence - 1].end + 1
        return QuoteSpan(start: start, end: end, text: UTF8Text.string(text),
                         firstSentence: sentences[o.sentence].ordinal, lastSentence: sentences[c.sentence].ordinal)
    }

    /// The bytes without the white space (`CharacterSet.whitespaces`) at either end.
    static func trimmingWhitespace(_ b: [UInt8]) -> ArraySlice<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi {
            let (u, length) = UTF8Text.scalar(b, at: lo)
            guard UTF8Text.isWhitespace(u) else { break }
            lo += length
        }
        while hi > lo {
            let s = UTF8Text.start(b, before: hi)
            guard UTF8Text.isWhitespace(UTF8Text.scalar(b, at: s).0) else { break }
            hi = s
        }
        return b[lo..<hi]
    }
}
