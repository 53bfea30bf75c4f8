import Foundation

/// Greedy left-to-right part-of-speech tagger (UPOS): an averaged perceptron over the word, its
/// affixes and shape, its neighbours, the two tags before it, and the tags each word was seen
/// with in the treebank (its ambiguity class, which stands in for the tags not yet decided).
public struct Tagger: Sendable {
    let model: PerceptronModel
    /// Lowercase form → bit set of the tags it had in training.
    let dictionary: [UInt64: UInt32]

    static let featureCount = 27
    static let unknownClass: UInt64 = 1 << 40

    init(model: PerceptronModel, dictionary: [UInt64: UInt32]) {
        self.model = model
        self.dictionary = dictionary
    }

    /// Tags one sentence.
    func tag(_ words: [WordFeatures]) -> [UPOS] {
        let n = words.count
        var out: [UPOS] = []
        out.reserveCapacity(n)
        let classes = words.map { ambiguity($0) }
        var features = [UInt64](repeating: 0, count: Self.featureCount)
        var scores = [Float](repeating: 0, count: model.classes)
        for i in 0..<n {
            let p1 = i > 0 ? UInt64(out[i - 1].rawValue) : 99
            let p2 = i > 1 ? UInt64(out[i - 2].rawValue) : 99
            Self.features(words, classes, i, p1, p2, into: &features)
            for k in scores.indices { scores[k] = 0 }
            features.withUnsafeBufferPointer { f in scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) } }
            var best = 0
            for k in 1..<scores.count where scores[k] > scores[best] { best = k }
            out.append(UPOS(rawValue: best)!)
        }
        return out
    }

    func ambiguity(_ w: WordFeatures) -> UInt64 {
        dictionary[w.lower].map { UInt64($0) } ?? Self.unknownClass
    }

    /// The features of word i given the two tags before it (99: none).
    static func features(_ w: [WordFeatures], _ amb: [UInt64], _ i: Int, _ p1: UInt64, _ p2: UInt64, into f: inout [UInt64]) {
        typealias H = FeatureHash
        let n = w.count
        let none = WordFeatures.none
        let x = w[i]
        let prev = i > 0 ? w[i - 1].lower : none
        let prevSuffix = i > 0 ? w[i - 1].suffix3 : none
        let prev2 = i > 1 ? w[i - 2].lower : none
        let next = i + 1 < n ? w[i + 1].lower : none
        let nextSuffix = i + 1 < n ? w[i + 1].suffix3 : none
        let next2 = i + 2 < n ? w[i + 2].lower : none
        let a = amb[i]
        let a1 = i + 1 < n ? amb[i + 1] : 0
        let a2 = i + 2 < n ? amb[i + 2] : 0
        let ap = i > 0 ? amb[i - 1] : 0
        f[0] = H.feature(1, 0)
        f[1] = H.feature(2, x.lower)
        f[2] = H.feature(3, x.suffix1)
        f[3] = H.feature(4, x.suffix2)
        f[4] = H.feature(5, x.suffix3)
        f[5] = H.feature(6, x.suffix4)
        f[6] = H.feature(7, x.prefix2)
        f[7] = H.feature(8, x.shape)
        f[8] = H.feature(9, p1)
        f[9] = H.feature(10, p1, p2)
        f[10] = H.feature(11, p1, x.lower)
        f[11] = H.feature(12, prev)
        f[12] = H.feature(13, prevSuffix)
        f[13] = H.feature(14, prev2)
        f[14] = H.feature(15, next)
        f[15] = H.feature(16, nextSuffix)
        f[16] = H.feature(17, next2)
        f[17] = H.feature(18, a)
        f[18] = H.feature(19, a1)
        f[19] = H.feature(20, a2)
        f[20] = H.feature(21, x.lower, next)
        f[21] = H.feature(22, prev, x.lower)
        f[22] = H.feature(23, x.shape, i == 0 ? 1 : 0)
        f[23] = H.feature(24, a, p1)
        f[24] = H.feature(25, a, a1)
        f[25] = H.feature(26, ap, a, p1)
        f[26] = H.feature(27, x.suffix3, a1)
    }

    /// Trains on sentences of (form, tag); the same data and seed give the same model.
    static func train(_ sentences: [[(form: String, tag: UPOS)]], epochs: Int, seed: UInt64, log: (String) -> Void = { _ in }) -> Tagger {
        // Words seen once are treated as unknown, in training and after: so the model learns
        // what to do with a word it has no ambiguity class for.
        var masks: [UInt64: UInt32] = [:]
        var frequency: [UInt64: Int] = [:]
        let featured = sentences.map { s in s.map { WordFeatures($0.form) } }
        for (s, ws) in zip(sentences, featured) {
            for (t, w) in zip(s, ws) {
                masks[w.lower, default: 0] |= 1 << UInt32(t.tag.rawValue)
                frequency[w.lower, default: 0] += 1
            }
        }
        let counts = masks.filter { frequency[$0.key]! >= 2 }
        let trainer = PerceptronTrainer(classes: UPOS.allCases.count)
        var order = Array(sentences.indices)
        var rng = SplitMix64(seed: seed)
        var buffer = [UInt64](repeating: 0, count: featureCount)
        for epoch in 0..<epochs {
            var correct = 0, total = 0
            for si in order {
                let s = sentences[si], ws = featured[si]
                let amb = ws.map { counts[$0.lower].map { UInt64($0) } ?? unknownClass }
                var guessed: [Int] = []
                for i in s.indices {
                    let p1 = i > 0 ? UInt64(guessed[i - 1]) : 99
                    let p2 = i > 1 ? UInt64(guessed[i - 2]) : 99
                    Self.features(ws, amb, i, p1, p2, into: &buffer)
                    let scores = trainer.scores(buffer)
                    var best = 0
                    for k in 1..<scores.count where scores[k] > scores[best] { best = k }
                    let truth = s[i].tag.rawValue
                    trainer.update(buffer, truth: truth, guess: best)
                    trainer.tick()
                    if best == truth { correct += 1 }
                    total += 1
                    guessed.append(best)
                }
            }
            log("tagger epoch \(epoch + 1): \(String(format: "%.4f", Double(correct) / Double(max(1, total)))) on training")
            rng.shuffle(&order)
        }
        return Tagger(model: trainer.frozen(), dictionary: counts)
    }
}

/// A small seeded generator (SplitMix64): training shuffles and explores the same way every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.finish(state)
    }
    /// Fisher–Yates with this generator (the standard library's shuffle may change between releases).
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
