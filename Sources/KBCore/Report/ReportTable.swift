/// The report's table: the answer's groups (year, month, holder, source) as header rows with their
/// true counts, and each record with its date (`*`: the publication date stands in), who, what,
/// its evidence sentence, its quote and its source.
enum ReportTable {
    struct Column: Sendable { var title: String; var cell: @Sendable (Record) -> String; var css: String = "" }

    static func field(_ r: Record, _ name: String) -> String? {
        guard let v = r.first(where: { $0.0 == name })?.1, v != .null else { return nil }
        let t = v.text
        return t.isEmpty ? nil : t
    }

    static func html(_ answer: QueryAnswer, fills: [String: Int]) -> String {
        let e = Markup.escape
        if answer.isCountOnly { return counts(answer) }
        if answer.records.isEmpty { return "<p>No rows answer this question.</p>\n" }
        let types = Set(answer.records.compactMap { field($0, "type") })
        let columns = types == ["stance"] ? stanceColumns(fills) : types == ["event"] ? eventColumns : mixedColumns(fills)
        var out = "<table>\n<thead><tr>" + columns.map { "<th>\(e($0.title))</th>" }.joined() + "</tr></thead>\n"
        var rowsOf = Array(repeating: [Record](), count: answer.groups.count)
        for (r, g) in zip(answer.records, answer.recordGroups) { rowsOf[g].append(r) }
        for (group, rows) in zip(answer.groups, rowsOf) {
            out += "<tbody>\n"
            if let key = group.key {
                let noun = types == ["stance"] ? "statement" : types == ["event"] ? "event" : "record"
                var header = "\(key) — \(group.total.grouped) \(noun)\(group.total == 1 ? "" : "s")"
                if let polarity = group.polarity {
                    let parts = SQLBuilder.polarities.compactMap { p in polarity[p].flatMap { $0 > 0 ? "\(p) \($0.grouped)" : nil } }
                    if !parts.isEmpty { header += ": " + parts.joined(separator: ", ") }
                }
                out += "<tr class=\"group\"><th colspan=\"\(columns.count)\">\(e(header))</th></tr>\n"
            }
            for r in rows {
                out += "<tr>" + columns.map { c in "<td" + (c.css.isEmpty ? "" : " class=\"\(c.css)\"") + ">" + c.cell(r) + "</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table>\n"
    }

    /// The date as `kb query` prints it: `*` when the publication date stands in.
    static let date = Column(title: "Date", cell: { r in
        guard let d = field(r, "date") else { return "undated" }
        return field(r, "date_basis") == "publication"
            ? Markup.escape(d) + "<span title=\"the text gives no date: the publication date stands in\">*</span>" : Markup.escape(d)
    }, css: "date")

    static let evidence = Column(title: "Evidence", cell: { r in Markup.escape(field(r, "sentence") ?? "") }, css: "evidence")
    static let quote = Column(title: "Quote", cell: { r in field(r, "quote").map { "<q>" + Markup.escape($0) + "</q>" } ?? "" }, css: "quote")
    static let source = Column(title: "Source", cell: { r in
        "<span class=\"source\">" + Markup.escape(field(r, "source_title") ?? "untitled") + "</span>"
            + (field(r, "file").map { "<br><span class=\"file\">" + Markup.escape($0) + "</span>" } ?? "")
    })

    static func text(_ title: String, _ names: String...) -> Column {
        Column(title: title, cell: { r in Markup.escape(names.compactMap { field(r, $0) }.first ?? "") })
    }

    /// The polarity as a word beside its chart fill.
    static func polarity(_ fills: [String: Int]) -> Column {
        Column(title: "Polarity", cell: { r in
            guard let p = field(r, "polarity") else { return "" }
            let swatch = fills[p].map { "<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"url(#fill-\($0))\" stroke=\"#000\" stroke-width=\"0.6\"/></svg>" } ?? ""
            return swatch + Markup.escape(p)
        }, css: "polarity")
    }

    static func stanceColumns(_ fills: [String: Int]) -> [Column] {
        [date, text("Holder", "holder"), text("Speaker", "speaker"), polarity(fills), text("Topic", "topic"), evidence, quote, source]
    }

    static let eventColumns: [Column] = [date, text("Type", "event_type"), text("Initiator", "initiator"), text("Target", "target"),
                                         text("Where", "location"), evidence, source]

    static func mixedColumns(_ fills: [String: Int]) -> [Column] {
        let what = Column(title: "What", cell: { r in
            Markup.escape((field(r, "type") == "stance" ? "statement" : field(r, "type") ?? "") + (field(r, "what").map { ": " + $0 } ?? ""))
        })
        return [date, what, text("Who", "who"), text("Target", "target"), polarity(fills), evidence, quote, source]
    }

    /// "How many …": each group's count and polarities.
    static func counts(_ answer: QueryAnswer) -> String {
        let e = Markup.escape
        let stances = answer.groups.contains { $0.polarity != nil }
        var out = "<table>\n<thead><tr><th>Group</th><th>Count</th>" + (stances ? SQLBuilder.polarities.map { "<th>\($0)</th>" }.joined() : "") + "</tr></thead>\n<tbody>\n"
        for g in answer.groups {
            out += "<tr><td>\(e(g.key ?? "all"))</td><td>\(g.total.grouped)</td>"
                + (stances ? SQLBuilder.polarities.map { "<td>\((g.polarity?[$0] ?? 0).grouped)</td>" }.joined() : "") + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
