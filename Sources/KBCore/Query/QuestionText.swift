/// A question as words: split at white space, with the question's punctuation ("?", ",", a final
/// ".", quotation marks) taken off and possessives made words of their own ("Russia's" → "Russia",
/// "'s"; "the United States'" → "States", "'s"), so that a form can say where a possessive goes.
/// The words keep their letter case (for names); forms compare them in lower case.
struct QuestionText {
    var words: [String]
    var lower: [String]

    init(_ question: String) {
        var out: [String] = []
        for raw in question.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            var w = Substring(raw)
            while let c = w.first, "\"“”‘(".contains(c) { w = w.dropFirst() }
            while let c = w.last, "\"“”?!,;:)".contains(c) || (c == "." && !w.dropLast().contains(".")) { w = w.dropLast() }
            if w.isEmpty { continue }
            var possessive = false
            for suffix in ["'s", "’s"] where w.count > suffix.count && w.hasSuffix(suffix) { w = w.dropLast(suffix.count); possessive = true }
            if !possessive, w.count > 2, w.hasSuffix("s'") || w.hasSuffix("s’") { w = w.dropLast(); possessive = true }
            while let c = w.last, c == "'" || c == "’" { w = w.dropLast() }   // a closing quotation mark
            if w.isEmpty { continue }
            out.append(String(w))
            if possessive { out.append("'s") }
        }
        words = out
        lower = out.map { $0.lowercased() }
    }

    init(words: [String]) {
        self.words = words
        lower = words.map { $0.lowercased() }
    }

    /// Words back into a phrase, with the possessive joined to its word: ["Iran", "'s", "presence"] → "Iran's presence".
    static func join(_ words: some Collection<String>) -> String {
        var out = ""
        for w in words {
            if w == "'s" { out += "'s"; continue }
            if !out.isEmpty { out += " " }
            out += w
        }
        return out
    }
}
