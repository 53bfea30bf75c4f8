// kb-fuzz: feeds random and mutated articles to kb's reader, cleaner, sentence splitter,
// tokenizer, date resolver and whole article processor, and checks that nothing crashes and
// that what comes out is well-formed (see Fuzzer.check*). Deterministic: case N of seed S is
// always the same input, so any failure is reproduced with `--seed S --start N --count 1`.
//
//   swift build -c release --product kb-fuzz
//   .build/release/kb-fuzz --seed 1 --count 100000 [--corpus corpus] [--quiet]
//
// Prints one line per failure and a final "N cases, F failures"; exits 1 when F > 0. A crash
// prints the case it happened in before the process dies. The short run in
// Tests/KBCoreTests/FuzzTests.swift uses the same Fuzzer.

import Foundation
import KBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: small, fast, and the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One generated input and what checking it found.
struct FuzzOutcome {
    var index: Int
    var kind: String
    var input: String
    var problems: [String]
}

struct Fuzzer {
    let resources: Resources
    let processor: ArticleProcessor
    let cleaner: Cleaner
    let resolver = DateResolver()
    /// The seed articles that mutations start from (the corpus/ files).
    let articles: [[UInt8]]

    init(resources: Resources, articles: [[UInt8]]) {
        self.resources = resources
        processor = ArticleProcessor(resources: resources)
        cleaner = Cleaner(rules: resources.debris)
        self.articles = articles.isEmpty ? [Array(Self.fallbackArticle.utf8)] : articles
    }

