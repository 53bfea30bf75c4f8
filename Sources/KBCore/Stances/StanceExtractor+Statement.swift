/// One statement from a predicate, a speaker's turn or a quotation continued.
extension StanceExtractor {
    /// The statements of one predicate: one per holder (a joint statement has several).
    func statements(_ m: Match, sentence n: Int, _ doc: Document) -> [ExtractedStance] {
        let c = doc.contexts[n]
        let syn = c.syntax
        if isSpeculative(m, sentence: n, doc) { return [] }
        // Nested speech inside a quotation is the quoted speaker's, not read here.
        let offset = c.span.start + c.tokens[syn.tokenOfWord[m.word]].start
        if doc.quotes.contains(where: { offset >= $0.start && offset < $0.end }) { return [] }
        guard let (holders, hw, contentHead) = holderMentions(m, sentence: n, doc) else { return [] }

        // The content: the predicate's slots, or the quotation it introduces or closes.
        var content = slotContent(m, sentence: n, syn, head: contentHead)
        var quote: QuoteSpan? = nil
        if m.predicate.slots.contains("quote") {
            quote = adjacentQuote(m, sentence: n, doc)
            if let q = quote, content.words.isEmpty || q.end <= offset { content = quoteContent(q, doc) }
        }
        // A noun of speech without words of its own ("Putin's announcement") states nothing.
        if m.predicate.part == .noun && content.isEmpty && quote == nil { return [] }
        if content.words.isEmpty && quote == nil {
            content = Content(words: [n: restOfClause(m, syn, holder: hw)], heads: [])
        }
        let polarity = polarity(m.predicate.polarity, negated: m.negated, content, doc)
        let cueTokens = syn.tokenOfWord[m.cueWords.min()!]..<(syn.tokenOfWord[m.cueWords.max()!] + 1)
        var out: [ExtractedStance] = []
        for h in holders {
            let (holder, speaker) = holderAndSpeaker(h, c, date: nil, doc)
            let (topic, target) = topicAndTarget(content, holder: holder, holderMention: h, doc)
            let (date, basis, phrase, approx) = dateFor(cueTokens, c, excluding: quote, previous: doc.paragraphDates[n], publication: doc.publication)
            let (h2, s2) = holderAndSpeaker(h, c, date: date, doc)
            out.append(ExtractedStance(holder: h2.key.isEmpty ? holder : h2, speaker: s2 ?? speaker, polarity: polarity, topic: topic, target: target,
                                       date: date, dateBasis: basis, datePhrase: phrase, dateApproximate: approx, quote: quote?.text,
                                       act: m.predicate.act, cue: m.predicate.cue, negated: m.negated, sentence: c.span.ordinal,
                                       start: c.tokens[cueTokens.lowerBound].start, end: c.tokens[cueTokens.upperBound - 1].end))
        }
        return out
    }

    /// The holders of a predicate and, for "according to", the clause it modifies.
    func holderMentions(_ m: Match, sentence n: Int, _ doc: Document) -> (holders: [ActorMention], word: Int, content: Int?)? {
        let syn = doc.contexts[n].syntax
        let holderWord: Int?
        var contentHead: Int? = nil
        if m.predicate.slots.contains("head") {
            // "according to X, …": X is the nominal the phrase marks; the content is its clause.
            if syn.words[m.word].relation == "case" || syn.words[m.word].relation == "fixed", let x = syn.head(m.word) {
                holderWord = syn.words[x].upos == .ADP ? syn.head(x) : x
            } else {
                holderWord = syn.obliques(m.word).first { $0.preposition == "to" }?.word
            }
            contentHead = holderWord.flatMap { syn.head($0) }
        } else if m.predicate.part == .noun {
            holderWord = nounHolder(m.word, syn)
        } else if syn.isPassive(m.word) {
            holderWord = syn.agent(m.word)
        } else {
            holderWord = syn.subject(m.word) ?? adjacentActor(m, sentence: n, doc)
        }
        guard let hw = holderWord else { return nil }
        let holders = actors(sentence: n, word: hw, doc)
        return holders.isEmpty ? nil : (holders, hw, contentHead)
    }

