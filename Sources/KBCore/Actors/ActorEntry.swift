/// The kinds of actor docs/export.md names.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case state, person, organization, armed_group, international_organization, other
}

/// An actor of the dictionary (or one learned from a text).
public struct ActorEntry: Sendable, Equatable {
    /// Stable key: 'state:ISR', 'org:HEZBOLLAH', 'person:benjamin-netanyahu', 'learned:sergei-x'.
    public var key: String
    public var name: String
    public var kind: ActorKind
    /// ISO alpha-3 of the state it is or belongs to (for people: when no role covers a date).
    public var country: String?
    public var gender: String?
    public var learned: Bool = false
}

/// An office a person held, from roles.tsv.
public struct ActorRole: Sendable, Equatable {
    public var person: String
    public var country: String?
    public var title: String
    public var start: KBDate?
    public var end: KBDate?
    public var organization: String?

    /// Whether the role covers `date` (compared at the coarser precision; open ends are open).
    public func covers(_ date: KBDate) -> Bool {
        if let s = start, date.isBefore(s) { return false }
        if let e = end, date.isAfter(e) { return false }
        return true
    }
}

/// How a surface form names its actor.
public enum AliasForm: String, Sendable, Codable, CaseIterable {
    /// The canonical name or another name ("Russia", "Russian Federation").
    case name
    /// An adjective or demonym ("Russian", "Israelis").
    case adjective
    /// A capital or seat of government ("Moscow", "the Kremlin").
    case seat
    /// A surname alone ("Netanyahu").
    case surname
}
