/// An HTML article: its main content as plain text plus its metadata.
public struct HTMLArticle: Sendable, Equatable {
    /// og:title, else twitter:title, else the `<h1>` inside the main content,
    /// else `<title>` without a trailing " | Site" / " - Site" suffix.
    public var title: String?
    /// The publication date strings the page gives, exactly as written, in the order they are
    /// tried: JSON-LD `datePublished`, Open Graph and article meta tags, other date meta tags,
    /// microdata, the first `<time datetime>` of the content, the date in the URL.
    public var publishedCandidates: [DateCandidate]
    /// The first candidate's text.
    public var published: String? { publishedCandidates.first?.value }
    /// De-duplicated author names.
    public var authors: [String]
    /// og:site_name, JSON-LD publisher name, application-name, or the site
    /// suffix removed from `<title>`.
    public var publisher: String?
    /// `<link rel=canonical>`, else og:url.
    public var url: String?
    /// `<html lang>`.
    public var language: String?
    /// The main content: one block (paragraph, heading, list item, table
    /// row, …) per line, blocks separated by a blank line.
    public var text: String

    public init(
        title: String? = nil, published: [DateCandidate] = [], authors: [String] = [], publisher: String? = nil,
        url: String? = nil, language: String? = nil, text: String
    ) {
        self.title = title
        self.publishedCandidates = published
        self.authors = authors
        self.publisher = publisher
        self.url = url
        self.language = language
        self.text = text
    }
}

/// A publication date as one source of the page states it.
public struct DateCandidate: Sendable, Equatable {
    /// Where it was found: "JSON-LD datePublished", "meta article:published_time", "<time datetime>", "the URL".
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}

public struct HTMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }

    public init(reason: String) {
        self.reason = reason
    }

    static let noText = HTMLReadError(reason: "no readable text in the HTML")

    /// No text outside scripts: a page of scripts, whose article the browser draws, or an empty page.
    static func empty(_ tree: HTMLTree) -> HTMLReadError {
        var script = 0
        for node in tree.nodes where node.isText && node.parent >= 0 && tree.nodes[node.parent].tag == "script" { script += node.weight }
        guard script > 0 else { return noText }
        let size = script >= 10_240 ? "\(script / 1024) KB" : "\(script) bytes"
        return HTMLReadError(reason: "no readable text in the HTML: the page holds only scripts (\(size) of JavaScript), which draw its text in a browser; save the page once it has loaded, or save its text")
    }
}

