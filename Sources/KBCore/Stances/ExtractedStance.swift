/// A position attributed to an actor: who holds it, who voiced it, toward what, when, in which words.
public struct ExtractedStance: Sendable {
    public var holder: Participant
    public var speaker: Participant?
    public var polarity: String
    public var topic: StanceTopic?
    public var target: Participant?
    public var date: KBDate?
    public var dateBasis: DateBasis?
    public var datePhrase: String?
    public var dateApproximate: Bool
    public var quote: String?
    public var act: EventType
    /// The predicate by lemma, as predicates.tsv writes it ("condemn", "call for",
    /// "express+concern", "according to"); "turn" for a statement of a transcript speaker's turn.
    public var cue: String
    public var negated: Bool
    /// Sentence ordinal of the evidence, and the cue's offsets in it.
    public var sentence: Int
    public var start: Int
    public var end: Int
    /// Indexes into the source's events that the statement is about.
    public var events: [Int] = []

    /// `topic?.key`: what `topics.key` stores.
    public var topicKey: String? { topic?.key }
    public var topicLabel: String? { topic?.label }
}
