import Foundation

/// How rows are printed: `--format table|csv|tsv|json|jsonl|markdown`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown

    /// Renders records. Columns are the union of the records' keys in first-seen order.
    public func render(_ records: [Record], columns wanted: [String]? = nil) -> String {
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
                return TextTable.render(columns: columns, rows: rows)
            }
        }
    }

    static func columns(_ records: [Record]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for r in records { for (k, _) in r where seen.insert(k).inserted { out.append(k) } }
        return out
    }
}

/// A plain-text table for the terminal: columns padded, long cells cut with '…'.
enum TextTable {
    static func render(columns: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        if rows.isEmpty { return "(no rows)\n" }
        func cut(_ s: String) -> String {
            let one = s.replacingOccurrences(of: "\n", with: " ")
            return one.count > maxWidth ? String(one.prefix(maxWidth - 1)) + "…" : one
        }
        let cells = rows.map { $0.map(cut) }
        var widths = columns.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            zip(r, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(columns) + line(widths.map { String(repeating: "-", count: $0) }) + cells.map(line).joined()
    }
}
