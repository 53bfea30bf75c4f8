/// Who holds a statement: the actors a predicate's subject (or agent, possessor, "from" phrase)
/// names, and the state or organization a speaker served on the date.
extension StanceExtractor {
    /// The word naming whose a noun predicate is: its possessor ("the ministry's warning"), an
    /// adjective or compound ("Russian condemnation"), "from"/"by" ("assurances from the
    /// Kremlin"), else the subject of the light verb it is the object of ("issued a warning").
    func nounHolder(_ w: Int, _ syn: SentenceSyntax) -> Int? {
        if let p = syn.possessor(w) { return p }
        if let o = syn.obliques(w).first(where: { $0.preposition == "from" || $0.preposition == "by" }) { return o.word }
        if let a = syn.modifiers(w).first(where: { syn.words[$0].upos == .ADJ || syn.words[$0].upos == .PROPN }) { return a }
        if syn.words[w].relation == "obj", let h = syn.head(w), lexicon.isLightVerb(syn.words[h].lemma.lowercased()) {
            return syn.isPassive(h) ? syn.agent(h) : syn.subject(h)
        }
        return nil
    }

    /// The actors word w names as a holder, conjuncts included ("Iran, Russia and Turkey"); a
    /// source noun names its owner ("the ministry's statement", "X's office", "a spokesman for
    /// the ministry"); "I"/"we" in a speaker's turn are the speaker. Places are not holders.
    func actors(sentence n: Int, word w: Int, _ doc: Document, depth: Int = 0) -> [ActorMention] {
        let c = doc.contexts[n]
        let syn = c.syntax
        let word = syn.words[w]
        let lemma = word.lemma.lowercased()
        if word.upos == .PRON, lemma == "i" || lemma == "we" {
            guard let (turn, _) = doc.turns.turn(of: n), let s = turn.speaker else { return [] }
            return [s]
        }
        if word.upos == .PRON, lemma == "they", depth == 0 { return group(before: n, doc) }
        var found = doc.refs.allActors(sentence: n, word: w)
        if found.isEmpty, depth < 2, grammar.sourceNouns.contains(lemma) || bodies.contains(lemma) {
            var owners: [Int] = []
            if let p = syn.possessor(w) { owners.append(p) }
            owners += syn.modifiers(w)
            owners += syn.obliques(w).filter { ["for", "of", "from", "at"].contains($0.preposition) }.map(\.word)
            for o in owners {
                found = actors(sentence: n, word: o, doc, depth: depth + 1)
                if !found.isEmpty { break }
            }
        }
        return found.filter { (!$0.isLocation || $0.form == .seat) && !doc.analysts.contains($0.actorKey) }
    }

    /// "They": the group a subject of the sentence before (or the one before it) named — "The
    /// two leaders made progress … They welcomed …" — when it named two or more; else the two
    /// states the sentences just before name, if exactly two.
    func group(before n: Int, _ doc: Document) -> [ActorMention] {
        for k in stride(from: n - 1, through: max(0, n - 2), by: -1) {
            let syn = doc.contexts[k].syntax
            for w in syn.words.indices where syn.words[w].relation == "nsubj" && syn.words[w].upos != .PRON {
                let found = doc.refs.allActors(sentence: k, word: w).filter { !$0.isLocation }
                if found.count >= 2 { return found }
            }
        }
        // "Biden held a summit with Xi. They welcomed …": the two states just named.
        return doc.refs.coreference.pair(before: n) ?? []
    }

    /// The holder is the state (or organization) the speaker served on the date; the speaker is the person.
    func holderAndSpeaker(_ m: ActorMention, _ c: SentenceContext, date: KBDate?, _ doc: Document) -> (Participant, Participant?) {
        if m.kind == .person {
            let speaker = doc.refs.participant(m)
            let key = m.actorKey
            var country = m.country
            var orgKey: String?
            if let idx = dictionary.keyIndex[key] {
                let held = dictionary.roles(of: key, on: date ?? KBDate(year: 0))
                if let role = held.first(where: { $0.country != nil }) { country = role.country }
                else if let org = held.first(where: { $0.organization != nil })?.organization { orgKey = org }
                else if date == nil { country = dictionary.country(of: idx, on: nil) ?? country }
            }
            if let o = orgKey, let org = dictionary.actor(key: o) {
                return (Participant(key: org.key, name: org.name, country: org.country, surface: m.surface), speaker)
            }
            if let cc = country, let state = dictionary.actor(key: "state:" + cc) {
                return (Participant(key: state.key, name: state.name, country: cc, surface: m.surface), speaker)
            }
            return (Participant(key: "", name: speaker.name, country: country, surface: m.surface), speaker)
        }
        // "the Russian Foreign Office spokeswoman": a person found by title right after the state's adjective.
        let titled = c.mentions.first { $0.form == .title && $0.tokens.lowerBound >= m.tokens.upperBound && $0.tokens.lowerBound <= m.tokens.upperBound + 1 }
        return (doc.refs.participant(m), titled.map(doc.refs.participant))
    }

    /// `text.first?.isLowercase == true`, without grapheme segmentation when the text starts with
    /// an ASCII character that is a Character of its own.
    static func startsLowercase(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        if let b0 = bytes.next(), b0 < 0x80 {
            let b1 = bytes.next()
            if b1 == nil || b1! < 0x80 { return b0 >= 0x61 && b0 <= 0x7A }
        }
        return text.first?.isLowercase == true
    }
}
