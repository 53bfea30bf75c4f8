/// Dictionaries/events/cues.tsv and filters.tsv, indexed by first word.
public struct EventCues: Sendable {
    public enum Part: String, Sendable { case verb, noun }
    public struct Cue: Sendable, Equatable {
        public var type: EventType
        public var cameo: String
        public var part: Part
        public var words: [String]     // lowercased tokens
        public var mode: String?
    }

    var byFirst: [String: [Cue]] = [:]
    public private(set) var filters: [String: Set<String>] = [:]
    /// `byFirst`, and the filter classes of each word, for the look-ups of every token.
    var cuesByFirstWord = WordIndex<[Cue]>([:])
    var classesByWord = WordIndex<[String]>([:])
    /// Lowercased token sequences of body nouns ("forces", "air force").
    public private(set) var bodies: [[String]] = []

    public init(cues: String, filters filterText: String, bodies bodyText: String) throws {
        for (n, f) in TSV.rows(cues) {
            guard f.count >= 4, let type = EventType(rawValue: f[0]), let part = Part(rawValue: f[2]) else {
                throw KBError.dictionary(file: "events/cues.tsv", line: n, reason: "expected: type <tab> cameo <tab> verb|noun <tab> forms <tab> mode")
            }
            let mode = f.count > 4 && !f[4].isEmpty ? f[4] : nil
            for form in TSV.list(f[3]) {
                let words = Tokenizer.tokens(form.lowercased()).map(\.text)
                guard let first = words.first else { continue }
                byFirst[first, default: []].append(Cue(type: type, cameo: f[1], part: part, words: words, mode: mode))
            }
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.words.count > $1.words.count } }
        for (n, f) in TSV.rows(filterText) {
            guard f.count >= 2 else { throw KBError.dictionary(file: "events/filters.tsv", line: n, reason: "expected: class <tab> words") }
            filters[f[0], default: []].formUnion(TSV.list(f[1]).map { $0.lowercased() })
        }
        var classes: [String: [String]] = [:]
        for (cls, words) in filters.sorted(by: { $0.key < $1.key }) { for w in words { classes[w, default: []].append(cls) } }
        cuesByFirstWord = WordIndex(byFirst)
        classesByWord = WordIndex(classes)
        bodies = bodyText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { Tokenizer.tokens($0.lowercased()).map(\.text) }
            .sorted { $0.count > $1.count }
    }

    /// Cues starting at token i, longest first.
    func cues(_ t: [Token], at i: Int) -> [Cue] {
        guard let list = cuesByFirstWord[t[i].lower] else { return [] }
        return list.filter { c in
            guard i + c.words.count <= t.count else { return false }
            for (k, w) in c.words.enumerated() where t[i + k].lower != w { return false }
            return true
        }
    }

    func has(_ cls: String, _ word: String) -> Bool { classesByWord[word]?.contains(cls) == true }

    /// The length of a body noun at token i ("air force" → 2), if any.
    func bodyLength(_ t: [Token], at i: Int) -> Int? {
        for b in bodies where i + b.count <= t.count {
            var ok = true
            for (k, w) in b.enumerated() where t[i + k].lower != w { ok = false; break }
            if ok { return b.count }
        }
        return nil
    }
}
