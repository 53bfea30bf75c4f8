import Foundation
import Testing
@testable import KBCore

/// The byte-level scanners that replaced String-building code in the analysis must give exactly
/// what the code they replaced gave. `Legacy` keeps that code (as it was before the rewrite);
/// every test runs both over the seed corpus and over fuzzed text full of what breaks byte
/// scanners: curly quotes, letters beyond ASCII, combining marks, emoji, odd spaces, CR LF, NUL.
@Suite("Fast paths give what the code they replaced gave")
struct PerfEquivalenceTests {
    static let resources = Support.resources

    /// Lines of the seed corpus, and the same lines fuzzed.
    static let lines: [String] = {
        var out: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Support.corpus).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
        for f in files {
            let text = (try? String(contentsOfFile: Support.corpus + "/" + f, encoding: .utf8)) ?? ""
            out += text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        }
        out += Tricky.samples
        var rng = SplitMix(seed: 42)
        let base = out
        for _ in 0..<3 { for line in base { out.append(Tricky.fuzz(line, &rng)) } }
        return out
    }()

    @Test("Cleaner.normalize, DebrisRules.fold and Cleaner.isSelfRepeated")
    func lineHelpers() {
        for line in Self.lines {
            for raw in line.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                let old = Legacy.normalize(Substring(raw))
                let new = Cleaner.normalize(Substring(raw))
                #expect(old == new, "normalize: \(line.debugDescription)")
                #expect(Legacy.fold(old.0) == DebrisRules.fold(old.0), "fold: \(old.0.debugDescription)")
                #expect(Legacy.isSelfRepeated(old.0) == Cleaner.isSelfRepeated(old.0), "isSelfRepeated: \(old.0.debugDescription)")
            }
        }
        for s in ["a b a b", "é b e\u{301} b", "x y z x y z", "A B C A B D", "\u{212A} ; K \u{037E}", "a  b a b"] {
            #expect(Legacy.isSelfRepeated(s) == Cleaner.isSelfRepeated(s), "\(s.debugDescription)")
        }
    }

    @Test("Cleaner.clean on whole texts")
    func clean() {
        let cleaner = Cleaner(rules: Self.resources.debris)
        var rng = SplitMix(seed: 7)
        var texts = [Self.lines.joined(separator: "\n")]
        for _ in 0..<200 {
            var lines: [String] = []
            for _ in 0..<rng.below(40) { lines.append(Self.lines[rng.below(Self.lines.count)]) }
            texts.append(lines.joined(separator: ["\n", "\r\n", "\r", "\n\n"][rng.below(4)]))
        }
        for text in texts {
            #expect(Legacy.clean(text, rules: Self.resources.debris) == cleaner.clean(text))
        }
    }

    @Test("Tokenizer.tokens")
    func tokens() {
        for line in Self.lines {
            let old = Legacy.tokens(line)
            let new = Tokenizer.tokens(line).map { Legacy.TokenFields(text: $0.text, start: $0.start, end: $0.end, kind: $0.kind, lower: $0.lower, isCapitalized: $0.isCapitalized) }
            #expect(old == new, "\(line.debugDescription)")
        }
    }

    @Test("SentenceSplitter.split and QuoteFinder.find")
    func sentencesAndQuotes() {
        let splitter = Self.resources.splitter
        var rng = SplitMix(seed: 11)
        for k in stride(from: 0, to: Self.lines.count, by: 3) {
            let blocks = Array(Self.lines[k..<min(Self.lines.count, k + 1 + rng.below(4))]).map { Cleaner.normalize(Substring($0)).0 }.filter { !$0.isEmpty }
            let old = Legacy.split(blocks: blocks, abbreviations: splitter.abbreviations)
            let new = splitter.split(blocks: blocks)
            #expect(old == new, "\(blocks.debugDescription)")
            #expect(Legacy.quotes(new) == QuoteFinder.find(new), "\(blocks.debugDescription)")
        }
        let quoted = ["“ ” x", "\"  \" said", "“\u{1680}a\u{1680}”", "(\"a\" b) “x", "“a. B,” he said. “C”", "—\"Yes\" — “ ”"]
        let spans = splitter.split(blocks: quoted)
        #expect(Legacy.quotes(spans) == QuoteFinder.find(spans))
    }

    @Test("date phrases are the scalars their offsets cover")
    func datePhrases() {
        let resolver = DateResolver()
        for line in Self.lines {
            let scalars = Array(line.unicodeScalars)
            for e in resolver.resolve(line, publication: KBDate(iso: "2019-06-15"), context: nil) {
                #expect(e.phrase == String(String.UnicodeScalarView(scalars[e.range])), "\(line.debugDescription)")
            }
        }
    }

    @Test("small string predicates")
    func predicates() {
        for line in Self.lines {
            let words = line.split(separator: " ").map(String.init)
            for w in words + [line] {
                #expect(ActorResolver.contains(w, "-") == (w.range(of: "-") != nil), "\(w.debugDescription)")
                #expect(ActorResolver.contains(w, "'") == (w.range(of: "'") != nil), "\(w.debugDescription)")
                #expect(StanceExtractor.startsLowercase(w) == (w.first?.isLowercase == true), "\(w.debugDescription)")
                if w.hasSuffix("s") { #expect(ActorResolver.droppingLastByte(w) == String(w.dropLast()), "\(w.debugDescription)") }
                #expect(ScraperRecord.isBlank(w) == w.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(w.debugDescription)")
                #expect(ScraperRecord.isBlankLine(Array(w.utf8)) == w.allSatisfy { $0.isWhitespace }, "\(w.debugDescription)")
                #expect(TSV.trimmed(Substring(w)) == w.trimmingCharacters(in: .whitespaces), "\(w.debugDescription)")
                for p in ["by ", "source:", "copyright"] {
                    #expect(MetadataFinder.lowercasedHasPrefix(w, p) == w.lowercased().hasPrefix(p), "\(w.debugDescription)")
                }
            }
        }
        for w in ["BY \u{301}x", "By", "by", "", " ", "\u{A0}", "Source:\u{301}", "İby ", "\u{0D4E}s", "ab-\u{345}c", "\u{301}a"] {
            #expect(StanceExtractor.startsLowercase(w) == (w.first?.isLowercase == true))
            #expect(MetadataFinder.lowercasedHasPrefix(w, "by ") == w.lowercased().hasPrefix("by "))
            #expect(ActorResolver.contains(w, "-") == (w.range(of: "-") != nil))
        }
        for v in 0x2000...0x206F {
            let u = Unicode.Scalar(v)!
            #expect(u.properties.lowercaseMapping == String(u), "U+\(String(v, radix: 16)) has a lowercase form")
        }
        for v in 0..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(UTF8Text.isWhitespace(u) == CharacterSet.whitespaces.contains(u))
        }
    }

    @Test("TSV lines split as Characters do")
    func tsvLines() {
        for text in ["a\nb", "a\r\nb\nc\r", "\n\n", "", "x\r\n", "\r\n\n", "é\u{301}\n\u{301}x\n", Self.lines.joined(separator: "\n"),
                     Self.lines.joined(separator: "\r\n"), Self.resources.files["actors/people.tsv"] ?? ""] {
            #expect(TSV.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.prefix(40).debugDescription)")
        }
    }

    @Test("TSV rows: the ASCII fast path reads lines as before")
    func tsvRows() {
        func legacyRows(_ text: String) -> [(Int, [String])] {
            var out: [(Int, [String])] = []
            var n = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                n += 1
                let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
                out.append((n, line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }))
            }
            return out
        }
        var texts = Array(Self.resources.files.values) + ["a\tb\n#c\n \t \n\td\t \n", "x\r\ny\tz\r\n", "é\t\u{301}\n#\u{301}\n\t\u{A0}x\u{A0}\n", "a\rb\tc\r"]
        texts.append(Self.lines.joined(separator: "\n"))
        for text in texts {
            let old = legacyRows(text), new = TSV.rows(text)
            #expect(old.map(\.0) == new.map(\.0) && old.map(\.1) == new.map(\.1), "\(text.prefix(60).debugDescription)")
        }
    }

    @Test("WordIndex answers as a Dictionary does")
    func wordIndex() {
        var dict: [String: Int] = [:]
        for (k, w) in Self.lines.flatMap({ $0.split(separator: " ") }).enumerated() { dict[String(w)] = k }
        dict["\u{212A}elvin"] = -1   // canonically equal to the ASCII "Kelvin"
        dict["caf\u{E9}"] = -2
        let index = WordIndex(dict)
        for key in Array(dict.keys) + ["Kelvin", "cafe\u{301}", "", "zzz", "Israel’s", "the"] {
            #expect(index[key] == dict[key], "\(key.debugDescription)")
            #expect(index[utf8: ArraySlice(key.utf8)] == dict[key], "\(key.debugDescription)")
        }
    }

    @Test("dictionary look-ups: longest forms, titles, publishers")
    func dictionaries() {
        let dictionary = Self.resources.actors
        for line in Self.lines {
            let t = Tokenizer.tokens(line)
            for i in t.indices {
                let old = Legacy.longestMatch(dictionary, t, at: i)
                let new = dictionary.longestMatch(t, at: i)
                #expect(old?.0 == new?.0 && old?.1 == new?.1, "\(line.debugDescription) at \(i)")
            }
            let old = Legacy.publisher(Self.resources.publishers, in: line), new = Self.resources.publishers.find(in: line)
            func offsets(_ r: Range<String.Index>?) -> [Int]? { r.map { [line.utf8.distance(from: line.startIndex, to: $0.lowerBound), line.utf8.distance(from: line.startIndex, to: $0.upperBound)] } }
            #expect(old?.name == new?.name && offsets(old?.range) == offsets(new?.range), "\(line.debugDescription)")
        }
        for title in dictionary.titles.map({ $0.joined(separator: " ") }) + dictionary.roles.values.joined().map(\.title) + ["Minister of Défence", "SPOKESMAN"] {
            #expect(Legacy.normalizeTitle(title) == ActorResolver.normalizeTitle(title))
        }
    }
}

