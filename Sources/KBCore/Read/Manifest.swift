import Foundation

/// `kb-manifest.csv`: the metadata a user supplies beside the articles of a folder, for what
/// the texts do not state. Columns (header required, any order): file, title, published,
/// publisher, authors (separated by ';'), url, note. Every value read from it has origin `user`.
public struct Manifest: Sendable {
    public static let fileName = "kb-manifest.csv"
    public var entries: [String: SourceMetadata] = [:]

    public static func load(folder: String) throws -> Manifest? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KBError.unreadable(path: path, reason: "permission denied")
        }
        return try parse(TextDecoding.decode(Array(data), path: path).text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> Manifest {
        let rows = CSV.parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let fileColumn = header.firstIndex(of: "file") else {
            throw KBError.malformedRecord(path: path, line: 1, reason: "the first row must name the columns, including 'file'")
        }
        var manifest = Manifest()
        for (i, row) in rows.enumerated().dropFirst() {
            func value(_ name: String) -> String? {
                guard let c = header.firstIndex(of: name), c < row.count else { return nil }
                let v = row[c].trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : v
            }
            guard fileColumn < row.count else { continue }
            let file = row[fileColumn].trimmingCharacters(in: .whitespaces)
            if file.isEmpty { continue }
            var meta = SourceMetadata()
            if let t = value("title") { meta.title = Sourced(t, .user) }
            if let d = value("published") ?? value("date") {
                guard let date = MetadataDate.parse(d) else {
                    throw KBError.badMetadata(path: "\(path):\(i + 1)", field: "published", value: d, reason: "not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
                }
                meta.published = Sourced(date, .user)
            }
            if let p = value("publisher") { meta.publisher = Sourced(p, .user) }
            if let a = value("authors") ?? value("author") {
                meta.authors = Sourced(a.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }, .user)
            }
            if let u = value("url") { meta.url = Sourced(u, .user) }
            manifest.entries[file] = meta
        }
        return manifest
    }
}

/// RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            case "\r": continue
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    static func escape(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
