/// Finds stance statements on each sentence's parse: positions a text attributes to an actor,
/// quoted or reported. A reporting predicate of `predicates.tsv` — a verb ("condemned"), a
/// phrasal verb ("called for"), a light verb with its noun ("voiced concern", "issued a
/// statement"), a noun ("the ministry's warning", "assurances from the Kremlin"), "according
/// to" — gives the holder (its subject, passive agent, possessor or "from"/"by" phrase, each
/// conjunct of a joint statement, a pronoun through coreference) and its content (the slots the
/// row names, or the quotation it introduces or closes). A transcript speaker's turn
/// (`SpeakerTurns`) attributes its sentences to the speaker. The holder is the state (or
/// organization) the speaker served that day. The author's analysis and forecasts are not
/// statements: a predicate needs an actor as its subject, and a speculative modal on it (or on
/// what governs it outside a reporting predicate's content) makes it speculation.
public struct StanceExtractor: Sendable {
    public let lexicon: StanceLexicon
    let grammar: GrammarClasses
    let dictionary: ActorDictionary
    let bodies: Set<String>
    /// Modals that make a predicate speculation ("could condemn"); "will" and "shall" are tense.
    let speculativeModals: Set<String>

    public init(lexicon: StanceLexicon, grammar: GrammarClasses, dictionary: ActorDictionary) {
        self.lexicon = lexicon
        self.grammar = grammar
        self.dictionary = dictionary
        bodies = lexicon.bodies
        speculativeModals = grammar.modals.subtracting(["will", "shall", "must", "need", "dare"])
    }

    /// A predicate found in a sentence: its row, its head word, and a light verb's noun.
    struct Match {
        var predicate: StanceLexicon.Predicate
        var word: Int
        var noun: Int?
        var negated = false
        /// Words of the cue (for its offsets).
        var cueWords: [Int]
    }

    /// What one document's extraction shares: its sentences, references, quotations and turns.
    struct Document {
        let contexts: [SentenceContext]
        let refs: ActorReference
        let quotes: [QuoteSpan]
        let turns: SpeakerTurns
        let paragraphDates: [SentenceContext?]
        let publication: KBDate?
        /// Actors the text presents as analysts or experts ("X, senior analyst at …"): their
        /// words are analysis, not a position of the state they come from.
        let analysts: Set<String>
    }

    public func extract(_ contexts: [SentenceContext], events: [ExtractedEvent], publication: KBDate?, reference: ActorReference) -> [ExtractedStance] {
        let doc = Document(contexts: contexts, refs: reference,
                           quotes: QuoteFinder.find(contexts.map(\.span)), turns: reference.coreference.turns,
                           paragraphDates: contexts.paragraphDates(), publication: publication, analysts: analysts(contexts))
        var eventsBySentence: [Int: [Int]] = [:]
        for (k, e) in events.enumerated() { for m in e.mentions where eventsBySentence[m.sentence]?.last != k { eventsBySentence[m.sentence, default: []].append(k) } }
        var out: [ExtractedStance] = []
        // "In his message, Altun stated:" — the next paragraph is the speaker's words, and so are
        // the paragraphs of a quotation it opens, or of a statement under a heading.
        var introduced: (speaker: ActorMention, first: Int, last: Int)? = nil
        for (n, c) in contexts.enumerated() {
            if let i = introduced, c.span.paragraph > i.last { introduced = nil }
            if c.span.text.hasSuffix("?") || c.isHeading { continue }
            var found: [ExtractedStance] = []
            let here = matches(c)
            for m in here {
                found += statements(m, sentence: n, doc)
            }
            if c.tokens.last?.text == ":", n + 1 < contexts.count, contexts[n + 1].span.paragraph != c.span.paragraph,
               let m = here.first(where: { $0.predicate.slots.contains("quote") }), let h = holderMentions(m, sentence: n, doc)?.holders.first {
                let next = contexts[n + 1].span.paragraph
                introduced = (h, next, Self.introducedThrough(after: n, contexts))
            }
            let turn = doc.turns.turn(of: n).flatMap { t in t.turn.speaker.map { ($0, t.start) } }
                ?? introduced.flatMap { i in c.span.paragraph >= i.first ? (i.speaker, 0) : nil }
            if let (speaker, start) = turn,
               let s = turnStatement(speaker, sentence: n, from: start, doc),
               !found.contains(where: { $0.holder.key == s.holder.key && $0.holder.country == s.holder.country }) {
                found.append(s)
            }
            if found.isEmpty, let s = continuedQuote(out.last, sentence: n, doc) { found.append(s) }
            // One statement per holder and sentence: the quoted one, else the first.
            var kept: [ExtractedStance] = []
            for s in found {
                if let k = kept.firstIndex(where: { $0.holder.country == s.holder.country && $0.holder.key == s.holder.key }) {
                    if kept[k].quote == nil && s.quote != nil { kept[k] = s }
                } else { kept.append(s) }
            }
            for var s in kept {
                s.events = linkedEvents(s, events, eventsBySentence)
                out.append(s)
            }
        }
        return out
    }

