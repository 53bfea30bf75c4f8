/// A network as GEXF 1.2 (Gephi's own format): node labels and edge weights as GEXF's own
/// attributes, the rest as declared attributes (`label` and `weight` are not repeated there).
public enum GEXFWriter {
    public static func write(_ network: StanceNetwork) -> String {
        let e = Markup.escape
        let nodeAttributes = network.nodeAttributes.filter { $0.name != "label" }
        let edgeAttributes = network.edgeAttributes.filter { $0.name != "weight" }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
              <meta>
                <creator>kb</creator>
                <description>\(e(network.description))</description>
              </meta>
              <graph mode="static" defaultedgetype="\(network.directed ? "directed" : "undirected")">

            """
        func declare(_ attributes: [StanceNetwork.Attribute], _ domain: String) -> String {
            var s = "    <attributes class=\"\(domain)\">\n"
            for a in attributes {
                s += "      <attribute id=\"\(e(a.name))\" title=\"\(e(a.name))\" type=\"\(a.type == .int ? "integer" : "string")\"/>\n"
            }
            return s + "    </attributes>\n"
        }
        func values(_ attributes: [StanceNetwork.Attribute], _ v: [String: StanceNetwork.Value]) -> String {
            let present = attributes.compactMap { a in v[a.name].map { "<attvalue for=\"\(e(a.name))\" value=\"\(e($0.text))\"/>" } }
            return present.isEmpty ? "" : "<attvalues>" + present.joined() + "</attvalues>"
        }
        out += declare(nodeAttributes, "node") + declare(edgeAttributes, "edge")
        out += "    <nodes>\n"
        for n in network.nodes {
            out += "      <node id=\"\(e(n.id))\" label=\"\(e(n.values["label"]?.text ?? n.id))\">" + values(nodeAttributes, n.values) + "</node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (k, edge) in network.edges.enumerated() {
            out += "      <edge id=\"\(k)\" source=\"\(e(edge.source))\" target=\"\(e(edge.target))\" weight=\"\(edge.weight)\">" + values(edgeAttributes, edge.values) + "</edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
