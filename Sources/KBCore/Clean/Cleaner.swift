import Foundation

/// An article's text without page debris, and the lines around it that carry metadata.
public struct CleanedArticle: Sendable, Equatable {
    /// The article's blocks (paragraphs, headings) in order.
    public var blocks: [String]
    /// Lines before the article began (title, byline, dateline, menus), debris rules applied.
    public var header: [String]
    /// Lines after the article ended (copyright, source and disclaimer lines, teasers).
    public var trailer: [String]
    /// The clean text: blocks joined by blank lines. Sentence offsets point into it.
    public var text: String { blocks.joined(separator: "\n\n") }
}

/// Strips page debris from a saved web page: navigation menus, comment forms, sidebars,
/// "related publications" teasers, footers. The article starts at its first line of prose
/// and ends at an end marker (Dictionaries/cleaning/debris.tsv) or after its last prose line.
public struct Cleaner: Sendable {
    let rules: DebrisRules

    public init(rules: DebrisRules) { self.rules = rules }

    struct Line {
        var text: String
        var bullet: Bool
        var prose: Bool
        var action: DebrisRules.Action?
    }

    /// - Parameter extracted: the text is an HTML page's main content, already chosen by its
    ///   markup: its list items and short lines are the article's, not a saved page's menus.
    public func clean(_ body: String, extracted: Bool = false) -> CleanedArticle {
        var lines: [Line] = []
        var previous = ""
        // Lines split on code points ("\n", "\r"), scanned as UTF-8 bytes.
        let bytes = Array(body.utf8)
        for range in UTF8Text.lines(bytes) {
            let (textBytes, bullet) = Self.normalize(bytes[range])
            if textBytes.isEmpty { continue }
            let text = UTF8Text.string(textBytes)
            if text == previous { continue }  // a title or link repeated on the next line
            previous = text
            var action = rules.action(folded: DebrisRules.fold(textBytes))
            if action == nil && Self.isSelfRepeated(textBytes) { action = .drop }
            lines.append(Line(text: text, bullet: bullet, prose: Self.isProse(text), action: action))
        }
        // A short piece (a news brief, one scraped record) may have no line of eight words: its sentences are its prose.
        if !lines.contains(where: { $0.prose && $0.action == nil }) {
            for k in lines.indices where lines[k].action == nil && Self.isShortProse(lines[k].text) { lines[k].prose = true }
        }
        guard let start = lines.firstIndex(where: { $0.prose && $0.action == nil && !($0.bullet && Self.words($0.text) < 8) }) else {
            return CleanedArticle(blocks: [], header: lines.filter { $0.action == nil }.map(\.text), trailer: [])
        }
        let header = lines[..<start].filter { $0.action == nil }.map(\.text)
        var body: [Line] = []
        var end = lines.count
        for i in start..<lines.count {
            let line = lines[i]
            if line.action == .end { end = i; break }
            if line.action != nil { continue }
            if line.bullet && !line.prose && !extracted { continue }  // menu entries
            body.append(line)
        }
        if !extracted { body = Self.largestCluster(body) }
        // An article does not end with a heading: trailing non-prose lines are debris.
        var trailer: [String] = []
        while let last = body.last, !last.prose { trailer.insert(last.text, at: 0); body.removeLast() }
        trailer += lines[end...].map(\.text)
        return CleanedArticle(blocks: body.map(\.text), header: header, trailer: trailer)
    }

    /// Runs of six or more non-prose lines separate the article from other page parts: keep the
    /// part with the most prose.
    static func largestCluster(_ lines: [Line]) -> [Line] {
        var clusters: [[Line]] = [[]]
        var run: [Line] = []
        for line in lines {
            if line.prose {
                if run.count >= 6 { clusters.append([]) } else { clusters[clusters.count - 1] += run }
                run = []
                clusters[clusters.count - 1].append(line)
            } else {
                run.append(line)
            }
        }
        clusters[clusters.count - 1] += run
        if clusters.count == 1 { return clusters[0] }
        return clusters.max { a, b in
            a.filter(\.prose).reduce(0) { $0 + $1.text.count } < b.filter(\.prose).reduce(0) { $0 + $1.text.count }
        } ?? []
    }

