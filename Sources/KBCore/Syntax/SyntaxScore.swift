/// Accuracy of predicted CoNLL-U against gold, over syntactic words, as CoNLL 2018 counts it:
/// UPOS, lemma, UAS, and LAS on the universal part of DEPREL (before ':').
public struct SyntaxScore: Sendable {
    public var words = 0
    public var upos = 0, lemma = 0, attached = 0, labelled = 0
    /// Per gold relation (universal part): words, heads right, heads and labels right.
    public var byRelation: [String: (words: Int, attached: Int, labelled: Int)] = [:]

    public init(gold: [CoNLLUSentence], predicted: [CoNLLUSentence]) {
        for (g, p) in zip(gold, predicted) {
            for (gw, pw) in zip(g.words, p.words) {
                words += 1
                if gw[3] == pw[3] { upos += 1 }
                if gw[2] == pw[2] { lemma += 1 }
                let rel = String(gw[7].split(separator: ":").first ?? "")
                let prel = String(pw[7].split(separator: ":").first ?? "")
                var r = byRelation[rel] ?? (0, 0, 0)
                r.words += 1
                if gw[6] == pw[6] {
                    attached += 1; r.attached += 1
                    if rel == prel { labelled += 1; r.labelled += 1 }
                }
                byRelation[rel] = r
            }
        }
    }

    func ratio(_ k: Int) -> Double { Double(k) / Double(max(1, words)) }
    public var uposAccuracy: Double { ratio(upos) }
    public var lemmaAccuracy: Double { ratio(lemma) }
    public var uas: Double { ratio(attached) }
    public var las: Double { ratio(labelled) }

    public var summary: String {
        func f(_ x: Double) -> String { String(Int((x * 10000).rounded())).leftPadded(5).inserting(".", at: 1) }
        return "words \(words)  UPOS \(f(uposAccuracy))  lemma \(f(lemmaAccuracy))  UAS \(f(uas))  LAS \(f(las))"
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
    func inserting(_ s: String, at i: Int) -> String { String(prefix(count - 4)) + s + String(suffix(4)) }
}
