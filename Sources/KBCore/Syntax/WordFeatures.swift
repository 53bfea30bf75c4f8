/// What the tagger and parser know of a word form before context: hashes of its lowercase form
/// (digits folded to 0), affixes and shape, computed once per word.
struct WordFeatures: Sendable {
    var lower: UInt64
    var suffix1: UInt64
    var suffix2: UInt64
    var suffix3: UInt64
    var suffix4: UInt64
    var prefix2: UInt64
    var shape: UInt64
    /// The normalised lowercase form itself (the lemmatizer and tag dictionary read it).
    var lowerText: String

    init(_ form: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(form.unicodeScalars.count)
        var shape = String.UnicodeScalarView()
        var lastTwo: (Unicode.Scalar?, Unicode.Scalar?) = (nil, nil)
        for u in form.unicodeScalars {
            let cls: Unicode.Scalar
            let lowered: Unicode.Scalar
            if u.value >= 0x30 && u.value <= 0x39 {
                cls = "d"; lowered = "0"
            } else if u.value < 0x80 {
                if u.value >= 0x41 && u.value <= 0x5A { cls = "X"; lowered = Unicode.Scalar(u.value | 0x20)! }
                else if u.value >= 0x61 && u.value <= 0x7A { cls = "x"; lowered = u }
                else { cls = u; lowered = u }
            } else if u == "’" || u == "‘" {
                cls = "'"; lowered = "'"
            } else if u.properties.isUppercase {
                cls = "X"; lowered = u.properties.lowercaseMapping.unicodeScalars.first ?? u
            } else if u.properties.isAlphabetic {
                cls = "x"; lowered = u
            } else {
                cls = u; lowered = u
            }
            scalars.append(lowered)
            if !(lastTwo.0 == cls && lastTwo.1 == cls) { shape.append(cls) }
            lastTwo = (lastTwo.1, cls)
        }
        var low = String.UnicodeScalarView()
        low.append(contentsOf: scalars)
        lowerText = String(low)
        lower = FeatureHash.string(lowerText)
        func suffix(_ k: Int) -> UInt64 {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars.suffix(k))
            return FeatureHash.mix(FeatureHash.string(String(v)), UInt64(k))
        }
        suffix1 = suffix(1); suffix2 = suffix(2); suffix3 = suffix(3); suffix4 = suffix(4)
        var p = String.UnicodeScalarView()
        p.append(contentsOf: scalars.prefix(2))
        prefix2 = FeatureHash.mix(FeatureHash.string(String(p)), 0x70)
        self.shape = FeatureHash.mix(FeatureHash.string(String(shape)), 0x73)
    }

    /// The word before the first or after the last of a sentence.
    static let none: UInt64 = 0x6E6F_6E65
}
