import Foundation

/// How rows are printed: `--format table|csv|tsv|json|jsonl|markdown`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown

    /// Renders records. Columns are the union of the records' keys in first-seen order. A party
    /// (`{"name", "country"}`: a holder, speaker, initiator or target) becomes two columns, `holder`
    /// and `holder_country`, in every format — so that CSV, JSON Lines and the listings share one
    /// column set — unless `nested` keeps the object in JSON (the export's contract).
    /// - Parameter width: the longest line of a table (the terminal's width; nil: no limit).
    public func render(_ records: [Record], columns wanted: [String]? = nil, width: Int? = nil, nested: Bool = false) -> String {
        let records = nested && (self == .json || self == .jsonl) ? records : records.map(Self.flattened)
        if self == .table, wanted == nil, RecordTable.kind(records) != nil {
            return RecordTable.renderWithNote(records, width: width)
        }
        switch self {
        case .jsonl:
            return records.map { JSONValue.object($0).serialized() + "\n" }.joined()
        case .json:
            if records.isEmpty { return "[]\n" }
            return "[\n" + records.map { "  " + JSONValue.object($0).serialized() }.joined(separator: ",\n") + "\n]\n"
        case .csv, .tsv, .markdown, .table:
            let columns = wanted ?? Self.columns(records)
            let rows = records.map { r in columns.map { c in r.first { $0.0 == c }?.1.text ?? "" } }
            switch self {
            case .csv:
                return ([columns] + rows).map { $0.map(CSV.escape).joined(separator: ",") + "\r\n" }.joined()
            case .tsv:
                let clean = { (s: String) in s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                return ([columns] + rows).map { $0.map(clean).joined(separator: "\t") + "\n" }.joined()
            case .markdown:
                let esc = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                var out = "| " + columns.map(esc).joined(separator: " | ") + " |\n"
                out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
                for r in rows { out += "| " + r.map(esc).joined(separator: " | ") + " |\n" }
                return out
            default:
                // Keep a row's cue, or a search's "[match]", in view when the evidence is elided.
                let snippet = columns.firstIndex(of: "snippet")
                let focus: [String?] = zip(records, rows).map { r, cells in
                    if let cue = r.first(where: { $0.0 == "cue" })?.1.text, !cue.isEmpty { return cue }
                    guard let k = snippet, let open = cells[k].firstIndex(of: "["),
                          let close = cells[k][open...].firstIndex(of: "]") else { return nil }
                    return String(cells[k][open...close])
                }
                return TextTable.render(columns: columns, rows: rows, width: width, focus: focus)
            }
        }
    }

    static func columns(_ records: [Record]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for r in records { for (k, _) in r where seen.insert(k).inserted { out.append(k) } }
        return out
    }

    /// The record with each party object (`{"name", "country"}`) as two flat values, `key` and
    /// `key_country`; a country the record already has under that name is not repeated. A party
    /// that is null (no speaker, no target) gives two nulls, so that every row has the columns.
    static func flattened(_ r: Record) -> Record {
        let event = r.contains { $0.0 == "event_type" }
        func isParty(_ k: String, _ v: JSONValue) -> Bool {
            if case .object(let pairs) = v { return pairs.contains { $0.0 == "name" } }
            guard case .null = v else { return false }
            return partyKeys.contains(k) || k == "target" && event
        }
        guard r.contains(where: { isParty($0.0, $0.1) }) else { return r }
        var out: Record = []
        out.reserveCapacity(r.count + 2)
        for (k, v) in r {
            guard isParty(k, v) else { out.append((k, v)); continue }
            let pairs: [(String, JSONValue)] = if case .object(let p) = v { p } else { [] }
            out.append((k, pairs.first { $0.0 == "name" }?.1 ?? .null))
            let country = k + "_country"
            if !r.contains(where: { $0.0 == country }) { out.append((country, pairs.first { $0.0 == "country" }?.1 ?? .null)) }
        }
        return out
    }

    /// The keys that hold a party (the target too, in an event).
    static let partyKeys: Set<String> = ["holder", "speaker", "initiator"]
}
