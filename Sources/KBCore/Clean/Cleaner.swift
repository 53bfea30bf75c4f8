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

    public func clean(_ body: String) -> CleanedArticle {
        var lines: [Line] = []
        var previous = ""
        // Lines split on code points, not characters: grapheme segmentation is the slow part of Character.
        for raw in body.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let (text, bullet) = Self.normalize(Substring(raw))
            if text.isEmpty { continue }
            if text == previous { continue }  // a title or link repeated on the next line
            previous = text
            var action = rules.action(for: text)
            if action == nil && Self.isSelfRepeated(text) { action = .drop }
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
            if line.bullet && !line.prose { continue }  // menu entries
            body.append(line)
        }
        body = Self.largestCluster(body)
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
        var scalars = String.UnicodeScalarView()
        var lastSpace = true
        for s in raw.unicodeScalars {
            switch s.value {
            case 0x0000, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue   // NUL and invisible marks
            case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if !lastSpace { scalars.append(" ") }
                lastSpace = true
            default:
                scalars.append(s)
                lastSpace = false
            }
        }
        while scalars.last == " " { scalars.removeLast() }
        var text = String(scalars)
        var bullet = false
        // Markdown-style heading marks and leading bullets or decorative symbols.
        while let first = text.unicodeScalars.first {
            let props = first.properties
            let isMark = "•·▪◦‣●○■□►▶→➡*#|»–-".unicodeScalars.contains(first)
                || props.generalCategory == .otherSymbol || props.generalCategory == .mathSymbol
                || props.isVariationSelector || first.value == 0x20E3
            guard isMark else { break }
            if first == "-" || first == "–" {
                // A dash is a bullet only when a space follows ("- item"), not in "-5" or "–based".
                guard text.unicodeScalars.dropFirst().first == " " else { break }
            }
            if "•·▪◦‣●○■□*-–".unicodeScalars.contains(first) { bullet = true }
            text = String(text.unicodeScalars.dropFirst())
            while text.first == " " { text.removeFirst() }
        }
        // List enumerators: "a. ", "b) ", "(c) ", "1. " at the start of a line.
        let head = Array(text.unicodeScalars.prefix(5))
        if head.count >= 3 {
            var k = head[0] == "(" ? 1 : 0
            let markStart = k
            while k < head.count && (head[k].properties.numericType != nil || (k == markStart && head[k].properties.isLowercase)) { k += 1 }
            let markLength = k - markStart
            if markLength >= 1 && markLength <= 2 && k + 1 < head.count && (head[k] == "." || head[k] == ")") && head[k + 1] == " "
                && (markLength == 1 || head[markStart].properties.numericType != nil) {
                text = String(text.unicodeScalars.dropFirst(k + 2))
                bullet = true
            }
        }
        return (text, bullet)
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

    /// Words, and words starting with a lowercase letter, counted over code points.
    static func wordCounts(_ s: String) -> (Int, Int) {
        var tokens = 0, lower = 0
        var inWord = false
        for u in s.unicodeScalars {
            if u == " " { inWord = false; continue }
            if !inWord {
                tokens += 1
                if u.value >= 0x61 && u.value <= 0x7A { lower += 1 }
                else if u.value >= 0x80 && u.properties.isLowercase { lower += 1 }
            }
            inWord = true
        }
        return (tokens, lower)
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
    static func isSelfRepeated(_ s: String) -> Bool {
        let tokens = s.unicodeScalars.split(separator: " ").map { String($0) }
        guard tokens.count >= 4, tokens.count % 2 == 0 else { return false }
        let half = tokens.count / 2
        return tokens[..<half].elementsEqual(tokens[half...])
    }
}
