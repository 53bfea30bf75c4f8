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
    static func train(_ all: [TrainingSentence], labels: [String], epochs: Int, seed: UInt64, minUpdates: Int32 = 2,
                      log: (String) -> Void = { _ in }) -> DependencyParser {
        let sentences = all.filter { isProjective($0.heads) }
        log("parser: \(sentences.count) projective sentences of \(all.count)")
        let moveTrainer = PerceptronTrainer(classes: 3)
        let labelTrainer = PerceptronTrainer(classes: labels.count)
        let rootLabel = labels.firstIndex(of: "root") ?? 0
        var rng = SplitMix64(seed: seed)
        var order = Array(sentences.indices)
        var features = [UInt64](repeating: 0, count: moveFeatureCount)
        var labelFeatures = [UInt64](repeating: 0, count: labelFeatureCount)
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
                    input.moveFeatures(state, into: &features)
                    let scores = moveTrainer.scores(features)
                    var predicted: ParserState.Move? = nil, best: ParserState.Move? = nil
                    var bestCost = Int.max
                    var costs = [Int](repeating: Int.max, count: 3)
                    for m in [ParserState.Move.shift, .left, .right] where state.isValid(m) {
                        costs[m.rawValue] = state.cost(m, gold: gold, children: children, onStack: onStack)
                        if predicted == nil || scores[m.rawValue] > scores[predicted!.rawValue] { predicted = m }
                        bestCost = min(bestCost, costs[m.rawValue])
                    }
                    for m in [ParserState.Move.shift, .left, .right] where costs[m.rawValue] == bestCost {
                        if best == nil || scores[m.rawValue] > scores[best!.rawValue] { best = m }
                    }
                    let guess = predicted!, truth = best!
                    if costs[guess.rawValue] > bestCost { moveTrainer.update(features, truth: truth.rawValue, guess: guess.rawValue) }
                    moveTrainer.tick()
                    let move = epoch > 0 && rng.unit() < 0.9 ? guess : truth
                    var label = -1
                    if move != .shift {
                        let (h, d) = state.arc(move)
                        if h == 0 {
                            label = rootLabel
                        } else {
                            input.labelFeatures(state, head: h, dependent: d, into: &labelFeatures)
                            let ls = labelTrainer.scores(labelFeatures)
                            var pick = rootLabel == 0 ? 1 : 0
                            for k in ls.indices where k != rootLabel && ls[k] > ls[pick] { pick = k }
                            if gold[d] == h {
                                labelTrainer.update(labelFeatures, truth: goldLabel[d], guess: pick)
                                labelTrainer.tick()
                            }
                            label = pick
                        }
                    }
                    switch move {
                    case .shift: onStack[state.b] = true
                    case .left, .right: onStack[state.s0] = false
                    }
                    state.apply(move, label: label)
                }
                for d in 1...n {
                    total += 1
                    if state.heads[d] == gold[d] { correct += 1 }
                }
            }
            log("parser epoch \(epoch + 1): UAS \(String(format: "%.4f", Double(correct) / Double(max(1, total)))) on training (exploring)")
            rng.shuffle(&order)
        }
        return DependencyParser(moves: moveTrainer.frozen(minUpdates: minUpdates), labeller: labelTrainer.frozen(minUpdates: minUpdates), labels: labels)
    }
}
