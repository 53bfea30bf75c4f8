/// One word of a parsed sentence.
public struct ParsedWord: Sendable, Equatable {
    public var form: String
    public var lemma: String
    public var upos: UPOS
    /// Index of the head word in the sentence, or -1 for the root.
    public var head: Int
    /// The Universal Dependencies relation to the head ("nsubj", "obl:tmod", "root").
    public var relation: String

    /// The relation without its subtype ("obl" for "obl:tmod").
    public var baseRelation: Substring { relation.split(separator: ":", maxSplits: 1).first ?? Substring(relation) }
}

/// A sentence's words with their tags, lemmas and dependency tree.
public struct ParsedSentence: Sendable, Equatable {
    public var words: [ParsedWord]
    /// Each word's dependents, in order.
    public let dependents: [[Int]]

    public init(words: [ParsedWord]) {
        self.words = words
        var d = [[Int]](repeating: [], count: words.count)
        for (i, w) in words.enumerated() where w.head >= 0 && w.head < words.count { d[w.head].append(i) }
        dependents = d
    }

    /// Morphological features derived from the form, the lemma and the tree (number, tense,
    /// verb form, voice), as CoNLL-U FEATS.
    public func morphology(_ i: Int) -> String {
        let w = words[i]
        let lower = w.form.lowercased()
        var f: [String] = []
        switch w.upos {
        case .NOUN, .PROPN:
            f.append(lower != w.lemma.lowercased() && lower.hasSuffix("s") ? "Number=Plur" : "Number=Sing")
        case .VERB, .AUX:
            let auxiliaries = dependents[i].filter { words[$0].relation.hasPrefix("aux") }.map { words[$0].lemma }
            if lower.hasSuffix("ing") && lower != w.lemma {
                f.append("VerbForm=Ger")
            } else if dependents[i].contains(where: { words[$0].relation == "aux:pass" }) {
                f.append(contentsOf: ["Tense=Past", "VerbForm=Part", "Voice=Pass"])
            } else if auxiliaries.contains("have") && lower != w.lemma {
                f.append(contentsOf: ["Tense=Past", "VerbForm=Part"])
            } else if !auxiliaries.isEmpty || dependents[i].contains(where: { words[$0].lemma == "to" && words[$0].relation == "mark" }) {
                f.append("VerbForm=Inf")
            } else if lower != w.lemma && !lower.hasSuffix("s") {
                f.append(contentsOf: ["Mood=Ind", "Tense=Past", "VerbForm=Fin"])
            } else if lower.hasSuffix("s") && lower != w.lemma {
                f.append(contentsOf: ["Mood=Ind", "Number=Sing", "Person=3", "Tense=Pres", "VerbForm=Fin"])
            } else {
                f.append(contentsOf: ["Mood=Ind", "Tense=Pres", "VerbForm=Fin"])
            }
        default:
            break
        }
        return f.isEmpty ? "_" : f.sorted().joined(separator: "|")
    }
}
