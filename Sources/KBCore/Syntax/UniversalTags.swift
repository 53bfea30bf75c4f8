/// Universal Dependencies' 17 parts of speech (UPOS), in the order the tagger numbers them.
public enum UPOS: Int, Sendable, CaseIterable {
    case ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X

    public var name: String { Self.names[rawValue] }
    static let names = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
    static let byName: [String: UPOS] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    public init?(name: String) {
        guard let u = Self.byName[name] else { return nil }
        self = u
    }

    public var isNominal: Bool { self == .NOUN || self == .PROPN || self == .PRON || self == .NUM }
    public var isVerbal: Bool { self == .VERB || self == .AUX }
}
