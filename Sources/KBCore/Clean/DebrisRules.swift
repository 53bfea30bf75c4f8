import Foundation

/// The rules of Dictionaries/cleaning/debris.tsv: which lines are page debris, and which mark
/// the end of an article (comment forms, "Related Publications", copyright lines).
public struct DebrisRules: Sendable {
    public enum Match: String, Sendable { case line, prefix, contains, suffix }
    public enum Action: String, Sendable { case drop, end, skipHeader = "skip-header" }
    public struct Rule: Sendable { var match: Match; var action: Action; var text: String }

    var rules: [Rule]

    public init(tsv: String, file: String = "cleaning/debris.tsv") throws {
        rules = []
        for (n, fields) in TSV.rows(tsv) {
            guard fields.count >= 3, let m = Match(rawValue: fields[0]), let a = Action(rawValue: fields[1]) else {
                throw KBError.dictionary(file: file, line: n, reason: "expected: match (line|prefix|contains|suffix) <tab> action (drop|end|skip-header) <tab> text")
            }
            rules.append(Rule(match: m, action: a, text: Self.fold(fields[2])))
        }
    }

    /// The action for a line (already trimmed), if any rule matches.
    func action(for line: String) -> Action? {
        let folded = Self.fold(line)
        for r in rules {
            let hit: Bool
            switch r.match {
            case .line: hit = folded == r.text
            case .prefix: hit = folded.hasPrefix(r.text)
            case .contains: hit = folded.contains(r.text)
            case .suffix: hit = folded.hasSuffix(r.text)
            }
            if hit { return r.action }
        }
        return nil
    }

    /// Lowercased, curly quotes folded, whitespace collapsed.
    static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s.lowercased() {
            if ch.isWhitespace { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            switch ch {
            case "\u{2019}", "\u{2018}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(ch)
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
