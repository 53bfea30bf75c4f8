/// Codes events from each sentence's parse: a word whose lemma is an event cue
/// (`EventLexicon`), with its doer and target read from the tree — the subject or the passive
/// agent of a verb; the possessor, actor modifier, "by" or "between" phrase of a noun, or the
/// subject of the light verb that carries it ("carried out strikes", "held talks"). An act
/// reported under a verb of saying belongs to its own doer ("the army said its jets hit …").
/// Negated, modal, planned, conditional, habitual and future acts are not events. Dated by the
/// time expression in the cue's own phrase, else the nearest in its sentence, else its
/// paragraph's, else the publication date (marked). The same event told twice is one event.
///
/// Conjoined doers ("Iran, Russia and Turkey launched …") give one event per doer, as PETRARCH
/// codes them; for a meeting, an agreement or cooperation, the first doer is the initiator and
/// the second the target of one event ("Putin and Erdogan met": one meeting).
public struct EventExtractor: Sendable {
    public let lexicon: EventLexicon
    let grammar: GrammarClasses
    let dictionary: ActorDictionary
    let places: Gazetteer

    public init(lexicon: EventLexicon, grammar: GrammarClasses, dictionary: ActorDictionary, places: Gazetteer) {
        self.lexicon = lexicon
        self.grammar = grammar
        self.dictionary = dictionary
        self.places = places
    }

    /// Types whose two sides act together: one event, not one per side.
    static let mutual: Set<EventType> = [.CONSULT, .AGREE, .COOPERATE]
    /// Verbs under which an open complement is an act done, not planned ("began striking").
    static let aspectual: Set<String> = ["begin", "start", "continue", "resume", "keep", "stop", "finish"]
    /// Types whose nouns name a state of affairs as often as an act ("cooperation between …",
    /// "ties with …"): an event only when a verb reports it ("established a mechanism").
    static let reportedOnly: Set<EventType> = [.COOPERATE, .SUPPORT, .AGREE, .CONCEDE]
    /// Predicates under which a would-be act is an announced one ("announced it would withdraw").
    static let announcing: Set<String> = ["announce", "announcement", "decide", "decision", "order", "confirm"]
    /// Nominal determiners that point back to acts already told ("those strikes").
    static let anaphoric: Set<String> = ["this", "that", "these", "those", "such"]
    /// Pronouns of the one spoken to: in what someone said, never the speaker.
    static let addressee: Set<String> = ["you", "your", "yours", "yourself", "yourselves"]

    public func extract(_ contexts: [SentenceContext], publication: KBDate?, reference: ActorReference) -> [ExtractedEvent] {
        var events: [ExtractedEvent] = []
        let paragraphDates = contexts.paragraphDates()
        for (n, c) in contexts.enumerated() where !c.span.text.hasSuffix("?") && !c.isHeading {
            for w in c.syntax.words.indices {
                guard let cue = cue(at: w, c) else { continue }
                events.append(contentsOf: code(cue, at: w, sentence: n, c, previous: paragraphDates[n], publication: publication, reference: reference))
            }
        }
        return Self.merge(events)
    }

    /// The most specific cue the word is, if any: its lemma, part of speech and companions.
    func cue(at w: Int, _ c: SentenceContext) -> EventLexicon.Cue? {
        let syntax = c.syntax
        let word = syntax.words[w]
        guard word.upos == .VERB || word.upos == .NOUN || word.upos == .PROPN && isCapitalizedNoun(w, syntax),
              let cues = lexicon.cues(for: word) else { return nil }
        // A name: "Operation Northern Shield", "the Strike Group".
        if c.mention(at: syntax.tokenOfWord[w]) != nil { return nil }
        let dependents = syntax.dependents(w).map { syntax.words[$0].lemma.lowercased() }
        let before = w > 0 ? syntax.words[w - 1].lemma.lowercased() : ""
        return cues.first { cue in
            guard cue.isNoun == (word.upos != .VERB) else { return false }
            return cue.companions.allSatisfy { dependents.contains($0) || cue.isNoun && $0 == before }
        }
    }

