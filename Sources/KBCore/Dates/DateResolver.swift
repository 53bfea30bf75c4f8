/// Finds date expressions in an English news sentence and resolves them to calendar dates.
///
/// Forms and choices are documented in the package README / report; in short:
/// explicit dates keep their precision; yearless month-days take the latest year on or before
/// publication (earliest on or after it under a future cue); weekdays are the last such day on or
/// before publication (first after it under a future cue); weeks are dated by their Monday
/// (approximate); anchored expressions count from the nearest earlier date in the sentence, else
/// from `context`.
public struct DateResolver: Sendable {
    public init() {}

    /// publication: the article's publication date (any precision) or nil when unknown.
    /// context: the most recent resolved date of earlier sentences (for "days later", "a day prior"
    /// when the sentence has no other date).
    public func resolve(_ sentence: String, publication: KBDate?, context: KBDate? = nil) -> [TemporalExpression] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(64)
        let text = UTF8Scalars(sentence)
        guard DateTokenizer.tokenize(text, into: &tokens) else { return [] }
        let pub = publication.flatMap { $0.isValid ? $0 : nil }
        let ctx = context.flatMap { $0.isValid ? $0 : nil }
        var parser = DateParser(text: text, tokens: tokens, publication: pub, context: ctx)
        return parser.run()
    }
}
