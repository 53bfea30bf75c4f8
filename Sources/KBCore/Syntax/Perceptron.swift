import CKBIntrinsics

/// A linear multi-class model over hashed features, as the tagger and the parser
/// use it: each feature key has one weight per class, and a class's score is the sum of its
/// weights over the features present. Frozen after training: an open-addressing table of
/// 32-bit fingerprints over rows of weights, laid out as it is stored.
public struct PerceptronModel: Sendable {
    public let classes: Int
    /// The features' 64-bit keys and sparse rows, in the order stored: feature k's non-zero
    /// weights are `entries[starts[k]..<starts[k + 1]]`, each a class and a weight.
    let keys: [UInt64]
    let starts: [UInt32]
    let entryClasses: [UInt8]
    let entryWeights: [Float]
    /// The look-up table, built on loading: open addressing on the key's low bits. Each slot packs
    /// the key's high 32 bits (0: empty), the row's start (24 bits) and its length (8 bits), so a
    /// look-up touches one slot and then the row.
    let slots: [UInt64]
    /// Each entry packs its class (low 8 bits) and its weight (a Float's top 24 bits).
    let packed: [UInt32]

    init(classes: Int, keys: [UInt64], starts: [UInt32], entryClasses: [UInt8], entryWeights: [Float]) {
        precondition(classes <= 256 && starts.count == keys.count + 1 && entryClasses.count == entryWeights.count)
        self.classes = classes
        self.keys = keys
        self.starts = starts
        self.entryClasses = entryClasses
        self.entryWeights = entryWeights
        var size = 16
        while size < keys.count * 3 / 2 + 1 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (k, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            let length = min(255, Int(starts[k + 1] - starts[k]))
            slots[slot] = UInt64(Self.fingerprint(key)) << 32 | UInt64(starts[k] & 0xFF_FFFF) << 8 | UInt64(length)
        }
        self.slots = slots
        packed = zip(entryClasses, entryWeights).map { c, w in (w.bitPattern & 0xFFFF_FF00) | UInt32(c) }
    }

    /// Lays out `(key, weights)` pairs in the order given (deterministic), keeping non-zero weights.
    init(classes: Int, entries: [(key: UInt64, weights: [Float])]) {
        var keys: [UInt64] = [], starts: [UInt32] = [0], classOf: [UInt8] = [], weights: [Float] = []
        for e in entries {
            keys.append(e.key)
            for (k, w) in e.weights.enumerated() where w != 0 { classOf.append(UInt8(k)); weights.append(w) }
            starts.append(UInt32(weights.count))
        }
        self.init(classes: classes, keys: keys, starts: starts, entryClasses: classOf, entryWeights: weights)
    }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// Adds each present feature's weights to `scores` (which holds `classes` values), in the
    /// features' order. The tables are larger than the cache, so the work is in three passes
    /// whose memory reads overlap instead of queueing: ask for every slot (prefetch), find every
    /// row and ask for it, then add the rows up.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
        slots.withUnsafeBufferPointer { sp in
            packed.withUnsafeBufferPointer { ep in
                guard let slotBase = sp.baseAddress, let entryBase = ep.baseAddress else { return }
                let mask = sp.count - 1
                for key in features { kb_prefetch(slotBase + (Int(truncatingIfNeeded: key) & mask)) }
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { rows in
                    for (i, key) in features.enumerated() {
                        let f = UInt64(Self.fingerprint(key))
                        var slot = Int(truncatingIfNeeded: key) & mask
                        var row: UInt64 = 0
                        while true {
                            let s = sp[slot]
                            if s >> 32 == f { row = s & 0xFFFF_FFFF; break }
                            if s == 0 { break }
                            slot = (slot + 1) & mask
                        }
                        rows[i] = row
                        if row != 0 { kb_prefetch(entryBase + Int(row >> 8)) }
                    }
                    for i in 0..<features.count {
                        let row = rows[i]
                        let start = Int(row >> 8), end = start + Int(row & 0xFF)
                        for k in start..<end {
                            let e = ep[k]
                            scores[Int(e & 0xFF)] += Float(bitPattern: e & 0xFFFF_FF00)
                        }
                    }
                }
            }
        }
    }

    public var featureCount: Int { keys.count }
    var weightCount: Int { entryWeights.count }
}

/// Trains a `PerceptronModel` with averaged-perceptron updates (the average taken with
/// Daumé's trick: w − u/c, where u sums each update times the step it was made at).
final class PerceptronTrainer {
    let classes: Int
    private(set) var index: [UInt64: Int32] = [:]
    private(set) var keys: [UInt64] = []
    private var w: [Double] = []
    private var u: [Double] = []
    private var updates: [Int32] = []
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
                updates.append(0)
            }
            updates[r] += 1
            let base = r * classes
            w[base + truth] += 1; u[base + truth] += step
            w[base + guess] -= 1; u[base + guess] -= step
        }
    }

    /// The averaged weights, without rows whose every weight is below `threshold` in size or
    /// that fewer than `minUpdates` updates touched (rare features: a smaller, faster model).
    func frozen(threshold: Double = 1e-3, minUpdates: Int32 = 1) -> PerceptronModel {
        var entries: [(key: UInt64, weights: [Float])] = []
        entries.reserveCapacity(keys.count)
        for (r, key) in keys.enumerated() where updates[r] >= minUpdates {
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
