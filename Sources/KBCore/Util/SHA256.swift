/// SHA-256 (FIPS 180-4), for content hashes. Small and dependency-free.
///
/// The message is read in place, 64 bytes at a time, through an unsafe buffer pointer; only the
/// last one or two blocks (the tail and its padding) are copied, into a stack buffer. The state and
/// the 16-word message schedule live in local variables (a rolling window: w[i] is computed in the
/// slot of w[i - 16]), so a block allocates nothing.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        if let h = bytes.withContiguousStorageIfAvailable({ hexDigits(state($0)) }) { return h }
        return Array(bytes).withUnsafeBufferPointer { hexDigits(state($0)) }
    }

    public static func hex(_ string: String) -> String {
        var string = string
        return string.withUTF8 { hexDigits(state($0)) }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        let h = message.withUnsafeBufferPointer { state($0) }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for j in 0..<8 {
            let v = word(h, j)
            out.append(UInt8(v >> 24)); out.append(UInt8(truncatingIfNeeded: v >> 16))
            out.append(UInt8(truncatingIfNeeded: v >> 8)); out.append(UInt8(truncatingIfNeeded: v))
        }
        return out
    }

    @inline(__always) private static func word(_ h: State, _ j: Int) -> UInt32 {
        withUnsafeBytes(of: h) { $0.load(fromByteOffset: j * 4, as: UInt32.self) }
    }

    /// The digest as 64 lowercase hex digits.
    private static func hexDigits(_ d: State) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            var k = 0
            for j in 0..<8 {
                let v = word(d, j)
                var shift: UInt32 = 28
                for _ in 0..<8 {
                    out[k] = table[Int((v >> shift) & 0xF)]
                    k += 1
                    shift &-= 4
                }
            }
            return 64
        }
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private static func state(_ message: UnsafeBufferPointer<UInt8>) -> State {
        var h: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let count = message.count
        let whole = count & ~63
        k.withUnsafeBufferPointer { k in
            // The whole blocks, read where they are.
            if let base = message.baseAddress {
                var chunk = 0
                while chunk < whole {
                    compress(&h, base + chunk, k)
                    chunk += 64
                }
            }
            // The tail, 0x80, zeros and the length in bits: one or two blocks.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = count - whole
                for i in 0..<rest { tail[i] = message[whole + i] }
                tail[rest] = 0x80
                let blocks = rest + 9 <= 64 ? 1 : 2
                let end = blocks * 64
                for i in (rest + 1)..<(end - 8) { tail[i] = 0 }
                let bitLength = UInt64(count) &* 8
                for i in 0..<8 { tail[end - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
                let base = UnsafePointer(tail.baseAddress!)
                compress(&h, base, k)
                if blocks == 2 { compress(&h, base + 64, k) }
            }
        }
        return h
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    @inline(__always) private static func load(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(p[i * 4]) << 24 | UInt32(p[i * 4 + 1]) << 16 | UInt32(p[i * 4 + 2]) << 8 | UInt32(p[i * 4 + 3])
    }

    /// One round, with the eight working variables passed in their rotated order.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d &+= t1
        h = t1 &+ t2
    }

    /// The next schedule word in place of w[i - 16]: w[i] = σ1(w[i-2]) + w[i-7] + σ0(w[i-15]) + w[i-16].
    @inline(__always)
    private static func schedule(_ w16: inout UInt32, _ w15: UInt32, _ w7: UInt32, _ w2: UInt32) {
        let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
        let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
        w16 = w16 &+ s0 &+ w7 &+ s1
    }

    /// Compresses the 64-byte block at `p` into `state`.
    private static func compress(_ state: inout State, _ p: UnsafePointer<UInt8>, _ k: UnsafeBufferPointer<UInt32>) {
        var w0 = load(p, 0), w1 = load(p, 1), w2 = load(p, 2), w3 = load(p, 3)
        var w4 = load(p, 4), w5 = load(p, 5), w6 = load(p, 6), w7 = load(p, 7)
        var w8 = load(p, 8), w9 = load(p, 9), w10 = load(p, 10), w11 = load(p, 11)
        var w12 = load(p, 12), w13 = load(p, 13), w14 = load(p, 14), w15 = load(p, 15)
        var a = state.0, b = state.1, c = state.2, d = state.3, e = state.4, f = state.5, g = state.6, h = state.7
        var i = 0
        while true {
            // Sixteen rounds on w0…w15 (which hold w[i]…w[i + 15]).
            round(a, b, c, &d, e, f, g, &h, k[i] &+ w0)
            round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w1)
            round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w2)
            round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w3)
            round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w4)
            round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w5)
            round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w6)
            round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w7)
            round(a, b, c, &d, e, f, g, &h, k[i + 8] &+ w8)
            round(h, a, b, &c, d, e, f, &g, k[i + 9] &+ w9)
            round(g, h, a, &b, c, d, e, &f, k[i + 10] &+ w10)
            round(f, g, h, &a, b, c, d, &e, k[i + 11] &+ w11)
            round(e, f, g, &h, a, b, c, &d, k[i + 12] &+ w12)
            round(d, e, f, &g, h, a, b, &c, k[i + 13] &+ w13)
            round(c, d, e, &f, g, h, a, &b, k[i + 14] &+ w14)
            round(b, c, d, &e, f, g, h, &a, k[i + 15] &+ w15)
            i += 16
            if i == 64 { break }
            // The next sixteen schedule words, each in place of the one sixteen before it.
            schedule(&w0, w1, w9, w14)
            schedule(&w1, w2, w10, w15)
            schedule(&w2, w3, w11, w0)
            schedule(&w3, w4, w12, w1)
            schedule(&w4, w5, w13, w2)
            schedule(&w5, w6, w14, w3)
            schedule(&w6, w7, w15, w4)
            schedule(&w7, w8, w0, w5)
            schedule(&w8, w9, w1, w6)
            schedule(&w9, w10, w2, w7)
            schedule(&w10, w11, w3, w8)
            schedule(&w11, w12, w4, w9)
            schedule(&w12, w13, w5, w10)
            schedule(&w13, w14, w6, w11)
            schedule(&w14, w15, w7, w12)
            schedule(&w15, w0, w8, w13)
        }
        state.0 &+= a; state.1 &+= b; state.2 &+= c; state.3 &+= d
        state.4 &+= e; state.5 &+= f; state.6 &+= g; state.7 &+= h
    }
}
