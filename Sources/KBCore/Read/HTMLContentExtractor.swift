/// Finds the main content of a page and renders it as plain text.
///
/// Boilerplate comes in two strengths:
/// - *hard*: elements that are never content (`script`, `nav`, `header`,
///   `footer`, `aside`, …, hidden elements, ARIA landmark roles such as
///   `navigation`);
/// - *soft*: `form`, and elements whose class or id contains a word of
///   `Dictionaries/reading/html-classes.tsv`. A furniture word (`sidebar`,
///   `share`, …) is ignored when the element holds at least 60 % of the
///   paragraph text of the region being read, so a page-wide
///   `<div class="layout-with-sidebar">` or an ASP.NET page-wide `<form>` does
///   not swallow the article; a part word (`comment`, `related`, …) only when
///   the element also holds the page's first `<h1>` or an article-body element.
///   Inline elements directly inside a paragraph or heading are never soft junk
///   (`<h2><a class="header">`).
///
/// "Paragraph text" is the non-whitespace text inside `<p>` and `<pre>`
/// elements, inside inline elements directly in a container, and bare text
/// directly inside containers (`div`, `section`, …), counting only pieces of
/// at least `shortestParagraph` bytes; link text (`<a>`) is not paragraph text,
/// nor is a paragraph that is mostly links.
struct HTMLContentExtractor {
    let tree: HTMLTree
    /// The `<body>` (or the outermost element when there is none).
    let body: Int
    private var hardJunk: [Bool]
    private var softJunk: [Bool]
    /// Soft junk named by a part word (comments, teasers): overridden by its size only when it
    /// holds the story's headline or an article-body element, never when it is a long comment thread.
    private var strongJunk: [Bool]
    /// Non-whitespace text below each element, hard junk excluded.
    private var textWeight: [Int]
    /// Paragraph text below each element, hard junk excluded.
    private var paragraphWeight: [Int]
    /// Text inside links (`<a>`) below each element, hard junk excluded.
    private var linkWeight: [Int]

