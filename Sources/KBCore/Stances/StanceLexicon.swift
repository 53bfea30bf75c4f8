/// The stance dictionaries (Dictionaries/stances), by lemma: the reporting and position
/// predicates (`predicates.tsv`), the words that set or turn a content's polarity
/// (`polarity-words.tsv`), the topic concepts (`topics.tsv`), and the event nouns that make a
/// content about a class of acts (read from `Dictionaries/events/lexicon/*.tsv`, see `EventNouns`).
public struct StanceLexicon: Sendable {
    public enum Part: String, Sendable { case verb, noun }
    /// One row of predicates.tsv.
    public struct Predicate: Sendable {
        /// The cue as written in the file: "say", "call for", "express+concern", "press conference".
        public var cue: String
        /// The lemmas matched in text order: ["call", "for"]; for a light verb, the verb alone.
        public var lemmas: [String]
        /// For a `verb+noun` row: the noun (or adjective) that makes the predicate.
        public var light: String?
        public var part: Part
        public var act: EventType
        /// support, oppose, neutral, or content (the words said decide).
        public var polarity: String
        /// UD slots holding the content: ccomp, xcomp, obj, obl:PREP, nmod:PREP, acl, quote, head.
        public var slots: [String]
    }
    public enum Effect: Sendable { case support, oppose, invert }
    public struct Topic: Sendable {
        public var key: String
        public var label: String
        public var words: [[String]]
        public var actors: [String]
        public var also: [[String]]
    }

    /// Verb rows by their first lemma, longest first.
    var verbs: [String: [Predicate]] = [:]
    /// `verb+noun` rows: verb lemma → noun lemma → row.
    var lightVerbs: [String: [String: Predicate]] = [:]
    /// Noun rows by their last (head) lemma, longest first.
    var nouns: [String: [Predicate]] = [:]
    /// Polarity words and phrases by first lemma, longest first.
    var polarityWords: [String: [([String], Effect)]] = [:]
    public private(set) var topics: [Topic] = []
    public let eventNouns: EventNouns
    /// Body nouns (actors/bodies.txt): "the ministry", "the army" point back to a state.
    public let bodies: Set<String>

    /// Reads the files under their paths in the dictionary folder ("stances/predicates.tsv", …).
    public init(files: [String: String]) throws {
        func file(_ name: String) throws -> String {
            guard let text = files[name] else { throw KBError.dictionary(file: name, line: 0, reason: "missing dictionary file") }
            return text
        }
        for (n, f) in TSV.rows(try file("stances/predicates.tsv")) {
            guard f.count >= 5, let part = Part(rawValue: f[1]), let act = EventType(rawValue: f[2]),
                  ["support", "oppose", "neutral", "content"].contains(f[3]) else {
                throw KBError.dictionary(file: "stances/predicates.tsv", line: n, reason: "expected: cue <tab> verb|noun <tab> act <tab> support|oppose|neutral|content <tab> slots")
            }
            let slots = f[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let cue = f[0].lowercased()
            if cue.contains("+") {
                let pair = cue.split(separator: "+", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                let p = Predicate(cue: cue, lemmas: [pair[0]], light: pair[1], part: .verb, act: act, polarity: f[3], slots: slots)
                lightVerbs[pair[0], default: [:]][pair[1]] = p
                continue
            }
            let lemmas = cue.split(separator: " ").map(String.init)
            guard let first = lemmas.first, let last = lemmas.last else { continue }
            let p = Predicate(cue: cue, lemmas: lemmas, light: nil, part: part, act: act, polarity: f[3], slots: slots)
            if part == .verb { verbs[first, default: []].append(p) } else { nouns[last, default: []].append(p) }
        }
        for k in verbs.keys { verbs[k]!.sort { $0.lemmas.count > $1.lemmas.count } }
        for k in nouns.keys { nouns[k]!.sort { $0.lemmas.count > $1.lemmas.count } }
        for (n, f) in TSV.rows(try file("stances/polarity-words.tsv")) {
            let effect: Effect
            switch f.count >= 2 ? f[1] : "" {
            case "support": effect = .support
            case "oppose": effect = .oppose
            case "invert": effect = .invert
            default: throw KBError.dictionary(file: "stances/polarity-words.tsv", line: n, reason: "expected: lemma <tab> support|oppose|invert")
            }
            let words = f[0].lowercased().split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            polarityWords[first, default: []].append((words, effect))
        }
        for k in polarityWords.keys { polarityWords[k]!.sort { $0.0.count > $1.0.count } }
        topics = try Self.topics(file("stances/topics.tsv"))
        eventNouns = try EventNouns(files: files)
        bodies = GrammarClasses.lemmas(try file("actors/bodies.txt"))
    }

    /// The rows of topics.tsv.
    public static func topics(_ text: String) throws -> [Topic] {
        var out: [Topic] = []
        for (n, f) in TSV.rows(text) {
            guard f.count >= 3 else { throw KBError.dictionary(file: "stances/topics.tsv", line: n, reason: "expected: key <tab> label <tab> words <tab> actors <tab> also") }
            let split = { (s: String) in TSV.list(s).map { Tokenizer.tokens($0.lowercased()).map(\.text) } }
            out.append(Topic(key: f[0], label: f[1], words: split(f[2]),
                             actors: f.count > 3 ? f[3].split(separator: " ").map(String.init) : [],
                             also: f.count > 4 ? split(f[4]) : []))
        }
        return out
    }

    /// The word's lemma, or — when the lemmatizer left a verb's inflection ("blamed" → "blam")
    /// and the lemma is no cue while a plain de-inflection of the form is — that de-inflection.
    func predicateLemma(_ word: ParsedWord) -> String {
        let lemma = word.lemma.lowercased()
        guard word.upos == .VERB, verbs[lemma] == nil, lightVerbs[lemma] == nil else { return lemma }
        return Lemmatizer.regularStems(of: word.form, .VERB).first { verbs[$0] != nil || lightVerbs[$0] != nil } ?? lemma
    }

    /// The verb row whose lemmas start at word w (the longest), given the sentence's lemmas.
    func verb(at w: Int, lemmas: [String]) -> Predicate? {
        guard let list = verbs[lemmas[w]] else { return nil }
        return list.first { p in
            guard w + p.lemmas.count <= lemmas.count else { return false }
            for (k, l) in p.lemmas.enumerated() where lemmas[w + k] != l { return false }
            return true
        }
    }

    /// The `verb+noun` row of a verb and the lemma of its object (or adjective complement).
    func light(_ verb: String, _ noun: String) -> Predicate? { lightVerbs[verb]?[noun] }

    /// Whether a lemma is the verb of some `verb+noun` row ("issue" of "issue+statement").
    func isLightVerb(_ lemma: String) -> Bool { lightVerbs[lemma] != nil }

    /// The noun row whose head lemma is at word w (the longest, compounds reaching back).
    func noun(at w: Int, lemmas: [String]) -> Predicate? {
        guard let list = nouns[lemmas[w]] else { return nil }
        return list.first { p in
            let start = w - p.lemmas.count + 1
            guard start >= 0 else { return false }
            for (k, l) in p.lemmas.enumerated() where lemmas[start + k] != l { return false }
            return true
        }
    }

    /// The polarity word or phrase starting at word w, and its length.
    func polarity(at w: Int, lemmas: [String]) -> (Effect, Int)? {
        guard let list = polarityWords[lemmas[w]] else { return nil }
        for (words, effect) in list where w + words.count <= lemmas.count {
            if words.indices.allSatisfy({ lemmas[w + $0] == words[$0] }) { return (effect, words.count) }
        }
        return nil
    }
}
