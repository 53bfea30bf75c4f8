/// The metadata sources of a page, gathered in one pass over the tree:
/// `<meta>` tags (keyed by lower-cased `property`, `name` and `itemprop`),
/// `<title>`, `<html lang>`, `<link rel=canonical>`, JSON-LD blocks,
/// microdata `datePublished` and `rel=author` links.
struct HTMLMetadata {
    /// Lower-cased meta key → contents in document order (empty ones dropped).
    var metas: [String: [String]] = [:]
    var titleElement: String?
    var language: String?
    var canonical: String?
    var jsonLDScripts: [String] = []
    var microdataPublished: String?
    var authorLinks: [String] = []

    init(tree: HTMLTree) {
        let nodes = tree.nodes
        for index in nodes.indices where !nodes[index].isText {
            // Only <title> matters without attributes.
            if nodes[index].attributes.isEmpty && nodes[index].tag != "title" { continue }
            let node = nodes[index]
            switch node.tag {
            case "html":
                if language == nil {
                    language = Self.nonEmpty(node.attribute("lang")) ?? Self.nonEmpty(node.attribute("xml:lang"))
                }
            case "title":
                if titleElement == nil, !tree.hasAncestor(index, named: ["svg", "math"]) {
                    titleElement = Self.nonEmpty(tree.rawText(of: index))
                }
            case "meta":
                guard let content = Self.nonEmpty(node.attribute("content")) else { break }
                for key in ["property", "name", "itemprop"] {
                    if let name = Self.nonEmpty(node.attribute(key)?.lowercased()) {
                        metas[name, default: []].append(content)
                    }
                }
                if let equiv = node.attribute("http-equiv")?.lowercased(), HTMLTextBuilder.trimmed(equiv) == "content-language" {
                    metas["http-equiv:content-language", default: []].append(content)
                }
            case "link":
                let rel = Self.tokens(node.attribute("rel"))
                if canonical == nil, rel.contains("canonical") { canonical = Self.nonEmpty(node.attribute("href")) }
            case "script":
                if let type = node.attribute("type"), HTMLTextBuilder.trimmed(type.lowercased()) == "application/ld+json" {
                    jsonLDScripts.append(tree.rawText(of: index))
                }
            default:
                if microdataPublished == nil, let itemprop = node.attribute("itemprop"),
                   Self.tokens(itemprop).contains("datepublished") {
                    microdataPublished = Self.nonEmpty(node.attribute("content")) ?? Self.nonEmpty(node.attribute("datetime"))
                        ?? Self.nonEmpty(tree.rawText(of: index))
                }
                if node.tag == "a", Self.tokens(node.attribute("rel")).contains("author"),
                   !tree.hasAncestor(index, named: ["nav", "footer", "form", "script", "noscript", "template"]),
                   !Self.insideDiscussion(index, tree: tree),
                   let name = Self.nonEmpty(tree.rawText(of: index)) {
                    authorLinks.append(name)
                }
            }
        }
    }

    /// The first non-empty value of the first of `keys` that has one.
    func meta(_ keys: String...) -> String? {
        for key in keys {
            if let value = metas[key]?.first { return value }
        }
        return nil
    }

    func allMetas(_ key: String) -> [String] { metas[key] ?? [] }

    /// Trimmed, whitespace-collapsed `text`, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = HTMLTextBuilder.collapsed(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    static func tokens(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Whether `index` sits in a comment thread or a related-articles box.
    private static func insideDiscussion(_ index: Int, tree: HTMLTree) -> Bool {
        var parent = tree.nodes[index].parent
        while parent >= 0 {
            let tokens = HTMLContentExtractor.classTokens(of: tree.nodes[parent])
            if tokens.contains(where: { token in
                HTMLContentExtractor.contains(token, "comment") || HTMLContentExtractor.contains(token, "related")
                    || HTMLContentExtractor.contains(token, "recommend")
            }) {
                return true
            }
            parent = tree.nodes[parent].parent
        }
        return false
    }
}
