/// A network as two CSV files, as R's igraph (`graph_from_data_frame`) and pandas read them:
/// nodes (`id` first, then every node attribute) and edges (`source`, `target`, then every edge
/// attribute), in the network's order, written as `kb query --format csv` writes rows.
public enum NetworkCSVWriter {
    public static func nodes(_ network: StanceNetwork) -> String {
        let columns = ["id"] + network.nodeAttributes.map(\.name)
        return OutputFormat.csv.render(network.nodes.map { n in
            [("id", .string(n.id))] + network.nodeAttributes.map { a in (a.name, json(n.values[a.name])) }
        }, columns: columns)
    }

    public static func edges(_ network: StanceNetwork) -> String {
        let columns = ["source", "target"] + network.edgeAttributes.map(\.name)
        return OutputFormat.csv.render(network.edges.map { edge in
            [("source", .string(edge.source)), ("target", .string(edge.target))] + network.edgeAttributes.map { a in (a.name, json(edge.values[a.name])) }
        }, columns: columns)
    }

    static func json(_ v: StanceNetwork.Value?) -> JSONValue {
        switch v {
        case .int(let i)?: return .int(i)
        case .string(let s)?: return .string(s)
        case nil: return .null
        }
    }
}
