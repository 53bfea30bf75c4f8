/// The terminal table for an answer: rows grouped (by year, holder or source) with a count and,
/// for statements, a polarity summary per group; each row shows its evidence, speaker, source and date.
public enum AnswerTable {
    public static func render(_ answer: QueryAnswer, width: Int = 56) -> String {
        if answer.records.isEmpty { return "No rows answer this question.\n" }
        var groups: [(String, [Record])] = []
        for r in answer.records {
            let key = answer.grouping == nil ? "" : (r.first { $0.0 == "group" }?.1.text ?? "")
            if let k = groups.firstIndex(where: { $0.0 == key }) { groups[k].1.append(r) } else { groups.append((key, [r])) }
        }
        var out = ""
        for (key, rows) in groups {
            let stances = rows.filter { $0.first?.1 == .string("stance") }
            let noun = stances.count == rows.count ? (rows.count == 1 ? "statement" : "statements") : (rows.count == 1 ? "row" : "rows")
            var header = "\(rows.count) \(noun)"
            if !stances.isEmpty {
                var counts: [String: Int] = [:]
                for s in stances { counts[s.first { $0.0 == "polarity" }?.1.text ?? "?", default: 0] += 1 }
                header += " · " + ["oppose", "support", "mixed", "neutral"].compactMap { p in counts[p].map { "\(p) \($0)" } }.joined(separator: ", ")
            }
            if !key.isEmpty { out += "\n== \(key) — \(header)\n" } else { out += "\(header)\n" }
            let columns: [String]
            if stances.count == rows.count {
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
