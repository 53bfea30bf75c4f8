/// What a statement is about, from its content's own arguments: a class of acts by a state
/// ("Israeli strikes", "the U.S. sanctions"), else a concept of topics.tsv, else the actor the
/// content names first (its slot heads before the rest) — never merely the nearest name.
extension StanceExtractor {
    /// Agreements and meetings are particular things ("the Iran nuclear deal"), not classes of acts.
    static let singularActs: Set<EventType> = [.AGREE, .CONSULT]

    func topicAndTarget(_ content: Content, holder: Participant, holderMention: ActorMention?, _ doc: Document) -> (StanceTopic?, Participant?) {
        var eventClass: StanceTopic? = nil
        var target: (ActorMention, Participant)? = nil
        var countries = Set<String>()
        var forms: [[String]] = []
        for n in content.words.keys.sorted() {
            let c = doc.contexts[n]
            let syn = c.syntax
            let lemmas = syn.words.map { $0.lemma.lowercased() }
            let ws = content.words[n] ?? []
            var ordered: [Int] = []
            for h in content.heads where ws.contains(h) {
                // An invert word heading the content points at its own object: "the decertification of the deal".
                let invert = lexicon.polarity(at: h, lemmas: lemmas).map { $0.0 == .invert } ?? false
                for x in syn.subtree(h) where !ordered.contains(x) && !(invert && x == h) { ordered.append(x) }
            }
            for x in ws where !ordered.contains(x) { ordered.append(x) }
            forms.append(ws.map { syn.words[$0].form.lowercased() })
            forms.append(ws.map { lemmas[$0] })
            for x in ordered {
                let token = syn.tokenOfWord[x]
                if let m = c.mention(at: token), !m.isLocation || m.kind == .state {
                    if let cc = m.country { countries.insert(cc) }
                    if target == nil, m.actorKey != holder.key, m.actorKey != holderMention?.actorKey, m.country == nil || m.country != holder.country {
                        target = (m, doc.refs.participant(m))
                    }
                }
                if eventClass == nil, syn.words[x].upos == .NOUN, let type = lexicon.eventNouns.type(at: x, lemmas: lemmas),
                   !Self.singularActs.contains(type), let cc = initiator(of: x, sentence: n, doc) {
                    let adjective = dictionary.adjective(of: cc) ?? dictionary.actor(key: "state:" + cc)?.name ?? cc
                    eventClass = .eventClass(type: type, country: cc, label: adjective + " " + (type == .ASSAULT ? "strikes" : syn.words[x].form.lowercased()))
                }
            }
        }
        if let e = eventClass { return (e, target?.1) }
        func has(_ phrase: [String]) -> Bool {
            guard let first = phrase.first else { return false }
            for words in forms {
                for (k, w) in words.enumerated() where w == first && k + phrase.count <= words.count {
                    if words[k..<(k + phrase.count)].elementsEqual(phrase) { return true }
                }
            }
            return false
        }
        for topic in lexicon.topics {
            guard topic.words.contains(where: has), topic.actors.allSatisfy(countries.contains) else { continue }
            if !topic.also.isEmpty && !topic.also.contains(where: has) { continue }
            return (.concept(key: topic.key, label: topic.label), target?.1)
        }
        guard let (m, p) = target else { return (nil, nil) }
        return (.actor(key: m.actorKey, name: p.name, country: m.country), p)
    }

    /// The state doing the acts an event noun names: "Israeli strikes", "Israel's strikes",
    /// "strikes by Israel", "condemned Israel for its aggression" (through coreference).
    func initiator(of x: Int, sentence n: Int, _ doc: Document) -> String? {
        let c = doc.contexts[n]
        let syn = c.syntax
        for d in syn.modifiers(x) {
            if let m = c.mention(at: syn.tokenOfWord[d]), let cc = m.country, m.kind == .state || m.form == .adjective { return cc }
        }
        var owners: [Int] = []
        if let p = syn.possessor(x) { owners.append(p) }
        owners += syn.obliques(x).filter { $0.preposition == "by" }.map(\.word)
        for o in owners {
            if let cc = doc.refs.actors(sentence: n, word: o).first(where: { !$0.isLocation })?.country { return cc }
        }
        return nil
    }

    /// Events of the source named in the statement's sentence or the ones next to it, and fitting its topic.
    func linkedEvents(_ s: ExtractedStance, _ events: [ExtractedEvent], _ bySentence: [Int: [Int]]) -> [Int] {
        var out: [Int] = []
        let near = Set((s.sentence - 1...s.sentence + 1).flatMap { bySentence[$0] ?? [] }).sorted()
        for k in near {
            let e = events[k]
            if case .eventClass(let type, let cc, _) = s.topic, e.type == type, e.initiator.country == cc { out.append(k); continue }
            if let tg = s.target, tg.country != nil, e.initiator.country == tg.country || e.target?.country == tg.country,
               bySentence[s.sentence]?.contains(k) == true { out.append(k) }
        }
        return out
    }
}
