/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
/// 2011): a stack, a buffer and the arcs made so far. Word 0 is the root, at the stack's bottom;
/// words are 1...n. SHIFT moves the buffer's first word onto the stack; LEFT makes the buffer's
/// first word the head of the stack's top and pops it; RIGHT makes the word below the top its
/// head and pops it. RIGHT onto the root waits for an empty buffer, so a tree has one root.
struct ParserState {
    enum Move: Int { case shift = 0, left = 1, right = 2 }

    let n: Int
    var stack: [Int] = [0]
    /// The buffer's first word (n + 1 once it is empty).
    var b = 1
    var heads: [Int]
    var labels: [Int]
    /// The two leftmost and two rightmost dependents of each word so far (-1: none).
    var left1: [Int], left2: [Int], right1: [Int], right2: [Int]
    var leftCount: [Int], rightCount: [Int]
    /// Bit sets of the labels of each word's left and right dependents.
    var leftLabels: [UInt64], rightLabels: [UInt64]

    init(n: Int) {
        self.n = n
        let none = [Int](repeating: -1, count: n + 1)
        heads = none; labels = none
        left1 = none; left2 = none; right1 = none; right2 = none
        leftCount = [Int](repeating: 0, count: n + 1); rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: n + 1); rightLabels = leftLabels
        stack.reserveCapacity(n + 1)
    }

    var isTerminal: Bool { b > n && stack.count == 1 }
    var s0: Int { stack.count >= 1 ? stack[stack.count - 1] : -1 }
    var s1: Int { stack.count >= 2 ? stack[stack.count - 2] : -1 }
    var s2: Int { stack.count >= 3 ? stack[stack.count - 3] : -1 }

    func isValid(_ m: Move) -> Bool {
        switch m {
        case .shift: return b <= n
        case .left: return b <= n && stack.count >= 1 && s0 != 0
        case .right: return stack.count >= 2 && (s1 != 0 || b > n)
        }
    }

    /// The head and dependent an arc move would join.
    func arc(_ m: Move) -> (head: Int, dependent: Int) {
        m == .left ? (b, s0) : (s1, s0)
    }

    mutating func apply(_ m: Move, label: Int) {
        switch m {
        case .shift:
            stack.append(b); b += 1
        case .left:
            let d = stack.removeLast()
            attach(b, d, label)
        case .right:
            let d = stack.removeLast()
            attach(stack[stack.count - 1], d, label)
        }
    }

    mutating func attach(_ h: Int, _ d: Int, _ label: Int) {
        heads[d] = h
        labels[d] = label
        if d < h {
            if left1[h] < 0 || d < left1[h] { left2[h] = left1[h]; left1[h] = d } else if left2[h] < 0 || d < left2[h] { left2[h] = d }
            leftCount[h] += 1
            leftLabels[h] |= 1 << UInt64(label & 63)
        } else {
            if right1[h] < 0 || d > right1[h] { right2[h] = right1[h]; right1[h] = d } else if right2[h] < 0 || d > right2[h] { right2[h] = d }
            rightCount[h] += 1
            rightLabels[h] |= 1 << UInt64(label & 63)
        }
    }

    /// The dynamic oracle's cost of a move (Goldberg and Nivre 2013): how many gold arcs it
    /// makes unreachable. `gold[d]` is d's gold head; `children[h]` its gold dependents;
    /// `onStack[w]` whether w is on the stack.
    func cost(_ m: Move, gold: [Int], children: [[Int]], onStack: [Bool]) -> Int {
        var c = 0
        switch m {
        case .shift:
            for k in children[b] where onStack[k] { c += 1 }
            let h = gold[b]
            if onStack[h] && h != s0 { c += 1 }
        case .left:
            let d = s0, h = gold[d]
            if h != b && (h == s1 || h > b) { c += 1 }
            for k in children[d] where k >= b { c += 1 }
        case .right:
            let d = s0
            if gold[d] >= b { c += 1 }
            for k in children[d] where k >= b { c += 1 }
        }
        return c
    }
}
