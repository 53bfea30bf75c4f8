/// The terminal table for an answer: rows grouped (by year, holder or source) under a header with
/// the group's true size and, for statements, its polarity counts (both over every matching record,
/// printed or not); each row shows its evidence, speaker, source and date.
public enum AnswerTable {
    /// - Parameter width: the longest a line may be (the terminal's width); nil: evidence cut at 60.
    public static func render(_ answer: QueryAnswer, width: Int? = nil) -> String {
        if answer.isCountOnly { return counts(answer) }
        if answer.records.isEmpty { return "No rows answer this question.\n" }
        var rowsOf = Array(repeating: [Record](), count: answer.groups.count)
        for (r, g) in zip(answer.records, answer.recordGroups) { rowsOf[g].append(r) }
        var out = ""
        for (group, rows) in zip(answer.groups, rowsOf) {
            let allStances = RecordTable.kind(rows) == .stance
            let noun = allStances ? (group.total == 1 ? "statement" : "statements") : (group.total == 1 ? "row" : "rows")
            var header = "\(group.total.grouped) \(noun)"
            if allStances, let polarity = group.polarity {
                header += " · " + SQLBuilder.polarities.compactMap { p in polarity[p].flatMap { $0 > 0 ? "\(p) \($0.grouped)" : nil } }.joined(separator: ", ")
            }
            if group.shown < group.total { header += " (first \(group.shown.grouped) shown)" }
            if let key = group.key { out += "\n== \(key) — \(header)\n" } else { out += "\(header)\n" }
            out += RecordTable.render(rows, width: width)
        }
        if answer.records.contains(where: RecordTable.marksStandIn) { out += RecordTable.standInNote }
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
