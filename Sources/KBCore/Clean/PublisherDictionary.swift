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
        let lineBytes = Array(line.utf8)
        let asciiLine = UTF8Text.isASCII(lineBytes)
        for (alias, name) in aliases where alias.count >= 2 {
            if asciiLine, UTF8Text.isASCII(alias.utf8) {
                // ASCII in both: a Character is a byte, and Foundation's match is a byte match.
                if let r = Self.wholeWord(Array(alias.utf8), in: lineBytes) {
                    let u = line.utf8
                    return (name, u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound))
                }
                continue
            }
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

    /// The first occurrence of `alias` in `line` (ASCII) with no letter or digit on either side.
    static func wholeWord(_ alias: [UInt8], in line: [UInt8]) -> Range<Int>? {
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        var from = 0
        while from + alias.count <= line.count {
            guard let i = (from...(line.count - alias.count)).first(where: { line[$0..<($0 + alias.count)].elementsEqual(alias) }) else { return nil }
            let end = i + alias.count
            if (i == 0 || !isWordByte(line[i - 1])) && (end == line.count || !isWordByte(line[end])) { return i..<end }
            from = end
        }
        return nil
    }
}
