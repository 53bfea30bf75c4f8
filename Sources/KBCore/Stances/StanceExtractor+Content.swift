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
    func isNegated(_ w: Int, _ syn: SentenceSyntax) -> Bool {
        var p = w
        for _ in 0..<4 {
            if syn.isNegated(p, by: grammar.negations) { return true }
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
    /// polarity words decide, each turned by a negation governing it; an invert word counts
    /// against, and turns the rest around ("called the decertification courageous").
    func polarity(_ fixed: String, negated: Bool, _ content: Content, _ doc: Document) -> String {
        var support = 0, oppose = 0, inverts = 0
        var headInverted = false
        for (n, ws) in content.words {
            let syn = doc.contexts[n].syntax
            let lemmas = syn.words.map { $0.lemma.lowercased() }
            let set = Set(ws)
            var k = 0
            while k < ws.count {
                let w = ws[k]
                guard let (effect, length) = lexicon.polarity(at: w, lemmas: lemmas), (0..<length).allSatisfy({ set.contains(w + $0) }) else { k += 1; continue }
                let negatedWord = isNegated(w, syn)
                switch effect {
                case .invert:
                    if !negatedWord {
                        inverts += 1
                        if content.heads.contains(w) { headInverted = true }
                    }
                case .support: if negatedWord { oppose += 1 } else { support += 1 }
                // "do not want bloodshed" still opposes it; only support is turned by a negation.
                case .oppose: oppose += 1
                }
                k += length
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
        if inverts % 2 == 1 { result = result == "support" ? "oppose" : "support" }
        if negated { return result == "support" ? "oppose" : "neutral" }
        return result
    }
}
