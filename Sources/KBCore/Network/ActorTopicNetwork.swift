/// The bipartite network: a directed edge from each holder to each topic it took a position on,
/// weighted by its statements, with their polarities counted, their first and last dates and years.
enum ActorTopicNetwork {
    static let edgeAttributes: [StanceNetwork.Attribute] = [
        .init(name: "weight", type: .int, meaning: "statements of the holder on the topic"),
        .init(name: "support", type: .int, meaning: "of them, in support"),
        .init(name: "oppose", type: .int, meaning: "of them, opposed"),
        .init(name: "mixed", type: .int, meaning: "of them, mixed"),
        .init(name: "neutral", type: .int, meaning: "of them, neutral"),
        .init(name: "first", type: .string, meaning: "the earliest statement's date (absent when none is dated)"),
        .init(name: "last", type: .string, meaning: "the latest statement's date"),
        .init(name: "years", type: .string, meaning: "the years of the statements, separated by ';'"),
    ]

    struct Pair: Hashable { var holder: Int64; var topic: Int64 }

    static func build(_ statements: [NetworkBuilder.Statement], holders: Set<Int64>,
                      actors: [Int64: NetworkBuilder.Entity], topics: [Int64: NetworkBuilder.Entity]) -> StanceNetwork {
        var byPair: [Pair: [NetworkBuilder.Statement]] = [:]
        for s in statements where holders.isEmpty || holders.contains(s.holder) {
            byPair[Pair(holder: s.holder, topic: s.topic), default: []].append(s)
        }
        var edges: [StanceNetwork.Edge] = []
        var held: [Int64: Int] = [:], about: [Int64: Int] = [:]
        for (pair, group) in byPair {
            guard let h = actors[pair.holder], let t = topics[pair.topic] else { continue }
            held[pair.holder, default: 0] += group.count
            about[pair.topic, default: 0] += group.count
            var values: [String: StanceNetwork.Value] = ["weight": .int(group.count)]
            for p in ["support", "oppose", "mixed", "neutral"] { values[p] = .int(group.filter { $0.polarity == p }.count) }
            NetworkBuilder.span(group.map(\.date), into: &values)
            let years = Set(group.compactMap { $0.date.map { String($0.prefix(4)) } }).sorted()
            if !years.isEmpty { values["years"] = .string(years.joined(separator: ";")) }
            edges.append(StanceNetwork.Edge(source: h.id, target: t.id, weight: group.count, values: values))
        }
        var nodes = held.compactMap { id, n in actors[id].map { NetworkBuilder.node($0, statements: n) } }
        nodes += about.compactMap { id, n in topics[id].map { NetworkBuilder.node($0, statements: n) } }
        return StanceNetwork(kind: .actorTopic, nodeAttributes: StanceNetwork.nodeAttributes, edgeAttributes: edgeAttributes,
                             nodes: nodes.sorted { $0.id < $1.id },
                             edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) }, description: "")
    }
}