// MARK: - Fuzzing

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

enum Tricky {
    static let pieces = ["’", "‘", "“", "”", "\"", "'", "é", "e\u{301}", "\u{301}", "\u{200B}", "\u{A0}", "\u{2003}", "\u{FEFF}",
                         "\u{AD}", "\0", "\r\n", "\r", "\t", "😀", "👍🏽", "\u{212A}", "İ", "ß", "Σ", "ﬁ", "٣", "—", "–", "‑", "…",
                         "•", "➡️", "#", "*", "(", ")", "-", " ", "  ", "U.S.", "Mr.", "1.", "a)", "(c)", "\u{0D4E}", "\u{0600}",
                         "s", "S", "’s", "'s", "A", "z", ".", "?", "!", "2019", "3,000", "Jan.", "\u{1680}", "\u{3000}", "By ",
                         "Source:", "Copyright", "| ", "»", "►", "+", "~", "\u{FE0F}", "\u{20E3}", "\u{0345}"]

    static let samples = [
        "", " ", "\u{A0}", "\0", "• Home", "- item", "-5 degrees", "–based", "a. first", "(c) third", "1. One", "12) Twelve", "ab. no",
        "➡️ Read more", "#  Heading", "* \u{301}x", "•\u{200B} x", "Israel’s army and Russians’ jets", "U.S.-Israel ties", "Ya’alon’s",
        "“We have to be cautious. We need freedom,” Bennett said.", "He said \"no\" and (\"yes\") — \"maybe\".",
        "ÉLYSÉE said İstanbul’s Σ", "e\u{301}lite e\u{301}lite e\u{301}lite e\u{301}lite", "A B C A B C", "x x", "\u{212A}remlin ; ok",
        "By Zvi Magen | Mar 22, 2025 | INSS Insight | 0 comments", "Copyright © 2024 Foo. All rights reserved.", "Source: Fox News",
        "The 3.5 percent, 70,000 troops, F16s and the 1990’s.", "On Feb. 12, 2019 Gen. Amos Yadlin met the U.N. envoy in Jerusalem.",
        "line\r\nwith CR LF\rand CR", "tab\tseparated\u{2003}em space\u{3000}ideographic", "soft\u{AD}hyphen zero\u{200B}width",
    ]

