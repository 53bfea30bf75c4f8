import Foundation

/// The rules of Dictionaries/cleaning/debris.tsv: which lines are page debris, and which mark
/// the end of an article (comment forms, "Related Publications", copyright lines).
public struct DebrisRules: Sendable {
    public enum Match: String, Sendable { case line, prefix, contains, suffix }
    public enum Action: String, Sendable { case drop, end, skipHeader = "skip-header" }
    public struct Rule: Sendable { var match: Match; var action: Action; var text: String }

    var rules: [Rule]
    /// Whole-line rules by their text; prefix, contains and suffix rules as folded UTF-8.
    var lines: [String: Action] = [:]
    var others: [Pattern] = []
    var lineIndex = WordIndex<Action>([:])

    /// A prefix, contains or suffix rule.
    struct Pattern: Sendable {
        var match: Match
        var text: [UInt8]
        var action: Action
        /// For a contains rule: Horspool's table of `text`.
        var shifts: [Int] = []

        func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            text.withUnsafeBufferPointer { text in
                guard line.count >= text.count else { return false }
                switch match {
                case .prefix: return DebrisRules.equal(line, at: 0, text)
                case .suffix: return DebrisRules.equal(line, at: line.count - text.count, text)
                case .contains: return DebrisRules.contains(line, text, shifts: shifts)
                case .line: return false
                }
            }
        }
    }

    public init(tsv: String, file: String = "cleaning/debris.tsv") throws {
        rules = []
        for (n, fields) in TSV.rows(tsv) {
            guard fields.count >= 3, let m = Match(rawValue: fields[0]), let a = Action(rawValue: fields[1]) else {
                throw KBError.dictionary(file: file, line: n, reason: "expected: match (line|prefix|contains|suffix) <tab> action (drop|end|skip-header) <tab> text")
            }
            let folded = Self.fold(fields[2])
            rules.append(Rule(match: m, action: a, text: folded))
            if m == .line { if lines[folded] == nil { lines[folded] = a } } else { others.append(Pattern(match: m, text: Array(folded.utf8), action: a, shifts: m == .contains ? Self.shifts(folded.utf8) : [])) }
        }
        lineIndex = WordIndex(lines)
    }

    /// The action for a line (already trimmed), if any rule matches: in file order for the
    /// prefix/contains/suffix rules, after an exact whole-line rule.
    func action(for line: String) -> Action? { action(folded: Self.fold(Array(line.utf8))) }

    /// The action for a line already folded (`fold`), as UTF-8.
    func action(folded bytes: [UInt8]) -> Action? {
        if let a = lineIndex[utf8: bytes[...]] { return a }
        return bytes.withUnsafeBufferPointer { line in others.first { $0.matches(line) }?.action }
    }

    @inline(__always)
    static func equal(_ hay: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<needle.count where hay[i + k] != needle[k] { return false }
        return true
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in contains(h, n, shifts: shifts(needle)) } }
    }

    /// Horspool's table for `needle`: how far the window may move when its last byte is b.
    static func shifts<C: Collection>(_ needle: C) -> [Int] where C.Element == UInt8 {
        var table = [Int](repeating: needle.count, count: 256)
        for (k, b) in needle.dropLast().enumerated() { table[Int(b)] = needle.count - 1 - k }
        return table
    }

    /// Whether `needle` occurs in `hay` (Horspool's search: a memchr for the first byte stopped
    /// at every "a", "c" or "t" of a paragraph; this moves by up to the needle's length).
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, shifts: [Int]) -> Bool {
        let m = needle.count
        guard m > 0 else { return true }
        guard hay.count >= m else { return false }
        return shifts.withUnsafeBufferPointer { shift in
            var i = 0
            while i <= hay.count - m {
                let last = hay[i + m - 1]
                if last == needle[m - 1] && equal(hay, at: i, needle) { return true }
                i += shift[Int(last)]
            }
            return false
        }
    }

    /// `fold` of ASCII text: lowercase letters, white space collapsed; never longer than the text.
    static func foldASCII(_ b: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
            var n = 0
            var space = false
            for c in b {
                if c == 0x20 || c == 0x09 || c == 0x0A { space = n > 0; continue }
                if space { out[n] = 0x20; n += 1; space = false }
                out[n] = c &- 0x41 < 26 ? c | 0x20 : c
                n += 1
            }
            count = n
        }
    }

    /// Lowercased, curly quotes folded, whitespace collapsed.
    static func fold(_ s: String) -> String { UTF8Text.string(fold(Array(s.utf8))) }

    /// `fold` over UTF-8 bytes.
    static func fold(_ b: [UInt8]) -> [UInt8] {
        if b.withUnsafeBufferPointer(UTF8Text.isASCII) { return foldASCII(b) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var space = false
        var i = 0
        while i < b.count {
            let (u, length) = b[i] < 0x80 ? (Unicode.Scalar(b[i]), 1) : UTF8Text.scalar(b, at: i)
            i += length
            if u == " " || u == "\t" || u == "\n" || u == "\u{A0}" { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            switch u {
            case "\u{2019}", "\u{2018}": out.append(0x27)
            case "\u{201C}", "\u{201D}": out.append(0x22)
            case "A"..."Z": out.append(UInt8(u.value + 32))
            default:
                if u.value < 0x80 {
                    out.append(UInt8(u.value))
                } else if (0x2000...0x206F).contains(u.value) {
                    // General Punctuation (dashes, quotes, bullets) has no case: copied as it is.
                    out += b[(i - length)..<i]
                } else {
                    // What String.lowercased() gives for one scalar.
                    for l in u.properties.lowercaseMapping.unicodeScalars { UTF8Text.append(l, to: &out) }
                }
            }
        }
        return out
    }
}

/// Tab-separated dictionary files: '#' comments, blank lines skipped; yields (line number, fields).
enum TSV {
    static func rows(_ text: String) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        var n = 0
        for raw in lines(text) {
            n += 1
            if let fields = asciiFields(raw) {
                if let fields = fields { out.append((n, fields)) }
                continue
            }
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            out.append((n, line.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)))
        }
        return out
    }

    /// What `rows` makes of a line that is ASCII without "\r" (each byte a Character): nil when
    /// the line is not such a line, .some(nil) for a blank or comment line, else its trimmed fields.
    static func asciiFields(_ line: Substring) -> [String]?? {
        line.utf8.withContiguousStorageIfAvailable { b -> [String]?? in
            guard !b.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            if b.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || b.first == 0x23 { return .some(nil) }
            return .some(b.split(separator: 0x09, omittingEmptySubsequences: false).map { field in
                var field = field
                while let f = field.first, f == 0x20 || f == 0x09 { field = field.dropFirst() }
                while let l = field.last, l == 0x20 || l == 0x09 { field = field.dropLast() }
                return String(decoding: field, as: UTF8.self)
            })
        } ?? nil
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, found over the UTF-8
    /// bytes: a "\n" is a Character of its own unless a "\r" precedes it ("\r\n" is one Character,
    /// so a file with CR LF line ends is one line, as before).
    static func lines(_ text: String) -> [Substring] {
        let bytes = Array(text.utf8)
        func at(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var out: [Substring] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
            out.append(text[at(start)..<at(i)])
            start = i + 1
        }
        out.append(text[at(start)...])
        return out
    }

    /// A '; '-separated list field.
    static func list(_ field: String) -> [String] {
        field.split(separator: ";").map(trimmed).filter { !$0.isEmpty }
    }

    /// The text without white space at either end (`trimmingCharacters(in: .whitespaces)`).
    static func trimmed(_ s: Substring) -> String {
        let u = s.unicodeScalars
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, UTF8Text.isWhitespace(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, UTF8Text.isWhitespace(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return String(u[lo..<hi])
    }
}
