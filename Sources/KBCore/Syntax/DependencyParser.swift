/// Greedy arc-hybrid dependency parser: an averaged perceptron chooses the move (shift, left,
/// right) from rich features of the stack, the buffer and the arcs built (Zhang and Nivre 2011's
/// templates), and a second one labels each arc as it is made, from its head, its dependent and
/// the dependent's finished subtree.
public struct DependencyParser: Sendable {
    let moves: PerceptronModel
    let labeller: PerceptronModel
    /// Universal Dependencies relations, by the labeller's class number.
    public let labels: [String]
    let rootLabel: Int

    static let moveFeatureCount = 108
    static let labelFeatureCount = 33

    init(moves: PerceptronModel, labeller: PerceptronModel, labels: [String]) {
        self.moves = moves
        self.labeller = labeller
        self.labels = labels
        rootLabel = labels.firstIndex(of: "root") ?? 0
    }

    /// Heads (0: the root) and label numbers for the words 1...n, as arrays indexed 0..<n.
    func parse(_ words: [WordFeatures], _ tags: [UPOS]) -> (heads: [Int], labels: [Int]) {
        let n = words.count
        guard n > 0 else { return ([], []) }
        let input = ParserInput(words, tags)
        var state = ParserState(n: n)
        var features = [UInt64](repeating: 0, count: Self.moveFeatureCount)
        var labelFeatures = [UInt64](repeating: 0, count: Self.labelFeatureCount)
        var scores = [Float](repeating: 0, count: 3)
        var labelScores = [Float](repeating: 0, count: labeller.classes)
        while !state.isTerminal {
            input.moveFeatures(state, into: &features)
            scores[0] = 0; scores[1] = 0; scores[2] = 0
            features.withUnsafeBufferPointer { f in scores.withUnsafeMutableBufferPointer { moves.score(f, into: $0) } }
            var best: ParserState.Move? = nil
            for m in [ParserState.Move.shift, .left, .right] where state.isValid(m) {
                if best == nil || scores[m.rawValue] > scores[best!.rawValue] { best = m }
            }
            let move = best!
            var label = -1
            if move != .shift {
                let (h, d) = state.arc(move)
                label = chooseLabel(input, state, h, d, &labelFeatures, &labelScores)
            }
            state.apply(move, label: label)
        }
        return (Array(state.heads[1...]), Array(state.labels[1...]))
    }

    func chooseLabel(_ input: ParserInput, _ state: ParserState, _ h: Int, _ d: Int,
                     _ features: inout [UInt64], _ scores: inout [Float]) -> Int {
        if h == 0 { return rootLabel }
        input.labelFeatures(state, head: h, dependent: d, into: &features)
        for k in scores.indices { scores[k] = 0 }
        features.withUnsafeBufferPointer { f in scores.withUnsafeMutableBufferPointer { labeller.score(f, into: $0) } }
        var best = rootLabel == 0 ? 1 : 0
        for k in scores.indices where k != rootLabel && scores[k] > scores[best] { best = k }
        return best
    }
}

/// The parser's view of a sentence: per word (0: the root) the hashed form and tag, and where
/// the commas are.
struct ParserInput {
    let word: [UInt64]
    let tag: [UInt64]
    let suffix: [UInt64]
    let commasBefore: [Int]
    let n: Int

    static let noWord: UInt64 = 0x4E4F_4E45
    static let noTag: UInt64 = 3000
    static let noLabel: UInt64 = 6000

    init(_ words: [WordFeatures], _ tags: [UPOS]) {
        n = words.count
        var w: [UInt64] = [0x524F_4F54], t: [UInt64] = [2000], s: [UInt64] = [0x524F_4F54], c = [0]
        w.reserveCapacity(n + 1); t.reserveCapacity(n + 1); s.reserveCapacity(n + 1); c.reserveCapacity(n + 1)
        var commas = 0
        for (x, tag) in zip(words, tags) {
            w.append(x.lower); t.append(UInt64(tag.rawValue) + 1000); s.append(x.suffix3)
            if x.lowerText == "," { commas += 1 }
            c.append(commas)
        }
        word = w; tag = t; suffix = s; commasBefore = c
    }

