/// YAML front matter at the top of a Markdown file (`---` … `---`): the subset articles use —
/// `key: value`, quoted values, inline lists `[a, b]` and block lists (`- a`).
struct FrontMatter {
    var fields: [String: [String]] = [:]
    var body: Substring

    static func split(_ text: String) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return FrontMatter(body: text[...])
        }
        lines = lines.dropFirst()
        var fields: [String: [String]] = [:]
        var lastKey: String?
        var closedAt: Int?
        for (index, line) in zip(lines.indices, lines) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { closedAt = index; break }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), let key = lastKey {
                fields[key, default: []].append(unquote(String(trimmed.dropFirst(2))))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            lastKey = key
            if value.isEmpty { fields[key] = []; continue }
            if value.hasPrefix("[") && value.hasSuffix("]") {
                fields[key] = value.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
            } else {
                fields[key] = [unquote(value)]
            }
        }
        guard let end = closedAt else { return FrontMatter(body: text[...]) }
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatter(fields: fields, body: body[...])
    }

    static func unquote(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, let l = t.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            return String(t.dropFirst().dropLast())
        }
        return t
    }

    func first(_ keys: String...) -> String? {
        for k in keys { if let v = fields[k]?.first, !v.isEmpty { return v } }
        return nil
    }

    func list(_ keys: String...) -> [String]? {
        for k in keys { if let v = fields[k], !v.isEmpty { return v } }
        return nil
    }
}
