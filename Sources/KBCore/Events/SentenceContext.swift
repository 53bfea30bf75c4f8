/// What the extraction stages know about one sentence: its tokens, the actors named in it and
/// the dates it states.
public struct SentenceContext: Sendable {
    public var span: SentenceSpan
    public var tokens: [Token]
    public var mentions: [ActorMention]
    public var dates: [TemporalExpression]
    /// The sentence's parse (tags, lemmas, dependency tree) over its tokens.
    public var syntax: SentenceSyntax

    /// A heading, not a sentence: no sentence-ending mark and at most a dozen words ("Israel's
    /// Position on Ukraine: A Delicate Balancing Act", "Kerry, Lavrov discussions"). News
    /// headings and sub-headings summarise what the text tells; they report no act or statement
    /// of their own.
    public var isHeading: Bool {
        !Cleaner.endsLikeSentence(span.text, marks: ".!?…:;") && tokens.filter { $0.kind == .word }.count <= 12
    }

    /// The token index at a code-point offset of the sentence (the token that contains or follows it).
    func tokenIndex(atOffset offset: Int) -> Int {
        tokens.firstIndex { $0.end > offset } ?? tokens.count
    }

    /// The mention that covers token i, if any.
    func mention(at i: Int) -> ActorMention? {
        mentions.first { $0.tokens.contains(i) }
    }

    /// The words from token a up to (not including) b, as written.
    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty, r.upperBound <= tokens.count else { return "" }
        let u = span.text.unicodeScalars
        let a = u.index(u.startIndex, offsetBy: tokens[r.lowerBound].start)
        let b = u.index(a, offsetBy: tokens[r.upperBound - 1].end - tokens[r.lowerBound].start)
        return String(u[a..<b])
    }
}

extension Array where Element == SentenceContext {
    /// For each sentence, the latest earlier sentence of its paragraph that states a date ("the
    /// sentence before it in the same paragraph"), for acts and statements whose own sentence gives none.
    func paragraphDates() -> [SentenceContext?] {
        var out: [SentenceContext?] = []
        var current: SentenceContext? = nil
        for (n, c) in enumerated() {
            if n == 0 || self[n - 1].span.paragraph != c.span.paragraph {
                current = nil
            } else if self[n - 1].dates.contains(where: { !$0.future && $0.kind != .anchored }) {
                current = self[n - 1]
            }
            out.append(current)
        }
        return out
    }
}

/// Builds the per-sentence contexts of a source, resolving dates with the publication date and
/// the most recent date of the sentences before ("days later", "a day prior").
enum SentenceContexts {
    static func build(sentences: [SentenceSpan], actors: ActorResolution, publication: KBDate?, resolver: DateResolver, syntax: SyntaxModel) -> [SentenceContext] {
        var byOrdinal: [[ActorMention]] = Array(repeating: [], count: sentences.count)
        for m in actors.mentions where m.sentence < sentences.count { byOrdinal[m.sentence].append(m) }
        var context: KBDate? = nil
        var out: [SentenceContext] = []
        out.reserveCapacity(sentences.count)
        for (i, s) in sentences.enumerated() {
            let dates = resolver.resolve(s.text, publication: publication, context: context)
            if let last = dates.last(where: { !$0.future }) { context = last.date }
            let tokens = i < actors.tokens.count ? actors.tokens[i] : Tokenizer.tokens(s.text)
            out.append(SentenceContext(span: s, tokens: tokens, mentions: byOrdinal[i], dates: dates,
                                       syntax: SentenceSyntax(tokens: tokens, model: syntax)))
        }
        return out
    }
}
