/// A network drawn from the stance statements, as `kb network` writes it: nodes (actors, and for
/// the bipartite kind, topics) and weighted edges, each with its attributes, in a stable order.
public struct StanceNetwork: Sendable, Equatable {
    /// Which network: who takes positions on what, or who agrees with whom.
    public enum Kind: String, Sendable, CaseIterable {
        /// Holder → topic, directed: how many statements of each polarity a holder made on a topic.
        case actorTopic = "actor-topic"
        /// Holder — holder, undirected: on how many topics both took the same side (DNA's congruence network).
        case actorActor = "actor-actor"
    }

    /// An attribute's value type, as GraphML and GEXF declare it.
    public enum ValueType: String, Sendable { case int, string }

    /// A declared attribute of the nodes or of the edges.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var type: ValueType
        /// What it holds, for the files' descriptions and the README.
        public var meaning: String
    }

    /// An attribute's value: a count or a text; nil (absent) for an unknown date.
    public enum Value: Sendable, Equatable {
        case int(Int)
        case string(String)

        public var text: String {
            switch self {
            case .int(let i): return String(i)
            case .string(let s): return s
            }
        }
    }

    public struct Node: Sendable, Equatable {
        /// A stable id: the actor's key ('state:RUS'), or 'topic:' and the topic's key ('topic:strikes:ISR').
        public var id: String
        /// Values of `nodeAttributes`, by name; a missing one is unknown.
        public var values: [String: Value]
    }

    public struct Edge: Sendable, Equatable {
        public var source: String
        public var target: String
        /// The edge's weight: statements (actor-topic) or topic-sides shared (actor-actor).
        public var weight: Int
        /// Values of `edgeAttributes`, by name (`weight` among them).
        public var values: [String: Value]
    }

    public var kind: Kind
    public var directed: Bool { kind == .actorTopic }
    public var nodeAttributes: [Attribute]
    public var edgeAttributes: [Attribute]
    /// Sorted by id.
    public var nodes: [Node]
    /// Sorted by source, then target.
    public var edges: [Edge]
    /// The filters that made it, in words ("since 2018, topic strikes:ISR"), for the files' descriptions.
    public var description: String

    /// The node attributes of both kinds.
    public static let nodeAttributes: [Attribute] = [
        Attribute(name: "label", type: .string, meaning: "the actor's or the topic's name"),
        Attribute(name: "type", type: .string, meaning: "actor or topic (the two sides of the actor-topic network)"),
        Attribute(name: "kind", type: .string, meaning: "an actor's kind (state, organization, person, …) or a topic's (concept, event_class, actor)"),
        Attribute(name: "iso", type: .string, meaning: "ISO 3166-1 alpha-3 code of the actor's state, or of the state a topic concerns; absent when none"),
        Attribute(name: "statements", type: .int, meaning: "statements in the network the actor holds, or that are on the topic"),
    ]
}
