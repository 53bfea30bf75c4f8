/// Where an event's date came from.
public enum DateBasis: String, Sendable, Codable {
    /// A date expression in the evidence sentence.
    case text
    /// The date of the sentence before it in the same paragraph.
    case context
    /// The text gives no date: the source's publication date stands in, marked as such.
    case publication
}

/// A participant of an event or statement: the actor's key, its name and state.
public struct Participant: Sendable, Equatable {
    public var key: String
    public var name: String
    public var country: String?
    public var surface: String
}

/// An event found in a source: typed, dated when it happened, with its evidence.
public struct ExtractedEvent: Sendable, Equatable {
    public var type: EventType
    public var cameo: String
    public var initiator: Participant
    public var target: Participant?
    public var date: KBDate?
    public var dateBasis: DateBasis?
    public var datePhrase: String?
    public var dateApproximate: Bool
    public var location: String?
    public var locationCountry: String?
    public var mode: String?
    public var cue: String
    /// Sentence ordinals telling this event (the first is the evidence), and each cue's offsets there.
    public var mentions: [(sentence: Int, start: Int, end: Int)]

    public static func == (a: ExtractedEvent, b: ExtractedEvent) -> Bool {
        a.type == b.type && a.initiator == b.initiator && a.target == b.target && a.date == b.date && a.cue == b.cue
            && a.mentions.map(\.sentence) == b.mentions.map(\.sentence)
    }
}
