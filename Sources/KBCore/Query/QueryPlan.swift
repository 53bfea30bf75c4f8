/// An actor named in a question, resolved through the database's aliases.
public struct ActorRef: Sendable, Equatable, CustomStringConvertible {
    public var id: Int64
    /// The actor's stable key ('state:ISR', 'person:vladimir-putin'): what topics of kind actor store.
    public var key: String
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

/// A class of events a question names ("meetings", "phone calls", "strikes", "events of type
/// AGREE"), from Dictionaries/query/acts.tsv or the nouns of the event lexicon (events/lexicon/).
public struct ActClass: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    /// PLOVER types; empty: any type.
    public var types: [EventType]
    /// CAMEO codes; nil: any code of the types.
    public var cameos: [String]?
    public var nouns: [String] = []
    public var verbs: [String] = []
    /// For "who <verb> X": X on either side (met, called), or the target only (struck).
    public var eitherSide: Bool = false

    public var description: String {
        name + " (" + (types.isEmpty ? "any type" : types.map(\.rawValue).joined(separator: ", "))
            + (cameos.map { ", CAMEO " + $0.joined(separator: ", ") } ?? "") + ")"
    }
}

/// What "who <verb> TOPIC" selects among statements (Dictionaries/query/statements.tsv): the
/// predicate that carried them, whatever act they were filed under, or their polarity.
public struct StatementAct: Sendable, Equatable, CustomStringConvertible {
    public var verb: String
    public var forms: [String]
    /// Stems a word of the statement's cue starts with; empty: any predicate.
    public var predicates: [String]
    /// For any predicate: the polarity the statement must have.
    public var polarity: String?

    public var description: String {
        predicates.isEmpty ? "statements of \(polarity ?? "any") polarity, any predicate"
            : "statements whose predicate is \(predicates.map { $0 + "…" }.joined(separator: ", ")) (not negated), any act"
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

public enum Grouping: String, Sendable, CaseIterable { case year, month, holder, source }

/// A parsed question: what to select, before any SQL.
public enum QueryPlan: Sendable, Equatable {
    /// Stance statements of a holder (a state and everyone who spoke for it, an organization, a person).
    case positions(holder: ActorRef, topic: TopicRef?, years: YearRange?, group: Grouping?)
    /// Events of a class, by an initiator, in a place, against a target.
    case events(initiator: ActorRef?, acts: ActClass, place: ActorRef?, target: ActorRef?, years: YearRange?, group: Grouping?)
    /// Events of a class between two parties, either side first.
    case between(a: ActorRef, b: ActorRef, acts: ActClass, years: YearRange?, group: Grouping?)
    /// Statements on a topic carried by a predicate ("who condemned Israeli strikes").
    case whoSaid(act: StatementAct, topic: TopicRef, years: YearRange?, group: Grouping?)
    /// Events of a class involving an actor ("who met Putin", "who struck Syria").
    case whoDid(acts: ActClass, object: ActorRef, years: YearRange?, group: Grouping?)
    case timeline(a: ActorRef, b: ActorRef?, years: YearRange?)

    public var grouping: Grouping? {
        switch self {
        case .positions(_, _, _, let g), .events(_, _, _, _, _, let g), .between(_, _, _, _, let g), .whoSaid(_, _, _, let g), .whoDid(_, _, _, let g): return g
        case .timeline: return nil
        }
    }

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
            let who = h.isState ? "\(h) — the state and everyone who spoke for it" : h.kind == "person" ? "\(h) — as speaker" : "\(h)"
            return "stance statements\n  holder:    \(who)\n  topic:     \(t.map(String.init(describing:)) ?? "any")" + tail(y, g)
        case .events(let i, let acts, let p, let tg, let y, let g):
            return "events: \(acts)\n  initiator: \(i.map(String.init(describing:)) ?? "any")"
                + "\n  place:     \(p.map(String.init(describing:)) ?? "anywhere")" + (tg.map { "\n  target:    \($0)" } ?? "") + tail(y, g)
        case .between(let a, let b, let acts, let y, let g):
            return "events: \(acts)\n  between:   \(a) and \(b), either side first" + tail(y, g)
        case .whoSaid(let act, let t, let y, let g):
            return "who \(act.verb): \(act)\n  topic:     \(t)" + tail(y, g)
        case .whoDid(let acts, let o, let y, let g):
            return "events: \(acts)\n  " + (acts.eitherSide ? "involving: \(o), either side" : "target:    \(o)") + tail(y, g)
        case .timeline(let a, let b, let y):
            return "timeline: events and statements of \(a)" + (b.map { " involving \($0)" } ?? "") + tail(y, nil)
        }
    }
}