    static let junkRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
        "alertdialog", "search",
    ]
    /// "ad" as a word of its own inside a class token ("ad-slot", "top-ad-box", "ads").
    static let adWords: [[UInt8]] = ["-ad-", "_ad-", "-ad_", "_ad_", "-ads-"].map { Array($0.utf8) }
    /// The class and id words that classify elements (Dictionaries/reading/html-classes.tsv).
    let words: HTMLClassWords

    init(tree: HTMLTree, words: HTMLClassWords = .builtIn) {
        self.tree = tree
        self.words = words
        let nodes = tree.nodes
        let count = nodes.count
        body = tree.first("body") ?? tree.first("html") ?? 0
        hardJunk = Array(repeating: false, count: count)
        softJunk = Array(repeating: false, count: count)
        strongJunk = Array(repeating: false, count: count)
        textWeight = Array(repeating: 0, count: count)
        paragraphWeight = Array(repeating: 0, count: count)
        linkWeight = Array(repeating: 0, count: count)
        for index in 0..<count where !nodes[index].isText {
            (hardJunk[index], softJunk[index], strongJunk[index]) = Self.classify(nodes[index], words: words)
            // Inline elements in running text are content whatever their class.
            if softJunk[index], !nodes[index].kind.contains(.block), nodes[index].parent >= 0,
               nodes[nodes[index].parent].kind.contains(.prose) {
                softJunk[index] = false
                strongJunk[index] = false
            }
        }
        // Elements holding the first headline or an article-body element keep their text whatever their words.
        var marks: [Int] = []
        if let h1 = nodes.firstIndex(where: { $0.tag == "h1" }) { marks.append(h1) }
        for index in 0..<count where !nodes[index].isText && !nodes[index].attributes.isEmpty && Self.isArticleBody(nodes[index], words: words) {
            marks.append(index)
        }
        for mark in marks {
            var up = mark
            while up >= 0 {
                strongJunk[up] = false
                up = nodes[up].parent
            }
        }
        for index in stride(from: count - 1, through: 0, by: -1) {
            // Field access rather than `let node = nodes[index]`: copying a
            // node retains three references, and this runs for every node.
            let parent = nodes[index].parent
            guard parent >= 0 else { continue }
            if nodes[index].isText {
                let weight = nodes[index].weight
                textWeight[parent] += weight
                if nodes[parent].kind.contains(.container) { paragraphWeight[parent] += Self.paragraph(weight) }
            } else if !hardJunk[index] {
                textWeight[parent] += textWeight[index]
                let isLink = nodes[index].tag == "a"
                if isLink { linkWeight[index] = textWeight[index] }
                linkWeight[parent] += linkWeight[index]
                paragraphWeight[parent] += Self.paragraphShare(nodes, index, text: textWeight[index], paragraphs: paragraphWeight[index],
                                                               links: linkWeight[index])
            }
        }
    }

    /// Paragraphs shorter than this many non-space bytes ("Most read",
    /// "Copyright …") are labels, not prose, and do not count as paragraph text.
    static let shortestParagraph = 25

    private static func paragraph(_ weight: Int) -> Int {
        weight >= shortestParagraph ? weight : 0
    }

    /// What element `index` adds to its parent's paragraph text: all of its text when it is a
    /// `<p>`, or an inline element holding running text directly inside a container
    /// (`<div><span>text</span></div>`, as blog engines write paragraphs); else the paragraph
    /// text inside it. Links are not prose: a link adds nothing, nor does a paragraph that is
    /// mostly link text (a teaser: `<a><p>summary</p></a>`, `<p><a>headline</a></p>`).
    private static func paragraphShare(_ nodes: [HTMLTree.Node], _ index: Int, text: Int, paragraphs: Int, links: Int) -> Int {
        let kind = nodes[index].kind
        if kind.contains(.paragraph) { return links * 2 > text ? 0 : paragraph(text) }
        if nodes[index].tag == "a" { return 0 }
        if paragraphs == 0, !kind.contains(.block), !kind.contains(.boilerplate),
           nodes[nodes[index].parent].kind.contains(.container) {
            return links * 2 > text ? 0 : paragraph(text)
        }
        return paragraphs
    }

    /// (hard, soft, strong) boilerplate classification of one element.
    static func classify(_ node: HTMLTree.Node, words: HTMLClassWords) -> (Bool, Bool, Bool) {
        let kind = node.kind
        if kind.contains(.boilerplate) { return (true, false, false) }
        if kind.contains(.landmark) && (node.tag == "body" || node.tag == "html") { return (false, false, false) }
        let isForm = kind == [.block] && node.tag == "form"
        if node.attributes.isEmpty { return (false, isForm, false) }
        var classes: String?
        var id: String?
        var role = ""
        for attribute in node.attributes {
            switch attribute.name {
            case "class": classes = attribute.value
            case "id": id = attribute.value
            case "role": role = HTMLTextBuilder.trimmed(attribute.value.lowercased())
            case "hidden": return (true, false, false)
            case "aria-hidden":
                if HTMLTextBuilder.trimmed(attribute.value.lowercased()) == "true" { return (true, false, false) }
            case "style":
                let compact = lowercasedBytes(attribute.value).filter { !isASCIISpace($0) }
                if contains(compact, hiddenStyles[0]) || contains(compact, hiddenStyles[1]) { return (true, false, false) }
            default:
                break
            }
        }
        if kind.contains(.landmark) { return (false, false, false) }
        if junkRoles.contains(role) { return (true, false, false) }
        if role == "main" { return (false, false, false) }
        if isForm { return (false, true, false) }
        guard classes != nil || id != nil else { return (false, false, false) }
        var bytes = lowercasedBytes(classes ?? "")
        if let id {
            bytes.append(0x20)
            bytes += lowercasedBytes(id)
        }
        var junk = false
        var strong = false
        var content = false
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                while start < all.count && isASCIISpace(all[start]) { start += 1 }
                var end = start
                while end < all.count && !isASCIISpace(all[end]) { end += 1 }
                if end > start {
                    let token = UnsafeBufferPointer(rebasing: all[start..<end])
                    if words.content.contains(where: { contains(token, $0) }) { content = true }
                    if !strong && words.parts.contains(where: { contains(token, $0) }) { strong = true }
                    if !junk && (strong || isJunkToken(token, words: words)) { junk = true }
                }
                start = end
            }
        }
        return (false, junk && !content, strong && !content)
    }

    static let hiddenStyles: [[UInt8]] = ["display:none", "visibility:hidden"].map { Array($0.utf8) }

    /// Lower-cased class tokens plus the id, as bytes.
    static func classTokens(of node: HTMLTree.Node) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        if let classes = node.attribute("class") {
            tokens = lowercasedBytes(classes).split(whereSeparator: isASCIISpace).map(Array.init)
        }
        if let id = node.attribute("id") {
            let bytes = lowercasedBytes(id).filter { !isASCIISpace($0) }
            if !bytes.isEmpty { tokens.append(bytes) }
        }
        return tokens
    }

    static func isJunkToken(_ token: UnsafeBufferPointer<UInt8>, words: HTMLClassWords) -> Bool {
        if words.furniture.contains(where: { contains(token, $0) }) { return true }
        // "ad-" only as a word of its own, so "lead-paragraph", "head-line"
        // or "thread-list" are not matched.
        if token.elementsEqual("ad".utf8) || token.elementsEqual("ads".utf8) { return true }
        if token.starts(with: "ad-".utf8) || token.starts(with: "ads-".utf8) || token.starts(with: "ad_".utf8) { return true }
        if token.reversed().starts(with: "da-".utf8) || token.reversed().starts(with: "sda-".utf8)
            || token.reversed().starts(with: "da_".utf8) { return true }
        return adWords.contains { contains(token, $0) }
    }

    static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Byte substring search (the generic `String.contains` is far slower).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        contains(haystack, Array(needle.utf8))
    }

    /// Whether element `index` is boilerplate when reading a region whose
    /// paragraph text is `base`.
    func isJunk(_ index: Int, base: Int) -> Bool {
        if hardJunk[index] { return true }
        guard softJunk[index] else { return false }
        return strongJunk[index] || !(base > 0 && paragraphWeight[index] * 10 >= base * 6)
    }

    // MARK: - Choosing the root

    /// The element holding the main content.
    func chooseRoot() -> Root {
        let nodes = tree.nodes
        let count = nodes.count
        guard count > 0 else { return Root(element: 0, skipped: []) }
        let base = paragraphWeight[body]
        var junk = Array(repeating: false, count: count)
        for index in 0..<count where !nodes[index].isText { junk[index] = isJunk(index, base: base) }
        // Text and paragraph weights with soft junk removed as well.
        var cleanText = Array(repeating: 0, count: count)
        var cleanParagraphs = Array(repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let parent = nodes[index].parent
            guard parent >= 0 else { continue }
            if nodes[index].isText {
                let weight = nodes[index].weight
                cleanText[parent] += weight
                if nodes[parent].kind.contains(.container) { cleanParagraphs[parent] += Self.paragraph(weight) }
            } else if !junk[index] {
                cleanText[parent] += cleanText[index]
                cleanParagraphs[parent] += Self.paragraphShare(nodes, index, text: cleanText[index], paragraphs: cleanParagraphs[index],
                                                               links: linkWeight[index])
            }
        }
        // Elements inside boilerplate are never candidates.
        var insideJunk = Array(repeating: false, count: count)
        for index in 0..<count {
            let parent = nodes[index].parent
            if parent >= 0 { insideJunk[index] = insideJunk[parent] || junk[parent] }
        }
        func best(_ include: (Int) -> Bool) -> Int? {
            var found: Int?
            for index in 0..<count where !nodes[index].isText && !insideJunk[index] && !hardJunk[index] && include(index) {
                if cleanText[index] > 0, found.map({ cleanText[index] > cleanText[$0] }) ?? true { found = index }
            }
            return found
        }
        let root = best { nodes[$0].tag == "article" }
            ?? best { nodes[$0].tag == "main" || nodes[$0].attribute("role")?.lowercased() == "main" }
            ?? best { Self.isArticleBody(nodes[$0], words: words) }

        // The densest container: the deepest one holding at least 80 % of the
        // paragraph text of the richest container.
        var densest: Int?
        var most = 0
        for index in 0..<count where nodes[index].kind.contains(.densityCandidate) && !junk[index] && !insideJunk[index] {
            most = max(most, cleanParagraphs[index])
        }
        if most > 0 {
            for index in 0..<count where nodes[index].kind.contains(.densityCandidate) && !junk[index] && !insideJunk[index] {
                if cleanParagraphs[index] * 10 >= most * 8, densest.map({ nodes[index].depth > nodes[$0].depth }) ?? true {
                    densest = index
                }
            }
        }
        var chosen = Root(element: root ?? densest ?? body, skipped: [])
        if let densest, root.map({ cleanParagraphs[$0] * 4 < cleanParagraphs[body] }) ?? true {
            chosen = Root(element: densest, skipped: [])
            // Readability-style sibling merge: prose paragraphs and substantial
            // containers next to the densest container (a lead paragraph
            // outside the story's inner wrapper) belong to the story too.
            let parent = nodes[densest].parent
            if parent >= 0, !junk[parent], !insideJunk[parent] {
                var skipped: Set<Int> = []
                var merged = false
                for sibling in tree.children(of: parent) where sibling != densest {
                    let node = nodes[sibling]
                    let isProse = node.kind.contains(.paragraph) && cleanText[sibling] >= Self.shortestMergedParagraph
                    let isSubstantial = node.kind.contains(.container) && cleanParagraphs[sibling] * 5 >= cleanParagraphs[densest]
                    if !node.isText && !junk[sibling] && (isProse || isSubstantial) {
                        merged = true
                    } else {
                        skipped.insert(sibling)
                    }
                }
                if merged { chosen = Root(element: parent, skipped: skipped) }
            }
        }
        return chosen
    }

    /// The element holding the main content, and children of it to leave out.
    struct Root: Equatable {
        var element: Int
        var skipped: Set<Int>
    }

    /// A sibling `<p>` this long (non-space bytes) is merged into the story.
    static let shortestMergedParagraph = 50

    static func isArticleBody(_ node: HTMLTree.Node, words: HTMLClassWords) -> Bool {
        if let itemprop = node.attribute("itemprop"), itemprop.lowercased().contains("articlebody") { return true }
        guard let classes = node.attribute("class") else { return false }
        let bytes = lowercasedBytes(classes)
        return words.content.contains { contains(bytes, $0) }
    }

    // MARK: - Text

    /// The plain text of `root` with boilerplate removed.
    func text(of root: Root) -> String {
        var builder = HTMLTextBuilder()
        append(root.element, base: paragraphWeight[root.element], skipping: root.skipped, to: &builder)
        return builder.text
    }

    /// Renders `start` (never itself treated as boilerplate) into `builder`,
    /// leaving out the elements in `skipped`.
    private func append(_ start: Int, base: Int, skipping skipped: Set<Int> = [], to builder: inout HTMLTextBuilder) {
        let nodes = tree.nodes
        let stop = nodes[start].end
        var open: [Int] = []   // block elements whose end closes a block
        var preformatted = 0
        var index = start
        while index < stop {
            while let top = open.last, index >= nodes[top].end {
                open.removeLast()
                builder.flush(preformatted: preformatted > 0)
                if nodes[top].tag == "pre" { preformatted -= 1 }
            }
            if nodes[index].isText {
                if preformatted > 0 { builder.appendPreformatted(nodes[index].text) } else { builder.append(nodes[index].text) }
                index += 1
                continue
            }
            if index != start && (isJunk(index, base: base) || (!skipped.isEmpty && skipped.contains(index))) {
                index = nodes[index].end
                continue
            }
            switch nodes[index].tag {
            case "br":
                builder.lineBreak()
            case "hr":
                builder.flush(preformatted: preformatted > 0)
            case "pre":
                builder.flush(preformatted: preformatted > 0)
                preformatted += 1
                open.append(index)
            case "tr" where isDataRow(index):
                builder.flush(preformatted: preformatted > 0)
                builder.append(rowText(index, base: base))
                builder.flush()
                index = nodes[index].end
                continue
            default:
                if nodes[index].kind.contains(.block) {
                    builder.flush(preformatted: preformatted > 0)
                    open.append(index)
                }
            }
            index += 1
        }
        while let top = open.popLast() {
            builder.flush(preformatted: preformatted > 0)
            if nodes[top].tag == "pre" { preformatted -= 1 }
        }
        builder.flush()
    }

    /// A table row without block content: rendered as one line, cells joined by " | ".
    private func isDataRow(_ row: Int) -> Bool {
        !tree.nodes[(row + 1)..<tree.nodes[row].end].contains { $0.kind.contains(.layout) }
    }

    private func rowText(_ row: Int, base: Int) -> String {
        var cells: [String] = []
        for cell in tree.children(of: row) {
            let tag = tree.nodes[cell].tag
            guard tag == "td" || tag == "th", !isJunk(cell, base: base) else { continue }
            let text = inlineText(of: cell, base: base)
            if !text.isEmpty { cells.append(text) }
        }
        return cells.joined(separator: " | ")
    }

    /// The text of `index` on one line.
    func inlineText(of index: Int, base: Int = 0) -> String {
        var builder = HTMLTextBuilder()
        append(index, base: base, to: &builder)
        return HTMLTextBuilder.collapsed(builder.blocks.joined(separator: " "))
    }

    // MARK: - Searching the content

    /// Where to look for the article's h1 and date: the root, then the
    /// nearest enclosing `<article>` or `<main>` (when the root is a
    /// paragraph container, the headline usually sits just above it).
    func scopes(of root: Int) -> [Int] {
        var parent = tree.nodes[root].parent
        while parent >= 0 {
            let tag = tree.nodes[parent].tag
            if tag == "article" || tag == "main" { return [root, parent] }
            parent = tree.nodes[parent].parent
        }
        return [root]
    }

    /// The first element in `root`'s subtree satisfying `match`, skipping
    /// hard boilerplate except `header` (an article's header holds its h1,
    /// byline and date).
    func firstElement(in root: Int, where match: (HTMLTree.Node) -> Bool) -> Int? {
        let nodes = tree.nodes
        var index = root
        while index < nodes[root].end {
            let node = nodes[index]
            if node.isText {
                index += 1
                continue
            }
            if index != root && hardJunk[index] && node.tag != "header" {
                index = node.end
                continue
            }
            if match(node) { return index }
            index += 1
        }
        return nil
    }
}
