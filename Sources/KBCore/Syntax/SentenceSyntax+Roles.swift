/// The one seam through which events and stances read a sentence's grammar: who is the
/// subject, the object, the passive agent of a predicate; its obliques with their prepositions;
/// a noun's possessor and modifiers; conjuncts; clausal complements; negation, modality, tense.
/// All take and give word indices of `words`.
extension SentenceSyntax {
    public func dependents(_ w: Int) -> [Int] { parse.dependents[w] }

    public func dependents(_ w: Int, _ relation: String) -> [Int] {
        parse.dependents[w].filter { words[$0].relation == relation }
    }

    public func dependents(_ w: Int, base: String) -> [Int] {
        parse.dependents[w].filter { words[$0].baseRelation == base }
    }

    public func head(_ w: Int) -> Int? { words[w].head >= 0 ? words[w].head : nil }

    /// Whether the predicate is passive: a passive subject or a passive auxiliary.
    public func isPassive(_ w: Int) -> Bool {
        parse.dependents[w].contains { let r = words[$0].relation; return r == "nsubj:pass" || r == "aux:pass" || r == "csubj:pass" }
    }

    /// The predicate's subject. A conjoined predicate without one shares its first conjunct's
    /// ("X met Y and signed …"), an open complement its governor's ("X plans to strike"), and a
    /// relative clause's is the noun it modifies ("the army, which struck …").
    public func subject(_ w: Int) -> Int? {
        var p = w
        for _ in 0..<6 {
            if let s = parse.dependents[p].first(where: { let r = words[$0].relation; return r == "nsubj" || r == "nsubj:pass" || r == "csubj" }) {
                // "which" / "who" in a relative clause stands for the noun the clause modifies, also
                // in a relative clause conjoined to it ("Iran, which shows … and which warned …").
                if words[s].upos == .PRON, ["which", "who", "that"].contains(words[s].lemma.lowercased()) {
                    var r = p
                    while words[r].relation == "conj", let h = head(r) { r = h }
                    if words[r].relation == "acl:relcl", let h = head(r) { return h }
                }
                return s
            }
            let r = words[p].relation
            // "pictures of Haniyeh meeting officials": a gerund modifying a noun is the noun's act;
            // "the decision after speaking with …" is an adverbial clause the parse hung on a noun.
            if r == "acl", words[p].form.lowercased().hasSuffix("ing"), let h = head(p) {
                if marker(p) == nil { return words[h].upos == .NOUN || words[h].upos == .PROPN ? h : nil }
                guard isParticipial(p), let v = governors(p).first(where: { words[$0].upos == .VERB }) else { return nil }
                p = v
                continue
            }
            guard let h = head(p), r == "conj" || r == "xcomp" || r == "acl:relcl" || r == "advcl" && isParticipial(p) else { return nil }
            if r == "acl:relcl" { return h }
            // Object control: "urged Iran to stop" — the open complement's subject is the object.
            if r == "xcomp", let o = object(h) { return o }
            p = h
        }
        return nil
    }

    /// "Meeting Y on Monday, X said …", "After meeting Y, X said …": a participle or gerund
    /// clause whose subject is the main clause's.
    func isParticipial(_ w: Int) -> Bool {
        guard words[w].form.lowercased().hasSuffix("ing") else { return false }
        let marks = parse.dependents[w].filter { words[$0].relation == "mark" }.map { words[$0].lemma.lowercased() }
        return marks.allSatisfy { ["after", "before", "while", "when", "upon", "since", "by", "following", "in"].contains($0) }
    }

    public func object(_ w: Int) -> Int? { parse.dependents[w].first { words[$0].relation == "obj" && preposition(of: $0) == nil } }

    /// The doer in the passive: "by X" (obl:agent, or an oblique with "by").
    public func agent(_ w: Int) -> Int? {
        if let a = parse.dependents[w].first(where: { words[$0].relation == "obl:agent" }) { return a }
        guard isPassive(w) else { return nil }
        if let by = obliques(w).first(where: { $0.preposition == "by" })?.word { return by }
        // A "by" phrase the parse hung one level down ("canceled at the last minute by Trump").
        for o in obliques(w) {
            if let by = obliques(o.word).first(where: { $0.preposition == "by" })?.word { return by }
        }
        return nil
    }

    /// A predicate's or noun's obliques and nominal modifiers with their preposition's lemma
    /// ("with" for "met with X"; "according to" for a fixed two-word preposition).
    public func obliques(_ w: Int) -> [(preposition: String, word: Int)] {
        var out: [(String, Int)] = []
        for d in parse.dependents[w] {
            let r = words[d].baseRelation
            if words[d].relation == "nmod:poss" { continue }
            if r == "obl" || r == "nmod" {
                out.append((preposition(of: d) ?? "", d))
            } else if r == "obj" || r == "iobj", let p = preposition(of: d) {
                // "spoke with President Zelensky" parsed as an object whose title holds "with".
                out.append((p, d))
            }
        }
        return out
    }

