/// The terminal table for an answer: rows grouped (by year, holder or source) under a header with
/// the group's true size and, for statements, its polarity counts (both over every matching record,
/// printed or not); each row shows its evidence, speaker, source and date.
public enum AnswerTable {
    public static func render(_ answer: QueryAnswer, width: Int = 56) -> String {
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
}
