import Foundation

/// The syntax model's file: little-endian binary, "KBSYNTAX" and a format version, then the
/// tagger, lemmatizer and parser in that order. Weights are stored as 16-bit integers with one
/// scale a model (a quarter of the size of 32-bit floats; the parses are the same to within
/// rounding of scores that almost never changes a decision).
extension SyntaxModel {
    static let magic = Array("KBSYNTAX".utf8)
    static let formatVersion: UInt32 = 2

    public func serialized() -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: Self.magic)
        out.u32(Self.formatVersion)
        out.string(provenance)
        out.model(tagger.model)
        let keys = tagger.dictionary.keys.sorted()
        out.u32(UInt32(keys.count))
        for k in keys { out.u64(k) }
        for k in keys { out.u32(tagger.dictionary[k]!) }
        out.table(lemmatizer.table)
        out.table(lemmatizer.rules)
        out.u32(UInt32(parser.labels.count))
        for l in parser.labels { out.string(l) }
        out.model(parser.moves)
        out.model(parser.labeller)
        return out.bytes
    }

    public init(bytes: UnsafeRawBufferPointer) throws {
        var r = ByteReader(bytes: bytes)
        guard bytes.count > 12, Array(bytes[0..<8]) == Self.magic else { throw KBError.badModel(reason: "not a kb syntax model (no KBSYNTAX header)") }
        r.offset = 8
        let version = try r.u32()
        guard version == Self.formatVersion else { throw KBError.badModel(reason: "format version \(version), this kb reads \(Self.formatVersion)") }
        let provenance = try r.string()
        let taggerModel = try r.model()
        let count = Int(try r.u32())
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        for _ in 0..<count { keys.append(try r.u64()) }
        var dictionary: [UInt64: UInt32] = [:]
        dictionary.reserveCapacity(count)
        for k in keys { dictionary[k] = try r.u32() }
        let table = try r.table(), rules = try r.table()
        let labelCount = Int(try r.u32())
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try r.string()) }
        let moves = try r.model(), labeller = try r.model()
        guard r.offset == bytes.count else { throw KBError.badModel(reason: "\(bytes.count - r.offset) bytes after the end") }
        self.init(tagger: Tagger(model: taggerModel, dictionary: dictionary), lemmatizer: Lemmatizer(table: table, rules: rules),
                  parser: DependencyParser(moves: moves, labeller: labeller, labels: labels), provenance: provenance)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func string(_ s: String) { u32(UInt32(s.utf8.count)); bytes.append(contentsOf: s.utf8) }
    mutating func table(_ t: [String: String]) {
        let keys = t.keys.sorted()
        u32(UInt32(keys.count))
        for k in keys { string(k); string(t[k]!) }
    }
    mutating func model(_ m: PerceptronModel) {
        u32(UInt32(m.classes))
        u32(UInt32(m.keys.count))
        for k in m.keys { u64(k) }
        for k in 0..<m.keys.count { bytes.append(UInt8(m.starts[k + 1] - m.starts[k])) }
        bytes.append(contentsOf: m.entryClasses)
        let top = m.entryWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = top > 0 ? top / 32767 : 1
        f32(scale)
        for w in m.entryWeights {
            let q = Int16(clamping: Int((w / scale).rounded()))
            withUnsafeBytes(of: q.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}

struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, offset + n <= bytes.count else { throw KBError.badModel(reason: "truncated at byte \(offset)") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }
    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func string() throws -> String {
        let n = Int(try u32())
        let raw = try take(n)
        guard let s = String(validating: raw, as: UTF8.self) else { throw KBError.badModel(reason: "text that is not UTF-8 at byte \(offset - n)") }
        return s
    }
    mutating func table() throws -> [String: String] {
        let n = Int(try u32())
        var t: [String: String] = [:]
        t.reserveCapacity(n)
        for _ in 0..<n { let k = try string(); t[k] = try string() }
        return t
    }
    mutating func model() throws -> PerceptronModel {
        let classes = Int(try u32())
        let count = Int(try u32())
        guard classes > 0, classes <= 256 else { throw KBError.badModel(reason: "a model of \(classes) classes") }
        let k = try take(count * 8)
        let keys = (0..<count).map { UInt64(littleEndian: k.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        let lengths = try take(count)
        var starts: [UInt32] = [0]
        starts.reserveCapacity(count + 1)
        for l in lengths { starts.append(starts.last! + UInt32(l)) }
        let total = Int(starts.last!)
        guard total < 1 << 24 else { throw KBError.badModel(reason: "\(total) weights in one model") }
        let classOf = Array(try take(total))
        let scale = Float(bitPattern: try u32())
        let w = try take(total * 2)
        let weights = [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
            for i in 0..<total { buffer[i] = Float(Int16(littleEndian: w.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))) * scale }
            initialized = total
        }
        guard classOf.allSatisfy({ Int($0) < classes }) else { throw KBError.badModel(reason: "a weight of a class past the last") }
        return PerceptronModel(classes: classes, keys: keys, starts: starts, entryClasses: classOf, entryWeights: weights)
    }
}