    /// Trims the line, turns odd spaces into plain ones, and removes leading bullets and symbols.
    static func normalize(_ raw: Substring) -> (String, Bool) {
        let (bytes, bullet) = normalize(ArraySlice(raw.utf8))
        return (UTF8Text.string(bytes), bullet)
    }

    /// `normalize` over a line's UTF-8 bytes.
    static func normalize(_ raw: ArraySlice<UInt8>) -> ([UInt8], Bool) {
        let text = collapseSpaces(raw)
        var start = 0
        var bullet = false
        // Markdown-style heading marks and leading bullets or decorative symbols.
        while start < text.count {
            let (first, length) = UTF8Text.scalar(text, at: start)
            guard isMark(first) else { break }
            if first == "-" || first == "–" {
                // A dash is a bullet only when a space follows ("- item"), not in "-5" or "–based".
                guard start + length < text.count, text[start + length] == 0x20 else { break }
            }
            if "•·▪◦‣●○■□*-–".unicodeScalars.contains(first) { bullet = true }
            start += length
            while start < text.count, text[start] == 0x20, isLoneSpace(text, at: start) { start += 1 }
        }
        // List enumerators: "a. ", "b) ", "(c) ", "1. " at the start of a line.
        if let k = enumeratorLength(text, from: start) {
            start = k
            bullet = true
        }
        return (start == 0 ? text : Array(text[start...]), bullet)
    }

    /// The line without invisible marks, its runs of white space (of any kind) as one plain
    /// space, and no space at either end.
    static func collapseSpaces(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        // The result is never longer than the line: written straight into its buffer.
        [UInt8](unsafeUninitializedCapacity: raw.count) { out, count in
            raw.withUnsafeBufferPointer { line in
                var n = 0
                var lastSpace = true
                var i = 0
                while i < line.count {
                    let c = line[i]
                    if c < 0x80 {
                        switch c {
                        case 0x00: break                                  // NUL
                        case 0x09, 0x0B, 0x0C, 0x20:
                            if !lastSpace { out[n] = 0x20; n += 1 }
                            lastSpace = true
                        default:
                            out[n] = c; n += 1
                            lastSpace = false
                        }
                        i += 1
                        continue
                    }
                    let (s, length) = UTF8Text.scalar(line, at: i)
                    switch s.value {
                    case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: break    // invisible marks
                    case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                        if !lastSpace { out[n] = 0x20; n += 1 }
                        lastSpace = true
                    default:
                        for k in i..<(i + length) { out[n] = line[k]; n += 1 }
                        lastSpace = false
                    }
                    i += length
                }
                if n > 0 && out[n - 1] == 0x20 { n -= 1 }
                count = n
            }
        }
    }

    /// A bullet, heading mark or decorative symbol that may start a line.
    static func isMark(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? asciiMarks[Int(u.value)] : isMarkScalar(u)
    }

    static func isMarkScalar(_ u: Unicode.Scalar) -> Bool {
        let props = u.properties
        return "•·▪◦‣●○■□►▶→➡*#|»–-".unicodeScalars.contains(u)
            || props.generalCategory == .otherSymbol || props.generalCategory == .mathSymbol
            || props.isVariationSelector || u.value == 0x20E3
    }

    static let asciiMarks: [Bool] = (0..<128).map { isMarkScalar(Unicode.Scalar(UInt8($0))) }

    /// Whether the space at `i` is a Character of its own (not the base of a combining mark),
    /// as `String.first == " "` decides.
    static func isLoneSpace(_ text: [UInt8], at i: Int) -> Bool {
        let next = i + 1
        guard next < text.count, text[next] >= 0x80 else { return true }
        let length = UTF8Text.length(lead: text[next])
        return UTF8Text.string(text[i..<(next + length)]).first == " "
    }