    /// The corpus files of a folder (any file but the manifest), in name order.
    static func loadArticles(folder: String) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".csv") }
            .compactMap { FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent($0)).map { Array($0) } }
    }

    static let fallbackArticle = """
        Israel struck targets near Damascus on Monday, the army said in a statement on Tuesday.

        Russia's foreign ministry warned on Jan. 5 that further strikes would destabilise the region, and Iran's president said last week that sanctions had failed.
        """

    // MARK: the run

    /// Runs cases start..<start+count of `seed`, calling `onCase` after each.
    func run(seed: UInt64, start: Int = 0, count: Int, onCase: (FuzzOutcome) -> Void) {
        for index in start..<(start + count) {
            CrashNote.set(seed: seed, index: index)
            onCase(runCase(seed: seed, index: index))
        }
        CrashNote.clear()
    }

    /// Case `index` of `seed`: its own generator, so that any case can be run alone.
    func runCase(seed: UInt64, index: Int) -> FuzzOutcome {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        _ = rng.next()
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<30: return documentCase(index, &rng)
        case 30..<50: return textCase(index, &rng, mutated: true)
        case 50..<65: return textCase(index, &rng, mutated: false)
        case 65..<90: return dateCase(index, &rng)
        default: return tokenCase(index, &rng)
        }
    }

    // MARK: cases

    /// Mutated bytes of a corpus article, wrapped in a random format, read by DocumentReader
    /// and put through the whole article processor.
    func documentCase(_ index: Int, _ rng: inout SplitMix64) -> FuzzOutcome {
        var bytes = window(of: articles.randomElement(using: &rng)!, &rng)
        for _ in 0..<Int.random(in: 0...4, using: &rng) { mutate(&bytes, &rng) }
        let formats = ["txt", "md", "html", "json", "jsonl"]
        let ext = formats.randomElement(using: &rng)!
        bytes = wrap(bytes, as: ext, &rng)
        let path = "/fuzz/case-\(index).\(ext)"
        var problems: [String] = []
        for result in DocumentReader.read(bytes: bytes, path: path) {
            switch result {
            case .failure(let error):
                let message = error.localizedDescription
                if !message.contains(path) { problems.append("read error does not name the file: \(message)") }
            case .success(let doc):
                problems += checkDocument(doc, path: path, &rng)
            }
        }
        return FuzzOutcome(index: index, kind: "document .\(ext)", input: Self.show(bytes), problems: problems)
    }

    /// A mutated (or wholly random) text through cleaner → splitter → tokenizer → dates.
    func textCase(_ index: Int, _ rng: inout SplitMix64, mutated: Bool) -> FuzzOutcome {
        let text: String
        if mutated {
            var bytes = window(of: articles.randomElement(using: &rng)!, &rng)
            for _ in 0..<Int.random(in: 1...6, using: &rng) { mutate(&bytes, &rng) }
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            text = randomText(&rng, pieces: Int.random(in: 1...300, using: &rng))
        }
        var problems: [String] = []
        let cleaned = cleaner.clean(text)
        problems += Self.checkBlocks(cleaned.blocks)
        let sentences = resources.splitter.split(blocks: cleaned.blocks)
        problems += Self.checkSentences(sentences, cleanText: cleaned.text, blocks: cleaned.blocks.count)
        let publication = randomPublication(&rng)
        var context: KBDate?
        for s in sentences {
            problems += Self.checkTokens(Tokenizer.tokens(s.text), in: s.text)
            let dates = resolver.resolve(s.text, publication: publication, context: context)
            problems += Self.checkDates(dates, in: s.text)
            context = dates.last?.date ?? context
        }
        return FuzzOutcome(index: index, kind: mutated ? "mutated text" : "random text", input: Self.show(Array(text.utf8)), problems: problems)
    }

    /// A sentence dense with date words, numbers and punctuation, resolved against a random
    /// publication date and context.
    func dateCase(_ index: Int, _ rng: inout SplitMix64) -> FuzzOutcome {
        var words: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                words.append(Self.palette.randomElement(using: &rng)!)
            } else {
                words.append(Self.dateWords.randomElement(using: &rng)!)
            }
        }
        var sentence = ""
        for w in words {
            let glue = Int.random(in: 0..<6, using: &rng)
            sentence += (sentence.isEmpty || glue == 0) ? w : " " + w
        }
        let publication = randomPublication(&rng)
        let context = Bool.random(using: &rng) ? randomPublication(&rng) : nil
        let dates = resolver.resolve(sentence, publication: publication, context: context)
        var problems = Self.checkDates(dates, in: sentence)
        problems += Self.checkTokens(Tokenizer.tokens(sentence), in: sentence)
        return FuzzOutcome(index: index, kind: "dates (publication \(publication?.iso ?? "none"), context \(context?.iso ?? "none"))",
                           input: Self.show(Array(sentence.utf8)), problems: problems)
    }

    /// Random scalars (any plane, any category) through the tokenizer and splitter.
    func tokenCase(_ index: Int, _ rng: inout SplitMix64) -> FuzzOutcome {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...200, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: scalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng)))
            case 1: scalars.append(contentsOf: Self.palette.randomElement(using: &rng)!.unicodeScalars)
            default:
                var v = UInt32.random(in: 0...0x10FFFF, using: &rng)
                if (0xD800...0xDFFF).contains(v) { v = 0xFFFD }
                scalars.append(Unicode.Scalar(v)!)
            }
        }
        let text = String(scalars)
        var problems = Self.checkTokens(Tokenizer.tokens(text), in: text)
        let blocks = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        let sentences = resources.splitter.split(blocks: blocks)
        problems += Self.checkSentences(sentences, cleanText: blocks.joined(separator: "\n\n"), blocks: blocks.count)
        problems += Self.checkDates(resolver.resolve(text, publication: randomPublication(&rng)), in: text)
        return FuzzOutcome(index: index, kind: "random scalars", input: Self.show(Array(text.utf8)), problems: problems)
    }

    // MARK: checks

    func checkDocument(_ doc: RawDocument, path: String, _ rng: inout SplitMix64) -> [String] {
        var supplied: SourceMetadata?
        if Int.random(in: 0..<4, using: &rng) == 0 {
            var m = SourceMetadata()
            // As a manifest supplies it: a real date (MetadataDate.parse refuses others).
            m.published = randomPublication(&rng).flatMap { $0.isValid ? Sourced($0, .user) : nil }
            m.title = Bool.random(using: &rng) ? Sourced(randomText(&rng, pieces: 5), .user) : nil
            supplied = m
        }
        let p: ProcessedSource
        do {
            p = try processor.process(doc, supplied: supplied)
        } catch {
            let message = (error as? KBError)?.localizedDescription ?? "\(error)"
            return message.contains(path) ? [] : ["processing error does not name the file: \(message)"]
        }
        var problems = Self.checkSentences(p.sentences, cleanText: p.cleanText, blocks: Int.max)
        if p.cleanText.isEmpty { problems.append("a processed source with empty clean text") }
        if p.sentences.isEmpty { problems.append("a processed source without sentences") }
        if let d = p.metadata.published?.value, !d.isValid { problems.append("invalid publication date \(d.iso)") }
        for m in p.actors.mentions {
            guard m.sentence >= 0, m.sentence < p.sentences.count else {
                problems.append("actor mention in sentence \(m.sentence) of \(p.sentences.count)")
                continue
            }
            let sentence = Array(p.sentences[m.sentence].text.unicodeScalars)
            if !(0 <= m.start && m.start < m.end && m.end <= sentence.count) {
                problems.append("actor mention \(m.start)..<\(m.end) outside its sentence of \(sentence.count) code points")
            }
        }
        for c in p.actors.candidates {
            guard c.sentence >= 0, c.sentence < p.sentences.count else {
                problems.append("actor candidate in sentence \(c.sentence) of \(p.sentences.count)")
                continue
            }
            let count = p.sentences[c.sentence].text.unicodeScalars.count
            if !(0 <= c.start && c.start <= c.end && c.end <= count) {
                problems.append("actor candidate \(c.start)..<\(c.end) outside its sentence of \(count) code points")
            }
        }
        return problems
    }

    static func checkBlocks(_ blocks: [String]) -> [String] {
        var problems: [String] = []
        for (i, b) in blocks.enumerated() {
            if b.isEmpty { problems.append("block \(i) is empty") }
            if b.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { problems.append("block \(i) contains a line break") }
            if b.hasPrefix(" ") || b.hasSuffix(" ") { problems.append("block \(i) starts or ends with a space") }
        }
        return problems
    }

    /// Offsets inside the clean text and equal to the sentence text; ordinals 0…n-1; sentences
    /// in order, not overlapping, not empty, in a paragraph that exists.
    static func checkSentences(_ sentences: [SentenceSpan], cleanText: String, blocks: Int) -> [String] {
        let text = Array(cleanText.unicodeScalars)
        var problems: [String] = []
        var previousEnd = 0, previousParagraph = 0
        for (i, s) in sentences.enumerated() {
            if s.ordinal != i { problems.append("sentence \(i) has ordinal \(s.ordinal)") }
            guard 0 <= s.start, s.start < s.end, s.end <= text.count else {
                problems.append("sentence \(i) offsets \(s.start)..<\(s.end) outside the clean text of \(text.count) code points")
                continue
            }
            if Array(s.text.unicodeScalars) != Array(text[s.start..<s.end]) {
                problems.append("sentence \(i) text differs from the clean text at \(s.start)..<\(s.end)")
            }
            if s.start < previousEnd { problems.append("sentence \(i) overlaps the previous one") }
            if s.paragraph < previousParagraph || s.paragraph >= blocks { problems.append("sentence \(i) in paragraph \(s.paragraph)") }
            if s.text.unicodeScalars.first == " " || s.text.unicodeScalars.last == " " { problems.append("sentence \(i) starts or ends with a space") }
            previousEnd = s.end
            previousParagraph = s.paragraph
        }
        return problems
    }

    /// Tokens are non-empty, in order, not overlapping, inside the sentence.
    static func checkTokens(_ tokens: [Token], in sentence: String) -> [String] {
        let count = sentence.unicodeScalars.count
        var problems: [String] = []
        var previousEnd = 0
        for (i, t) in tokens.enumerated() {
            if !(t.start < t.end && t.start >= previousEnd && t.end <= count) {
                problems.append("token \(i) '\(t.text)' at \(t.start)..<\(t.end) (previous ended at \(previousEnd), sentence has \(count) code points)")
            }
            if t.text.isEmpty { problems.append("token \(i) is empty") }
            previousEnd = max(previousEnd, t.end)
        }
        return problems
    }

    /// Ranges inside the sentence, in order, the phrase is the text at the range, dates real.
    static func checkDates(_ dates: [TemporalExpression], in sentence: String) -> [String] {
        let scalars = Array(sentence.unicodeScalars)
        var problems: [String] = []
        var previousEnd = 0
        for (i, d) in dates.enumerated() {
            guard d.range.lowerBound >= 0, d.range.upperBound <= scalars.count, !d.range.isEmpty else {
                problems.append("date \(i) range \(d.range) outside the sentence of \(scalars.count) code points")
                continue
            }
            if d.range.lowerBound < previousEnd { problems.append("date \(i) overlaps the previous one") }
            previousEnd = d.range.upperBound
            if Array(d.phrase.unicodeScalars) != Array(scalars[d.range]) {
                problems.append("date \(i) phrase '\(d.phrase)' is not the text at \(d.range)")
            }
            if !d.date.isValid { problems.append("date \(i) '\(d.phrase)' resolved to an impossible date \(d.date.iso)") }
            if (1...9999).contains(d.date.year), KBDate(iso: d.date.iso) != d.date {
                problems.append("date \(i) '\(d.phrase)' → \(d.date.iso) does not read back")
            }
        }
        return problems
    }

    // MARK: generators

    /// A random slice of an article: usually a few dozen bytes to 1.5 KB, sometimes whole.
    func window(of article: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        if article.count < 64 || Int.random(in: 0..<150, using: &rng) == 0 { return article }
        let length = min(article.count, Int.random(in: 32...1500, using: &rng))
        let start = Int.random(in: 0...(article.count - length), using: &rng)
        return Array(article[start..<(start + length)])
    }

    func mutate(_ b: inout [UInt8], _ rng: inout SplitMix64) {
        let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !b.isEmpty:  // flip a bit
            b[at] ^= 1 << UInt8.random(in: 0...7, using: &rng)
        case 1 where !b.isEmpty:  // delete a span
            let n = min(b.count - at, Int.random(in: 1...64, using: &rng))
            b.removeSubrange(at..<(at + n))
        case 2 where !b.isEmpty:  // duplicate a span elsewhere
            let n = min(b.count - at, Int.random(in: 1...200, using: &rng))
            let span = Array(b[at..<(at + n)])
            b.insert(contentsOf: span, at: Int.random(in: 0...b.count, using: &rng))
        case 3:  // insert unicode from the palette
            b.insert(contentsOf: Array(Self.palette.randomElement(using: &rng)!.utf8), at: at)
        case 4:  // insert invalid UTF-8
            b.insert(contentsOf: Self.invalidUTF8.randomElement(using: &rng)!, at: at)
        case 5:  // replace a byte with a line break of some kind
            let breaks: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0A], [0xE2, 0x80, 0xA8], [0xC2, 0x85], [0x0C]]
            if !b.isEmpty { b.remove(at: at) }
            b.insert(contentsOf: breaks.randomElement(using: &rng)!, at: min(at, b.count))
        case 6 where b.count > 1:  // truncate
            b.removeSubrange(at...)
        case 7:  // splice in part of another article
            b.insert(contentsOf: window(of: articles.randomElement(using: &rng)!, &rng).prefix(500), at: at)
        default:  // a random byte
            b.insert(UInt8.random(in: 0...255, using: &rng), at: at)
        }
    }

    /// Puts article bytes in the given format, with random metadata.
    func wrap(_ body: [UInt8], as ext: String, _ rng: inout SplitMix64) -> [UInt8] {
        let text = String(decoding: body, as: UTF8.self)
        let date = Self.metadataDates.randomElement(using: &rng)!
        switch ext {
        case "md":
            return Array("---\ntitle: \(randomText(&rng, pieces: 4))\ndate: \(date)\nauthors: [A, B]\n---\n".utf8) + body
        case "html":
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let paragraphs = escaped.components(separatedBy: "\n\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
            let head = "<html><head><meta charset=\"utf-8\"><title>\(randomText(&rng, pieces: 3))</title><meta property=\"article:published_time\" content=\"\(date)\"></head>"
            var html = Array((head + "<body><nav><a href=/>Home</a></nav><article>\(paragraphs)</article></body></html>").utf8)
            if Int.random(in: 0..<4, using: &rng) == 0 { mutate(&html, &rng) }  // broken markup too
            return html
        case "json", "jsonl":
            func record(_ t: String) -> String {
                let object: [String: Any] = ["id": "r\(Int.random(in: 0..<5, using: &rng))", "text": t, "date": date, "title": randomText(&rng, pieces: 3)]
                return String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
            }
            var records = [record(text)]
            if Bool.random(using: &rng) { records.append(record(randomText(&rng, pieces: 40))) }
            var out = Array((ext == "json" ? "[" + records.joined(separator: ",") + "]" : records.joined(separator: "\n")).utf8)
            if Int.random(in: 0..<4, using: &rng) == 0 { mutate(&out, &rng) }  // broken JSON too
            return out
        default:
            return body
        }
    }

    func randomText(_ rng: inout SplitMix64, pieces: Int) -> String {
        var s = ""
        for _ in 0..<pieces {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5: s += Self.words.randomElement(using: &rng)!
            case 5, 6: s += Self.dateWords.randomElement(using: &rng)!
            case 7: s += Self.palette.randomElement(using: &rng)!
            case 8: s += [". ", ", ", "\n", "\n\n", "? ", "! ", "… ", "\" ", "’s "].randomElement(using: &rng)!
            default: s += " "
            }
            if Int.random(in: 0..<3, using: &rng) > 0 { s += " " }
        }
        return s
    }

    func randomPublication(_ rng: inout SplitMix64) -> KBDate? {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return nil
        case 1: return KBDate(year: Int.random(in: 1...9999, using: &rng))
        case 2: return KBDate(year: Int.random(in: 1990...2030, using: &rng), month: Int.random(in: 1...12, using: &rng))
        case 3: return KBDate(year: 2019, month: Int.random(in: 0...14, using: &rng), day: Int.random(in: 0...32, using: &rng))  // may be invalid
        case 4: return [KBDate(year: 1, month: 1, day: 1), KBDate(year: 9999, month: 12, day: 31), KBDate(year: 2020, month: 2, day: 29)].randomElement(using: &rng)!
        default:
            let y = Int.random(in: 1990...2030, using: &rng), m = Int.random(in: 1...12, using: &rng)
            return KBDate(year: y, month: m, day: Int.random(in: 1...KBDate.daysIn(year: y, month: m), using: &rng))
        }
    }

    static let words = ["Israel", "struck", "targets", "near", "Damascus", "the", "army", "said", "in", "a", "statement",
                        "Russia's", "foreign", "ministry", "warned", "that", "further", "strikes", "would", "Iran’s",
                        "president", "Netanyahu", "Putin", "U.S.", "U.N.", "Mr.", "Dr.", "Gen.", "Hezbollah", "Syrian",
                        "officials", "Prime", "Minister", "Deputy", "Foreign", "Sergei", "Ryabkov", "of", "and", "to",
                        "Moscow", "Tehran", "Washington", "Kremlin", "Israelis", "Palestinian", "Hamas", "Gaza", "by", "with"]

    static let dateWords = ["on", "Monday", "Tuesday", "Sunday", "last", "next", "this", "week", "month", "year", "ago",
                            "days", "later", "earlier", "a", "day", "prior", "in", "January", "Jan.", "Jan", "Feb",
                            "February", "Sept.", "December", "May", "March", "2019", "2018", "1999", "2000", "0", "00",
                            "31", "30", "29", "28", "1st", "2nd", "23rd", "31st", "mid-2018", "early", "late", "since",
                            "until", "by", "the", "summer", "spring", "winter", "of", "that", "two", "three", "weeks",
                            "months", "years", "decades", "yesterday", "today", "tomorrow", ",", ".", "-", "/", "12/25",
                            "2019-02-30", "2019-02-28", "1/1/2020", "9999", "10000", "0000", "99999999999999999999",
                            "-1", "Q1", "first", "quarter", "end", "beginning", "weekend", "night", "morning", "after",
                            "before", "around", "about", "nearly", "some", "former", "past", "coming", "previous",
                            "following", "same", "1990s", "’90s", "2010s", "century", "19th", "AD", "BC", "am", "pm",
                            "10:30", "fortnight", "eve", "Christmas", "Ramadan", "Feb.", "29th", "2020", "2021", "1"]

    static let metadataDates = ["2019-02-21", "2019-02-30", "2019", "2019-13", "Feb 21, 2019", "21 February 2019",
                                "2019-02-21T10:00:00Z", "", "yesterday", "0000-00-00", "9999-12-31", "2020-02-29", "2019-02-29"]

    /// Unicode that trips text code: combining marks, emoji and ZWJ sequences, flags, RTL and
    /// bidi controls, NUL, BOM, soft hyphen, odd spaces and line separators, letters that
    /// change length when cased, digits of other scripts, markup and JSON escapes.
    static let palette = ["\u{0301}", "\u{0308}\u{0323}", "e\u{0301}", "\u{0345}", "\u{1F600}", "\u{1F1EE}\u{1F1F1}",
                          "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F44D}\u{1F3FD}", "\u{200F}", "\u{202E}",
                          "\u{2066}", "שלום", "مرحبا", "\u{0000}", "\u{FEFF}", "\u{00AD}", "\u{200B}", "\u{200D}",
                          "\u{2028}", "\u{2029}", "\u{0085}", "\r\n", "\r", "\n\n", "\t", "\u{00A0}", "\u{3000}", "\u{202F}",
                          "…", "“", "”", "‘", "’", "'", "\"", "«", "»", "ǅ", "ﬁ", "İ", "ß", "Σ", "ŉ", "٣", "१२", "Ⅻ", "½",
                          "¹", "𝟘", "—", "–", "‑", "-", "...", "?!", "!!!", ".", " ", "  ", "A", "a", "1", "#", "* ",
                          "• ", "1. ", "(a) ", "> ", "---\n", "<p>", "</p>", "<script>", "&amp;", "&#0;", "{", "}", "[",
                          "]", ",", ":", "\\", "\\u0000", "\\ud800", "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{FE0F}",
                          "\u{20E3}", "\u{1D11E}", "ㅤ", "\u{0600}", "\u{070F}"]

    static let invalidUTF8: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1], [0xE2, 0x82], [0xED, 0xA0, 0x80],
                                         [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
                                         [0xFE], [0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98]]

    /// The input, escaped and shortened, for a failure line.
    static func show(_ bytes: [UInt8], limit: Int = 240) -> String {
        var s = ""
        for b in bytes.prefix(limit) {
            switch b {
            case 0x20...0x7E where b != 0x5C: s.append(Character(Unicode.Scalar(b)))
            case 0x0A: s += "\\n"
            default: s += String(format: "\\x%02X", b)
            }
        }
        return bytes.count > limit ? s + "… (\(bytes.count) bytes)" : s
    }
}

