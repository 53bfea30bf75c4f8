/// The stance dictionaries (Dictionaries/stances): attribution cues, the polarity lexicon and topics.
public struct StanceLexicon: Sendable {
    public enum Kind: String, Sendable { case verb, nounFrom = "noun-from", according }
    public struct Cue: Sendable {
        public var words: [String]
        public var act: EventType
        public var polarity: String      // support, oppose, neutral, content
        public var kind: Kind
    }
    public struct Topic: Sendable {
        public var key: String
        public var label: String
        public var words: [[String]]
        public var actors: [String]
        public var also: [[String]]
    }

    var cuesByFirst: [String: [Cue]] = [:]
    /// Phrases (lowercased tokens) with +1 (support) or -1 (oppose), longest first.
    var polarity: [String: [([String], Int)]] = [:]
    /// `cuesByFirst` and `polarity` for the look-ups of every token.
    var cuesByFirstWord = WordIndex<[Cue]>([:])
    var polarityByFirstWord = WordIndex<[([String], Int)]>([:])
    public private(set) var topics: [Topic] = []

    public init(cues: String, polarity polarityText: String, topics topicText: String) throws {
        for (n, f) in TSV.rows(cues) {
            guard f.count >= 4, let act = EventType(rawValue: f[1]), let kind = Kind(rawValue: f[3]),
                  ["support", "oppose", "neutral", "content"].contains(f[2]) else {
                throw KBError.dictionary(file: "stances/cues.tsv", line: n, reason: "expected: forms <tab> act <tab> support|oppose|neutral|content <tab> verb|noun-from|according")
            }
            for form in TSV.list(f[0]) {
                let words = Tokenizer.tokens(form.lowercased()).map(\.text)
                guard let first = words.first else { continue }
                cuesByFirst[first, default: []].append(Cue(words: words, act: act, polarity: f[2], kind: kind))
            }
        }
        for k in cuesByFirst.keys { cuesByFirst[k]!.sort { $0.words.count > $1.words.count } }
        for (n, f) in TSV.rows(polarityText) {
            guard f.count >= 2, f[1] == "support" || f[1] == "oppose" else {
                throw KBError.dictionary(file: "stances/polarity.tsv", line: n, reason: "expected: phrase <tab> support|oppose")
            }
            let words = Tokenizer.tokens(f[0].lowercased()).map(\.text)
            guard let first = words.first else { continue }
            polarity[first, default: []].append((words, f[1] == "support" ? 1 : -1))
        }
        for k in polarity.keys { polarity[k]!.sort { $0.0.count > $1.0.count } }
        cuesByFirstWord = WordIndex(cuesByFirst)
        polarityByFirstWord = WordIndex(polarity)
        for (n, f) in TSV.rows(topicText) {
            guard f.count >= 3 else { throw KBError.dictionary(file: "stances/topics.tsv", line: n, reason: "expected: key <tab> label <tab> words <tab> actors <tab> also") }
            let split = { (s: String) in TSV.list(s).map { Tokenizer.tokens($0.lowercased()).map(\.text) } }
            topics.append(Topic(key: f[0], label: f[1], words: split(f[2]),
                                actors: f.count > 3 ? f[3].split(separator: " ").map(String.init) : [],
                                also: f.count > 4 ? split(f[4]) : []))
        }
    }

    func cues(_ t: [Token], at i: Int) -> [Cue] {
        guard let list = cuesByFirstWord[t[i].lower] else { return [] }
        return list.filter { c in
            guard i + c.words.count <= t.count else { return false }
            for (k, w) in c.words.enumerated() where t[i + k].lower != w { return false }
            return true
        }
    }

    static let negations: WordSet = ["not", "n't", "never", "no", "without", "hardly", "refused", "refrained", "declined"]
    /// "not", "never", … and contractions: "aren't", "didn't", "won't".
    static func isNegation(_ word: String) -> Bool { negations.contains(word) || word.hasSuffix("n't") }

    /// Sum of the polarity of the words in tokens[r]: phrases first, single words reversed by a negation before them.
    func score(_ t: [Token], _ r: Range<Int>) -> (support: Int, oppose: Int) {
        var sup = 0, opp = 0
        var i = r.lowerBound
        while i < r.upperBound {
            var matched = 0
            for (words, value) in polarityByFirstWord[t[i].lower] ?? [] where i + words.count <= r.upperBound {
                var ok = true
                for (k, w) in words.enumerated() where t[i + k].lower != w { ok = false; break }
                guard ok else { continue }
                var v = value
                let window = t[max(r.lowerBound, i - 3)..<i].map(\.lower)
                if window.contains(where: Self.isNegation) && !(words.count > 1 && words.contains("never")) { v = -v }
                if v > 0 { sup += 1 } else { opp += 1 }
                matched = words.count
                break
            }
            i += max(matched, 1)
        }
        return (sup, opp)
    }
}
