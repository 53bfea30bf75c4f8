/// A linear multi-class model over hashed features, as the tagger, the parser and the labeller
/// use it: each feature key has one weight per class, and a class's score is the sum of its
/// weights over the features present. Frozen after training: an open-addressing table of
/// 32-bit fingerprints over rows of weights, laid out as it is stored.
public struct PerceptronModel: Sendable {
    public let classes: Int
    /// Slot → fingerprint of the key it holds (0: empty). The slot is the key's low bits.
    let fingerprints: [UInt32]
    /// Slot → its row in `weights`.
    let rows: [Int32]
    /// Row-major, `classes` weights a row.
    let weights: [Float]

    init(classes: Int, fingerprints: [UInt32], rows: [Int32], weights: [Float]) {
        self.classes = classes
        self.fingerprints = fingerprints
        self.rows = rows
        self.weights = weights
    }

    /// Lays out `(key, weights)` pairs in the order given (deterministic).
    init(classes: Int, entries: [(key: UInt64, weights: [Float])]) {
        var size = 16
        while size < entries.count * 3 / 2 + 1 { size *= 2 }
        var fingerprints = [UInt32](repeating: 0, count: size)
        var rows = [Int32](repeating: -1, count: size)
        var weights: [Float] = []
        weights.reserveCapacity(entries.count * classes)
        let mask = size - 1
        for (n, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.key) & mask
            while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
            fingerprints[slot] = Self.fingerprint(e.key)
            rows[slot] = Int32(n)
            weights.append(contentsOf: e.weights)
        }
        self.init(classes: classes, fingerprints: fingerprints, rows: rows, weights: weights)
    }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// The row of a key, or -1.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        let mask = fingerprints.count - 1
        let f = Self.fingerprint(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let g = fingerprints[slot]
            if g == f { return Int(rows[slot]) }
            if g == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds each present feature's weights to `scores` (which holds `classes` values).
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
        let c = classes
        weights.withUnsafeBufferPointer { w in
            for key in features {
                let r = row(key)
                if r < 0 { continue }
                let base = r * c
                for k in 0..<c { scores[k] += w[base + k] }
            }
        }
    }

    public var featureCount: Int { weights.count / max(1, classes) }
}

/// Trains a `PerceptronModel` with averaged-perceptron updates (the average taken with
/// Daumé's trick: w − u/c, where u sums each update times the step it was made at).
final class PerceptronTrainer {
    let classes: Int
    private(set) var index: [UInt64: Int32] = [:]
    private(set) var keys: [UInt64] = []
    private var w: [Double] = []
    private var u: [Double] = []
    private var step: Double = 1

    init(classes: Int) { self.classes = classes }

    func scores(_ features: [UInt64]) -> [Double] {
        var s = [Double](repeating: 0, count: classes)
        for f in features {
            guard let r = index[f] else { continue }
            let base = Int(r) * classes
            for k in 0..<classes { s[k] += w[base + k] }
        }
        return s
    }

    /// One training example seen: the clock of the average moves on.
    func tick() { step += 1 }

    func update(_ features: [UInt64], truth: Int, guess: Int) {
        guard truth != guess else { return }
        for f in features {
            let r: Int
            if let found = index[f] { r = Int(found) } else {
                r = keys.count
                index[f] = Int32(r)
                keys.append(f)
                w.append(contentsOf: repeatElement(0, count: classes))
                u.append(contentsOf: repeatElement(0, count: classes))
            }
            let base = r * classes
            w[base + truth] += 1; u[base + truth] += step
            w[base + guess] -= 1; u[base + guess] -= step
        }
    }

    /// The averaged weights, without rows whose every weight is below `threshold` in size.
    func frozen(threshold: Double = 1e-3) -> PerceptronModel {
        var entries: [(key: UInt64, weights: [Float])] = []
        entries.reserveCapacity(keys.count)
        for (r, key) in keys.enumerated() {
            let base = r * classes
            var row = [Float](repeating: 0, count: classes)
            var big = false
            for k in 0..<classes {
                let a = w[base + k] - u[base + k] / step
                row[k] = Float(a)
                if abs(a) >= threshold { big = true }
            }
            if big { entries.append((key, row)) }
        }
        return PerceptronModel(classes: classes, entries: entries)
    }
}
