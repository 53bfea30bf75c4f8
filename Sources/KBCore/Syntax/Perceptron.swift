/// A linear multi-class model over hashed features, as the tagger, the parser and the labeller
/// use it: each feature key has one weight per class, and a class's score is the sum of its
/// weights over the features present. Frozen after training: an open-addressing table of
/// 32-bit fingerprints over rows of weights, laid out as it is stored.
public struct PerceptronModel: Sendable {
    public let classes: Int
    /// Slot → fingerprint of the key it holds (0: empty). The slot is the key's low bits.
    let fingerprints: [UInt32]
    /// Slot → its row: the row's weights are `weights[starts[row]..<starts[row + 1]]`.
    let rows: [Int32]
    /// Where each row starts in `classOf`/`weights`, and one past the last row.
    let starts: [UInt32]
    /// Sparse rows: the class of each non-zero weight, and the weight.
    let classOf: [UInt8]
    let weights: [Float]

    init(classes: Int, fingerprints: [UInt32], rows: [Int32], starts: [UInt32], classOf: [UInt8], weights: [Float]) {
        self.classes = classes
        self.fingerprints = fingerprints
        self.rows = rows
        self.starts = starts
        self.classOf = classOf
        self.weights = weights
    }

    /// Lays out `(key, weights)` pairs in the order given (deterministic), keeping non-zero weights.
    init(classes: Int, entries: [(key: UInt64, weights: [Float])]) {
        precondition(classes <= 256)
        var size = 16
        while size < entries.count * 3 / 2 + 1 { size *= 2 }
        var fingerprints = [UInt32](repeating: 0, count: size)
        var rows = [Int32](repeating: -1, count: size)
        var starts: [UInt32] = [0], classOf: [UInt8] = [], weights: [Float] = []
        let mask = size - 1
        for (n, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.key) & mask
            while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
            fingerprints[slot] = Self.fingerprint(e.key)
            rows[slot] = Int32(n)
            for (k, w) in e.weights.enumerated() where w != 0 { classOf.append(UInt8(k)); weights.append(w) }
            starts.append(UInt32(weights.count))
        }
        self.init(classes: classes, fingerprints: fingerprints, rows: rows, starts: starts, classOf: classOf, weights: weights)
    }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// Adds each present feature's weights to `scores` (which holds `classes` values).
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
        fingerprints.withUnsafeBufferPointer { fp in
            rows.withUnsafeBufferPointer { rp in
                starts.withUnsafeBufferPointer { sp in
                    classOf.withUnsafeBufferPointer { cp in
                        weights.withUnsafeBufferPointer { wp in
                            let mask = fp.count - 1
                            for key in features {
                                let f = Self.fingerprint(key)
                                var slot = Int(truncatingIfNeeded: key) & mask
                                var row = -1
                                while true {
                                    let g = fp[slot]
                                    if g == f { row = Int(rp[slot]); break }
                                    if g == 0 { break }
                                    slot = (slot + 1) & mask
                                }
                                if row < 0 { continue }
                                for k in Int(sp[row])..<Int(sp[row + 1]) { scores[Int(cp[k])] += wp[k] }
                            }
                        }
                    }
                }
            }
        }
    }

    public var featureCount: Int { starts.count - 1 }
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
