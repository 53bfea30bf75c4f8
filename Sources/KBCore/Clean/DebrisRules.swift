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
    var others: [(Match, [UInt8], Action)] = []

    public init(tsv: String, file: String = "cleaning/debris.tsv") throws {
        rules = []
        for (n, fields) in TSV.rows(tsv) {
            guard fields.count >= 3, let m = Match(rawValue: fields[0]), let a = Action(rawValue: fields[1]) else {
                throw KBError.dictionary(file: file, line: n, reason: "expected: match (line|prefix|contains|suffix) <tab> action (drop|end|skip-header) <tab> text")
            }
            let folded = Self.fold(fields[2])
            rules.append(Rule(match: m, action: a, text: folded))
            if m == .line { if lines[folded] == nil { lines[folded] = a } } else { others.append((m, Array(folded.utf8), a)) }
        }
    }

    /// The action for a line (already trimmed), if any rule matches: in file order for the
    /// prefix/contains/suffix rules, after an exact whole-line rule.
    func action(for line: String) -> Action? {
        let folded = Self.fold(line)
        if let a = lines[folded] { return a }
        let bytes = Array(folded.utf8)
        for (m, text, action) in others {
            let hit: Bool
            switch m {
            case .prefix: hit = bytes.starts(with: text)
            case .suffix: hit = bytes.count >= text.count && bytes[(bytes.count - text.count)...].elementsEqual(text)
            case .contains: hit = Self.contains(bytes, text)
            case .line: hit = false
            }
            if hit { return action }
        }
        return nil
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Lowercased, curly quotes folded, whitespace collapsed.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\u{A0}" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            switch u {
            case "\u{2019}", "\u{2018}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "A"..."Z": out.append(Unicode.Scalar(u.value + 32)!)
            default:
                if u.value < 0x80 { out.append(u) } else { out.append(contentsOf: String(u).lowercased().unicodeScalars) }
            }
        }
        return String(out)
    }
}

/// Tab-separated dictionary files: '#' comments, blank lines skipped; yields (line number, fields).
enum TSV {
    static func rows(_ text: String) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            out.append((n, line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return out
    }

    /// A '; '-separated list field.
    static func list(_ field: String) -> [String] {
        field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
