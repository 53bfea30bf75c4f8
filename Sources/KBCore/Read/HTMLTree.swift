import CLibXML2

/// libxml2 must be initialised once before documents are parsed on several
/// threads; a global `let` is initialised lazily and exactly once.
private let libxml2Initialised: Bool = {
    xmlInitParser()
    return true
}()

/// A compact, immutable copy of a libxml2 HTML document: elements and text
/// nodes in document order (pre-order). The subtree of node `i` is the index
/// range `i ..< nodes[i].end`, so walks need no child arrays or recursion.
/// The libxml2 document is freed as soon as the copy is made.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lower-case element name; empty for text nodes.
        var tag: String
        /// What the element name means to the reader (empty for text nodes).
        var kind: HTMLTagKind
        /// Text nodes only: the decoded text.
        var text: String
        /// The attributes the reader cares about (see `HTMLTree.isKept`).
        var attributes: [Attribute]
        var parent: Int
        /// One past the last node of this node's subtree.
        var end: Int
        var depth: Int
        /// Text nodes only: the number of non-whitespace UTF-8 bytes.
        var weight: Int

        var isText: Bool { tag.isEmpty }

        func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name {
                return attribute.value
            }
            return nil
        }
    }

    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    private(set) var nodes: [Node] = []

    /// Attributes copied out of libxml2; everything else is ignored.
    static func isKept(_ attribute: String) -> Bool {
        switch attribute {
        case "class", "id", "role", "rel", "href", "name", "property", "content", "itemprop", "datetime",
             "lang", "xml:lang", "type", "hidden", "style", "aria-hidden", "http-equiv":
            return true
        default:
            return false
        }
    }

    /// Parses `bytes` with libxml2's HTML parser using `encoding`, skipping
    /// the first `skip` bytes (a byte-order mark).
    static func parse(_ bytes: [UInt8], encoding: String, skip: Int) throws(HTMLReadError) -> HTMLTree {
        _ = libxml2Initialised
        let length = bytes.count - skip
        guard length > 0 else { throw HTMLReadError.noText }
        guard length <= Int(Int32.max) else {
            throw HTMLReadError(reason: "the HTML is too large to parse (\(bytes.count) bytes)")
        }
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        options |= HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        options |= HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        // Without XML_PARSE_HUGE libxml2 drops the whole document once
        // elements nest 256 deep.
        options |= XML_PARSE_HUGE.rawValue
        let saved = kb_xml_silence_errors()
        defer { kb_xml_restore_errors(saved) }
        let document: htmlDocPtr? = bytes.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            let start = (base + skip).assumingMemoryBound(to: CChar.self)
            return htmlReadMemory(start, Int32(length), nil, encoding, Int32(bitPattern: options))
        }
        guard let document else {
            throw HTMLReadError(reason: "the HTML could not be parsed")
        }
        defer { xmlFreeDoc(document) }
        return HTMLTree(document: document)
    }

    /// Copies the element and text nodes of `document`. Comments, processing
    /// instructions and the DTD are dropped.
    init(document: htmlDocPtr) {
        nodes.reserveCapacity(2048)
        var openElements: [Int] = []   // indices of the elements being descended
        var current: xmlNodePtr? = document.pointee.children
        while let node = current {
            let type = node.pointee.type
            let parent = openElements.last ?? -1
            var descend = false
            if type == XML_ELEMENT_NODE {
                // libxml2's HTML parser lower-cases element and attribute names.
                var tag = node.pointee.name.map { String(cString: $0) } ?? ""
                if tag.isEmpty { tag = "unknown" }
                let index = nodes.count
                nodes.append(Node(
                    tag: tag, kind: HTMLTagKind(tag: tag), text: "",
                    attributes: Self.attributes(of: node),
                    parent: parent, end: index + 1, depth: openElements.count, weight: 0
                ))
                if node.pointee.children != nil {
                    openElements.append(index)
                    descend = true
                }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content, content.pointee != 0 {
                    let index = nodes.count
                    nodes.append(Node(
                        tag: "", kind: [], text: String(cString: content), attributes: [],
                        parent: parent, end: index + 1, depth: openElements.count,
                        weight: Self.weight(of: content)
                    ))
                }
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb until an ancestor has one.
            var walker = node
            current = nil
            while true {
                if let next = walker.pointee.next {
                    current = next
                    break
                }
                guard let closed = openElements.popLast(), let up = walker.pointee.parent else { break }
                nodes[closed].end = nodes.count
                walker = up
            }
        }
        while let closed = openElements.popLast() { nodes[closed].end = nodes.count }
    }

    private static func attributes(of node: xmlNodePtr) -> [Attribute] {
        var result: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            let name = String(cString: rawName)
            guard isKept(name) else { continue }
            var value = ""
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            result.append(Attribute(name: name, value: value))
        }
        return result
    }

    /// Non-whitespace bytes of a NUL-terminated string.
    private static func weight(of text: UnsafePointer<xmlChar>) -> Int {
        var count = 0
        var pointer = text
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C { count += 1 }
            pointer += 1
        }
        return count
    }

    // MARK: - Queries

    /// The direct children of `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            result.append(child)
            child = nodes[child].end
        }
        return result
    }

    /// The first element named `tag`, in document order.
    func first(_ tag: String) -> Int? {
        nodes.firstIndex { $0.tag == tag }
    }

    /// The concatenated text of all text nodes below `index` (no filtering).
    func rawText(of index: Int) -> String {
        var result = ""
        for node in nodes[index..<nodes[index].end] where node.isText {
            result += node.text
        }
        return result
    }

    /// Whether `index` has an ancestor named one of `tags`.
    func hasAncestor(_ index: Int, named tags: Set<String>) -> Bool {
        var parent = nodes[index].parent
        while parent >= 0 {
            if tags.contains(nodes[parent].tag) { return true }
            parent = nodes[parent].parent
        }
        return false
    }
}
