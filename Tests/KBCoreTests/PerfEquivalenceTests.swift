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
        // Keys longer than every key are answered without hashing: long ASCII keys, and long keys
        // equal to a shorter one only through canonical equivalence (three Kelvin signs are "KKK").
        let longest = dict.keys.map(\.utf8.count).max()!
        let long = String(repeating: "x", count: longest + 1)
        for key in Array(dict.keys) + ["Kelvin", "cafe\u{301}", "", "zzz", "Israel’s", "the", long, long + "\u{E9}",
                                        String(repeating: "\u{212A}", count: 3), "KKK", "KKKK"] {
            #expect(index[key] == dict[key], "\(key.debugDescription)")
            #expect(index[utf8: ArraySlice(key.utf8)] == dict[key], "\(key.debugDescription)")
        }
        let kelvins = WordIndex(["KKK": 1, "caf\u{E9}": 2])
        #expect(kelvins[String(repeating: "\u{212A}", count: 3)] == 1)   // 9 bytes for a 3-byte key
        #expect(kelvins["cafe\u{301}"] == 2)
        #expect(kelvins["KKKK"] == nil && kelvins[long] == nil)
    }

    @Test("DebrisRules.contains finds what a naive search finds")
    func horspool() {
        var rng = SplitMix(seed: 8)   // seeded: a failure can be replayed
        let alphabet = Array("abc ".utf8)
        for _ in 0..<3_000 {
            let hay = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let needle = (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let naive = needle.isEmpty || (hay.count >= needle.count && (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) })
            #expect(DebrisRules.contains(hay, needle) == naive, "\(String(decoding: hay, as: UTF8.self).debugDescription) \(String(decoding: needle, as: UTF8.self).debugDescription)")
        }
        let rules = try! DebrisRules(tsv: "contains\tdrop\twe use cookies\ncontains\tend\tall rights reserved\n")
        #expect(rules.action(for: "This site: We Use Cookies to improve it") == .drop)
        #expect(rules.action(for: "© 2019 Example Media. All rights reserved.") == .end)
        #expect(rules.action(for: "All rights reserve") == nil)
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

    @Test("SHA-256: known vectors, and the old implementation on random inputs")
    func sha256() {
        let abc448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (abc448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (text, hex) in vectors {
            #expect(SHA256.hex(text) == hex, "\(text.prefix(20).debugDescription)")
            #expect(SHA256.hex(Array(text.utf8)) == hex)
            #expect(SHA256.hex(text.utf8) == hex)                  // a Sequence without contiguous storage on every platform
            #expect(SHA256.hex(AnySequence(text.utf8)) == hex)     // no contiguous storage: the copying path
            #expect(LegacySHA256.hex(Array(text.utf8)) == hex)
        }
        var rng = SplitMix(seed: 256)
        for length in 0...300 {
            for _ in 0..<3 {
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                #expect(SHA256.digest(bytes) == LegacySHA256.digest(bytes), "length \(length)")
                #expect(SHA256.hex(bytes) == LegacySHA256.hex(bytes), "length \(length)")
                #expect(SHA256.hex(bytes[...]) == LegacySHA256.hex(bytes), "length \(length)")
            }
        }
        for line in Self.lines.prefix(2000) { #expect(SHA256.hex(line) == LegacySHA256.hex(Array(line.utf8))) }
    }

    @Test("DateTokenizer.tokenize reads bytes as UTF8Scalars did")
    func dateTokens() {
        var lines = Self.lines
        lines += ["On 3 March 2019, 70,000 troops; 3.5% in the 1990’s and the ’90s.", "F16s, A320 won’t be 2nd; he’ll go on Feb. 12th", "x\u{2019}s 5’S é2019ü"]
        for line in lines {
            var old: [DateToken] = [], new: [DateToken] = []
            let a = LegacyDateTokenizer.tokenize(UTF8Scalars(line), into: &old)
            let b = DateTokenizer.tokenize(UTF8Scalars(line), into: &new)
            #expect(a == b, "\(line.debugDescription)")
            #expect(old.map { "\($0)" } == new.map { "\($0)" }, "\(line.debugDescription)")
        }
    }

    @Test("hyphen parts split as String.split does")
    func hyphenSplit() {
        var words = Self.lines.flatMap { $0.split(separator: " ").map(String.init) }
        words += ["", "-", "--", "a-", "-a", "U.S.-Israel", "Russo-Israeli", "e\u{301}-x", "-\u{301}", "\r\n-\r\n", "a\u{200D}-b", "Ｉsrael-Iran"]
        for w in words {
            #expect(ActorResolver.hyphenSplit(w) == w.split(separator: "-", omittingEmptySubsequences: false).map(String.init), "\(w.debugDescription)")
        }
    }

    @Test("ActorResolver.resolve through WordFacts gives what the old look-ups gave")
    func actorResolution() {
        let dictionary = Self.resources.actors
        let new = ActorResolver(dictionary: dictionary)
        let old = LegacyActorResolver(dictionary: dictionary)
        let splitter = Self.resources.splitter
        let dates: [KBDate?] = [nil, KBDate(year: 2013), KBDate(year: 2019, month: 6), KBDate(year: 2022, month: 3, day: 1), KBDate(year: 2025, month: 2, day: 20)]
        // Whole seed articles (people are remembered and learned across sentences), then runs of fuzzed lines.
        var articles: [[String]] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Support.corpus).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
        for f in files {
            let text = (try? String(contentsOfFile: Support.corpus + "/" + f, encoding: .utf8)) ?? ""
            articles.append(text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init))
        }
        #expect(articles.count > 0)
        var rng = SplitMix(seed: 99)
        for k in stride(from: 0, to: Self.lines.count, by: 25) { articles.append(Array(Self.lines[k..<min(Self.lines.count, k + 25)])) }
        for _ in 0..<150 {
            var lines: [String] = []
            for _ in 0..<(1 + rng.below(30)) { lines.append(Self.lines[rng.below(Self.lines.count)]) }
            articles.append(lines)
        }
        // Words that exercise the plural, title and canonical-equivalence paths.
        articles.append(["The Russians and the Israelis met the Iranians’ envoys in Moscow.", "Russians’ jets flew over \u{212A}remlin walls.",
                         "Deputy Foreign Minister Sergei Vershinin said. Russian Deputy Foreign Minister Sergei Ryabkov met Netanyahu.",
                         "The prime minister and the Foreign Minister met the Israeli Defence Minister in Jerusalem.",
                         "Netanyahu met Putin. Then the president said Assad and Lavrov agreed. Bennett visited Sochi.",
                         "US-Israel and Russo-Israeli ties, the Israel-Lebanon border, U.S.-Iran talks.", "Iss Russ Russs Israelis’ İsraelis Ru\u{301}ssians"])
        var compared = 0
        for (n, lines) in articles.enumerated() {
            let blocks = lines.map { Cleaner.normalize(Substring($0)).0 }.filter { !$0.isEmpty }
            let sentences = splitter.split(blocks: blocks)
            let date = dates[n % dates.count]
            let a = old.resolve(sentences: sentences, date: date), b = new.resolve(sentences: sentences, date: date)
            #expect(a.mentions == b.mentions, "\(n): \(blocks.prefix(3).debugDescription)")
            #expect(a.candidates == b.candidates, "\(n): \(blocks.prefix(3).debugDescription)")
            #expect(a.learned == b.learned, "\(n)")
            #expect(a.tokens == b.tokens, "\(n)")
            compared += b.mentions.count
        }
        #expect(compared > 500)
        // The single look-ups, word by word.
        for line in Self.lines {
            let t = Tokenizer.tokens(line)
            for i in t.indices where t[i].kind == .word {
                #expect(new.titleLength(t, at: i) == old.titleLength(t, at: i), "\(line.debugDescription) at \(i)")
                let p = new.pluralMatch(t, at: i, entry: dictionary.wordFacts[t[i].text]), q = old.pluralMatch(t, at: i)
                #expect(p?.0 == q?.0 && p?.1 == q?.1, "\(line.debugDescription) at \(i)")
            }
        }
        for (idx, _) in dictionary.actors.enumerated() {
            for date in dates { #expect(dictionary.country(of: idx, on: date) == old.legacyCountry(of: idx, on: date)) }
        }
    }
}

// MARK: - Fuzzing

struct SplitMix: RandomNumberGenerator {
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

/// SHA-256 as it was before the compression loop was rewritten.
enum LegacySHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        digest(Array(bytes)).map { b in
            let s = String(b, radix: 16)
            return b < 16 ? "0" + s : s
        }.joined()
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for i in (0..<8).reversed() { data.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        var w = [UInt32](repeating: 0, count: 64)
        data.withUnsafeBufferPointer { buf in
            var chunk = 0
            while chunk < buf.count {
                for i in 0..<16 {
                    let j = chunk + i * 4
                    w[i] = UInt32(buf[j]) << 24 | UInt32(buf[j + 1]) << 16 | UInt32(buf[j + 2]) << 8 | UInt32(buf[j + 3])
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
                chunk += 64
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for v in h { out += [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)] }
        return out
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

/// ActorResolver as it was before its look-ups went through `ActorDictionary.wordFacts` (with
/// `Legacy.longestMatch` and the old `country(of:on:)`): the reference for its equivalence test.
struct LegacyActorResolver {
    let dictionary: ActorDictionary
    let normalizedTitles: [String: String]

    init(dictionary: ActorDictionary) {
        self.dictionary = dictionary
        var normalized: [String: String] = [:]
        for title in dictionary.titles.map({ $0.joined(separator: " ") }) + dictionary.roles.values.joined().map(\.title) {
            let lower = title.lowercased()
            if normalized[lower] == nil { normalized[lower] = ActorResolver.normalizeTitle(lower) }
        }
        normalizedTitles = normalized
    }

    func legacyCountry(of actorIndex: Int, on date: KBDate?) -> String? {
        let a = dictionary.actors[actorIndex]
        guard a.kind == .person else { return a.country }
        if let role = dictionary.roles(of: a.key, on: date).first(where: { $0.country != nil }) { return role.country }
        return a.country
    }

    final class State {
        var seenPeople: [String: Int] = [:]            // surname or name → actor index (dictionary)
        var learnedByName: [String: Int] = [:]          // surname/full name → index into learned
        var learned: [ActorEntry] = []
        var lastPeople: [Int] = []                      // recently mentioned dictionary people, newest last
    }

    public func resolve(sentences: [SentenceSpan], date: KBDate?) -> ActorResolution {
        var out = ActorResolution()
        let state = State()
        for s in sentences {
            let tokens = Tokenizer.tokens(s.text)
            out.tokens.append(tokens)
            resolveSentence(s, tokens, date: date, state: state, into: &out)
        }
        out.learned = state.learned
        return out
    }

    func resolveSentence(_ s: SentenceSpan, _ t: [Token], date: KBDate?, state: State, into out: inout ActorResolution) {
        var i = 0
        var pendingTitle: (title: String, range: Range<Int>, affiliation: ActorMention?)? = nil
        // A heading ("Security Calculations in Syria Drive Israel’s Policy") is capitalized throughout: no candidate names from it.
        let isSentence = Cleaner.endsLikeSentence(s.text, marks: ".!?…")
        while i < t.count {
            let tok = t[i]
            guard tok.kind == .word else { i += 1; continue }

            // A title ("Deputy Foreign Minister", "commander", "the prime minister").
            if let n = titleLength(t, at: i) {
                let title = t[i..<(i + n)].map(\.text).joined(separator: " ")
                let affiliation = out.mentions.last.flatMap { m -> ActorMention? in
                    guard m.sentence == s.ordinal, m.kind != .person else { return nil }
                    // Adjacent, or separated by a possessive: "Israel’s Ambassador", "Russian Deputy Foreign Minister".
                    var k = m.tokens.upperBound
                    while k < i && (t[k].kind == .possessive || ["former", "then", "senior", "top", "retired", "acting"].contains(t[k].lower)) { k += 1 }
                    return k == i ? m : nil
                }
                let next = i + n
                if next < t.count, t[next].kind == .word, t[next].isCapitalized, titleLength(t, at: next) == nil {
                    pendingTitle = (title, i..<next, affiliation)
                    i = next
                    continue
                }
                // A title alone refers to a person: resolve by affiliation and role, or to the last such person.
                // (Unresolved, "the Russian Foreign Office spokeswoman" still names Russia through its adjective.)
                if let person = personByTitle(title, affiliation: affiliation?.country, date: date, state: state, tokens: t, at: i) {
                    out.mentions.append(mention(s, t, i..<next, actor: person, form: .title, date: date))
                }
                i = next
                continue
            }

            // A dictionary form, longest first.
            if let (n, hits) = Legacy.longestMatch(dictionary, t, at: i) ?? pluralMatch(t, at: i) {
                if let chosen = choose(hits, t, i, n, title: pendingTitle?.title, date: date, state: state) {
                    var m = mention(s, t, i..<(i + n), actor: chosen.actor, form: mentionForm(chosen.form), date: date)
                    m.title = pendingTitle?.title
                    if dictionary.actors[chosen.actor].kind == .person {
                        if chosen.form == .name || pendingTitle != nil { remember(chosen.actor, state) }
                        state.lastPeople.append(chosen.actor)
                    }
                    m.isLocation = isLocation(m, t, i, n) || continuesLocation(m, t, i, out.mentions)
                    out.mentions.append(m)
                } else if let learned = learnedPerson(t, i..<(i + n), state: state) {
                    out.mentions.append(learnedMention(s, t, i..<(i + n), learned, state: state))
                } else {
                    out.candidates.append(ActorCandidate(sentence: s.ordinal, start: t[i].start, end: t[i + n - 1].end,
                                                         surface: span(s, t, i..<(i + n)), reason: "ambiguous name"))
                }
                pendingTitle = nil
                i += n
                continue
            }

            // Hyphenated compounds: "U.S.-Israel", "Israel-Russia", "Russo-Israeli".
            if ActorResolver.contains(tok.text, "-"), let parts = hyphenParts(s, tok, i, t, date: date) {
                out.mentions += parts
                i += 1
                pendingTitle = nil
                continue
            }

            // Capitalized words the dictionary lacks: a person learned from the text, or a candidate.
            if tok.isCapitalized {
                var j = i
                while j < t.count, t[j].kind == .word, t[j].isCapitalized || t[j].text.hasPrefix("al-") || t[j].text == "bin", j - i < 4,
                      Legacy.longestMatch(dictionary, t, at: j) == nil, titleLength(t, at: j) == nil { j += 1 }
                let name = t[i..<j].map(\.text).joined(separator: " ")
                if let learned = learnedPerson(t, i..<j, state: state) {
                    out.mentions.append(learnedMention(s, t, i..<j, learned, state: state))
                } else if let k = (i + 1..<j).first(where: { learnedPerson(t, $0..<j, state: state) != nil }), let learned = learnedPerson(t, k..<j, state: state) {
                    // "Head of Communications Altun", "Prof Fahrettin Altun": a learned name at the run's end.
                    out.mentions.append(learnedMention(s, t, k..<j, learned, state: state))
                } else if j - i >= 2, let p = pendingTitle, let aff = p.affiliation?.country ?? p.affiliation.flatMap({ dictionary.actor(key: $0.actorKey)?.country }),
                          MetadataFinder.isPersonName(name) {
                    // "Russian Deputy Foreign Minister Sergei Vershinin": a new person with that affiliation.
                    let key = "learned:" + ActorResolver.slug(name)
                    let entry = ActorEntry(key: key, name: name, kind: .person, country: aff, gender: nil, learned: true)
                    state.learned.append(entry)
                    let idx = state.learned.count - 1
                    state.learnedByName[name] = idx
                    state.learnedByName[t[j - 1].text] = idx
                    var m = learnedMention(s, t, i..<j, idx, state: state)
                    m.title = p.title
                    out.mentions.append(m)
                } else if isSentence, j - i >= 2, j - i <= 3, pendingTitle == nil, MetadataFinder.isPersonName(name),
                          t[i..<j].allSatisfy({ !ActorResolver.notCandidate.contains($0.text) && !ActorResolver.contains($0.text, "-") || $0.text.hasPrefix("al-") }),
                          let aff = ActorResolver(dictionary: dictionary).appositiveAffiliation(t, after: j, date: date) {
                    // Learning from an apposition came after the look-ups changed: the reference takes it as it is.
                    let key = "learned:" + ActorResolver.slug(name)
                    let entry = ActorEntry(key: key, name: name, kind: .person, country: aff.country, gender: nil, learned: true)
                    state.learned.append(entry)
                    let idx = state.learned.count - 1
                    state.learnedByName[name] = idx
                    state.learnedByName[t[j - 1].text] = idx
                    var m = learnedMention(s, t, i..<j, idx, state: state)
                    m.title = aff.title
                    out.mentions.append(m)
                } else if isSentence, j - i >= 2, j - i <= 3, MetadataFinder.isPersonName(name), t[i..<j].allSatisfy({ !ActorResolver.notCandidate.contains($0.text) && !ActorResolver.contains($0.text, "-") || $0.text.hasPrefix("al-") }),
                          j == t.count || t[j].kind != .word || !t[j].isCapitalized {
                    out.candidates.append(ActorCandidate(sentence: s.ordinal, start: t[i].start, end: t[j - 1].end, surface: name,
                                                         reason: pendingTitle == nil ? "name with no affiliation" : "title with no affiliation"))
                }
                pendingTitle = nil
                i = max(j, i + 1)
                continue
            }
            pendingTitle = nil
            i += 1
        }
    }

    // MARK: - Pieces

    func mentionForm(_ f: AliasForm) -> ActorMention.Form {
        switch f { case .name: return .name; case .adjective: return .adjective; case .seat: return .seat; case .surname: return .surname }
    }

    func span(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>) -> String {
        if r.count == 1 && t[r.lowerBound].kind == .word && !ActorResolver.contains(t[r.lowerBound].text, "'") { return t[r.lowerBound].text }
        let u = s.text.unicodeScalars
        let a = u.index(u.startIndex, offsetBy: t[r.lowerBound].start)
        let b = u.index(a, offsetBy: t[r.upperBound - 1].end - t[r.lowerBound].start)
        return String(u[a..<b])
    }

    func mention(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>, actor: Int, form: ActorMention.Form, date: KBDate?) -> ActorMention {
        let a = dictionary.actors[actor]
        return ActorMention(sentence: s.ordinal, tokens: r, start: t[r.lowerBound].start, end: t[r.upperBound - 1].end,
                            surface: span(s, t, r), actorKey: a.key, form: form, country: legacyCountry(of: actor, on: date),
                            kind: a.kind, isLocation: false, title: nil)
    }

    func learnedMention(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>, _ idx: Int, state: State) -> ActorMention {
        let a = state.learned[idx]
        return ActorMention(sentence: s.ordinal, tokens: r, start: t[r.lowerBound].start, end: t[r.upperBound - 1].end,
                            surface: span(s, t, r), actorKey: a.key, form: r.count == 1 ? .surname : .name, country: a.country,
                            kind: .person, isLocation: false, title: nil)
    }

    func learnedPerson(_ t: [Token], _ r: Range<Int>, state: State) -> Int? {
        let name = t[r].map(\.text).joined(separator: " ")
        return state.learnedByName[name]
    }

    func remember(_ actor: Int, _ state: State) {
        let a = dictionary.actors[actor]
        state.seenPeople[a.name] = actor
        if let last = a.name.split(separator: " ").last { state.seenPeople[String(last)] = actor }
    }

    /// "Russians" → "Russian" (adjective forms only).
    func pluralMatch(_ t: [Token], at i: Int) -> (Int, [ActorDictionary.Hit])? {
        let w = t[i].text
        // A word that ends with "s" ends with the byte "s": asked first, it is cheap.
        guard ActorResolver.lastByte(w) == 0x73, w.hasSuffix("s"), w.count > 3,
              let hits = dictionary.hitsByForm[ActorResolver.droppingLastByte(w)] else { return nil }
        let adj = hits.filter { $0.form == .adjective }
        return adj.isEmpty ? nil : (1, adj)
    }

    /// Picks the actor a form names here. Surnames need a first full mention, a title, or to be unique.
    func choose(_ hits: [ActorDictionary.Hit], _ t: [Token], _ i: Int, _ n: Int, title: String?, date: KBDate?, state: State) -> ActorDictionary.Hit? {
        let full = hits.filter { $0.form != .surname }
        if let h = full.first(where: { dictionary.actors[$0.actor].kind != .person }) ?? full.first { return h }
        let surname = t[i..<(i + n)].map(\.text).joined(separator: " ")
        if let seen = state.seenPeople[surname], let h = hits.first(where: { $0.actor == seen }) { return h }
        if hits.count == 1 { return hits[0] }
        // Several people share the surname: the one whose role on the date fits the title, or the only one in office.
        let inOffice = hits.filter { !dictionary.roles(of: dictionary.actors[$0.actor].key, on: date).isEmpty }
        if let title {
            let wanted = normalizedTitle(title)
            let fit = inOffice.filter { h in dictionary.roles(of: dictionary.actors[h.actor].key, on: date).contains { normalizedTitle($0.title).hasSuffix(wanted) } }
            if fit.count == 1 { return fit[0] }
        }
        return inOffice.count == 1 ? inOffice[0] : nil
    }

    /// Longest title at token i (case-insensitive), if any.
    func titleLength(_ t: [Token], at i: Int) -> Int? {
        guard let candidates = dictionary.titlesByFirstWord[t[i].lower] else { return nil }
        for title in candidates where i + title.count <= t.count {
            var ok = true
            for (k, w) in title.enumerated() where t[i + k].lower != w { ok = false; break }
            if ok {
                // A capitalized title word that is also a dictionary name start ("General Assembly") is not a title.
                if title.count == 1, t[i].isCapitalized, i + 1 < t.count, Legacy.longestMatch(dictionary, t, at: i).map({ $0.0 > 1 }) == true { return nil }
                return title.count
            }
        }
        return nil
    }

    /// "the prime minister" / "Russia's foreign minister": the person holding that office on the date.
    func personByTitle(_ title: String, affiliation: String?, date: KBDate?, state: State, tokens t: [Token], at i: Int) -> Int? {
        let wanted = normalizedTitle(title)
        guard !["leader", "head", "chief", "commander", "director", "general", "minister", "official", "mr.", "mrs.", "ms.", "dr."].contains(wanted) else { return nil }
        // Only a reference: "the …" or an affiliation before it.
        let before = i > 0 ? t[i - 1].lower : ""
        guard affiliation != nil || before == "the" else { return nil }
        if let country = affiliation, let date {
            var found: Set<Int> = []
            for (key, roles) in dictionary.roles where roles.contains(where: { $0.country == country && $0.covers(date) && normalizedTitle($0.title) == wanted }) {
                if let idx = dictionary.keyIndex[key] { found.insert(idx) }
            }
            return found.count == 1 ? found.first : nil
        }
        for p in state.lastPeople.reversed() {
            if dictionary.roles(of: dictionary.actors[p].key, on: date).contains(where: { normalizedTitle($0.title) == wanted }) { return p }
        }
        return nil
    }

    /// `normalizeTitle`, looked up for the titles the dictionary knows.
    func normalizedTitle(_ title: String) -> String {
        let lower = title.lowercased()
        return normalizedTitles[lower] ?? ActorResolver.normalizeTitle(lower)
    }

    /// A place named as a location rather than as an actor.
    func isLocation(_ m: ActorMention, _ t: [Token], _ i: Int, _ n: Int) -> Bool {
        let prev = i > 0 ? t[i - 1].lower : ""
        let prev2 = i > 1 ? t[i - 2].lower : ""
        let next = i + n < t.count ? t[i + n].lower : ""
        let nextIsPossessive = i + n < t.count && t[i + n].kind == .possessive
        if nextIsPossessive { return false }
        switch m.form {
        case .seat:
            let p = prev == "the" ? prev2 : prev
            if ActorResolver.locatives.contains(p) || ActorResolver.motion.contains(p) { return true }
            if ActorResolver.venueNouns.contains(next) || next == "talks" || next == "process" || next == "accords" { return true }
            if p == "of" && ActorResolver.directions.contains(prev == "the" ? (i > 2 ? t[i - 3].lower : "") : prev2) { return true }
            return ActorResolver.placeNouns.contains(next)
        case .name where m.kind == .state:
            let p = prev == "the" ? prev2 : prev
            if ActorResolver.locatives.contains(p) && p != "at" { return true }
            if ActorResolver.regions.contains(prev) && (ActorResolver.locatives.contains(prev2) || prev2 == "from") { return true }
            return ActorResolver.placeNouns.contains(next)
        case .name where m.kind == .international_organization || m.kind == .organization:
            if ActorResolver.venueNouns.contains(next) { return true }
            return prev == "at" || (prev == "the" && prev2 == "at")
        default:
            return false
        }
    }

    /// "Syria and Lebanon" after "in" or "from southern": a place joined to a place is a place.
    func continuesLocation(_ m: ActorMention, _ t: [Token], _ i: Int, _ previous: [ActorMention]) -> Bool {
        guard m.kind == .state || m.form == .seat, i > 0, ["and", "or", ","].contains(t[i - 1].lower),
              let last = previous.last, last.sentence == m.sentence, last.isLocation, last.tokens.upperBound == i - 1 else { return false }
        return true
    }

    /// "U.S.-Israel", "Israel-Russia", "Russo-Israeli": each part that names a state.
    func hyphenParts(_ s: SentenceSpan, _ tok: Token, _ i: Int, _ tokens: [Token], date: KBDate?) -> [ActorMention]? {
        var out: [ActorMention] = []
        var offset = tok.start
        let parts = tok.text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, dictionary.hyphenRelations.contains(parts[1].lowercased()) { return nil }
        for part in parts {
            let word = String(part)
            let len = word.unicodeScalars.count
            if let hits = dictionary.wordHits(word) ?? dictionary.wordHits(word + "."),
               let h = hits.first(where: { dictionary.actors[$0.actor].kind != .person && $0.form != .surname }) {
                let a = dictionary.actors[h.actor]
                out.append(ActorMention(sentence: s.ordinal, tokens: i..<(i + 1), start: offset, end: offset + len, surface: word,
                                        actorKey: a.key, form: mentionForm(h.form), country: a.country, kind: a.kind, isLocation: false, title: nil))
            }
            offset += len + 1
        }
        if out.isEmpty { return nil }
        // "the Israel-Lebanon border": the parts are places.
        if i + 1 < tokens.count, ActorResolver.placeNouns.contains(tokens[i + 1].lower) {
            for j in out.indices { out[j].isLocation = true }
        }
        return out
    }

}

/// DateTokenizer as it was before it read the bytes through an unsafe buffer pointer.
/// Single-pass scanner over the sentence's Unicode scalars (decoded from its UTF-8 bytes).
enum LegacyDateTokenizer {
    /// Fills `tokens`; returns false when the sentence holds no digit and no date keyword,
    /// in which case nothing in it can be a date.
    static func tokenize(_ s: String, into tokens: inout [DateToken]) -> Bool {
        tokenize(UTF8Scalars(s), into: &tokens)
    }

    static func tokenize(_ sc: UTF8Scalars, into tokens: inout [DateToken]) -> Bool {
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
                if let p = tokens.last, !space, p.kind == .word { t.attachedLeft = true }
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