    /// A common noun written with a capital, which the tagger took for a name ("held a Summit
    /// with …"): alone, not part of a longer name.
    func isCapitalizedNoun(_ w: Int, _ syntax: SentenceSyntax) -> Bool {
        let r = syntax.words[w].baseRelation
        guard r != "flat", r != "compound" else { return false }
        return !syntax.dependents(w).contains { d in
            let r = syntax.words[d].baseRelation
            return (r == "flat" || r == "compound") && syntax.words[d].upos == .PROPN
        }
    }

    struct Roles {
        var initiators: [ActorMention]
        var targets: [ActorMention]
        /// The predicate whose tense, mood and modifiers decide whether the act happened.
        var predicate: Int
        /// Whether the text reports the act (a verb, or a noun a verb predicates), not merely names it.
        var predicated: Bool
    }

    func code(_ cue: EventLexicon.Cue, at w: Int, sentence n: Int, _ c: SentenceContext, previous: SentenceContext?,
              publication: KBDate?, reference: ActorReference) -> [ExtractedEvent] {
        guard let roles = cue.isNoun ? nounRoles(cue, w, n, c, reference) : verbRoles(cue, w, n, c, reference),
              !roles.initiators.isEmpty, !isFiltered(cue, w, roles, n, c, reference) else { return [] }
        let syntax = c.syntax
        let token = syntax.tokenOfWord[w]
        let range = token..<(token + 1)
        let (date, basis, phrase, approx) = date(roles, w, c, previous: previous, publication: roles.predicated ? publication : nil)
        let place = location(range, c)
        var cameo = cue.cameo
        if cue.type == .CONSULT, cameo == "040", byTelephone(w, roles.predicate, syntax) { cameo = "041" }
        let mode = cue.mode == "phone" ? nil : cue.mode ?? mode(c)
        func event(_ doer: ActorMention, _ target: ActorMention?) -> ExtractedEvent {
            ExtractedEvent(type: cue.type, cameo: cameo, initiator: reference.participant(doer), target: target.map(reference.participant),
                           date: date, dateBasis: basis, datePhrase: phrase, dateApproximate: approx, location: place?.0,
                           locationCountry: place?.1, mode: mode, cue: c.text(range),
                           mentions: [(c.span.ordinal, c.tokens[token].start, c.tokens[token].end)])
        }
        var doers: [ActorMention] = []
        for m in roles.initiators where !doers.contains(where: { Self.same($0, m) }) { doers.append(m) }
        if Self.mutual.contains(cue.type), doers.count == 2 {
            return [event(doers[0], roles.targets.first { !Self.same($0, doers[0]) } ?? doers[1])]
        }
        return doers.map { d in event(d, roles.targets.first { !Self.same($0, d) }) }
    }

    static func same(_ a: ActorMention, _ b: ActorMention) -> Bool {
        a.actorKey == b.actorKey || (a.kind == .state || b.kind == .state) && a.country != nil && a.country == b.country
    }

    // MARK: - Roles