    /// The byte offset after a list enumerator ("a. ", "b) ", "(c) ", "1. ") starting at `start`.
    static func enumeratorLength(_ text: [UInt8], from start: Int) -> Int? {
        // The first five scalars and where each ends.
        var head: [Unicode.Scalar] = []
        var ends: [Int] = []
        var i = start
        while i < text.count && head.count < 5 {
            let (u, length) = UTF8Text.scalar(text, at: i)
            head.append(u)
            i += length
            ends.append(i)
        }
        guard head.count >= 3 else { return nil }
        var k = head[0] == "(" ? 1 : 0
        let markStart = k
        while k < head.count && (head[k].properties.numericType != nil || (k == markStart && head[k].properties.isLowercase)) { k += 1 }
        let markLength = k - markStart
        if markLength >= 1 && markLength <= 2 && k + 1 < head.count && (head[k] == "." || head[k] == ")") && head[k + 1] == " "
            && (markLength == 1 || head[markStart].properties.numericType != nil) {
            return ends[k + 1]
        }
        return nil
    }

    static func words(_ s: String) -> Int {
        var n = 0
        var inWord = false
        for ch in s.unicodeScalars {
            let w = ch != " "
            if w && !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    /// Prose: a line of eight or more words that reads as sentences (ends like a sentence, or is
    /// long), with lowercase words in it — not a heading, menu, byline or caption label.
    static func isProse(_ s: String) -> Bool {
        let (tokens, lower) = wordCounts(s)
        guard tokens >= 8 else { return false }
        // Ends like a sentence, with lowercase words in it (names and titles may fill the rest:
        // "Russian Deputy Foreign Minister Sergei Vershinin met Prime Minister Benjamin Netanyahu in Jerusalem.").
        if endsLikeSentence(s, marks: ".!?…:;"), lower >= 2, lower * 10 >= tokens * 2 { return true }
        return tokens >= 20 && lower * 2 >= tokens
    }

    /// Words, and words starting with a lowercase letter, counted over code points (read from
    /// the UTF-8 bytes: a word is a run of anything but " ").
    static func wordCounts(_ s: String) -> (Int, Int) {
        var s = s
        return s.withUTF8 { b in
            var tokens = 0, lower = 0
            var inWord = false
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x20 { inWord = false; i += 1; continue }
                if !inWord {
                    tokens += 1
                    if c >= 0x61 && c <= 0x7A { lower += 1 }
                    else if c >= 0x80 && Self.isLowerOrCaseless(UTF8Text.scalar(b, at: i).0) { lower += 1 }
                }
                inWord = true
                i += 1
            }
            return (tokens, lower)
        }
    }

    /// A lowercase letter, or a letter of a script without case (Hangul, Han, Arabic, Hebrew,
    /// Thai…): in those scripts every word reads as a lowercase one does.
    static func isLowerOrCaseless(_ u: Unicode.Scalar) -> Bool {
        let props = u.properties
        return props.isLowercase || (props.isAlphabetic && !props.isUppercase && !props.changesWhenCaseMapped)
    }

    /// The last mark before closing quotes and brackets is one of `marks`.
    static func endsLikeSentence(_ s: String, marks: String) -> Bool {
        for u in s.unicodeScalars.reversed() {
            if " \"'”’)]".unicodeScalars.contains(u) { continue }
            return marks.unicodeScalars.contains(u)
        }
        return false
    }

    /// A short sentence: three or more words, a lowercase one among them, ending like a sentence.
    static func isShortProse(_ s: String) -> Bool {
        let (tokens, lower) = wordCounts(s)
        return tokens >= 3 && lower >= 1 && endsLikeSentence(s, marks: ".!?…")
    }

    /// "A B C A B C": a link text written twice (sidebars do this).
    static func isSelfRepeated(_ s: String) -> Bool { isSelfRepeated(Array(s.utf8)) }

    static func isSelfRepeated(_ b: [UInt8]) -> Bool {
        let words = wordRanges(b)
        guard words.count >= 4, words.count % 2 == 0 else { return false }
        let half = words.count / 2
        for k in 0..<half where !sameWord(b[words[k]], b[words[half + k]]) { return false }
        return true
    }

    /// Where the words (runs of bytes other than " ") are.
    static func wordRanges(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int? = nil
        for (i, c) in b.enumerated() {
            if c == 0x20 {
                if let s = start { out.append(s..<i); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(s..<b.count) }
        return out
    }

    /// Words compare as Strings do: equal bytes, or (with non-ASCII letters) canonically equivalent.
    static func sameWord(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        if a.elementsEqual(b) { return true }
        if UTF8Text.isASCII(a) && UTF8Text.isASCII(b) { return false }
        return UTF8Text.string(a) == UTF8Text.string(b)
    }
}
