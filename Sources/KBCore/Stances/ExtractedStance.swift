/// A position attributed to an actor: who holds it, who voiced it, toward what, when, in which words.
public struct ExtractedStance: Sendable {
    public var holder: Participant
    public var speaker: Participant?
    public var polarity: String
    public var topicKey: String?
    public var topicLabel: String?
    public var target: Participant?
    public var date: KBDate?
    public var dateBasis: DateBasis?
    public var datePhrase: String?
    public var dateApproximate: Bool
    public var quote: String?
    public var act: EventType
    public var cue: String
    public var negated: Bool
    /// Sentence ordinal of the evidence, and the cue's offsets in it.
    public var sentence: Int
    public var start: Int
    public var end: Int
    /// Indexes into the source's events that the statement is about.
    public var events: [Int] = []
}
