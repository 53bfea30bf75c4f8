/// Deterministic 64-bit hashing for the tagger's and parser's features: the same string or
/// feature always gives the same key, on every run and machine (Swift's `Hasher` is seeded per
/// process, so it cannot serve a model that is saved and loaded).
enum FeatureHash {
    /// SplitMix64's finalizer: spreads every input bit over the output.
    @inline(__always)
    static func finish(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines a key with one more value (order matters).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019))
    }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64) -> UInt64 { mix(mix(template, a), 0x51) }
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { mix(mix(mix(template, a), b), 0x52) }
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(mix(mix(mix(template, a), b), c), 0x53)
    }

    /// FNV-1a over UTF-8 bytes, finished.
    static func string<S: StringProtocol>(_ s: S) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return finish(h)
    }
}
