import Foundation

/// Dictionaries/cleaning/publishers.tsv: outlet names and their other spellings and domains.
public struct PublisherDictionary: Sendable {
    /// (alias as written, canonical name), longest alias first.
    var aliases: [(String, String)] = []

    public init(tsv: String, file: String = "cleaning/publishers.tsv") throws {
        for (n, fields) in TSV.rows(tsv) {
            guard let name = fields.first, !name.isEmpty else {
                throw KBError.dictionary(file: file, line: n, reason: "expected: name <tab> aliases")
            }
            aliases.append((name, name))
            if fields.count > 1 { for a in TSV.list(fields[1]) { aliases.append((a, name)) } }
        }
        aliases.sort { $0.0.count > $1.0.count }
    }

    /// The canonical name when `text` is (or, for a domain, names) a known outlet.
    func canonical(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["https://", "http://", "www."] where t.lowercased().hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        if let slash = t.firstIndex(of: "/") { t = String(t[..<slash]) }
        let lower = t.lowercased()
        return aliases.first { $0.0.lowercased() == lower }?.1
    }

    /// The first known outlet named in `line` as whole words, with its range.
    func find(in line: String) -> (name: String, range: Range<String.Index>)? {
        for (alias, name) in aliases where alias.count >= 2 {
            var from = line.startIndex
            while let r = line.range(of: alias, range: from..<line.endIndex) {
                let before = r.lowerBound == line.startIndex ? " " : line[line.index(before: r.lowerBound)]
                let after = r.upperBound == line.endIndex ? " " : line[r.upperBound]
                if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return (name, r) }
                from = r.upperBound
            }
        }
        return nil
    }
}
