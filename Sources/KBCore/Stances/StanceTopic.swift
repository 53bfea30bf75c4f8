/// What a stance statement is about, as a typed value: an actor, a concept of
/// `Dictionaries/stances/topics.tsv`, or a class of acts by a state ("Israeli strikes").
/// `key` is what `topics.key` stores: 'actor:' + the actor key, the concept's key, or for an
/// event class 'strikes:' + the state (assaults, as before) or the type in lowercase + ':' + the state.
public enum StanceTopic: Sendable, Equatable {
    case actor(key: String, name: String, country: String?)
    case concept(key: String, label: String)
    case eventClass(type: EventType, country: String, label: String)

    public var key: String {
        switch self {
        case .actor(let key, _, _): return "actor:" + key
        case .concept(let key, _): return key
        case .eventClass(let type, let country, _): return (type == .ASSAULT ? "strikes" : type.rawValue.lowercased()) + ":" + country
        }
    }

    public var label: String {
        switch self {
        case .actor(_, let name, _): return name
        case .concept(_, let label): return label
        case .eventClass(_, _, let label): return label
        }
    }

    /// `topics.kind`: actor, concept or event_class.
    public var kind: String {
        switch self {
        case .actor: return "actor"
        case .concept: return "concept"
        case .eventClass: return "event_class"
        }
    }

    /// `topics.event_type`: the class's PLOVER type.
    public var eventType: EventType? {
        if case .eventClass(let type, _, _) = self { return type }
        return nil
    }

    /// `topics.country`: the doer's state for a class, the actor's state for an actor.
    public var country: String? {
        switch self {
        case .actor(_, _, let country): return country
        case .concept: return nil
        case .eventClass(_, let country, _): return country
        }
    }
}