    static func fuzz(_ s: String, _ rng: inout SplitMix) -> String {
        var scalars = Array(s.unicodeScalars).map { String($0) }
        for _ in 0..<(1 + rng.below(6)) {
            let piece = pieces[rng.below(pieces.count)]
            scalars.insert(piece, at: rng.below(scalars.count + 1))
        }
        return scalars.joined()
    }
}

// MARK: - The code the fast paths replaced

enum Legacy {
    static func normalize(_ raw: Substring) -> (String, Bool) {
        var scalars = String.UnicodeScalarView()
        var lastSpace = true
        for s in raw.unicodeScalars {
            switch s.value {
            case 0x0000, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
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
        while let first = text.unicodeScalars.first {
            let props = first.properties
            let isMark = "•·▪◦‣●○■□►▶→➡*#|»–-".unicodeScalars.contains(first)
                || props.generalCategory == .otherSymbol || props.generalCategory == .mathSymbol
                || props.isVariationSelector || first.value == 0x20E3
            guard isMark else { break }
            if first == "-" || first == "–" {
                guard text.unicodeScalars.dropFirst().first == " " else { break }
            }
            if "•·▪◦‣●○■□*-–".unicodeScalars.contains(first) { bullet = true }
            text = String(text.unicodeScalars.dropFirst())
            while text.first == " " { text.removeFirst() }
        }
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

    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\u{A0}" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            switch u {
            case "\u{2019}", "\u{2018}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "A"..."Z": out.append(Unicode.Scalar(u.value + 32)!)
            default:
                if u.value < 0x80 { out.append(u) } else { out.append(contentsOf: String(u).lowercased().unicodeScalars) }
            }
        }
        return String(out)
    }

