/// An actor named in a question, resolved through the database's aliases.
public struct ActorRef: Sendable, Equatable, CustomStringConvertible {
    public var id: Int64
    public var name: String
    public var kind: String
    public var country: String?
    public var surface: String

    public var isState: Bool { kind == "state" }
    public var description: String { country.map { "\(name) (\($0))" } ?? name }
}

/// What a question asks about when it says "on …" or "about …".
public enum TopicRef: Sendable, Equatable, CustomStringConvertible {
    /// A class of events: "Israeli strikes" (ASSAULT by ISR).
    case eventClass(type: EventType, country: String, label: String)
    /// A concept of the topic dictionary: "Iran's presence in Syria".
    case concept(key: String, label: String)
    /// An actor: "Israel" — statements aimed at it, or about what it does.
    case actor(ActorRef)

    public var description: String {
        switch self {
        case .eventClass(let t, let c, let label): return "\(label) (\(t) by \(c))"
        case .concept(let key, let label): return "\(label) [\(key)]"
        case .actor(let a): return "actor \(a)"
        }
    }
}

/// A span of years: "in 2018", "since 2017", "between 2015 and 2019".
public struct YearRange: Sendable, Equatable, CustomStringConvertible {
    public var from: Int?
    public var to: Int?
    public var description: String {
        switch (from, to) {
        case let (f?, t?) where f == t: return "in \(f)"
        case let (f?, t?): return "between \(f) and \(t)"
        case let (f?, nil): return "since \(f)"
        case let (nil, t?): return "until \(t)"
        default: return "any year"
        }
    }
}

public enum Grouping: String, Sendable { case year, holder, source }

/// A parsed question: what to select, before any SQL.
public enum QueryPlan: Sendable, Equatable {
    case positions(holder: ActorRef, topic: TopicRef?, years: YearRange?, group: Grouping?)
    case events(initiator: ActorRef?, types: [EventType], cameos: [String]?, place: ActorRef?, target: ActorRef?, years: YearRange?, group: Grouping?)
    case meetings(a: ActorRef, b: ActorRef, years: YearRange?, group: Grouping?)
    case who(verb: String, object: ActorRef, years: YearRange?, group: Grouping?)
    case said(person: ActorRef, topic: TopicRef?, years: YearRange?, group: Grouping?)
    case timeline(a: ActorRef, b: ActorRef?, years: YearRange?)

    /// A readable account of the plan, for `--explain`.
    public var explanation: String {
        func tail(_ y: YearRange?, _ g: Grouping?) -> String {
            var s = ""
            if let y { s += "\n  years:     \(y)" }
            if let g { s += "\n  group by:  \(g.rawValue)" }
            return s
        }
        switch self {
        case .positions(let h, let t, let y, let g):
            return "stance statements\n  holder:    \(h) — the state and everyone who spoke for it\n  topic:     \(t.map(String.init(describing:)) ?? "any")" + tail(y, g)
        case .events(let i, let types, let cameos, let p, let tg, let y, let g):
            return "events\n  initiator: \(i.map(String.init(describing:)) ?? "any")\n  types:     \(types.map(\.rawValue).joined(separator: ", "))"
                + (cameos.map { "\n  cameo:     \($0.joined(separator: ", "))" } ?? "")
                + "\n  place:     \(p.map(String.init(describing:)) ?? "anywhere")" + (tg.map { "\n  target:    \($0)" } ?? "") + tail(y, g)
        case .meetings(let a, let b, let y, let g):
            return "events: meetings and visits (CONSULT, not phone calls)\n  between:   \(a) and \(b), either side first" + tail(y, g)
        case .who(let v, let o, let y, let g):
            return "who \(v) \(o)" + tail(y, g)
        case .said(let p, let t, let y, let g):
            return "stance statements\n  speaker:   \(p)\n  topic:     \(t.map(String.init(describing:)) ?? "any")" + tail(y, g)
        case .timeline(let a, let b, let y):
            return "timeline: events and statements of \(a)" + (b.map { " involving \($0)" } ?? "") + tail(y, nil)
        }
    }
}