/// What to print if a case crashes the process: the seed and case, preformatted so that the
/// signal handler only has to write(2) it.
enum CrashNote {
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    nonisolated(unsafe) static var length = 0

    static func set(seed: UInt64, index: Int) {
        let note = "\nkb-fuzz: crashed in case \(index) of seed \(seed); reproduce with: kb-fuzz --seed \(seed) --start \(index) --count 1\n"
        let bytes = Array(note.utf8.prefix(256))
        bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
        length = bytes.count
    }

    static func clear() { length = 0 }

    static func install() {
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { sig in
                if CrashNote.length > 0 { _ = write(STDERR_FILENO, CrashNote.buffer, CrashNote.length) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}

// MARK: command line

/// Parses the arguments, runs the cases, prints failures and the final count; the exit status.
func fuzzCommandLine(_ argv: [String]) -> Int32 {
    func usage() -> Int32 {
        FileHandle.standardError.write(Data("usage: kb-fuzz [--seed N] [--count N] [--start N] [--corpus DIR] [--quiet]\n".utf8))
        return 2
    }
    var seed: UInt64 = 1
    var count = 100_000
    var start = 0
    var quiet = false
    var corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "corpus").path
    var arguments = argv.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--quiet": quiet = true
        case "--seed": guard let v = arguments.popFirst().flatMap({ UInt64($0) }) else { return usage() }; seed = v
        case "--count": guard let v = arguments.popFirst().flatMap({ Int($0) }), v >= 0 else { return usage() }; count = v
        case "--start": guard let v = arguments.popFirst().flatMap({ Int($0) }), v >= 0 else { return usage() }; start = v
        case "--corpus": guard let v = arguments.popFirst() else { return usage() }; corpus = v
        default: return usage()
        }
    }
    CrashNote.install()
    let fuzzer: Fuzzer
    do {
        fuzzer = Fuzzer(resources: try Resources(), articles: Fuzzer.loadArticles(folder: corpus))
    } catch {
        FileHandle.standardError.write(Data("kb-fuzz: \(error.localizedDescription)\n".utf8))
        return 1
    }
    let began = Date()
    var failures = 0
    var done = 0
    fuzzer.run(seed: seed, start: start, count: count) { outcome in
        done += 1
        if !outcome.problems.isEmpty {
            failures += 1
            print("case \(outcome.index) (\(outcome.kind)): \(outcome.problems.joined(separator: "; "))\n  input: \(outcome.input)")
        }
        if !quiet && done % 10_000 == 0 {
            FileHandle.standardError.write(Data("kb-fuzz: \(done) cases, \(failures) failures, \(String(format: "%.0f", Date().timeIntervalSince(began))) s\n".utf8))
        }
    }
    print("\(done) cases, \(failures) failure\(failures == 1 ? "" : "s")")
    return failures == 0 ? 0 : 1
}

exit(fuzzCommandLine(CommandLine.arguments))
