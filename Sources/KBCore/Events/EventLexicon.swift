/// The event cues by lemma (Dictionaries/events/lexicon/TYPE.tsv, one file per PLOVER type) and
/// the light verbs whose object noun carries an event (light-verbs.tsv). The lemmatizer does the
/// inflections: "struck", "strikes" and "striking" are all the lemma "strike".
public struct EventLexicon: Sendable {
    /// Where an argument stands relative to its predicate: a relation ("obj", "obl", "nmod")
    /// and, for obliques and nominal modifiers, the preposition ("with").
    public struct Slot: Sendable, Equatable {
        public var relation: String
        public var preposition: String?

        init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let r = parts.first, ["obj", "iobj", "obl", "nmod", "nsubj", "poss"].contains(r) else { return nil }
            relation = r
            preposition = parts.count > 1 ? parts[1].replacingOccurrences(of: "_", with: " ") : nil
        }
    }

    public struct Cue: Sendable, Equatable {
        public var type: EventType
        public var cameo: String
        public var isNoun: Bool
        /// The head word's lemma.
        public var lemma: String
        /// Other lemmas that must stand with the head: a noun's modifiers ("air" of "air strike"), a
        /// verb's particle ("down" of "shoot down") or object noun ("deal" of "strike+deal").
        public var companions: [String]
        public var targets: [Slot]
        public var mode: String?
    }

    public struct LightVerb: Sendable, Equatable {
        public var lemma: String
        public var companions: [String]
        /// The types whose nouns it carries (nil: all).
        public var types: Set<EventType>?
        /// Where the noun stands: "obj", or an oblique ("obl:in" for "took part in talks").
        public var slots: [Slot]
    }

    public private(set) var cuesByLemma: [String: [Cue]] = [:]
    public private(set) var lightVerbs: [String: [LightVerb]] = [:]

    public init(files: [String: String]) throws {
        for type in EventType.allCases {
            let name = "events/lexicon/\(type.rawValue).tsv"
            guard let text = files[name] else { throw KBError.dictionary(file: name, line: 0, reason: "missing dictionary file") }
            for (n, f) in TSV.rows(text) {
                guard f.count >= 4, f[1] == "verb" || f[1] == "noun" else {
                    throw KBError.dictionary(file: name, line: n, reason: "expected: cue <tab> verb|noun <tab> cameo <tab> targets <tab> mode")
                }
                var targets: [Slot] = []
                if f[3] != "-" && !f[3].isEmpty {
                    for s in f[3].split(separator: ",") {
                        guard let slot = Slot(s.trimmingCharacters(in: .whitespaces)) else {
                            throw KBError.dictionary(file: name, line: n, reason: "'\(s)' is not a slot (obj, iobj, poss, obl:PREP, nmod:PREP)")
                        }
                        targets.append(slot)
                    }
                }
                let (lemma, companions) = Self.words(f[0], isNoun: f[1] == "noun")
                let mode = f.count > 4 && f[4] != "-" && !f[4].isEmpty ? f[4] : nil
                cuesByLemma[lemma, default: []].append(Cue(type: type, cameo: f[2], isNoun: f[1] == "noun", lemma: lemma,
                                                           companions: companions, targets: targets, mode: mode))
            }
        }
        // The most specific cue first: "air strike" before "strike", "strike+deal" before "strike".
        for k in cuesByLemma.keys { cuesByLemma[k]!.sort { $0.companions.count > $1.companions.count } }
        let name = "events/light-verbs.tsv"
        guard let text = files[name] else { throw KBError.dictionary(file: name, line: 0, reason: "missing dictionary file") }
        for (n, f) in TSV.rows(text) {
            let slots = f.count >= 3 ? f[2].split(separator: ",").compactMap { Slot($0.trimmingCharacters(in: .whitespaces)) } : []
            guard f.count >= 3, slots.count == f[2].split(separator: ",").count, !slots.isEmpty else {
                throw KBError.dictionary(file: name, line: n, reason: "expected: lemma <tab> types|* <tab> slots (obj, obl:PREP, comma-separated)")
            }
            var types: Set<EventType>? = nil
            if f[1] != "*" {
                types = []
                for t in f[1].split(separator: ",") {
                    guard let type = EventType(rawValue: t.trimmingCharacters(in: .whitespaces)) else {
                        throw KBError.dictionary(file: name, line: n, reason: "'\(t)' is not a PLOVER type")
                    }
                    types!.insert(type)
                }
            }
            let (lemma, companions) = Self.words(f[0], isNoun: false)
            lightVerbs[lemma, default: []].append(LightVerb(lemma: lemma, companions: companions, types: types, slots: slots))
        }
        for k in lightVerbs.keys { lightVerbs[k]!.sort { $0.companions.count > $1.companions.count } }
    }

    /// The cues a word may be: by its lemma, else by a regular stem of its form (a lemma the
    /// lemmatizer got wrong for an unseen word: "shelled" → "shel").
    public func cues(for word: ParsedWord) -> [Cue]? {
        if let c = cuesByLemma[word.lemma.lowercased()] { return c }
        guard word.upos != .PROPN else { return nil }
        return Lemmatizer.regularStems(of: word.form, word.upos == .VERB ? .VERB : .NOUN).lazy.compactMap { self.cuesByLemma[$0] }.first
    }

    /// "air strike" → head "strike", companions ["air"]; "shoot down" → "shoot", ["down"];
    /// "strike+deal" → "strike", ["deal"].
    static func words(_ cue: String, isNoun: Bool) -> (String, [String]) {
        let parts = cue.lowercased().split(whereSeparator: { $0 == " " || $0 == "+" }).map(String.init)
        guard let first = parts.first else { return ("", []) }
        if isNoun { return (parts.last!, Array(parts.dropLast())) }
        return (first, Array(parts.dropFirst()))
    }
}
