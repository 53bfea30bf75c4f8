import Foundation

/// Word classes the extractors read the tree with (Dictionaries/grammar/): negations, modals,
/// hedges, hearsay verbs, plans, habits, speculation, verbs with an unchanged past, and the nouns that name where a statement came from.
/// One lemma (or space-separated lemma phrase) a line; '#' starts a comment.
public struct GrammarClasses: Sendable {
    public let negations: Set<String>
    public let modals: Set<String>
    public let hedges: Set<String>
    public let hearsay: Set<String>
    public let plans: Set<String>
    public let habits: Set<String>
    public let speculation: Set<String>
    public let sourceNouns: Set<String>
    /// Verbs whose past is their base form ("hit", "cut"): not read as a generic present.
    public let unchangedPast: Set<String>

    public init(files: [String: String]) throws {
        func list(_ name: String) throws -> Set<String> {
            let path = "grammar/" + name
            guard let text = files[path] else { throw KBError.dictionary(file: path, line: 0, reason: "missing dictionary file") }
            return Self.lemmas(text)
        }
        negations = try list("negation.txt")
        modals = try list("modals.txt")
        hedges = try list("hedges.txt")
        hearsay = try list("hearsay.txt")
        plans = try list("plans.txt")
        habits = try list("habits.txt")
        speculation = try list("speculation.txt")
        sourceNouns = try list("reporting-nouns-of-source.txt")
        unchangedPast = try list("unchanged-past.txt")
    }

    static func lemmas(_ text: String) -> Set<String> {
        var out: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let t = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if !t.isEmpty { out.insert(t) }
        }
        return out
    }
}
