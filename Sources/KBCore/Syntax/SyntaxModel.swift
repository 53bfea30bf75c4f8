/// The linguistic layer's model: tagger, lemmatizer and parser, trained together from a
/// Universal Dependencies treebank (`kb-train`) and shipped as one file (Models/).
public struct SyntaxModel: Sendable {
    let tagger: Tagger
    let lemmatizer: Lemmatizer
    let parser: DependencyParser
    /// Where the model came from: treebank, commit, settings (kept in the file).
    public let provenance: String

    init(tagger: Tagger, lemmatizer: Lemmatizer, parser: DependencyParser, provenance: String) {
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.parser = parser
        self.provenance = provenance
    }

    /// Rows and weights of each part, for the trainer's log.
    public var sizes: String {
        func f(_ m: PerceptronModel) -> String { "\(m.featureCount) features, \(m.weightCount) weights" }
        return "tagger \(f(tagger.model)); moves \(f(parser.moves)); labeller \(f(parser.labeller)); lemmas \(lemmatizer.table.count) + \(lemmatizer.rules.count) rules"
    }

    /// Tags, lemmatizes and parses one sentence of words (UD tokenization).
    public func analyze(_ forms: [String]) -> ParsedSentence {
        let features = forms.map(WordFeatures.init)
        let tags = tagger.tag(features)
        let (heads, labels) = parser.parse(features, tags)
        var words: [ParsedWord] = []
        words.reserveCapacity(forms.count)
        for i in forms.indices {
            words.append(ParsedWord(form: forms[i], lemma: lemmatizer.lemma(forms[i], lower: features[i].lowerText, tags[i]),
                                    upos: tags[i], head: heads[i] - 1, relation: parser.labels[labels[i]]))
        }
        return ParsedSentence(words: words)
    }

    /// Where analysis time goes, per stage (for the trainer's --evaluate).
    public func timing(_ sentences: [[String]]) -> String {
        let clock = ContinuousClock()
        var features: [[WordFeatures]] = [], tags: [[UPOS]] = []
        let a = clock.measure { features = sentences.map { $0.map(WordFeatures.init) } }
        let b = clock.measure { tags = features.map { tagger.tag($0) } }
        let c = clock.measure { for (f, t) in zip(features, tags) { _ = parser.parse(f, t) } }
        let d = clock.measure { for (f, t) in zip(features, tags) { for (x, u) in zip(f, t) { _ = lemmatizer.lemma(x.lowerText, lower: x.lowerText, u) } } }
        return "features \(a), tagger \(b), parser \(c), lemmas \(d)"
    }

    /// Fills LEMMA, UPOS, FEATS, HEAD and DEPREL of a CoNLL-U sentence, keeping its words.
    public func fill(_ sentence: CoNLLUSentence) -> CoNLLUSentence {
        let parsed = analyze(sentence.forms)
        var out = sentence
        for (i, w) in parsed.words.enumerated() {
            out.words[i][2] = w.lemma
            out.words[i][3] = w.upos.name
            out.words[i][5] = parsed.morphology(i)
            out.words[i][6] = String(w.head + 1)
            out.words[i][7] = w.relation
        }
        return out
    }
}

extension SyntaxModel {
    /// Trains every part from a treebank's training sentences. The parser learns from tags the
    /// tagger predicted on the part of the data it was not trained on (four folds), so that its
    /// input in training looks like its input later.
    public static func train(_ sentences: [CoNLLUSentence], taggerEpochs: Int, parserEpochs: Int, seed: UInt64,
                             provenance: String, minUpdates: Int32 = 2, log: (String) -> Void = { _ in }) throws -> SyntaxModel {
        var tagged: [[(form: String, tag: UPOS)]] = []
        var lemmas: [(form: String, lemma: String, tag: UPOS)] = []
        var labels: [String] = []
        var labelIndex: [String: Int] = [:]
        for s in sentences {
            var t: [(form: String, tag: UPOS)] = []
            for w in s.words {
                guard let u = UPOS(name: w[3]) else { throw KBError.badModel(reason: "unknown UPOS '\(w[3])' in the treebank") }
                t.append((w[1], u))
                lemmas.append((w[1], w[2], u))
                if labelIndex[w[7]] == nil { labelIndex[w[7]] = labels.count; labels.append(w[7]) }
            }
            tagged.append(t)
        }
        let folds = 4
        var predicted = [[UPOS]](repeating: [], count: sentences.count)
        for fold in 0..<folds {
            let held = sentences.indices.filter { $0 % folds == fold }
            let rest = sentences.indices.filter { $0 % folds != fold }.map { tagged[$0] }
            let t = Tagger.train(rest, epochs: taggerEpochs, seed: seed &+ UInt64(fold), log: log)
            for i in held { predicted[i] = t.tag(tagged[i].map { WordFeatures($0.form) }) }
            log("fold \(fold + 1) of \(folds) tagged")
        }
        let tagger = Tagger.train(tagged, epochs: taggerEpochs, seed: seed, log: log)
        let lemmatizer = Lemmatizer.train(lemmas)
        var training: [DependencyParser.TrainingSentence] = []
        for (i, s) in sentences.enumerated() {
            guard let heads = Optional(s.words.compactMap { Int($0[6]) }), heads.count == s.words.count else {
                throw KBError.badModel(reason: "a treebank word without an integer HEAD")
            }
            training.append(.init(words: s.words.map { WordFeatures($0[1]) }, tags: predicted[i], heads: heads,
                                  labels: s.words.map { labelIndex[$0[7]]! }))
        }
        let parser = DependencyParser.train(training, labels: labels, epochs: parserEpochs, seed: seed, minUpdates: minUpdates, log: log)
        return SyntaxModel(tagger: tagger, lemmatizer: lemmatizer, parser: parser, provenance: provenance)
    }
}
