/// The terminal table for an answer: rows grouped (by year, holder or source) under a header with
/// the group's true size and, for statements, its polarity counts (both over every matching record,
/// printed or not); each row shows its evidence, speaker, source and date.
public enum AnswerTable {
    public static func render(_ answer: QueryAnswer, width: Int = 56) -> String {
        if answer.isCountOnly { return counts(answer) }
        if answer.records.isEmpty { return "No rows answer this question.\n" }
        var rowsOf = Array(repeating: [Record](), count: answer.groups.count)
        for (r, g) in zip(answer.records, answer.recordGroups) { rowsOf[g].append(r) }
        var out = ""
        for (group, rows) in zip(answer.groups, rowsOf) {
            let stances = rows.filter { $0.first?.1 == .string("stance") }
            let allStances = stances.count == rows.count
            let noun = allStances ? (group.total == 1 ? "statement" : "statements") : (group.total == 1 ? "row" : "rows")
            var header = "\(group.total.grouped) \(noun)"
            if allStances, let polarity = group.polarity {
                header += " · " + SQLBuilder.polarities.compactMap { p in polarity[p].flatMap { $0 > 0 ? "\(p) \($0.grouped)" : nil } }.joined(separator: ", ")
            }
            if group.shown < group.total { header += " (first \(group.shown.grouped) shown)" }
            if let key = group.key { out += "\n== \(key) — \(header)\n" } else { out += "\(header)\n" }
            let columns: [String]
            if allStances {
                columns = ["date", "holder", "speaker", "polarity", "topic", "evidence", "file"]
            } else if rows.allSatisfy({ $0.first?.1 == .string("event") }) {
                columns = ["date", "event_type", "initiator", "target", "location", "evidence", "file"]
            } else {
                columns = ["date", "type", "what", "who", "target", "polarity", "evidence", "file"]
            }
            let cells: [[String]] = rows.map { r in
                columns.map { c in
                    if c == "evidence" {
                        let q = r.first { $0.0 == "quote" }?.1.text ?? ""
                        return q.isEmpty ? (r.first { $0.0 == "sentence" }?.1.text ?? "") : "“" + q + "”"
                    }
                    if c == "date" {
                        let d = r.first { $0.0 == "date" }?.1.text ?? ""
                        let basis = r.first { $0.0 == "date_basis" }?.1.text ?? ""
                        return d.isEmpty ? "undated" : basis == "publication" ? d + "*" : d
                    }
                    return r.first { $0.0 == c }?.1.text ?? ""
                }
            }
            out += TextTable.render(columns: columns, rows: cells, maxWidth: width)
        }
        if answer.records.contains(where: { $0.first { $0.0 == "date_basis" }?.1 == .string("publication") }) {
            out += "\n* the text gives no date: the publication date stands in.\n"
        }
        return out
    }

    /// "How many …": each group's count (and, for statements, its polarities), without rows.
    static func counts(_ answer: QueryAnswer) -> String {
        let stances = answer.query.sql.contains("'stance' AS type")
        let noun = { (n: Int) in stances ? (n == 1 ? "statement" : "statements") : answer.query.sql.contains("'event' AS type") ? (n == 1 ? "event" : "events") : (n == 1 ? "row" : "rows") }
        if answer.groups.isEmpty || answer.total == 0 { return "0 \(noun(0))\n" }
        var out = ""
        for g in answer.groups {
            var line = "\(g.total.grouped) \(noun(g.total))"
            if stances, let polarity = g.polarity {
                line += " · " + SQLBuilder.polarities.compactMap { p in polarity[p].flatMap { $0 > 0 ? "\(p) \($0.grouped)" : nil } }.joined(separator: ", ")
            }
            out += (g.key.map { "\($0): " } ?? "") + line + "\n"
        }
        if answer.grouping != nil { out += "\(answer.total.grouped) \(noun(answer.total)) in all\n" }
        return out
    }
}
