/// Markdown to plain text, line by line, so that sentences read as prose: heading marks,
/// emphasis, link and image syntax, block quotes, list bullets and HTML comments are removed.
enum MarkdownText {
    static func plain(_ markdown: Substring) -> String {
        var out: [String] = []
        var inFence = false
        var inComment = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); out.append(""); continue }
            if inFence { out.append(line); continue }
            if inComment {
                if let r = line.range(of: "-->") { line = String(line[r.upperBound...]); inComment = false } else { continue }
            }
            while let open = line.range(of: "<!--") {
                if let close = line.range(of: "-->", range: open.upperBound..<line.endIndex) {
                    line.removeSubrange(open.lowerBound..<close.upperBound)
                } else { line = String(line[..<open.lowerBound]); inComment = true }
            }
            out.append(inline(block(line)))
        }
        return out.joined(separator: "\n")
    }

    /// Removes block markers: '#' headings, '>' quotes, list bullets, horizontal rules.
    static func block(_ line: String) -> String {
        var s = Substring(line)
        while s.first == " " { s = s.dropFirst() }
        while s.hasPrefix(">") { s = s.dropFirst(); while s.first == " " { s = s.dropFirst() } }
        if s.hasPrefix("#") {
            let hashes = s.prefix { $0 == "#" }
            if hashes.count <= 6, s.dropFirst(hashes.count).first == " " {
                s = s.dropFirst(hashes.count + 1)
                while s.last == "#" || s.last == " " { s = s.dropLast() }
            }
        }
        if s.hasPrefix("- ") || s.hasPrefix("* ") || s.hasPrefix("+ ") { s = s.dropFirst(2) }
        let t = s.filter { $0 != " " }
        if t.count >= 3, Set(t).count == 1, let c = t.first, "-*_=".contains(c) { return "" }
        return String(s)
    }

    /// Removes inline syntax: images, links (keeping their text), emphasis and code marks.
    static func inline(_ line: String) -> String {
        guard line.contains(where: { "[*_`!<".contains($0) }) else { return line }
        var out = ""
        var chars = Array(line)
        var i = 0
        // Links and images: [text](url) → text; ![alt](src) → ''
        while i < chars.count {
            let c = chars[i]
            if (c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "[")),
               let close = chars[i...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
               let paren = chars[(close + 1)...].firstIndex(of: ")") {
                let isImage = c == "!"
                let textStart = isImage ? i + 2 : i + 1
                if !isImage { out += String(chars[textStart..<close]) }
                i = paren + 1
                continue
            }
            out.append(c)
            i += 1
        }
        chars = Array(out)
        out = ""
        for (j, c) in chars.enumerated() {
            if c == "`" { continue }
            if c == "*" || c == "_" {
                // Emphasis marks sit against a word on one side and not inside a word on both.
                let prev = j > 0 ? chars[j - 1] : " "
                let next = j + 1 < chars.count ? chars[j + 1] : " "
                if !(prev.isLetter || prev.isNumber) || !(next.isLetter || next.isNumber) { continue }
            }
            out.append(c)
        }
        return out
    }
}