    /// The last paragraph of what a sentence ending in a colon introduces: the next one; the
    /// paragraph that closes a quotation the next one opens ("Altun stated:" / "“We condemn … /
    /// … in this direction.”"); under a heading of its own ("Statements by the Minister:"), the
    /// paragraphs up to the next heading or colon. At most `introducedReach` paragraphs.
    static let introducedReach = 12
    static func introducedThrough(after n: Int, _ contexts: [SentenceContext]) -> Int {
        let next = contexts[n + 1].span.paragraph
        var paragraphs: [(number: Int, text: String)] = []
        for c in contexts[(n + 1)...] {
            if c.span.paragraph > next + introducedReach { break }
            if paragraphs.last?.number == c.span.paragraph { paragraphs[paragraphs.count - 1].text += " " + c.span.text } else { paragraphs.append((c.span.paragraph, c.span.text)) }
        }
        guard let first = paragraphs.first else { return next }
        let opens = first.text.first.map { $0 == "\u{201C}" || $0 == "\"" } ?? false
        if opens {
            let closes = paragraphs.first { $0.text.hasSuffix("\u{201D}") || $0.text.hasSuffix("\"") || $0.text.hasSuffix(".\u{201D}") }
            return closes?.number ?? next
        }
        // A heading alone in its paragraph, naming no predicate of its own before the colon.
        let introducer = contexts[n]
        let alone = n == 0 || contexts[n - 1].span.paragraph != introducer.span.paragraph
        guard alone, !introducer.syntax.words.contains(where: { $0.upos == .VERB && $0.relation == "root" }) else { return next }
        var last = next
        for p in paragraphs.dropFirst() {
            if p.text.hasSuffix(":") || !(p.text.last.map { ".!\u{201D}\"".contains($0) } ?? false) { break }
            last = p.number
        }
        return last
    }

    /// The actors named as analysts, experts or observers: the apposition or head of a
    /// speculation noun ("Tahani Mustafa, senior Palestine analyst at …", "analyst Tahani Mustafa").
    func analysts(_ contexts: [SentenceContext]) -> Set<String> {
        var out = Set<String>()
        for c in contexts {
            let syn = c.syntax
            for w in syn.words.indices where syn.words[w].upos == .NOUN && grammar.speculation.contains(syn.words[w].lemma.lowercased()) {
                var related = syn.dependents(w).filter { ["appos", "flat", "compound", "nmod:unmarked"].contains(syn.words[$0].relation) }
                if syn.words[w].relation == "appos" || syn.words[w].relation == "compound", let h = syn.head(w) { related.append(h) }
                let own = Set(syn.subtree(w))
                for r in related {
                    for x in syn.subtree(r) where !own.contains(x) {
                        if let m = c.mention(at: syn.tokenOfWord[x]), m.kind == .person { out.insert(m.actorKey) }
                    }
                }
            }
        }
        return out
    }

    // MARK: - Predicates

