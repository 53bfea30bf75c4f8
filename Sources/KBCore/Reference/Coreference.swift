/// Who "he", "she", "it", "the ministry", "the two leaders" are: within one document, a pronoun
/// or definite description resolves to the actors it points back to. A resolution that is not
/// safe gives no actor rather than a wrong one.
///
/// - "he", "she", "his", "her": the nearest person named as a grammatical subject in this
///   sentence before the pronoun or in the three before it; failing that, the one person the
///   sentence before names.
/// - "it", "its": the nearest state or organization named as a subject, this sentence or the one
///   before ("the ministry said it had intercepted …": the ministry's state); a possessive in a
///   verb's oblique, the verb's object before it ("condemned Israel for its aggression").
/// - "the ministry", "the army", "the government" (a body noun without an owner of its own): the
///   state named nearest before, if the sentence that names it names no other state.
/// - "the two leaders", "both sides", "the two countries", "the leaders", "the parties": the two
///   states of the nearest sentences that name exactly two.
/// - "I", "we", "my", "our": in a transcript's turn (`SpeakerTurns`), its labelled speaker.
/// - "which", "who" that the parse left without the noun they modify: the actor just before.
public struct Coreference: Sendable {
    let contexts: [SentenceContext]
    let bodies: Set<String>
    /// Per sentence: the actor mentions that head a subject, in order.
    let subjects: [[ActorMention]]
    /// The transcript's speaker turns, if it has any.
    public let turns: SpeakerTurns

    static let lookBack = 3
    static let groupNouns: Set<String> = ["leader", "side", "country", "president", "minister", "nation", "government", "delegation", "state", "party", "counterpart"]

    public init(contexts: [SentenceContext], bodies: Set<String>) {
        self.contexts = contexts
        self.bodies = bodies
        turns = SpeakerTurns(contexts)
        subjects = contexts.map { c in
            c.mentions.filter { m in
                guard !m.isLocation, let w = c.syntax.headWord(ofTokens: m.tokens) else { return false }
                return c.syntax.words[w].relation.hasPrefix("nsubj")
            }
        }
    }

    /// The actors word w of sentence n stands for (empty: none, or not safely).
    public func resolve(sentence n: Int, word w: Int) -> [ActorMention] {
        let c = contexts[n]
        let word = c.syntax.words[w]
        let lemma = word.lemma.lowercased()
        let token = c.syntax.tokenOfWord[w]
        func here(_ m: ActorMention) -> ActorMention {
            var m = m
            m.sentence = n
            m.tokens = token..<(token + 1)
            m.start = c.tokens[token].start
            m.end = c.tokens[token].end
            m.surface = c.tokens[token].text
            m.form = .title
            return m
        }
        if word.upos == .PRON {
            switch lemma {
            case "he", "she", "him", "her", "his", "hers", "himself", "herself":
                return person(before: n, token: token).map { [here($0)] } ?? []
            case "it", "its", "itself":
                // "condemned Israel for its aggression": the object the phrase is about, before the subject.
                if let o = objectBefore(possessive: w, sentence: n) { return [here(o)] }
                return body(before: n, token: token).map { [here($0)] } ?? []
            case "which", "who":
                // A relative pronoun whose clause the parse did not attach to its noun ("Iran
                // itself, which shows … and which warned …"): the actor named just before it.
                return antecedent(ofRelative: token, sentence: n).map { [here($0)] } ?? []
            case "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves":
                guard let (turn, start) = turns.turn(of: n), token >= start, let speaker = turn.speaker else { return [] }
                return [here(speaker)]
            default:
                return []
            }
        }
        guard word.upos == .NOUN || word.upos == .ADJ && ActorReference.nominalRelations.contains(String(word.baseRelation)) else { return [] }
        let dets = c.syntax.dependents(w, "det").map { c.syntax.words[$0].lemma.lowercased() }
        let nums = c.syntax.dependents(w, "nummod").map { c.syntax.words[$0].lemma.lowercased() }
        // "the two leaders", "both sides", and in the plural with "the": "the leaders", "the parties".
        let plural = word.form.lowercased() != lemma && word.form.lowercased().hasSuffix("s")
        if Self.groupNouns.contains(lemma), nums.contains("two") || dets.contains("both") || plural && dets == ["the"] && c.syntax.possessor(w) == nil
            && !c.syntax.obliques(w).contains(where: { $0.preposition == "of" || $0.preposition == "from" }) {
            return pair(before: n).map { $0.map(here) } ?? []
        }
        // "the ministry": a body noun with "the" and no owner or name of its own.
        if bodies.contains(lemma) || bodies.contains(word.form.lowercased()), dets == ["the"],
           c.syntax.possessor(w) == nil,
           !c.syntax.modifiers(w).contains(where: { c.mention(at: c.syntax.tokenOfWord[$0]) != nil }),
           !c.syntax.obliques(w).contains(where: { $0.preposition == "of" }) {
            return state(before: n, token: token).map { [here($0)] } ?? []
        }
        return []
    }

