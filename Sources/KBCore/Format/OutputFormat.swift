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
        // Scalar by scalar, not with Foundation's replacing (a regular expression for the trailing
        // white space cost 40% of a whole `kb query`).
        func cut(_ s: String) -> String {
            var one = s
            if s.utf8.contains(10) {
                var scalars = String.UnicodeScalarView()
                for u in s.unicodeScalars { scalars.append(u == "\n" ? " " : u) }
                one = String(scalars)
            }
            return one.count > maxWidth ? String(one.prefix(maxWidth - 1)) + "…" : one
        }
        let cells = rows.map { $0.map(cut) }
        let counts = cells.map { $0.map(\.count) }
        var widths = columns.map(\.count)
        for r in counts { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c) } }
        var out = ""
        // Each line is built as bytes (appending padding to a String goes character by character).
        func line(_ r: [String], _ count: [Int]) {
            var bytes: [UInt8] = []
            for (i, cell) in r.enumerated() {
                if i > 0 { bytes.append(32); bytes.append(32) }
                bytes.append(contentsOf: cell.utf8)
                if count[i] < widths[i] { bytes.append(contentsOf: repeatElement(32, count: widths[i] - count[i])) }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // Without the white space at its end (what `\\s+$` matched: Unicode's White_Space).
            let u = text.unicodeScalars
            var end = u.endIndex
            while end > u.startIndex {
                let before = u.index(before: end)
                let c = u[before]
                guard c == " " || c.properties.isWhitespace else { break }
                end = before
            }
            out += end == u.endIndex ? text : String(u[..<end])
            out += "\n"
        }
        line(columns, columns.map(\.count))
        line(widths.map { String(repeating: "-", count: $0) }, widths)
        for (r, c) in zip(cells, counts) { line(r, c) }
        return out
    }
}
