/// Accumulates plain text block by block: inline whitespace collapses to
/// single spaces, `lineBreak()` inserts a newline inside the current block,
/// `flush()` ends the block; `text` joins blocks with a blank line.
///
/// Works on UTF-8 bytes: the input strings are valid UTF-8, and whole
/// scalars are copied, so the output is valid UTF-8 too.
struct HTMLTextBuilder {
    private(set) var blocks: [String] = []
    private var line: [UInt8] = []
    private var pendingSpace = false
    private var atLineStart = true
    private var trailingNewlines = 0

    var text: String { blocks.joined(separator: "\n\n") }

    /// Whitespace that collapses to a single space (including no-break spaces).
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        isCollapsible(scalar.value)
    }

    static func isCollapsible(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Invisible characters dropped from the text: control characters,
    /// zero-width spaces, BOM, soft hyphen.
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: return true
        default: return false
        }
    }

    private enum Character {
        case space, newline, invisible, visible
    }

    /// Calls `body` for each scalar of `text` with its class and its bytes.
    private static func forEachScalar(
        _ text: String, _ body: (Character, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    let kind: Character
                    switch lead {
                    case 0x0A: kind = .newline
                    case 0x20, 0x09, 0x0D, 0x0C, 0x0B: kind = .space
                    case 0x00...0x1F, 0x7F: kind = .invisible
                    default: kind = .visible
                    }
                    body(kind, UnsafeBufferPointer(rebasing: bytes[index..<(index + 1)]))
                    index += 1
                    continue
                }
                let (kind, end) = classify(bytes, at: index)
                body(kind, UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    // ASCII fast path.
                    if lead == 0x20 || lead == 0x0A || lead == 0x09 || lead == 0x0D || lead == 0x0C || lead == 0x0B {
                        if !atLineStart { pendingSpace = true }
                    } else if lead < 0x20 || lead == 0x7F {
                        // control character: dropped
                    } else {
                        if pendingSpace {
                            line.append(0x20)
                            pendingSpace = false
                        }
                        line.append(lead)
                        atLineStart = false
                        trailingNewlines = 0
                    }
                    index += 1
                    continue
                }
                let (kind, end) = Self.classify(bytes, at: index)
                switch kind {
                case .space, .newline:
                    if !atLineStart { pendingSpace = true }
                case .invisible:
                    break
                case .visible:
                    if pendingSpace {
                        line.append(0x20)
                        pendingSpace = false
                    }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    atLineStart = false
                    trailingNewlines = 0
                }
                index = end
            }
        }
    }

    /// Class and end of the non-ASCII scalar starting at `index`.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Character, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        let end = min(index + length, bytes.count)
        guard length == 2 || length == 3, end - index == length else { return (.visible, end) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        if isCollapsible(value) { return (.space, end) }
        if isInvisible(value) { return (.invisible, end) }
        return (.visible, end)
    }

    /// Appends preformatted text: whitespace kept, no-break spaces become spaces.
    mutating func appendPreformatted(_ text: String) {
        if pendingSpace {
            line.append(0x20)
            pendingSpace = false
        }
        Self.forEachScalar(text) { kind, bytes in
            switch kind {
            case .newline:
                line.append(0x0A)
                trailingNewlines += 1
                atLineStart = true
                return
            case .space:
                if bytes[0] == 0x0D { return }
                line.append(bytes.count == 1 ? bytes[0] : 0x20)
            case .invisible:
                return
            case .visible:
                line.append(contentsOf: bytes)
            }
            atLineStart = false
            trailingNewlines = 0
        }
    }

    /// A `<br>`: a newline inside the block (at most one blank line in a row).
    mutating func lineBreak() {
        pendingSpace = false
        guard !line.isEmpty, trailingNewlines < 2 else { return }
        line.append(0x0A)
        trailingNewlines += 1
        atLineStart = true
    }

    /// Ends the current block.
    mutating func flush(preformatted: Bool = false) {
        pendingSpace = false
        atLineStart = true
        trailingNewlines = 0
        guard !line.isEmpty else { return }
        var end = line.count
        var start = 0
        if preformatted {
            while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            while start < end, line[start] == 0x0A { start += 1 }
        } else {
            while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x20 { end -= 1 }
            while start < end, line[start] == 0x0A || line[start] == 0x20 { start += 1 }
        }
        if start < end { blocks.append(String(decoding: line[start..<end], as: UTF8.self)) }
        line.removeAll(keepingCapacity: true)
    }

    /// `text` with whitespace runs collapsed to single spaces and trimmed.
    static func collapsed(_ text: String) -> String {
        var builder = HTMLTextBuilder()
        builder.append(text)
        builder.flush()
        return builder.text
    }

    /// `text` without leading and trailing whitespace (no-break spaces included).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isCollapsible($0) }),
              let last = scalars.lastIndex(where: { !isCollapsible($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
