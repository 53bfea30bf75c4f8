/// What a statement says: its content words (over one sentence or several), its polarity from
/// the predicate and the content, and its topic from the content's own arguments.
extension StanceExtractor {
    /// Content words by sentence index, and the slot words that head them (in the first sentence).
    struct Content {
        var words: [Int: [Int]]
        var heads: [Int]
        var isEmpty: Bool { words.values.allSatisfy(\.isEmpty) }
    }

    /// The words of the predicate's content slots (on the verb, and on a light verb's noun).
    func slotContent(_ m: Match, sentence n: Int, _ syn: SentenceSyntax, head: Int?) -> Content {
        var heads: [Int] = []
        let verb = m.word
        let noun = m.noun
        func add(_ ws: [Int]) { for w in ws where !heads.contains(w) && w != noun && w != verb { heads.append(w) } }
        for slot in m.predicate.slots {
            switch slot {
            case "ccomp", "xcomp", "obj":
                add(syn.dependents(verb, slot))
                if let n = noun, n != verb { add(syn.dependents(n, slot)) }
            case "acl":
                if let n = noun { add(syn.dependents(n, base: "acl")); add(syn.dependents(n, "ccomp")) }
            case "head":
                if let h = head { heads.append(h) }
            case "quote":
                break
            default:
                let parts = slot.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let on = [verb] + (noun.map { [$0] } ?? [])
                for w in on { add(syn.obliques(w).filter { $0.preposition == parts[1] }.map(\.word)) }
            }
        }
        var words = Set<Int>()
        for h in heads {
            if h == head {
                // "according to X, …": the clause without the phrase itself.
                let phrase = Set(syn.subtree(m.word) + (syn.head(m.word).map(syn.subtree) ?? []))
                words.formUnion(syn.subtree(h).filter { !phrase.contains($0) })
            } else {
                words.formUnion(syn.subtree(h))
            }
        }
        return Content(words: words.isEmpty ? [:] : [n: words.sorted()], heads: heads)
    }

    /// The words after the predicate in its clause, when no slot holds any.
    func restOfClause(_ m: Match, _ syn: SentenceSyntax, holder: Int) -> [Int] {
        let subject = Set(syn.subtree(holder))
        return syn.subtree(m.word).filter { $0 > m.word && !subject.contains($0) && !m.cueWords.contains($0) }
    }

    /// The words of a quotation, in each sentence it runs over.
    func quoteContent(_ q: QuoteSpan, _ doc: Document) -> Content {
        var out: [Int: [Int]] = [:]
        for (n, c) in doc.contexts.enumerated() where c.span.ordinal >= q.firstSentence && c.span.ordinal <= q.lastSentence {
            let syn = c.syntax
            out[n] = syn.words.indices.filter { w in
                let g = c.span.start + c.tokens[syn.tokenOfWord[w]].start
                return g >= q.start && g < q.end
            }
        }
        return Content(words: out, heads: [])
    }

    // MARK: - Polarity

    /// Whether a content word is negated: it or the predicate governing it ("will not dislodge",
    /// "refused to withdraw").
    /// The words of a polarity phrase (`phrase`) negate nothing: "have never been better".
    func isNegated(_ w: Int, _ syn: SentenceSyntax, phrase: Set<Int> = []) -> Bool {
        var p = w
        for _ in 0..<4 {
            if syn.dependents(p).contains(where: { d in
                let r = syn.words[d].relation
                return (r == "advmod" || r == "det" || r == "cc:preconj") && !phrase.contains(d)
                    && grammar.negations.contains(syn.words[d].lemma.lowercased())
            }) { return true }
            let upos = syn.words[p].upos
            if upos == .VERB || upos == .ADJ || upos == .AUX {
                if syn.words[p].relation == "xcomp", let h = syn.head(p), grammar.negations.contains(syn.words[h].lemma.lowercased()) { return true }
                return false
            }
            guard let h = syn.head(p) else { return false }
            p = h
        }
        return false
    }

