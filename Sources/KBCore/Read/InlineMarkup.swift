import Foundation

/// HTML left inside plain-text and Markdown articles by the sites that repost them: tags
/// (`<br><div id="articleText">`, `<span class="caps">NATO</span>`), comments, WordPress-style
/// shortcodes (`[ad_1]`, `[caption id="…"]…[/caption]`) and character entities (`&amp;`,
/// `&#8217;`). Tags and shortcodes are removed — a block tag leaves a line break, an inline one
/// nothing — and entities are decoded, before the text is cleaned and segmented, so the stored
/// clean text (which sentence offsets point into) has none of them.
enum InlineMarkup {
    /// Tags that end a line or a block where they stand.
    static let blockTags: Set<String> = ["br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                                         "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre"]
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "mdash": "—", "ndash": "–", "hellip": "…", "laquo": "«", "raquo": "»", "eacute": "é", "copy": "©",
    ]

    static func strip(_ text: String) -> String {
        guard text.contains("<") || text.contains("&") || text.contains("[") else { return text }
        var s = text
        s = s.replacingOccurrences(of: #"<!--.*?-->"#, with: "", options: .regularExpression)
        // Tags: a name after '<' or '</', attributes, '>'. "a < b" and "<3" are not tags.
        if let tag = try? NSRegularExpression(pattern: #"</?([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>"#) {
            let ns = s as NSString
            var out = ""
            var last = 0
            for m in tag.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
                let name = ns.substring(with: m.range(at: 1)).lowercased()
                if blockTags.contains(name) { out += "\n" }
                last = m.range.location + m.range.length
            }
            out += ns.substring(from: last)
            s = out
        }
        // Shortcodes: [name_1], [name attr="…"], [/name] — a lowercase name with '_' or a digit, or
        // with attributes, or closing ("[sic]" and "[Putin]" stay).
        s = s.replacingOccurrences(of: #"\[(/[a-z][a-z0-9_]*|[a-z]+[_0-9][a-z0-9_]*|[a-z][a-z0-9_]*\s+[a-z_]+=[^\]]*)\]"#, with: "", options: .regularExpression)
        return decodeEntities(s)
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&"), let re = try? NSRegularExpression(pattern: #"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"#) else { return s }
        let ns = s as NSString
        var out = ""
        var last = 0
        for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let body = ns.substring(with: m.range(at: 1))
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = entities[body] ?? entities[body.lowercased()]
            }
            out += decoded ?? ns.substring(with: m.range)
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}
