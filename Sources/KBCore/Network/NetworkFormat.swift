/// How `kb network` writes a network: one GraphML or GEXF file, or two CSV files.
public enum NetworkFormat: String, Sendable, CaseIterable {
    case graphml, gexf, csv

    /// The files to write: (path, text). GraphML and GEXF go to `out`, or standard output (path
    /// nil) without it; CSV needs `out`, a prefix: PREFIX.nodes.csv and PREFIX.edges.csv.
    public func files(_ network: StanceNetwork, out: String?) throws -> [(path: String?, text: String)] {
        switch self {
        case .graphml: return [(out, GraphMLWriter.write(network))]
        case .gexf: return [(out, GEXFWriter.write(network))]
        case .csv:
            guard var prefix = out else {
                throw KBError.usage("--format csv writes two files, nodes and edges: give --out PREFIX (PREFIX.nodes.csv and PREFIX.edges.csv)")
            }
            if prefix.hasSuffix(".csv") { prefix = String(prefix.dropLast(4)) }
            return [(prefix + ".nodes.csv", NetworkCSVWriter.nodes(network)), (prefix + ".edges.csv", NetworkCSVWriter.edges(network))]
        }
    }
}