    /// The polarity toward the topic. A fixed predicate keeps its own, turned around by an invert
    /// word heading its content ("hailed the decertification of the deal": against the deal),
    /// and neutral when negated ("did not condemn"). For a `content` predicate the content's
    /// polarity words decide, each turned by a negation governing it, and turned around by an
    /// invert word among its own arguments ("welcomed the end of the strikes", "called the
    /// decertification courageous" through the content's head): an invert word does not turn the
    /// words inside its own phrase ("must cease its aggressive actions" stays against) nor the
    /// words it merely modifies ("the attack … against Iran" stays an attack). Alone, an invert
    /// word counts against.
    func polarity(_ fixed: String, negated: Bool, _ content: Content, _ doc: Document) -> String {
        var support = 0, oppose = 0, inverts = 0
        var headInverted = false
        for (n, ws) in content.words {
            let syn = doc.contexts[n].syntax
            let lemmas = syn.words.map { $0.lemma.lowercased() }
            let set = Set(ws)
            var effects: [Int: StanceLexicon.Effect] = [:]
            var phrases: [Int: Range<Int>] = [:]
            var k = 0
            while k < ws.count {
                let w = ws[k]
                guard let (effect, length) = lexicon.polarity(at: w, lemmas: lemmas), (0..<length).allSatisfy({ set.contains(w + $0) }) else { k += 1; continue }
                // A negated invert ("did not end") turns nothing.
                if effect != .invert || !isNegated(w, syn) { effects[w] = effect }
                if length > 1 { phrases[w] = w..<(w + length) }
                k += length
            }
            let invertHeads = content.heads.filter { effects[$0] == .invert }
            if !invertHeads.isEmpty { headInverted = true }
            for (w, effect) in effects.sorted(by: { $0.key < $1.key }) {
                switch effect {
                case .invert:
                    if !effects.values.contains(where: { $0 != .invert }) { inverts += 1 }
                case .support, .oppose:
                    // Inverts among this word's arguments, and the content's inverted head above it.
                    // Inside the inverted head's phrase a word describes what is ended ("cease its
                    // aggressive actions"), unless it is said of it ("… the deal 'courageous'").
                    var flips = argumentInverts(w, effects, syn)
                    let predicative = ["appos", "xcomp"].contains(String(syn.words[w].baseRelation))
                    flips += invertHeads.filter { $0 != w && (predicative || !syn.subtree($0).contains(w)) }.count
                    // A phrase is negated from outside it, through its last word's governors.
                    let inPhrases = Set(phrases.values.flatMap { $0 })
                    let negatedWord = isNegated(phrases[w].map { $0.upperBound - 1 } ?? w, syn, phrase: inPhrases)
                    var sign = effect == .support ? (negatedWord ? -1 : 1) : -1   // "do not want bloodshed" still opposes it
                    if flips % 2 == 1 { sign = -sign }
                    if sign > 0 { support += 1 } else { oppose += 1 }
                }
            }
        }
        if fixed != "content" {
            if negated || fixed == "neutral" { return "neutral" }
            return headInverted ? (fixed == "support" ? "oppose" : "support") : fixed
        }
        var result: String
        if support > oppose { result = "support" } else if oppose > support { result = "oppose" } else if support > 0 { return "mixed" } else {
            return inverts > 0 && !negated ? "oppose" : "neutral"
        }
        if negated { return result == "support" ? "oppose" : "neutral" }
        return result
    }

    /// How many invert words stand among w's arguments — its objects and the nouns they head —
    /// before another polarity word: "welcomed the end of the strikes" (one), "condemned the
    /// attack … against Iran" (none: the attack is a polarity word of its own).
    func argumentInverts(_ w: Int, _ effects: [Int: StanceLexicon.Effect], _ syn: SentenceSyntax) -> Int {
        var count = 0
        var frontier = [w]
        var seen = Set([w])
        while let x = frontier.popLast() {
            for d in syn.dependents(x) where !seen.contains(d) {
                seen.insert(d)
                // Not into clauses of their own ("cooperation to combat drugs" is not against the cooperation).
                guard ["obj", "nmod"].contains(String(syn.words[d].baseRelation)) || syn.words[d].relation == "nsubj:pass" else { continue }
                if let e = effects[d] {
                    guard e == .invert else { continue }
                    count += 1
                }
                frontier.append(d)
            }
        }
        return count
    }
}
