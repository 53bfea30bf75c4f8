/// The article facts found in a page's JSON-LD blocks.
///
/// Every `<script type="application/ld+json">` is parsed; objects are taken
/// from the top level, from arrays and from `@graph`. The article is the first
/// object whose `@type` names an article or posting (`NewsArticle`,
/// `BlogPosting`, `ReportageNewsArticle`, …), else the first object with a
/// `datePublished`. `@id` references (`"author": {"@id": "…#person"}`) are
/// resolved against the other objects.
struct JSONLDSummary: Equatable {
    var published: String?
    var authors: [String] = []
    var publisher: String?

    init(scripts: [String]) {
        var objects: [[String: JSONLDValue]] = []
        for script in scripts {
            if let value = JSONLDValue.parse(script) { Self.collect(value, into: &objects, depth: 0) }
        }
        guard !objects.isEmpty else { return }
        var byID: [String: [String: JSONLDValue]] = [:]
        for object in objects {
            if let id = object["@id"]?.stringValue, byID[id] == nil { byID[id] = object }
        }
        let article = objects.first(where: Self.isArticle) ?? objects.first { $0["datePublished"] != nil }
        let date = article?["datePublished"]?.stringValue
            ?? objects.lazy.compactMap { $0["datePublished"]?.stringValue }.first
        published = date.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        if let author = article?["author"] ?? article?["creator"] {
            authors = Self.names(author, byID: byID)
        }
        if let organisation = article?["publisher"] {
            publisher = Self.names(organisation, byID: byID).first
        }
    }

    private static func collect(_ value: JSONLDValue, into objects: inout [[String: JSONLDValue]], depth: Int) {
        guard depth < 4 else { return }
        switch value {
        case .object(let members):
            objects.append(members)
            if let graph = members["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
        case .array(let values):
            for element in values { collect(element, into: &objects, depth: depth + 1) }
        default:
            break
        }
    }

    private static func isArticle(_ object: [String: JSONLDValue]) -> Bool {
        guard let type = object["@type"] else { return false }
        return type.list.contains { value in
            guard let name = value.stringValue?.lowercased() else { return false }
            return name.contains("article") || name.hasSuffix("posting") || name == "report"
        }
    }

    /// Names in a person / organisation value: a string, an object with
    /// `name`, an `@id` reference, or an array of these.
    private static func names(_ value: JSONLDValue, byID: [String: [String: JSONLDValue]], depth: Int = 0) -> [String] {
        guard depth < 3 else { return [] }
        switch value {
        case .string(let name):
            let cleaned = clean(name)
            return cleaned.isEmpty ? [] : [cleaned]
        case .array(let values):
            return values.flatMap { names($0, byID: byID, depth: depth + 1) }
        case .object(let members):
            if let name = members["name"] {
                return names(name, byID: byID, depth: depth + 1)
            }
            if let id = members["@id"]?.stringValue, let target = byID[id], target["@id"]?.stringValue == id,
               let name = target["name"] {
                return names(name, byID: byID, depth: depth + 1)
            }
            return []
        default:
            return []
        }
    }

    /// Collapses whitespace and decodes the HTML entities that sites leave in
    /// JSON-LD strings (script content is not entity-decoded by the parser).
    static func clean(_ text: String) -> String {
        HTMLTextBuilder.collapsed(decodeEntities(text))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ",
            "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}",
        ]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            var replacement: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if entity.hasPrefix("#") {
                replacement = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[String(entity)]
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        result += rest
        return result
    }
}