    func verbRoles(_ cue: EventLexicon.Cue, _ w: Int, _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> Roles? {
        let syntax = c.syntax
        if syntax.isPassive(w) {
            guard let agent = syntax.agent(w) else { return nil }
            let patient = syntax.subject(w).map { doers($0, n, c, reference) } ?? []
            return Roles(initiators: doers(agent, n, c, reference), targets: patient, predicate: w, predicated: true)
        }
        guard let subject = syntax.subject(w) else { return nil }
        return Roles(initiators: doers(subject, n, c, reference), targets: targets(cue.targets, on: [w], n, c, reference),
                     predicate: w, predicated: true)
    }

    func nounRoles(_ cue: EventLexicon.Cue, _ w: Int, _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> Roles? {
        let syntax = c.syntax
        // A light verb: "carried out strikes", "held talks", "imposed sanctions", "took part in
        // talks", "paid his first visit to Syria": its subject (or agent) is the doer.
        if let h = syntax.head(w), lightVerb(h, w, cue.type, syntax) != nil {
            let on = [w, h]
            let doer = syntax.isPassive(h) ? syntax.agent(h) : syntax.subject(h)
            if let d = doer.map({ doers($0, n, c, reference) }), !d.isEmpty {
                return Roles(initiators: d, targets: targets(cue.targets, on: on, n, c, reference), predicate: h, predicated: true)
            }
            if syntax.isPassive(h) { return nil }
        }
        let own = targets(cue.targets, on: [w], n, c, reference)
        // "Israel's strike", "the strike by Israel", "Israeli strikes", "U.S. sanctions".
        if let p = syntax.possessor(w), !cue.targets.contains(where: { $0.relation == "poss" }) {
            let d = doers(p, n, c, reference)
            if !d.isEmpty { return Roles(initiators: d, targets: own, predicate: w, predicated: false) }
        }
        let nested = syntax.obliques(w).flatMap { o in syntax.obliques(o.word).filter { $0.preposition == "by" } }
        if let by = (syntax.obliques(w).first(where: { $0.preposition == "by" }) ?? nested.first)?.word {
            let d = doers(by, n, c, reference)
            if !d.isEmpty { return Roles(initiators: d, targets: own, predicate: w, predicated: false) }
        }
        for m in syntax.modifiers(w) {
            let d = reference.allActors(sentence: n, word: m).filter { !$0.isLocation || $0.form == .adjective }
            if !d.isEmpty { return Roles(initiators: d, targets: own, predicate: w, predicated: false) }
        }
        // "talks between Putin and Erdogan".
        if let between = syntax.obliques(w).first(where: { $0.preposition == "between" || $0.preposition == "among" })?.word {
            let sides = parties(between, n, c, reference)
            if sides.count >= 2 { return Roles(initiators: [sides[0]], targets: Array(sides.dropFirst()), predicate: w, predicated: false) }
        }
        guard let h = syntax.head(w) else { return nil }
        let relation = syntax.words[w].relation
        let preposition = syntax.preposition(of: w)
        // The subject of an intransitive: "a conversation took place between A and B", "talks were held by …"
        // (not of a verb that is an act of its own: "the meeting was canceled by X" is X's cancellation).
        if relation.hasPrefix("nsubj"), self.cue(at: h, c) == nil {
            // "took place between A and B": the phrase may hang on the verb's object.
            let hosts = [h] + syntax.dependents(h, "obj")
            if let between = hosts.lazy.flatMap({ syntax.obliques($0) }).first(where: { $0.preposition == "between" || $0.preposition == "among" })?.word {
                let sides = parties(between, n, c, reference)
                if sides.count >= 2 { return Roles(initiators: [sides[0]], targets: Array(sides.dropFirst()), predicate: h, predicated: true) }
            }
            if syntax.isPassive(h), lexicon.lightVerbs[syntax.words[h].lemma.lowercased()] != nil, let agent = syntax.agent(h) {
                let d = doers(agent, n, c, reference)
                if !d.isEmpty { return Roles(initiators: d, targets: own, predicate: h, predicated: true) }
            }
        }
        // "agreed in a telephone call", "said during talks with …": the predicate's subject took part.
        if relation.hasPrefix("obl"), let p = preposition, ["in", "during", "at", "over", "after"].contains(p),
           Self.mutual.contains(cue.type), let subject = syntax.subject(h) {
            return Roles(initiators: doers(subject, n, c, reference), targets: targets(cue.targets, on: [w, h], n, c, reference), predicate: h, predicated: true)
        }
        return nil
    }

    /// The sides of a "between" phrase: its conjuncts, or (where the parse did not coordinate them)
    /// the actors named anywhere in it.
    func parties(_ between: Int, _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> [ActorMention] {
        let sides = reference.allActors(sentence: n, word: between)
        if sides.count >= 2 { return sides }
        var out: [ActorMention] = []
        for d in c.syntax.subtree(between) {
            for m in reference.actors(sentence: n, word: d, resolve: false) where !out.contains(where: { Self.same($0, m) }) { out.append(m) }
        }
        return out
    }

    /// The light verb h that carries noun w, if its entry admits the cue's type.
    func lightVerb(_ h: Int, _ w: Int, _ type: EventType, _ syntax: SentenceSyntax) -> EventLexicon.LightVerb? {
        guard syntax.words[h].upos == .VERB, let entries = lexicon.lightVerbs[syntax.words[h].lemma.lowercased()] else { return nil }
        let relation = syntax.words[w].baseRelation
        let preposition = syntax.preposition(of: w)
        let companions = syntax.dependents(h).map { syntax.words[$0].lemma.lowercased() }
        return entries.first { lv in
            guard lv.types?.contains(type) ?? true, lv.companions.allSatisfy(companions.contains) else { return false }
            return lv.slots.contains { slot in
                slot.relation == relation && (slot.preposition == nil || slot.preposition == preposition)
                    || slot.relation == "obj" && relation == "nsubj" && syntax.isPassive(h)
            }
        }
    }

    /// Who a subject, agent or possessor word names as the doer. A pronoun in what someone said
    /// is the speaker's ("the army said its jets hit …", "Russia said it had intercepted …");
    /// a noun without an actor of its own acts for its possessor ("its jets").
    func doers(_ w: Int, _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> [ActorMention] {
        let syntax = c.syntax
        let word = syntax.words[w]
        if word.upos == .PRON, !Self.addressee.contains(word.lemma.lowercased()), let speaker = reportingSubject(above: w, syntax), speaker != w {
            let d = doers(speaker, n, c, reference)
            if !d.isEmpty { return d }
        }
        let direct = reference.allActors(sentence: n, word: w)
        if !direct.isEmpty { return direct }
        if let p = syntax.possessor(w), p != w { return doers(p, n, c, reference) }
        return []
    }

    /// The subject of the nearest clause above w that w's clause is the complement of.
    func reportingSubject(above w: Int, _ syntax: SentenceSyntax) -> Int? {
        var p = w
        var crossed = false
        for _ in 0..<8 {
            guard let h = syntax.head(p) else { return nil }
            let r = syntax.words[p].relation
            if r == "ccomp" || r == "parataxis" { crossed = true }
            if crossed, let s = syntax.subject(h) { return s }
            p = h
        }
        return nil
    }

    /// The actors in the cue's target slots, on the cue word or the verb that carries it.
    func targets(_ slots: [EventLexicon.Slot], on words: [Int], _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> [ActorMention] {
        let syntax = c.syntax
        var out: [ActorMention] = []
        for slot in slots {
            for w in words {
                var found: [Int] = []
                switch slot.relation {
                case "obj", "iobj": found = syntax.dependents(w, slot.relation).filter { syntax.preposition(of: $0) == nil }
                case "poss": found = syntax.possessor(w).map { [$0] } ?? []
                default:
                    found = syntax.obliques(w).filter { slot.preposition == nil || $0.preposition == slot.preposition }.map(\.word)
                }
                for f in found {
                    // "targeted Hezbollah's headquarters": a place or thing stands for its owner.
                    var named = reference.allActors(sentence: n, word: f)
                    if named.isEmpty, let p = syntax.possessor(f) { named = reference.allActors(sentence: n, word: p) }
                    for m in named where !out.contains(where: { Self.same($0, m) }) {
                        // "visit to the Kremlin": a seat stands for its state; other places are not targets.
                        if m.isLocation && m.kind != .state && m.form != .seat { continue }
                        out.append(m)
                    }
                }
            }
        }
        return out
    }

    // MARK: - Did it happen?

    func isFiltered(_ cue: EventLexicon.Cue, _ w: Int, _ roles: Roles, _ n: Int, _ c: SentenceContext, _ reference: ActorReference) -> Bool {
        let syntax = c.syntax
        let p = roles.predicate
        if cue.isNoun && !roles.predicated && Self.reportedOnly.contains(cue.type) { return true }
        // "agreed to meet", "agreed that …": an intention or a position, not an agreement reached.
        if !cue.isNoun && cue.type == .AGREE && syntax.dependents(w).contains(where: { d in
            let r = syntax.words[d].relation
            return r == "xcomp" || r == "ccomp" || r == "advcl" && syntax.marker(d) == "to"
        }) { return true }
        // "shows no sign of exiting": a negated noun over the act.
        if let h = syntax.head(p), syntax.dependents(h, "det").contains(where: { grammar.negations.contains(syntax.words[$0].lemma.lowercased()) }) { return true }
        // "may expand its operations and bomb …": a conjunct shares its first conjunct's mood.
        var predicates = Set([w, p])
        if syntax.words[p].relation == "conj", let h = syntax.head(p), syntax.auxiliaries(p).isEmpty, syntax.words[h].upos == .VERB { predicates.insert(h) }
        let announced = syntax.head(p).map { Self.announcing.contains(syntax.words[$0].lemma.lowercased()) } ?? false
        for x in predicates {
            if syntax.isNegated(x, by: grammar.negations) { return true }
            if let m = syntax.modal(x, in: grammar.modals), !(announced && (m == "would" || m == "will")) { return true }
            if syntax.isFuture(x) && !announced { return true }
            if syntax.adverbs(x).contains(where: grammar.habits.contains) { return true }
            // "We closely cooperate", "Iran supplies the militias": a habit or a state, not an act.
            if syntax.isSimplePresent(x), !grammar.unchangedPast.contains(syntax.words[x].lemma.lowercased()) { return true }
        }
        // "plans to strike", "agreed to meet", "in order to strike": not done (yet).
        if syntax.words[p].relation == "xcomp", let h = syntax.head(p), !Self.aspectual.contains(syntax.words[h].lemma.lowercased()) { return true }
        if syntax.marker(p) == "to" && !announced { return true }
        // "refused to strike", "refrained from imposing": a negating verb governs the act.
        if let h = syntax.head(p), grammar.negations.contains(syntax.words[h].lemma.lowercased()) { return true }
        // Conditions ("if Israel strikes") anywhere up the clause chain; hearsay ("reports claim that …").
        for g in [p] + syntax.governors(p) {
            if let m = syntax.marker(g), m == "if" || m == "unless" || m == "whether" { return true }
            // Hearsay: a hedge verb ("claim", "allege") whose subject names no actor ("reports claim").
            if g != p, syntax.words[g].upos == .VERB, grammar.hearsay.contains(syntax.words[g].lemma.lowercased()),
               syntax.subject(g).map({ reference.allActors(sentence: n, word: $0).isEmpty }) ?? true { return true }
        }
        if cue.isNoun, !roles.predicated, let h = syntax.head(w), syntax.words[h].upos == .VERB {
            // "will not stop its airstrikes", "could impose sanctions": the verb over a named act.
            if syntax.isNegated(h, by: grammar.negations) || syntax.modal(h, in: grammar.modals) != nil || syntax.isFuture(h) { return true }
        }
        // "signed an agreement", "invaded with an invasion force": the verb's own event tells it.
        if cue.isNoun, let h = syntax.head(w), self.cue(at: h, c) != nil, syntax.words[w].baseRelation == "obj" { return true }
        if cue.isNoun {
            // "Israel's Air Campaign in Syria:", "Operation Northern Shield": a title or a name, not a telling.
            if w > 0, !roles.predicated, syntax.words[w].form.first?.isUppercase == true { return true }
            if syntax.subtree(w).contains(where: { $0 < w && grammar.habits.contains(syntax.words[$0].lemma.lowercased()) }) { return true }
            let dets = syntax.dependents(w, "det").map { syntax.words[$0].lemma.lowercased() }
            if dets.contains(where: { grammar.negations.contains($0) }) { return true }
            if !roles.predicated && dets.contains(where: Self.anaphoric.contains) { return true }
            // "hundreds of airstrikes", "repeated strikes": a count of acts, not one.
            if let h = syntax.head(w), grammar.habits.contains(syntax.words[h].lemma.lowercased()) { return true }
            if syntax.dependents(w).contains(where: { grammar.habits.contains(syntax.words[$0].lemma.lowercased()) }) { return true }
            // "a planned meeting", "the proposed sanctions".
            if syntax.dependents(w, "amod").contains(where: { grammar.plans.contains(syntax.words[$0].lemma.lowercased()) }) { return true }
            // "plans for strikes", "the threat of an invasion".
            if let h = syntax.head(w), syntax.words[h].upos == .NOUN, grammar.plans.contains(syntax.words[h].lemma.lowercased()) { return true }
            // "called for Russia's withdrawal", "demanded the release of …", "threatened sanctions":
            // what is asked for, offered or threatened has not happened.
            if isWanted(w, syntax) { return true }
        }
        return false
    }

    /// Whether a noun is what a verb of intention or request governs, through its object or an
    /// oblique and the nouns above it ("called for an immediate cessation of hostilities and
    /// Israeli military operations"): the verb's lemma, or its lemma and preposition ("call for").
    func isWanted(_ w: Int, _ syntax: SentenceSyntax) -> Bool {
        var x = w
        var preposition = syntax.preposition(of: w)
        for _ in 0..<4 {
            guard let h = syntax.head(x) else { return false }
            let r = syntax.words[x].baseRelation
            guard r == "obj" || r == "obl" || r == "nmod" || r == "conj" else { return false }
            if syntax.words[h].upos == .VERB {
                guard r == "obj" || r == "obl" else { return false }
                let lemma = syntax.words[h].lemma.lowercased()
                // An object of "want", "demand", "threaten"; an oblique only of "call for", "push for".
                if r == "obj" { return grammar.plans.contains(lemma) }
                return preposition.map { grammar.plans.contains(lemma + " " + $0) } ?? false
            }
            if r != "conj" { preposition = syntax.preposition(of: h) ?? preposition }
            x = h
        }
        return false
    }

    // MARK: - When

    /// The time expression in the predicate's own phrase wins ("X on Monday struck …"); else the
    /// nearest in the sentence, the paragraph's, or the publication date.
    func date(_ roles: Roles, _ w: Int, _ c: SentenceContext, previous: SentenceContext?, publication: KBDate?) -> (KBDate?, DateBasis?, String?, Bool) {
        let syntax = c.syntax
        var phrase = Set<Int>()
        for root in Set([w, roles.predicate]) { phrase.formUnion(localPhrase(root, syntax)) }
        let tokens = Set(phrase.map { syntax.tokenOfWord[$0] })
        let own = c.dates.filter { d in
            !d.future && tokens.contains { c.tokens[$0].start < d.range.upperBound && c.tokens[$0].end > d.range.lowerBound }
        }
        if let d = own.first { return (d.date, .text, d.phrase, d.approximate) }
        let token = syntax.tokenOfWord[w]
        return dateFor(token..<(token + 1), c, previous: previous, publication: publication)
    }

    /// A word and what depends on it, without the clauses below it (what someone said, what
    /// followed): the phrase a time expression of this act belongs to.
    func localPhrase(_ w: Int, _ syntax: SentenceSyntax) -> [Int] {
        var out = [w], k = 0
        while k < out.count {
            for d in syntax.dependents(out[k]) {
                switch syntax.words[d].baseRelation {
                case "ccomp", "advcl", "parataxis", "conj", "acl", "csubj", "xcomp", "list": continue
                default: out.append(d)
                }
            }
            k += 1
        }
        return out
    }

    /// "spoke by telephone", "held a video call": a consultation at a distance (CAMEO 041).
    func byTelephone(_ w: Int, _ p: Int, _ syntax: SentenceSyntax) -> Bool {
        let words: Set<String> = ["phone", "telephone", "videoconference", "video", "videolink", "call"]
        return Set(localPhrase(w, syntax) + localPhrase(p, syntax)).contains { $0 != w && words.contains(syntax.words[$0].lemma.lowercased()) }
    }
}
