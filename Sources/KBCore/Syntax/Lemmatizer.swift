/// Lemmas from the treebank: a word seen in training takes its most frequent lemma for its form
/// and part of speech (the exact form first, then in lowercase); an unseen word takes the
/// suffix rewrite ("-ies" → "-y") most often seen with the longest suffix it shares with
/// training words of the same part of speech. Proper nouns, numbers and words with digits keep
/// their form.
public struct Lemmatizer: Sendable {
    /// "form\tUPOS" → lemma, for exact forms and for lowercase forms (marked by a leading "\u{1}").
    let table: [String: String]
    /// "UPOS\tsuffix" → "strip\tappend": drop `strip` scalars of the lowercase form, add `append`.
    let rules: [String: String]
    static let longestSuffix = 5

    init(table: [String: String], rules: [String: String]) {
        self.table = table
        self.rules = rules
    }

    public func lemma(_ form: String, lower: String, _ upos: UPOS) -> String {
        let tag = upos.name
        if let l = table[form + "\t" + tag] { return l }
        if upos == .PROPN || upos == .PUNCT || upos == .SYM || upos == .NUM { return form }
        // The lowercase key writes every digit as 0: "2022" and "2005" share it, not a lemma.
        if form.unicodeScalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) { return form.lowercased() }
        if let l = table["\u{1}" + lower + "\t" + tag] { return l }
        let scalars = Array(lower.unicodeScalars)
        var out = lower
        for k in stride(from: min(Self.longestSuffix, scalars.count - 1), through: 1, by: -1) {
            var suffix = String.UnicodeScalarView()
            suffix.append(contentsOf: scalars.suffix(k))
            if let rule = rules[tag + "\t" + String(suffix)] {
                let parts = rule.split(separator: "\t", omittingEmptySubsequences: false)
                let strip = Int(parts[0]) ?? 0
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars.dropLast(min(strip, scalars.count)))
                out = String(v) + (parts.count > 1 ? String(parts[1]) : "")
                break
            }
        }
        // Nationality and other capitalised adjectives keep their capital ("Syrian").
        if upos == .ADJ, let first = form.unicodeScalars.first, first.properties.isUppercase,
           form.unicodeScalars.dropFirst().contains(where: { $0.properties.isLowercase }) {
            return String(form.prefix(1)) + String(out.dropFirst())
        }
        return out
    }

    /// Learns the tables from (form, lemma, UPOS) triples.
    static func train(_ words: [(form: String, lemma: String, tag: UPOS)]) -> Lemmatizer {
        var exact: [String: [String: Int]] = [:]
        var lowered: [String: [String: Int]] = [:]
        var ruleTypes: [String: [String: Set<String>]] = [:]
        for w in words {
            let tag = w.tag.name
            exact[w.form + "\t" + tag, default: [:]][w.lemma, default: 0] += 1
            let lower = WordFeatures(w.form).lowerText
            lowered["\u{1}" + lower + "\t" + tag, default: [:]][w.lemma, default: 0] += 1
            guard w.tag != .PROPN else { continue }
            let f = Array(lower.unicodeScalars), l = Array(w.lemma.lowercased().unicodeScalars)
            var common = 0
            while common < f.count && common < l.count && f[common] == l[common] { common += 1 }
            var append = String.UnicodeScalarView()
            append.append(contentsOf: l[common...])
            let rule = "\(f.count - common)\t\(String(append))"
            for k in 1...min(longestSuffix, max(1, f.count - 1)) where k <= f.count {
                var suffix = String.UnicodeScalarView()
                suffix.append(contentsOf: f.suffix(k))
                ruleTypes[tag + "\t" + String(suffix), default: [:]][rule, default: []].insert(lower)
            }
        }
        func best(_ counts: [String: Int]) -> String {
            counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        }
        var table: [String: String] = [:]
        for (k, v) in exact { table[k] = best(v) }
        for (k, v) in lowered { table[k] = best(v) }
        var rules: [String: String] = [:]
        for (key, options) in ruleTypes {
            let top = options.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }!
            let total = options.values.reduce(0) { $0 + $1.count }
            // Keep a suffix only where it decides: seen with two or more words, and its rewrite the majority.
            if total >= 2 && top.value.count * 2 > total { rules[key] = top.key }
        }
        return Lemmatizer(table: table, rules: rules)
    }
}

extension Lemmatizer {
    /// Lemmas a form could have under the regular English endings, for a lexicon to try when the
    /// learned lemma is not one of its entries (an unseen "shelled" rewritten to "shel"): verbs
    /// "-ied/-ies/-ed/-d/-es/-s/-ing", nouns "-ies/-es/-s".
    public static func regularStems(of form: String, _ upos: UPOS) -> [String] {
        let endings: [(String, String)] = upos == .VERB
            ? [("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")]
            : [("ies", "y"), ("es", ""), ("s", "")]
        let lower = form.lowercased()
        return endings.compactMap { suffix, add in lower.hasSuffix(suffix) && lower.count > suffix.count + 1 ? String(lower.dropLast(suffix.count)) + add : nil }
    }
}

