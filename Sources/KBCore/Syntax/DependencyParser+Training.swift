import Foundation

extension DependencyParser {
    /// A treebank sentence for training: words 1...n at indices 0..<n; `heads` 0 for the root.
    struct TrainingSentence {
        var words: [WordFeatures]
        var tags: [UPOS]
        var heads: [Int]
        var labels: [Int]
    }

    /// Whether a tree has no crossing arcs (the arc-hybrid system builds only these).
    static func isProjective(_ heads: [Int]) -> Bool {
        let arcs = heads.enumerated().map { (i, h) in (min(i + 1, h), max(i + 1, h)) }
        for a in arcs {
            for b in arcs where a.0 < b.0 && b.0 < a.1 && a.1 < b.1 { return false }
        }
        return true
    }

    /// Trains with the dynamic oracle: after the first epoch the parser follows its own move
    /// nine times in ten, so it learns to recover from its mistakes; every update goes to the
    /// best-scoring move that loses no reachable gold arc. Non-projective trees are skipped.
    static func train(_ all: [TrainingSentence], labels: [String], epochs: Int, seed: UInt64,
                      log: (String) -> Void = { _ in }) -> DependencyParser {
        let sentences = all.filter { isProjective($0.heads) }
        log("parser: \(sentences.count) projective sentences of \(all.count)")
        let l = labels.count
        let trainer = PerceptronTrainer(classes: classCount(labels: l))
        let rootLabel = labels.firstIndex(of: "root") ?? 0
        var rng = SplitMix64(seed: seed)
        var order = Array(sentences.indices)
        var features = [UInt64](repeating: 0, count: featureCount)
        for epoch in 0..<epochs {
            var correct = 0, total = 0
            for si in order {
                let sentence = sentences[si]
                let n = sentence.words.count
                let input = ParserInput(sentence.words, sentence.tags)
                let gold = [-1] + sentence.heads
                let goldLabel = [-1] + sentence.labels
                var children = [[Int]](repeating: [], count: n + 1)
                for d in 1...n { children[gold[d]].append(d) }
                var onStack = [Bool](repeating: false, count: n + 1)
                onStack[0] = true
                var state = ParserState(n: n)
                while !state.isTerminal {
                    input.features(state, into: &features)
                    let scores = trainer.scores(features)
                    var moveCost = [Int](repeating: Int.max, count: 3)
                    for m in [ParserState.Move.shift, .left, .right] where state.isValid(m) {
                        moveCost[m.rawValue] = state.cost(m, gold: gold, children: children, onStack: onStack)
                    }
                    // A class's cost: its move's, plus one for a wrong label on a gold arc.
                    func cost(_ k: Int) -> Int {
                        let move: ParserState.Move = k == 0 ? .shift : k <= l ? .left : .right
                        var c = moveCost[move.rawValue]
                        guard c != Int.max, k > 0 else { return c }
                        let (h, d) = state.arc(move)
                        if gold[d] == h && goldLabel[d] != (k <= l ? k - 1 : k - 1 - l) { c += 1 }
                        return c
                    }
                    var predicted = -1, best = -1, bestCost = Int.max
                    var costs = [Int](repeating: Int.max, count: scores.count)
                    for k in scores.indices where isAllowed(k, labels: l, root: rootLabel, state) {
                        costs[k] = cost(k)
                        if predicted < 0 || scores[k] > scores[predicted] { predicted = k }
                        bestCost = min(bestCost, costs[k])
                    }
                    for k in scores.indices where costs[k] == bestCost && (best < 0 || scores[k] > scores[best]) { best = k }
                    if costs[predicted] > bestCost { trainer.update(features, truth: best, guess: predicted) }
                    trainer.tick()
                    let k = epoch > 0 && rng.unit() < 0.9 ? predicted : best
                    let move: ParserState.Move = k == 0 ? .shift : k <= l ? .left : .right
                    switch move {
                    case .shift: onStack[state.b] = true
                    case .left, .right: onStack[state.s0] = false
                    }
                    state.apply(move, label: k == 0 ? -1 : k <= l ? k - 1 : k - 1 - l)
                }
                for d in 1...n {
                    total += 1
                    if state.heads[d] == gold[d] { correct += 1 }
                }
            }
            log("parser epoch \(epoch + 1): UAS \(String(format: "%.4f", Double(correct) / Double(max(1, total)))) on training (exploring)")
            rng.shuffle(&order)
        }
        return DependencyParser(moves: trainer.frozen(minUpdates: 2), labels: labels)
    }
}
