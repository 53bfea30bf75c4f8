/// One date expression found in a sentence, resolved to a calendar date at its own precision.
public struct TemporalExpression: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// The text names the date itself ("December 11, 2018", "Feb. 12", "2015", "since 2017").
        case explicit
        /// Resolved against the publication date ("Monday", "last month", "in December", "recently").
        case relative
        /// Counted from another date in the text or from the context date ("a day prior", "days later").
        case anchored
    }

    /// Offsets in Unicode scalars within the sentence.
    public var range: Range<Int>
    /// The exact text of the expression.
    public var phrase: String
    /// Resolved date at its precision.
    public var date: KBDate
    public var kind: Kind
    /// The expression is vague and `date` is a best guess ("mid-2018", "over the summer", "since 2017").
    public var approximate: Bool
    /// The expression refers to the future relative to publication.
    public var future: Bool

    public init(range: Range<Int>, phrase: String, date: KBDate, kind: Kind,
                approximate: Bool = false, future: Bool = false) {
        self.range = range
        self.phrase = phrase
        self.date = date
        self.kind = kind
        self.approximate = approximate
        self.future = future
    }
}