/// Reads news articles from HTML with libxml2's HTML parser.
public enum HTMLReader {
    /// Parses `bytes` (UTF-8, Windows-1252 or any charset the page declares)
    /// and extracts the main content and metadata.
    /// - Throws: `HTMLReadError` when the input is empty, cannot be parsed,
    ///   or has no text in its main content.
    public static func read(_ bytes: [UInt8], words: HTMLClassWords = .builtIn) throws -> HTMLArticle {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C && $0 != 0 }) else {
            throw HTMLReadError.noText
        }
        let input = HTMLCharset.prepare(bytes)
        let tree = try HTMLTree.parse(input.bytes, encoding: input.encoding, skip: input.skip)
        guard !tree.nodes.isEmpty else { throw HTMLReadError.noText }

        let content = HTMLContentExtractor(tree: tree, words: words)
        var root = content.chooseRoot()
        var text = content.text(of: root)
        if text.isEmpty && root.element != content.body {
            root = HTMLContentExtractor.Root(element: content.body, skipped: [])
            text = content.text(of: root)
        }
        guard !text.isEmpty else { throw HTMLReadError.empty(tree) }

        let metadata = HTMLMetadata(tree: tree)
        let jsonLD = JSONLDSummary(scripts: metadata.jsonLDScripts)
        var article = HTMLArticle(text: text)
        article.language = metadata.language ?? metadata.meta("http-equiv:content-language")
        article.url = url(metadata)
        article.publisher = metadata.meta("og:site_name") ?? jsonLD.publisher ?? metadata.meta("application-name")
        article.authors = authors(metadata, jsonLD: jsonLD)
        article.publishedCandidates = published(metadata, jsonLD: jsonLD, content: content, root: root.element, url: article.url)
        (article.title, article.publisher) = title(metadata, content: content, root: root.element, publisher: article.publisher)
        return article
    }

    // MARK: - Metadata rules

    static func url(_ metadata: HTMLMetadata) -> String? {
        let canonical = metadata.canonical
        let og = metadata.meta("og:url")
        func isAbsolute(_ url: String) -> Bool { url.contains("://") || url.hasPrefix("//") }
        if let canonical, isAbsolute(canonical) { return canonical }
        if let og, isAbsolute(og) { return og }
        return canonical ?? og
    }

    static func title(
        _ metadata: HTMLMetadata, content: HTMLContentExtractor, root: Int, publisher: String?
    ) -> (title: String?, publisher: String?) {
        // The site suffix of <title> names the publisher when nothing else does.
        let publisher = publisher ?? metadata.titleElement.flatMap { splitTitle($0).1 }
        if let social = metadata.meta("og:title", "twitter:title") {
            return (stripSite(publisher, from: social) ?? social, publisher)
        }
        for scope in content.scopes(of: root) {
            if let heading = content.firstElement(in: scope, where: { $0.tag == "h1" }) {
                let text = content.inlineText(of: heading)
                if !text.isEmpty { return (text, publisher) }
            }
        }
        guard let title = metadata.titleElement else { return (nil, publisher) }
        if let stripped = stripSite(publisher, from: title) { return (stripped, publisher) }
        return (splitTitle(title).0, publisher)
    }

    static let titleSeparators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} ", " \u{2022} ", " :: ", " // ", " \u{00BB} "]

    /// Splits "Headline | Site" at the last separator; the suffix must look
    /// like a name (at most six words, 60 characters).
    static func splitTitle(_ title: String) -> (String, String?) {
        var cut: Range<String.Index>?
        for separator in titleSeparators {
            if let range = title.ranges(of: separator).last, cut.map({ range.lowerBound > $0.lowerBound }) ?? true {
                cut = range
            }
        }
        guard let cut else { return (title, nil) }
        let head = HTMLTextBuilder.trimmed(String(title[..<cut.lowerBound]))
        let suffix = HTMLTextBuilder.trimmed(String(title[cut.upperBound...]))
        guard !head.isEmpty, !suffix.isEmpty, suffix.count <= 60,
              suffix.split(separator: " ").count <= 6 else { return (title, nil) }
        return (head, suffix)
    }

    /// `title` without a known site name before or after a separator.
    static func stripSite(_ site: String?, from title: String) -> String? {
        guard let site, !site.isEmpty else { return nil }
        let lowerTitle = title.lowercased()
        let lowerSite = site.lowercased()
        for separator in titleSeparators {
            if lowerTitle.hasSuffix(separator + lowerSite) {
                let head = HTMLTextBuilder.trimmed(String(title.dropLast(separator.count + site.count)))
                if !head.isEmpty { return head }
            }
            if lowerTitle.hasPrefix(lowerSite + separator) {
                let tail = HTMLTextBuilder.trimmed(String(title.dropFirst(separator.count + site.count)))
                if !tail.isEmpty { return tail }
            }
        }
        return nil
    }

    /// Meta tags that carry the publication date, in the order they are tried.
    static let dateMetas = [
        "article:published_time", "og:published_time", "date", "pubdate", "dc.date", "publish-date", "parsely-pub-date",
        "dc.date.issued", "dcterms.date", "dcterms.issued", "publishdate", "publish_date", "datepublished", "sailthru.date",
    ]

    static func published(
        _ metadata: HTMLMetadata, jsonLD: JSONLDSummary, content: HTMLContentExtractor, root: Int, url: String?
    ) -> [DateCandidate] {
        var found: [DateCandidate] = []
        func add(_ field: String, _ value: String?) {
            guard let value, !found.contains(where: { $0.value == value }) else { return }
            found.append(DateCandidate(field: field, value: value))
        }
        add("JSON-LD datePublished", jsonLD.published)
        for key in dateMetas { add("meta \(key)", metadata.meta(key)) }
        add("microdata datePublished", metadata.microdataPublished)
        let hasDate: (HTMLTree.Node) -> Bool = { $0.tag == "time" && HTMLMetadata.nonEmpty($0.attribute("datetime")) != nil }
        for scope in content.scopes(of: root) {
            if let time = content.firstElement(in: scope, where: hasDate) {
                add("<time datetime>", HTMLMetadata.nonEmpty(content.tree.nodes[time].attribute("datetime")))
                break
            }
        }
        add(urlDateField, url.flatMap(dateInURL))
        return found
    }

    /// The field name of a date read from the page's address.
    static let urlDateField = "the URL"

    /// "2019-11-19" from ".../2019/11/19/slug", ".../2019-11-19-slug" or ".../20191119/...".
    static func dateInURL(_ url: String) -> String? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." || $0 == "?" || $0 == "=" || $0 == "&" })
        for (k, part) in parts.enumerated() where part.count == 4 || part.count == 8 {
            guard part.allSatisfy({ $0.isASCII && $0.isNumber }), part.hasPrefix("19") || part.hasPrefix("20") else { continue }
            if part.count == 8 {
                let text = String(part)
                let iso = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
                if KBDate(iso: iso) != nil { return iso }
                continue
            }
            guard k + 2 < parts.count, parts[k + 1].count == 2, parts[k + 2].count == 2 else { continue }
            let iso = "\(part)-\(parts[k + 1])-\(parts[k + 2])"
            if KBDate(iso: iso) != nil { return iso }
        }
        return nil
    }

    static func authors(_ metadata: HTMLMetadata, jsonLD: JSONLDSummary) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ raw: String) {
            for name in splitNames(raw) {
                let key = name.lowercased()
                if !seen.contains(key) {
                    seen.insert(key)
                    names.append(name)
                }
            }
        }
        metadata.allMetas("author").forEach(add)
        metadata.allMetas("article:author").forEach(add)
        jsonLD.authors.forEach(add)
        if names.isEmpty {
            for key in ["parsely-author", "dc.creator", "dcterms.creator", "byl", "sailthru.author"] {
                metadata.allMetas(key).forEach(add)
            }
        }
        if names.isEmpty { metadata.authorLinks.forEach(add) }
        return names
    }

    /// "Zvi Magen and Eldad Shavit" → ["Zvi Magen", "Eldad Shavit"]; also
    /// splits on "," and ";", drops a leading "By " and URLs.
    static func splitNames(_ raw: String) -> [String] {
        var text = HTMLTextBuilder.collapsed(raw)
        for separator in [";", " and ", " AND ", " And "] {
            text = text.replacing(separator, with: ",")
        }
        var result: [String] = []
        for part in text.split(separator: ",") {
            var name = HTMLTextBuilder.trimmed(String(part))
            if name.lowercased().hasPrefix("by ") { name = HTMLTextBuilder.trimmed(String(name.dropFirst(3))) }
            guard !name.isEmpty, name.count <= 100, !isURL(name) else { continue }
            result.append(name)
        }
        return result
    }

    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") || lower.hasPrefix("www.") {
            return true
        }
        return !lower.contains(" ") && (lower.contains("/") || lower.hasSuffix(".com"))
    }
}