    @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 || i > n ? Self.noWord : word[i] }
    @inline(__always) func p(_ i: Int) -> UInt64 { i < 0 || i > n ? Self.noTag : tag[i] }
    @inline(__always) func l(_ s: ParserState, _ i: Int) -> UInt64 { i < 0 || s.labels[i] < 0 ? Self.noLabel : UInt64(s.labels[i]) + 5000 }

    static func distance(_ a: Int, _ b: Int) -> UInt64 {
        guard a >= 0, b >= 0 else { return 99 }
        let d = abs(b - a)
        return d < 5 ? UInt64(d) : d < 10 ? 5 : 6
    }

    func moveFeatures(_ s: ParserState, into f: inout [UInt64]) {
        typealias H = FeatureHash
        let s0 = s.s0, s1 = s.s1, s2 = s.s2
        let b0 = s.b <= n ? s.b : -1
        let b1 = s.b + 1 <= n ? s.b + 1 : -1
        let b2 = s.b + 2 <= n ? s.b + 2 : -1
        let b3 = s.b + 3 <= n ? s.b + 3 : -1
        let s0w = w(s0), s0p = p(s0), s1w = w(s1), s1p = p(s1), s2p = p(s2), s2w = w(s2)
        let b0w = w(b0), b0p = p(b0), b1w = w(b1), b1p = p(b1), b2w = w(b2), b2p = p(b2), b3p = p(b3)
        func child(_ a: [Int], _ i: Int) -> Int { i > 0 ? a[i] : -1 }
        let s0l = child(s.left1, s0), s0l2 = child(s.left2, s0), s0r = child(s.right1, s0), s0r2 = child(s.right2, s0)
        let s1l = child(s.left1, s1), s1r = child(s.right1, s1), s1r2 = child(s.right2, s1)
        let b0l = child(s.left1, b0), b0l2 = child(s.left2, b0)
        let s0lp = p(s0l), s0rp = p(s0r), s1rp = p(s1r), s1lp = p(s1l), b0lp = p(b0l)
        let s0ll = l(s, s0l), s0l2l = l(s, s0l2), s0rl = l(s, s0r), s0r2l = l(s, s0r2)
        let s1ll = l(s, s1l), s1rl = l(s, s1r), s1r2l = l(s, s1r2), b0ll = l(s, b0l), b0l2l = l(s, b0l2)
        let d = Self.distance(s0, b0), d1 = Self.distance(s1, s0)
        let s0vl = s0 >= 0 ? UInt64(s.leftCount[s0]) : 99, s0vr = s0 >= 0 ? UInt64(s.rightCount[s0]) : 99
        let s1vl = s1 >= 0 ? UInt64(s.leftCount[s1]) : 99, s1vr = s1 >= 0 ? UInt64(s.rightCount[s1]) : 99
        let b0vl = b0 >= 0 ? UInt64(s.leftCount[b0]) : 99
        let s0ls = s0 >= 0 ? s.leftLabels[s0] : 0, s0rs = s0 >= 0 ? s.rightLabels[s0] : 0
        let s1rs = s1 >= 0 ? s.rightLabels[s1] : 0, b0ls = b0 >= 0 ? s.leftLabels[b0] : 0
        let commaSB: UInt64 = s0 >= 0 && b0 >= 0 ? UInt64(min(2, commasBefore[b0 - 1] - commasBefore[s0])) : 9
        let commaS: UInt64 = s1 >= 0 && s0 >= 0 ? UInt64(min(2, commasBefore[s0 - 1] - commasBefore[s1])) : 9
        var k = 0
        @inline(__always) func add(_ v: UInt64) { f[k] = v; k += 1 }
        add(H.feature(101, 0))
        add(H.feature(102, s0w)); add(H.feature(103, s0p)); add(H.feature(104, s0w, s0p))
        add(H.feature(105, s1w)); add(H.feature(106, s1p)); add(H.feature(107, s1w, s1p))
        add(H.feature(108, b0w)); add(H.feature(109, b0p)); add(H.feature(110, b0w, b0p))
        add(H.feature(111, b1w)); add(H.feature(112, b1p)); add(H.feature(113, b1w, b1p))
        add(H.feature(114, b2w)); add(H.feature(115, b2p)); add(H.feature(116, s2p)); add(H.feature(117, s2w, s2p))
        add(H.feature(118, b3p))
        // pairs
        add(H.feature(120, s0w, b0w)); add(H.feature(121, H.mix(s0w, s0p), b0p)); add(H.feature(122, s0p, H.mix(b0w, b0p)))
        add(H.feature(123, H.mix(s0w, s0p), H.mix(b0w, b0p))); add(H.feature(124, H.mix(s0w, s0p), b0w)); add(H.feature(125, s0w, H.mix(b0w, b0p)))
        add(H.feature(126, s0p, b0p)); add(H.feature(127, s0p, s1p)); add(H.feature(128, s0w, s1w)); add(H.feature(129, s1p, b0p))
        add(H.feature(130, H.mix(s0w, s0p), s1p)); add(H.feature(131, s0p, H.mix(s1w, s1p))); add(H.feature(132, H.mix(s0w, s0p), H.mix(s1w, s1p)))
        add(H.feature(133, b0p, b1p)); add(H.feature(134, b0w, b1w)); add(H.feature(135, s1w, b0w))
        // triples of tags
        add(H.feature(140, b0p, b1p, b2p)); add(H.feature(141, s0p, b0p, b1p)); add(H.feature(142, s1p, s0p, b0p))
        add(H.feature(143, s2p, s1p, s0p)); add(H.feature(144, s0p, s0lp, b0p)); add(H.feature(145, s0p, s0rp, b0p))
        add(H.feature(146, s0p, b0p, b0lp)); add(H.feature(147, s1p, s0p, s0lp)); add(H.feature(148, s1p, s0p, s0rp))
        add(H.feature(149, s1p, s1rp, s0p)); add(H.feature(150, s1p, s1lp, s0p)); add(H.feature(151, s1p, s0p, b1p))
        add(H.feature(152, s0w, b0p, b1p)); add(H.feature(153, s0p, b0w, b1p))
        // distance
        add(H.feature(160, s0w, d)); add(H.feature(161, s0p, d)); add(H.feature(162, b0w, d)); add(H.feature(163, b0p, d))
        add(H.feature(164, s0p, b0p, d)); add(H.feature(165, s0w, b0w, d)); add(H.feature(166, s1p, s0p, d1)); add(H.feature(167, s1w, s0w, d1))
        // valency
        add(H.feature(170, s0w, s0vr)); add(H.feature(171, s0p, s0vr)); add(H.feature(172, s0w, s0vl)); add(H.feature(173, s0p, s0vl))
        add(H.feature(174, s1w, s1vr)); add(H.feature(175, s1p, s1vr)); add(H.feature(176, s1p, s1vl)); add(H.feature(177, b0w, b0vl)); add(H.feature(178, b0p, b0vl))
        // dependents
        add(H.feature(180, w(s0l))); add(H.feature(181, s0lp)); add(H.feature(182, s0ll))
        add(H.feature(183, w(s0r))); add(H.feature(184, s0rp)); add(H.feature(185, s0rl))
        add(H.feature(186, w(s0l2))); add(H.feature(187, p(s0l2))); add(H.feature(188, s0l2l))
        add(H.feature(189, w(s0r2))); add(H.feature(190, p(s0r2))); add(H.feature(191, s0r2l))
        add(H.feature(192, w(s1l))); add(H.feature(193, s1lp)); add(H.feature(194, s1ll))
        add(H.feature(195, w(s1r))); add(H.feature(196, s1rp)); add(H.feature(197, s1rl))
        add(H.feature(198, w(b0l))); add(H.feature(199, b0lp)); add(H.feature(200, b0ll))
        add(H.feature(201, w(b0l2))); add(H.feature(202, p(b0l2))); add(H.feature(203, b0l2l))
        // third order
        add(H.feature(210, s0p, s0ll, s0l2l)); add(H.feature(211, s0p, s0rl, s0r2l)); add(H.feature(212, s1p, s1rl, s1r2l)); add(H.feature(213, b0p, b0ll, b0l2l))
        // label sets
        add(H.feature(220, s0w, s0ls)); add(H.feature(221, s0p, s0ls)); add(H.feature(222, s0w, s0rs)); add(H.feature(223, s0p, s0rs))
        add(H.feature(224, b0w, b0ls)); add(H.feature(225, b0p, b0ls)); add(H.feature(226, s1p, s1rs)); add(H.feature(227, s1w, s1rs))
        // punctuation between
        add(H.feature(230, s0p, b0p, commaSB)); add(H.feature(231, s1p, s0p, commaS)); add(H.feature(232, s0w, b0p, commaSB))
        add(H.feature(233, s0p, b0p, H.mix(b1p, commaSB))); add(H.feature(234, s1p, s0p, H.mix(b0p, commaS)))
        add(H.feature(235, suffix(s0), b0p)); add(H.feature(236, s0p, suffix(b0)))
        precondition(k == DependencyParser.moveFeatureCount, "move features: \(k)")
    }

    @inline(__always) func suffix(_ i: Int) -> UInt64 { i < 0 || i > n ? Self.noWord : suffix[i] }

    func labelFeatures(_ s: ParserState, head h: Int, dependent d: Int, into f: inout [UInt64]) {
        typealias H = FeatureHash
        let dw = w(d), dp = p(d), hw = w(h), hp = p(h)
        let dir: UInt64 = d < h ? 1 : 2
        let dist = Self.distance(h, d)
        let dl = s.left1[d], dr = s.right1[d], dl2 = s.left2[d]
        let dls = s.leftLabels[d], drs = s.rightLabels[d], hls = s.leftLabels[h], hrs = s.rightLabels[h]
        let before = d - 1, after = d + 1 <= n ? d + 1 : -1
        var k = 0
        @inline(__always) func add(_ v: UInt64) { f[k] = v; k += 1 }
        add(H.feature(301, 0))
        add(H.feature(302, dw)); add(H.feature(303, dp)); add(H.feature(304, dw, dp))
        add(H.feature(305, hw)); add(H.feature(306, hp)); add(H.feature(307, hw, hp))
        add(H.feature(308, dp, hp)); add(H.feature(309, dw, hp)); add(H.feature(310, dp, hw)); add(H.feature(311, dw, hw))
        add(H.feature(312, dp, hp, dir)); add(H.feature(313, dp, hp, H.mix(dir, dist))); add(H.feature(314, dw, dir)); add(H.feature(315, hw, dir, dp))
        add(H.feature(316, w(dl), l(s, dl))); add(H.feature(317, w(dl), dp)); add(H.feature(318, w(dr), l(s, dr))); add(H.feature(319, w(dr), dp))
        add(H.feature(320, dls, dp)); add(H.feature(321, drs, dp)); add(H.feature(322, hls, dp, dir)); add(H.feature(323, hrs, dp, dir))
        add(H.feature(324, dp, p(before), p(after))); add(H.feature(325, w(before), dp, hp)); add(H.feature(326, w(after), dp, hp))
        add(H.feature(327, suffix(d), dp)); add(H.feature(328, suffix(h), hp, dp)); add(H.feature(329, w(dl2), w(dl)))
        add(H.feature(330, dp, hp, H.mix(dls, dir))); add(H.feature(331, w(dl), hp, dir)); add(H.feature(332, p(h - 1), hp, dp))
        add(H.feature(333, UInt64(min(3, s.leftCount[d] + s.rightCount[d])), dp, hp))
        precondition(k == DependencyParser.labelFeatureCount, "label features: \(k)")
    }
}