    /// Mentions of sentence k that come before token `limit` (all of them for earlier sentences).
    func mentions(_ k: Int, before n: Int, token limit: Int) -> [ActorMention] {
        let all = contexts[k].mentions.filter { !$0.isLocation }
        return k == n ? all.filter { $0.tokens.upperBound <= limit } : all
    }

    func window(_ n: Int) -> [Int] { Array(stride(from: n, through: max(0, n - Self.lookBack), by: -1)) }

    func person(before n: Int, token: Int) -> ActorMention? {
        for k in window(n) {
            let subjectPeople = subjects[k].filter { $0.kind == .person && (k < n || $0.tokens.upperBound <= token) }
            if let last = subjectPeople.last { return last }
        }
        if n > 0 {
            let people = mentions(n - 1, before: n, token: token).filter { $0.kind == .person }
            if Set(people.map(\.actorKey)).count == 1 { return people.last }
        }
        return nil
    }

    func body(before n: Int, token: Int) -> ActorMention? {
        for k in [n, n - 1] where k >= 0 {
            let s = subjects[k].filter { $0.kind != .person && (k < n || $0.tokens.upperBound <= token) }
            if let last = s.last { return last }
        }
        return nil
    }

    /// The last actor named before a relative pronoun in its sentence, within a short reach.
    /// For a possessive pronoun in an oblique of a verb ("condemned Israel for its aggression",
    /// "accused Russia of violating its commitments"), the verb's object, if it names a state or
    /// organization before the pronoun.
    func objectBefore(possessive w: Int, sentence n: Int) -> ActorMention? {
        let syn = contexts[n].syntax
        guard syn.words[w].relation == "nmod:poss", let noun = syn.head(w), syn.words[noun].baseRelation == "obl",
              let verb = syn.head(noun), let o = syn.object(verb), o < w else { return nil }
        let m = contexts[n].mention(at: syn.tokenOfWord[o])
        guard let m, m.kind != .person, !m.isLocation || m.kind == .state else { return nil }
        return m
    }

    /// A second relative pronoun of the sentence ("…, which shows …, and which warned …") has the
    /// first one's antecedent.
    func antecedent(ofRelative token: Int, sentence n: Int) -> ActorMention? {
        let tokens = contexts[n].tokens
        let first = tokens[..<token].firstIndex { $0.lower == "which" || $0.lower == "who" } ?? token
        let named = mentions(n, before: n, token: first).filter { first - $0.tokens.upperBound <= 12 }
        return named.last
    }

    func state(before n: Int, token: Int) -> ActorMention? {
        for k in window(n) {
            let named = mentions(k, before: n, token: token).filter { $0.country != nil }
            guard !named.isEmpty else { continue }
            let countries = Set(named.compactMap(\.country))
            guard countries.count == 1, let code = countries.first else { return nil }
            var m = named.last!
            m.actorKey = "state:" + code
            m.kind = .state
            m.country = code
            return m
        }
        return nil
    }

    public func pair(before n: Int) -> [ActorMention]? {
        guard n > 0 else { return nil }
        for k in window(n - 1) {
            var seen: [String: ActorMention] = [:]
            var order: [String] = []
            for m in mentions(k, before: n, token: Int.max) {
                guard let code = m.country else { continue }
                if seen[code] == nil { order.append(code) }
                var s = m
                s.actorKey = "state:" + code
                s.kind = .state
                seen[code] = s
            }
            if order.count == 2 { return order.map { seen[$0]! } }
            if order.count > 2 { return nil }
        }
        return nil
    }
}
