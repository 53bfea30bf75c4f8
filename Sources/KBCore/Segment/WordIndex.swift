import Foundation

/// A read-only map from words or phrases to values, for the look-ups every token makes (is it a
/// title, a cue, the start of a name?). It answers exactly as a `[String: Value]` does — keys
/// compare as Swift Strings, by canonical equivalence — but an ASCII key (nearly every word) is
/// found by hashing its bytes into a small open-addressing table: a `Dictionary<String, _>`
/// look-up hashes with SipHash and costs 3–4 times as much. Keys beyond ASCII go to the Dictionary.
/// Immutable once built, so one index serves any number of threads. A class: the stages hold it
/// in structs they copy, and a look-up should not copy its arrays' references.
final class WordIndex<Value: Sendable>: Sendable {
    /// Every entry, for keys beyond ASCII.
    private let dictionary: [String: Value]
    /// The ASCII keys (and keys canonically equivalent to ASCII text), back to back.
    private let keyBytes: [UInt8]
    /// Per entry: where its key starts in `keyBytes` (high 32 bits) and its length (low 32 bits).
    private let keys: [UInt64]
    private let values: [Value]
    /// Open addressing with linear probing, one word a slot: the key's hash in the high 32 bits
    /// (most slots that are not the key are told apart without reading the key) and the entry
    /// number + 1 in the low 32 bits; 0 for an empty slot. At most a quarter of the slots are used.
    private let slots: [UInt64]
    private let mask: Int
    /// The longest key in the table, and the longest key in bytes: a longer key is answered
    /// without hashing it (the cleaner looks up whole paragraphs among its one-line rules).
    private let longestASCIIKey: Int
    private let longestKeyBytes: Int

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var bytes: [UInt8] = [], keys: [UInt64] = [], values: [Value] = []
        for (key, value) in dictionary {
            // A key such as "\u{212A}" (Kelvin sign) equals the ASCII "K" as a String.
            let ascii = UTF8Text.isASCII(key.utf8) ? key : key.precomposedStringWithCanonicalMapping
            guard UTF8Text.isASCII(ascii.utf8) else { continue }
            keys.append(UInt64(bytes.count) << 32 | UInt64(ascii.utf8.count))
            bytes += ascii.utf8
            values.append(value)
        }
        var capacity = 16
        while capacity < values.count * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for k in values.indices {
            let start = Int(keys[k] >> 32), length = Int(keys[k] & 0xFFFF_FFFF)
            let h = Self.hash(bytes[start..<(start + length)])
            var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(k + 1)
        }
        keyBytes = bytes
        longestASCIIKey = keys.map { Int($0 & 0xFFFF_FFFF) }.max() ?? 0
        longestKeyBytes = dictionary.keys.map(\.utf8.count).max() ?? 0
        self.keys = keys
        self.values = values
        self.slots = slots
        mask = capacity - 1
    }

    var isEmpty: Bool { dictionary.isEmpty }

    subscript(key: String) -> Value? {
        switch key.utf8.withContiguousStorageIfAvailable({ find($0) }) {
        case .some(.some(let answer)): return answer       // an ASCII key: the table answers
        default: return dictionary[key]
        }
    }

    /// The value of the key whose UTF-8 bytes these are.
    subscript(utf8 key: ArraySlice<UInt8>) -> Value? {
        switch key.withUnsafeBufferPointer({ find($0) }) {
        case .some(let answer): return answer
        case .none: return dictionary[UTF8Text.string(key)]
        }
    }

    func contains(_ key: String) -> Bool { self[key] != nil }

    /// .some(value or nil) for an ASCII key; nil when the key is not ASCII (the Dictionary decides).
    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> Value?? {
        if key.count > longestASCIIKey { return tooLong(key) ? .some(nil) : nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for b in key {
            high |= b
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        guard high < 0x80 else { return nil }
        h ^= h >> 29
        let tag = h & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = slots[slot]
                if s == 0 { return .some(nil) }
                if s & 0xFFFF_FFFF_0000_0000 == tag {
                    let entry = Int(s & 0xFFFF_FFFF) - 1
                    if equal(keys[entry], key) { return .some(values[entry]) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether no key can equal this one, longer than every key of the table. An ASCII key would be
    /// in the table. Another could equal a key written with fewer or more code points (an "é" as
    /// one or as two): in UTF-8, canonical decomposition makes text at most 3 times longer
    /// (Unicode's UAX #15) and at most 3 times shorter (U+212A KELVIN SIGN is "K"), so a key more
    /// than 9 times the longest key's length equals none.
    private func tooLong(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Text.isASCII(key) || key.count > 9 * longestKeyBytes
    }

    /// Whether the entry's key (start and length) has these bytes.
    @inline(__always)
    private func equal(_ entry: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry & 0xFFFF_FFFF) == key.count else { return false }
        let start = Int(entry >> 32)
        return keyBytes.withUnsafeBufferPointer { all in
            for k in 0..<key.count where all[start + k] != key[k] { return false }
            return true
        }
    }

    @inline(__always)
    private static func hash<C: Collection>(_ key: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}

/// A read-only set of words with `WordIndex`'s fast look-up.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let index: WordIndex<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        index = WordIndex(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool { index[word] != nil }

    func contains(utf8 word: ArraySlice<UInt8>) -> Bool { index[utf8: word] != nil }
}