    /// When the parse gives a speech verb no subject: the actor named just before it (over
    /// adverbs and auxiliaries), or — after a quotation — just after it ("…,” said Lavrov).
    func adjacentActor(_ m: Match, sentence n: Int, _ doc: Document) -> Int? {
        let c = doc.contexts[n]
        let syn = c.syntax
        // Only a speech tag by a quotation, or one that introduces the next paragraph ("…, Altun
        // stated:"): elsewhere a missing subject is no licence to guess.
        guard m.predicate.slots.contains("quote"), adjacentQuote(m, sentence: n, doc) != nil || c.tokens.last?.text == ":" else { return nil }
        var k = syn.tokenOfWord[m.word] - 1
        while k >= 0, let w = syn.wordOfToken[k] >= 0 ? syn.wordOfToken[k] : nil, [.ADV, .AUX, .PART].contains(syn.words[w].upos) { k -= 1 }
        if k >= 0, let mention = c.mention(at: k), !mention.isLocation || mention.form == .seat {
            return syn.headWord(ofTokens: mention.tokens)
        }
        let after = syn.tokenOfWord[m.cueWords.max()!] + 1
        if after < c.tokens.count, let mention = c.mention(at: after), !mention.isLocation {
            return syn.headWord(ofTokens: mention.tokens)
        }
        return nil
    }

    /// A sentence of a speaker's turn: the speaker's statement, its words the content.
    func turnStatement(_ speaker: ActorMention, sentence n: Int, from start: Int, _ doc: Document) -> ExtractedStance? {
        let c = doc.contexts[n]
        let syn = c.syntax
        let ws = syn.words.indices.filter { syn.tokenOfWord[$0] >= start && syn.words[$0].upos != .PUNCT }
        guard ws.count >= 4 else { return nil }
        // A speculative sentence of the speaker is still theirs: the turn is their words.
        let content = Content(words: [n: ws], heads: [])
        // Courtesies and facts ("Thank you.", "Last year, our trade grew") are no position.
        let polarity = polarity("content", negated: false, content, doc)
        guard polarity != "neutral" else { return nil }
        let (holder, who) = holderAndSpeaker(speaker, c, date: doc.publication, doc)
        let (topic, target) = topicAndTarget(content, holder: holder, holderMention: speaker, doc)
        let first = c.tokens[syn.tokenOfWord[ws[0]]]
        return ExtractedStance(holder: holder, speaker: who, polarity: polarity, topic: topic, target: target,
                               date: doc.publication, dateBasis: doc.publication == nil ? nil : .publication, datePhrase: nil, dateApproximate: false,
                               quote: nil, act: .CONSULT, cue: "turn", negated: false, sentence: c.span.ordinal, start: first.start, end: first.end)
    }

    /// A quotation alone in its sentence continues the one attributed just before: same speaker.
    func continuedQuote(_ last: ExtractedStance?, sentence n: Int, _ doc: Document) -> ExtractedStance? {
        let c = doc.contexts[n]
        guard let last, last.quote != nil, n > 0, last.sentence == doc.contexts[n - 1].span.ordinal,
              doc.contexts[n - 1].span.paragraph == c.span.paragraph,
              let q = doc.quotes.first(where: { $0.firstSentence == c.span.ordinal && $0.lastSentence == c.span.ordinal }),
              q.text.unicodeScalars.count * 10 >= c.span.text.unicodeScalars.count * 8 else { return nil }
        var s = last
        let content = quoteContent(q, doc)
        s.quote = q.text
        s.sentence = c.span.ordinal
        s.polarity = polarity("content", negated: false, content, doc)
        s.start = q.start - c.span.start
        s.end = q.end - c.span.start
        let (topic, target) = topicAndTarget(content, holder: s.holder, holderMention: nil, doc)
        if topic != nil { s.topic = topic }
        if target != nil { s.target = target }
        return s
    }

    /// The quotation a speech predicate closes ("“…,” he said", within a short reach before it,
    /// possibly opened sentences earlier) or introduces ("declared: “…”", after it).
    func adjacentQuote(_ m: Match, sentence n: Int, _ doc: Document) -> QuoteSpan? {
        let c = doc.contexts[n]
        let tok = c.tokens[c.syntax.tokenOfWord[m.word]]
        let at = c.span.start + tok.start
        if let q = doc.quotes.last(where: { $0.lastSentence == c.span.ordinal && $0.end <= at && at - $0.end <= 90 }) { return q }
        return doc.quotes.first { $0.firstSentence == c.span.ordinal && $0.start >= c.span.start + tok.end }
    }
}