    /// The reporting predicates of a sentence, longest first: a light verb with its noun over the
    /// verb alone and over the noun's own row, "call for" over "call". A negating verb ("refused
    /// to condemn") negates the predicate it governs instead of being one.
    func matches(_ c: SentenceContext) -> [Match] {
        let syn = c.syntax
        let words = syn.words
        let lemmas = words.indices.map { lexicon.predicateLemma(words[$0]) }
        var out: [Match] = []
        var consumed = Set<Int>()
        for w in words.indices {
            let upos = words[w].upos
            if upos == .VERB || upos == .AUX && lexicon.isLightVerb(lemmas[w]) {
                // "voiced deep concern", "issued a statement", "made it clear".
                let complements = syn.dependents(w, "obj") + syn.dependents(w, "xcomp").filter { words[$0].upos == .ADJ }
                if let o = complements.first(where: { lexicon.light(lemmas[w], lemmas[$0]) != nil }), let p = lexicon.light(lemmas[w], lemmas[o]) {
                    out.append(Match(predicate: p, word: w, noun: o, cueWords: [w, o]))
                    consumed.insert(o)
                    continue
                }
            }
            if let p = lexicon.verb(at: w, lemmas: lemmas), upos == .VERB || p.slots.contains("head") || upos == .AUX && p.lemmas.count > 1 {
                let cue = Array(w..<(w + p.lemmas.count))
                out.append(Match(predicate: p, word: w, noun: nil, cueWords: cue))
                consumed.formUnion(cue)
            }
        }
        let predicateWords = Set(out.map(\.word))
        for w in words.indices where (words[w].upos == .NOUN) && !consumed.contains(w) {
            // "welcomed Putin's announcement", "underscore Tehran's willingness": a noun inside
            // another predicate's clause is that predicate's content, not a statement of its own.
            if let h = syn.head(w), predicateWords.contains(h) { continue }
            if let p = lexicon.noun(at: w, lemmas: lemmas) {
                out.append(Match(predicate: p, word: w, noun: w, cueWords: Array((w - p.lemmas.count + 1)...w)))
            }
        }
        // "refused to condemn", "failed to welcome": the verb negates its open complement.
        var negatedWords = Set<Int>()
        var dropped = Set<Int>()
        for (k, m) in out.enumerated() where m.noun == nil && grammar.negations.contains(lemmas[m.word]) {
            for x in syn.dependents(m.word, "xcomp") where out.contains(where: { $0.word == x }) {
                negatedWords.insert(x)
                dropped.insert(k)
            }
        }
        return out.enumerated().filter { !dropped.contains($0.offset) }.map { k, m in
            var m = m
            m.negated = negatedWords.contains(m.word) || syn.isNegated(m.word, by: grammar.negations)
                || m.noun.map { syn.isNegated($0, by: grammar.negations) } == true
            return m
        }
    }

    /// Whether the predicate is the author's speculation: a speculative modal on it, a condition
    /// ("if"), or a speculative governor ("could provoke … responses from Russia") outside the
    /// content of a reporting verb ("Lavrov said Russia could respond" is a statement).
    func isSpeculative(_ m: Match, sentence n: Int, _ doc: Document) -> Bool {
        let c = doc.contexts[n]
        let syn = c.syntax
        func speculative(_ g: Int, governor: Bool) -> Bool {
            if syn.modal(g, in: governor ? grammar.modals : speculativeModals) != nil { return true }
            if let mark = syn.marker(g), grammar.speculation.contains(mark) { return true }
            if syn.adverbs(g).contains(where: grammar.speculation.contains) { return true }
            return grammar.speculation.contains(syn.words[g].lemma.lowercased()) && syn.words[g].upos != .NOUN
        }
        if speculative(m.word, governor: false) { return true }
        let lemmas = syn.words.indices.map { lexicon.predicateLemma(syn.words[$0]) }
        var p = m.word
        for g in syn.governors(m.word) {
            // "“…,” X told reporters": the speech tag is not embedded in the quoted clause.
            if syn.words[p].relation == "parataxis" { return false }
            p = g
            // A governor inside a quotation the predicate stands outside of: the parse joined the tag to the quote.
            let at = c.span.start + c.tokens[syn.tokenOfWord[g]].start
            if doc.quotes.contains(where: { at >= $0.start && at < $0.end }) { return false }
            if syn.words[g].upos == .VERB, lexicon.verb(at: g, lemmas: lemmas) != nil, let s = syn.subject(g) {
                // Inside the content of a statement by an actor; "these concessions indicate …" is the author's reasoning.
                return actors(sentence: n, word: s, doc).isEmpty
            }
            if speculative(g, governor: true) { return true }
        }
        return false
    }
}
