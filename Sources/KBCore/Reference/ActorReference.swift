/// Which actors a word of a parsed sentence names — directly, through the name it heads or
/// modifies, through its conjuncts, or by pointing back (`Coreference`). Events and stances
/// read their doers, targets, holders and speakers through it.
public struct ActorReference: Sendable {
    let dictionary: ActorDictionary
    let coreference: Coreference
    let contexts: [SentenceContext]

    public init(dictionary: ActorDictionary, coreference: Coreference, contexts: [SentenceContext]) {
        self.dictionary = dictionary
        self.coreference = coreference
        self.contexts = contexts
    }

    static let nominalRelations: Set<String> = ["nsubj", "obj", "iobj", "obl", "nmod"]

    public func participant(_ m: ActorMention) -> Participant {
        let name = dictionary.actor(key: m.actorKey)?.name ?? m.surface
        return Participant(key: m.actorKey, name: name, country: m.country, surface: m.surface)
    }

    /// The actor word w of sentence n names, without its conjuncts: a mention on the word; else
    /// a mention on its name parts, adjective or possessor ("Israeli forces", "Iran's foreign
    /// ministry", "Russian Foreign Minister Lavrov"); else what it points back to. Places named
    /// as locations are not actors.
    public func actors(sentence n: Int, word w: Int, resolve: Bool = true) -> [ActorMention] {
        let c = contexts[n]
        let syntax = c.syntax
        if let m = c.mention(at: syntax.tokenOfWord[w]) { return m.isLocation && m.form != .seat ? [] : [m] }
        let word = syntax.words[w]
        // A nominal, or a word the parse uses as one ("The Israeli military said": "military" as ADJ).
        if word.upos == .NOUN || word.upos == .PROPN || word.upos == .ADJ && Self.nominalRelations.contains(String(word.baseRelation)) {
            // The name the word is part of: "President Putin" where "President" heads, appositions.
            for d in syntax.dependents(w) {
                let r = syntax.words[d].relation
                guard r == "flat" || r == "appos" || r == "compound" || r == "amod" || r == "nmod:poss" || r == "nmod:unmarked" else { continue }
                if let m = c.mention(at: syntax.tokenOfWord[d]), !m.isLocation || m.form == .seat || r != "appos" && m.kind == .state {
                    // A possessor owns the body ("Iran's foreign ministry"), but a person's possession is not them.
                    if r == "nmod:poss" && !isBody(word) { continue }
                    if r == "amod" || r == "compound" || r == "nmod:poss" {
                        // A state's adjective or name stands for it before any noun ("Syrian air defense");
                        // another actor only before a body ("Hezbollah fighters") or as a title.
                        guard isBody(word) || m.form == .title || m.kind == .state || r == "compound" else { continue }
                    }
                    var s = m
                    if m.isLocation { s.isLocation = false }
                    return [s]
                }
            }
        }
        // "The Israeli military said" where the parse hung "Israeli" elsewhere: a state's word
        // just before a body noun, within its phrase, still names the state.
        if word.upos != .PRON, isBody(word) {
            var k = w - 1
            while k >= 0, w - k <= 3, [.ADJ, .NOUN, .PROPN].contains(syntax.words[k].upos) {
                if let m = c.mention(at: syntax.tokenOfWord[k]) {
                    if m.kind == .state { var s = m; s.isLocation = false; return [s] }
                    break
                }
                k -= 1
            }
        }
        // "the Presidents of Russia and the US", "delegations from Washington and the Kremlin":
        // a body or its people, of the actors the phrase names.
        if word.upos != .PRON, isBody(word) {
            for o in syntax.obliques(w) where o.preposition == "of" || o.preposition == "from" {
                var out: [ActorMention] = []
                for k in syntax.conjuncts(o.word) {
                    guard let m = c.mention(at: syntax.tokenOfWord[k]), m.kind == .state || !m.isLocation || m.form == .seat else { continue }
                    var s = m
                    s.isLocation = false
                    if !out.contains(where: { $0.actorKey == s.actorKey }) { out.append(s) }
                }
                if !out.isEmpty { return out }
            }
        }
        return resolve ? coreference.resolve(sentence: n, word: w) : []
    }

    /// The actors of w and of every word conjoined with it ("Iran, Russia and Turkey").
    public func allActors(sentence n: Int, word w: Int) -> [ActorMention] {
        var out: [ActorMention] = []
        for k in contexts[n].syntax.conjuncts(w) {
            for m in actors(sentence: n, word: k) where !out.contains(where: { $0.actorKey == m.actorKey }) { out.append(m) }
        }
        return out
    }

    /// A body noun names an actor through its owner: "forces", "ministry", "government".
    func isBody(_ word: ParsedWord) -> Bool {
        coreference.bodies.contains(word.lemma.lowercased()) || coreference.bodies.contains(word.form.lowercased())
    }
}