    /// The lemma of a nominal's case marker ("with" in "with Putin"); a fixed expression whole.
    public func preposition(of d: Int) -> String? {
        // The marker may hang on a title or name part before the head ("with President Zelensky").
        let parts = parse.dependents[d].filter { $0 < d && ["flat", "compound", "nmod:desc"].contains(words[$0].relation) }
        guard let c = parse.dependents[d].first(where: { words[$0].relation == "case" })
                ?? parts.lazy.compactMap({ p in self.parse.dependents[p].first { self.words[$0].relation == "case" } }).first else { return nil }
        var p = words[c].lemma.lowercased()
        for f in parse.dependents[c] where words[f].relation == "fixed" { p += " " + words[f].lemma.lowercased() }
        return p
    }

    /// The possessor of a noun ("Israel's strike").
    public func possessor(_ w: Int) -> Int? { parse.dependents[w].first { words[$0].relation == "nmod:poss" } }

    /// Adjectival, compound and other modifiers of a noun ("Israeli strikes", "U.S. sanctions").
    public func modifiers(_ w: Int) -> [Int] {
        parse.dependents[w].filter { let r = words[$0].relation; return r == "amod" || r == "compound" || r == "nmod:unmarked" || r == "flat" }
    }

    /// A word and the words conjoined with it: "Iran, Russia and Turkey" from "Iran".
    public func conjuncts(_ w: Int) -> [Int] {
        var out = [w]
        var k = 0
        while k < out.count {
            for d in parse.dependents[out[k]] where words[d].relation == "conj" && !out.contains(d) { out.append(d) }
            k += 1
            if out.count > 12 { break }
        }
        return out
    }

    /// The clausal complement of a predicate (ccomp, else xcomp): "said that …", "vowed to …".
    public func complement(_ w: Int) -> Int? {
        parse.dependents[w].first { words[$0].relation == "ccomp" } ?? parse.dependents[w].first { words[$0].relation == "xcomp" }
    }

    /// Whether a lemma of `words` negates the predicate ("did not strike", "never met", "no talks").
    public func isNegated(_ w: Int, by negations: Set<String>) -> Bool {
        parse.dependents[w].contains { d in
            let r = words[d].relation
            return (r == "advmod" || r == "det" || r == "cc:preconj") && negations.contains(words[d].lemma.lowercased())
        }
    }

    /// The predicate's auxiliaries' lemmas ("will", "have", "be").
    public func auxiliaries(_ w: Int) -> [String] {
        parse.dependents[w].filter { words[$0].relation.hasPrefix("aux") }.map { words[$0].lemma.lowercased() }
    }

    /// A modal among the predicate's auxiliaries, or of the copula it stands with.
    public func modal(_ w: Int, in modals: Set<String>) -> String? {
        auxiliaries(w).first { modals.contains($0) }
    }

    /// "will meet", "is going to meet": said of the future.
    public func isFuture(_ w: Int) -> Bool {
        let aux = auxiliaries(w)
        if aux.contains("will") || aux.contains("shall") || aux.contains("'ll") { return true }
        if let h = head(w), words[w].relation == "xcomp", words[h].lemma == "go", words[h].form.lowercased() == "going" { return true }
        return false
    }

    /// "We cooperate", "Iran supplies …": a finite verb in the simple present, without auxiliaries
    /// (the tense of habits, generic truths and states, not of a reported act).
    public func isSimplePresent(_ w: Int) -> Bool {
        let word = words[w]
        guard word.upos == .VERB, auxiliaries(w).isEmpty, subject(w) != nil, words[w].relation != "xcomp" else { return false }
        let form = word.form.lowercased(), lemma = word.lemma.lowercased()
        guard !form.hasSuffix("ing"), !form.hasSuffix("ed") else { return false }
        if form == lemma { return true }
        return form == lemma + "s" || form == lemma + "es" || lemma.hasSuffix("y") && form == lemma.dropLast() + "ies"
    }

    /// Adverbs modifying the predicate, by lemma ("reportedly", "regularly").
    public func adverbs(_ w: Int) -> [String] {
        parse.dependents[w].filter { words[$0].relation == "advmod" }.map { words[$0].lemma.lowercased() }
    }

    /// The subordinating marker of a clause ("if", "that", "to").
    public func marker(_ w: Int) -> String? {
        parse.dependents[w].first { words[$0].relation == "mark" }.map { words[$0].lemma.lowercased() }
    }

    /// The words below w, w included, in order.
    public func subtree(_ w: Int) -> [Int] {
        var out = [w], k = 0
        while k < out.count { out.append(contentsOf: parse.dependents[out[k]]); k += 1 }
        return out.sorted()
    }

    /// The chain of heads above w, nearest first.
    public func governors(_ w: Int) -> [Int] {
        var out: [Int] = [], p = w
        while let h = head(p), out.count < words.count { out.append(h); p = h }
        return out
    }

    /// The word of a token range (a name) that heads it: its head lies outside the range.
    public func headWord(ofTokens r: Range<Int>) -> Int? {
        let ws = tokenOfWord.indices.filter { r.contains(tokenOfWord[$0]) }
        return ws.first { w in words[w].head < 0 || !ws.contains(words[w].head) } ?? ws.first
    }
}
