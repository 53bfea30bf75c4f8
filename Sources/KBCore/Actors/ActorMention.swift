/// An actor named in a sentence.
public struct ActorMention: Sendable, Equatable {
    public enum Form: String, Sendable, Codable, CaseIterable {
        /// By a name or alias ("Russia", "Benjamin Netanyahu").
        case name
        /// By an adjective or demonym ("Russian forces", "the Israelis").
        case adjective
        /// By a capital or seat of government ("Moscow", "the Kremlin").
        case seat
        /// By a surname alone ("Netanyahu").
        case surname
        /// By a title alone ("the prime minister", "Russia's foreign minister").
        case title

        /// How `actor_mentions.form_code` stores it (migration 10, whose `form` column spells it
        /// out again): the two most frequent forms are 0 and 1, which SQLite stores in no bytes.
        public var storedCode: Int64 {
            switch self {
            case .name: 0
            case .adjective: 1
            case .surname: 2
            case .seat: 3
            case .title: 4
            }
        }
    }

    /// Sentence ordinal in the source.
    public var sentence: Int
    /// Token range in the sentence.
    public var tokens: Range<Int>
    /// Code-point offsets in the sentence.
    public var start: Int
    public var end: Int
    public var surface: String
    public var actorKey: String
    public var form: Form
    /// The state the actor is or served at the time (for people: their role on the date).
    public var country: String?
    public var kind: ActorKind
    /// A place named as a location ("50 kilometers east of Damascus", "in Buenos Aires"), not as an actor.
    public var isLocation: Bool
    /// The title written in front of a person's name, if any ("Deputy Foreign Minister").
    public var title: String?
}

/// A capitalized name kb could not resolve, kept for an analyst to review.
public struct ActorCandidate: Sendable, Equatable {
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var surface: String
    public var reason: String
}

/// What actor resolution found in one source.
public struct ActorResolution: Sendable {
    public var mentions: [ActorMention] = []
    public var candidates: [ActorCandidate] = []
    /// People learned from the text ("Russian Deputy Foreign Minister Sergei X").
    public var learned: [ActorEntry] = []
    /// Tokens of each sentence, for the stages that follow.
    public var tokens: [[Token]] = []
}