    static func action(_ rules: DebrisRules, for line: String) -> DebrisRules.Action? {
        let folded = fold(line)
        if let a = rules.lines[folded] { return a }
        let bytes = Array(folded.utf8)
        for p in rules.others {
            let hit: Bool
            switch p.match {
            case .prefix: hit = bytes.starts(with: p.text)
            case .suffix: hit = bytes.count >= p.text.count && bytes[(bytes.count - p.text.count)...].elementsEqual(p.text)
            case .contains: hit = DebrisRules.contains(bytes, p.text)
            case .line: hit = false
            }
            if hit { return p.action }
        }
        return nil
    }

    static func isSelfRepeated(_ s: String) -> Bool {
        let tokens = s.unicodeScalars.split(separator: " ").map { String($0) }
        guard tokens.count >= 4, tokens.count % 2 == 0 else { return false }
        let half = tokens.count / 2
        return tokens[..<half].elementsEqual(tokens[half...])
    }

    static func clean(_ body: String, rules: DebrisRules) -> CleanedArticle {
        typealias Line = Cleaner.Line
        var lines: [Line] = []
        var previous = ""
        for raw in body.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let (text, bullet) = normalize(Substring(raw))
            if text.isEmpty { continue }
            if text == previous { continue }
            previous = text
            var action = Legacy.action(rules, for: text)
            if action == nil && isSelfRepeated(text) { action = .drop }
            lines.append(Line(text: text, bullet: bullet, prose: Cleaner.isProse(text), action: action))
        }
        if !lines.contains(where: { $0.prose && $0.action == nil }) {
            for k in lines.indices where lines[k].action == nil && Cleaner.isShortProse(lines[k].text) { lines[k].prose = true }
        }
        guard let start = lines.firstIndex(where: { $0.prose && $0.action == nil && !($0.bullet && Cleaner.words($0.text) < 8) }) else {
            return CleanedArticle(blocks: [], header: lines.filter { $0.action == nil }.map(\.text), trailer: [])
        }
        let header = lines[..<start].filter { $0.action == nil }.map(\.text)
        var body: [Line] = []
        var end = lines.count
        for i in start..<lines.count {
            let line = lines[i]
            if line.action == .end { end = i; break }
            if line.action != nil { continue }
            if line.bullet && !line.prose { continue }
            body.append(line)
        }
        body = Cleaner.largestCluster(body)
        var trailer: [String] = []
        while let last = body.last, !last.prose { trailer.insert(last.text, at: 0); body.removeLast() }
        trailer += lines[end...].map(\.text)
        return CleanedArticle(blocks: body.map(\.text), header: header, trailer: trailer)
    }

    struct TokenFields: Equatable {
        var text: String, start: Int, end: Int, kind: Token.Kind, lower: String, isCapitalized: Bool
    }

    static func token(_ text: String, _ start: Int, _ end: Int, _ kind: Token.Kind) -> TokenFields {
        let lower = text.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? text.lowercased() : text
        let first = text.unicodeScalars.first
        let cap = first.map { $0.value < 0x80 ? ($0.value >= 0x41 && $0.value <= 0x5A) : $0.properties.isUppercase } ?? false
        return TokenFields(text: text, start: start, end: end, kind: kind, lower: lower, isCapitalized: cap)
    }

    static func tokens(_ sentence: String) -> [TokenFields] {
        let s = Array(sentence.unicodeScalars)
        var out: [TokenFields] = []
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
                    if j + 1 < n, isWordChar(s[j + 1]) {
                        if d == "-" || d == "‑" { allDigits = false; j += 1; continue }
                        if isApostrophe(d) {
                            let isPossessive = (s[j + 1] == "s" || s[j + 1] == "S") && (j + 2 >= n || !isWordChar(s[j + 2]))
                            if isPossessive { break }
                            j += 1; continue
                        }
                        if d == "." && !isDigit(s[j + 1]) && j - i <= 3 && !allDigits { j += 1; continue }
                        if (d == "." || d == ",") && allDigits && isDigit(s[j + 1]) { j += 1; continue }
                    }
                    break
                }
                var view = String.UnicodeScalarView()
                var hasDot = false
                for k in i..<j {
                    let u = s[k]
                    if u == "." { hasDot = true }
                    view.append(u == "’" ? "'" : u)
                }
                if j < n, s[j] == ".", hasDot, j - i <= 5 { view.append("."); j += 1 }
                let text = String(view)
                out.append(token(text, i, j, allDigits ? .number : .word))
                i = j
                if i + 1 < n, isApostrophe(s[i]), s[i + 1] == "s" || s[i + 1] == "S", i + 2 >= n || !isWordChar(s[i + 2]) {
                    out.append(token("'s", i, i + 2, .possessive))
                    i += 2
                } else if i < n, isApostrophe(s[i]), text.hasSuffix("s"), i + 1 >= n || !isWordChar(s[i + 1]) {
                    out.append(token("'", i, i + 1, .possessive))
                    i += 1
                }
            } else if c == " " || c == "\n" || c == "\t" {
                i += 1
            } else {
                out.append(token(String(c), i, i + 1, .punct))
                i += 1
            }
        }
        return out
    }

    static func split(blocks: [String], abbreviations: Set<String>) -> [SentenceSpan] {
        var out: [SentenceSpan] = []
        var offset = 0
        for (p, block) in blocks.enumerated() {
            let scalars = Array(block.unicodeScalars)
            for r in ranges(scalars, abbreviations) {
                var s = r.lowerBound, e = r.upperBound
                while s < e && scalars[s] == " " { s += 1 }
                while e > s && scalars[e - 1] == " " { e -= 1 }
                if s == e { continue }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[s..<e])
                out.append(SentenceSpan(ordinal: out.count, paragraph: p, start: offset + s, end: offset + e, text: String(text)))
            }
            offset += scalars.count + 2
        }
        return out
    }

    static func ranges(_ s: [Unicode.Scalar], _ abbreviations: Set<String>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var begin = 0
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < n && (s[j] == "." || s[j] == "!" || s[j] == "?" || SentenceSplitter.isClosing(s[j])) { j += 1 }
            guard j < n else { break }
            guard s[j] == " " else { i = j; continue }
            var k = j
            while k < n && s[k] == " " { k += 1 }
            guard k < n else { break }
            let next = s[k]
            let nextStartsSentence = SentenceSplitter.isUpper(next) || next.properties.numericType != nil || SentenceSplitter.isOpening(next)
            if nextStartsSentence && (c != "." || j > i + 1 || !isAbbreviation(s, period: i, next: k, abbreviations)) {
                out.append(begin..<j)
                begin = k
            }
            i = k
        }
        if begin < n { out.append(begin..<n) }
        return out
    }

    static func isAbbreviation(_ s: [Unicode.Scalar], period: Int, next: Int, _ abbreviations: Set<String>) -> Bool {
        var a = period
        while a > 0 && s[a - 1] != " " && !SentenceSplitter.isOpening(s[a - 1]) { a -= 1 }
        let word = s[a..<period]
        guard !word.isEmpty else { return false }
        if word.count == 1, let w = word.first, SentenceSplitter.isUpper(w) { return true }
        if word.contains(".") && word.allSatisfy({ $0 == "." || SentenceSplitter.isLetter($0) }) && word.count <= 6 {
            var e = next
            while e < s.count && SentenceSplitter.isLetter(s[e]) { e += 1 }
            var following = String.UnicodeScalarView()
            following.append(contentsOf: s[next..<e])
            return !SentenceSplitter.starters.contains(String(following))
        }
        var lowered = String.UnicodeScalarView()
        lowered.append(contentsOf: word)
        return abbreviations.contains(String(lowered).lowercased())
    }

    static func quotes(_ sentences: [SentenceSpan]) -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        var p = 0
        while p < sentences.count {
            var q = p
            while q + 1 < sentences.count && sentences[q + 1].paragraph == sentences[p].paragraph { q += 1 }
            var chars: [(Int, Unicode.Scalar, Int)] = []
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

    static func longestMatch(_ d: ActorDictionary, _ tokens: [Token], at i: Int) -> (Int, [ActorDictionary.Hit])? {
        guard let longest = d.maxTokens[tokens[i].text] else { return nil }
        var n = min(longest, tokens.count - i)
        while n >= 1 {
            var key = tokens[i].text
            if n > 1 {
                var ok = true
                for k in (i + 1)..<(i + n) {
                    if tokens[k].kind == .possessive { ok = false; break }
                    key += " " + tokens[k].text
                }
                if !ok { n -= 1; continue }
            }
            if let hits = d.index[key] { return (n, hits) }
            n -= 1
        }
        return nil
    }

    static func normalizeTitle(_ title: String) -> String {
        var t = title.lowercased()
        for (a, b) in [("defence", "defense"), ("minister of foreign affairs", "foreign minister"), ("foreign affairs minister", "foreign minister"),
                       ("minister of defense", "defense minister"), ("foreign office", "foreign ministry"), ("spokeswoman", "spokesperson"),
                       ("spokesman", "spokesperson"), ("advisor", "adviser"), ("secretary general", "secretary-general")] {
            t = t.replacingOccurrences(of: a, with: b)
        }
        return t
    }

    static func publisher(_ p: PublisherDictionary, in line: String) -> (name: String, range: Range<String.Index>)? {
        for (alias, name) in p.aliases where alias.count >= 2 {
            var from = line.startIndex
            while let r = line.range(of: alias, range: from..<line.endIndex) {
                let before = r.lowerBound == line.startIndex ? " " : line[line.index(before: r.lowerBound)]
                let after = r.upperBound == line.endIndex ? " " : line[r.upperBound]
                if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return (name, r) }
                from = r.upperBound
            }
        }
        return nil
    }
}
