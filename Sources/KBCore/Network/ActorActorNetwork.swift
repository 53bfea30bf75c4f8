/// The congruence network (as DNA draws it): an undirected edge between two holders for each
/// topic on which both took the same side, support or oppose (mixed and neutral statements take
/// no side). The weight counts those topic–side pairs; `conflict` counts the topics on which one
/// supported what the other opposed.
enum ActorActorNetwork {
    static let edgeAttributes: [StanceNetwork.Attribute] = [
        .init(name: "weight", type: .int, meaning: "topic–side pairs both holders took: topics both supported plus topics both opposed"),
        .init(name: "support", type: .int, meaning: "topics both supported"),
        .init(name: "oppose", type: .int, meaning: "topics both opposed"),
        .init(name: "conflict", type: .int, meaning: "topics on which one supported and the other opposed"),
        .init(name: "statements", type: .int, meaning: "the two holders' statements behind the agreement"),
        .init(name: "first", type: .string, meaning: "the earliest of those statements' dates (absent when none is dated)"),
        .init(name: "last", type: .string, meaning: "the latest of those statements' dates"),
        .init(name: "topics", type: .string, meaning: "the keys of the topics they agreed on, separated by ';'"),
    ]

    struct Side: Hashable { var topic: Int64; var polarity: String }
    struct Pair: Hashable { var a: Int64; var b: Int64 }

    static func build(_ statements: [NetworkBuilder.Statement], holders: Set<Int64>,
                      actors: [Int64: NetworkBuilder.Entity], topics: [Int64: NetworkBuilder.Entity]) -> StanceNetwork {
        // Each side of each topic: its holders and their statements' dates.
        var sides: [Side: [Int64: [String?]]] = [:]
        var count: [Int64: Int] = [:]
        for s in statements where actors[s.holder] != nil && topics[s.topic] != nil {
            count[s.holder, default: 0] += 1
            guard s.polarity == "support" || s.polarity == "oppose" else { continue }
            sides[Side(topic: s.topic, polarity: s.polarity), default: [:]][s.holder, default: []].append(s.date)
        }
        let nodeID = { (h: Int64) in actors[h]!.id }
        func pairs(_ hs: [Int64]) -> [Pair] {
            let sorted = hs.sorted { nodeID($0) < nodeID($1) }
            var out: [Pair] = []
            for i in sorted.indices { for j in sorted.indices where j > i { out.append(Pair(a: sorted[i], b: sorted[j])) } }
            return out
        }
        struct Agreement { var support = 0, oppose = 0, conflicts: Set<Int64> = [], dates: [String?] = [], topics: Set<String> = [] }
        var agreement: [Pair: Agreement] = [:]
        for (side, held) in sides {
            for p in pairs(Array(held.keys)) {
                if side.polarity == "support" { agreement[p, default: Agreement()].support += 1 } else { agreement[p, default: Agreement()].oppose += 1 }
                agreement[p]!.dates += held[p.a]! + held[p.b]!
                agreement[p]!.topics.insert(String(topics[side.topic]!.id.dropFirst("topic:".count)))
            }
        }
        // Conflicts, counted on the pairs that agree somewhere (the edges drawn).
        for (side, supporters) in sides where side.polarity == "support" {
            guard let opponents = sides[Side(topic: side.topic, polarity: "oppose")] else { continue }
            for s in supporters.keys { for o in opponents.keys where s != o {
                let p = nodeID(s) < nodeID(o) ? Pair(a: s, b: o) : Pair(a: o, b: s)
                agreement[p]?.conflicts.insert(side.topic)
            } }
        }
        var edges: [StanceNetwork.Edge] = []
        for (p, g) in agreement where holders.isEmpty || holders.contains(p.a) || holders.contains(p.b) {
            var values: [String: StanceNetwork.Value] = ["weight": .int(g.support + g.oppose), "support": .int(g.support), "oppose": .int(g.oppose),
                                                         "conflict": .int(g.conflicts.count), "statements": .int(g.dates.count),
                                                         "topics": .string(g.topics.sorted().joined(separator: ";"))]
            NetworkBuilder.span(g.dates, into: &values)
            edges.append(StanceNetwork.Edge(source: nodeID(p.a), target: nodeID(p.b), weight: g.support + g.oppose, values: values))
        }
        // Every holder (the isolates too), or with --holder, those holders and their neighbours.
        var kept = Set(count.keys)
        if !holders.isEmpty {
            kept = holders.intersection(count.keys)
            for p in agreement.keys where holders.contains(p.a) || holders.contains(p.b) { kept.formUnion([p.a, p.b]) }
        }
        let nodes = kept.map { NetworkBuilder.node(actors[$0]!, statements: count[$0] ?? 0) }
        return StanceNetwork(kind: .actorActor, nodeAttributes: StanceNetwork.nodeAttributes, edgeAttributes: edgeAttributes,
                             nodes: nodes.sorted { $0.id < $1.id },
                             edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) }, description: "")
    }
}
