/// A network as GraphML (for Gephi, visone, networkx, igraph): every attribute declared as a
/// `<key>`, nodes and edges in the network's order, edges numbered e0, e1, … in that order.
public enum GraphMLWriter {
    public static func write(_ network: StanceNetwork) -> String {
        let e = Markup.escape
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <desc>\(e(network.description))</desc>

            """
        func key(_ a: StanceNetwork.Attribute, _ domain: String) -> String {
            "  <key id=\"\(domain == "node" ? "n" : "e")_\(e(a.name))\" for=\"\(domain)\" attr.name=\"\(e(a.name))\" attr.type=\"\(a.type.rawValue)\"><desc>\(e(a.meaning))</desc></key>\n"
        }
        for a in network.nodeAttributes { out += key(a, "node") }
        for a in network.edgeAttributes { out += key(a, "edge") }
        func data(_ attributes: [StanceNetwork.Attribute], _ values: [String: StanceNetwork.Value], _ prefix: String) -> String {
            attributes.compactMap { a in values[a.name].map { "<data key=\"\(prefix)_\(e(a.name))\">\(e($0.text))</data>" } }.joined()
        }
        out += "  <graph id=\"\(network.kind.rawValue)\" edgedefault=\"\(network.directed ? "directed" : "undirected")\">\n"
        for n in network.nodes {
            out += "    <node id=\"\(e(n.id))\">" + data(network.nodeAttributes, n.values, "n") + "</node>\n"
        }
        for (k, edge) in network.edges.enumerated() {
            out += "    <edge id=\"e\(k)\" source=\"\(e(edge.source))\" target=\"\(e(edge.target))\">" + data(network.edgeAttributes, edge.values, "e") + "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}
