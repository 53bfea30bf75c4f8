/// A sentence's parse in the terms of kb's tokens: the UD words the tokens became (contractions
/// split as the treebank splits them: "don't" → "do" + "n't", "can't" → "ca" + "n't"; the
/// possessive "'s" is already a token), each word's token, and each token's first word.
/// Events and stances read who did what to whom through it (`SentenceSyntax+Roles.swift`).
public struct SentenceSyntax: Sendable {
    public let parse: ParsedSentence
    /// Word → the token it came from.
    public let tokenOfWord: [Int]
    /// Token → its first word.
    public let wordOfToken: [Int]

    public var words: [ParsedWord] { parse.words }

    /// The words of a sentence's tokens, in UD's tokenization, with each word's token.
    public static func words(_ tokens: [Token]) -> (forms: [String], tokens: [Int]) {
        var forms: [String] = [], owners: [Int] = []
        forms.reserveCapacity(tokens.count + 2)
        for (t, token) in tokens.enumerated() {
            for part in split(token.text, lower: token.lower) {
                forms.append(part)
                owners.append(t)
            }
        }
        return (forms, owners)
    }

    static let clitics = ["n't", "'re", "'ve", "'ll", "'d", "'m"]

    /// "don't" → ["do", "n't"], "can't" → ["ca", "n't"], "we're" → ["we", "'re"]; a word
    /// without a clitic stays whole.
    static func split(_ text: String, lower: String) -> [String] {
        guard lower.unicodeScalars.count > 2, lower.contains("'") || lower.contains("’") else { return [text] }
        let normal = lower.replacingOccurrences(of: "’", with: "'")
        for c in clitics where normal.hasSuffix(c) && normal.count > c.count {
            let cut = text.index(text.endIndex, offsetBy: -c.count)
            return [String(text[..<cut]), String(text[cut...])]
        }
        return [text]
    }

    /// Parses a sentence's tokens.
    public init(tokens: [Token], model: SyntaxModel) {
        let (forms, owners) = Self.words(tokens)
        self.init(parse: model.analyze(forms), tokenOfWord: owners, tokenCount: tokens.count)
    }

    init(parse: ParsedSentence, tokenOfWord: [Int], tokenCount: Int) {
        self.parse = parse
        self.tokenOfWord = tokenOfWord
        var first = [Int](repeating: -1, count: tokenCount)
        for (w, t) in tokenOfWord.enumerated() where first[t] < 0 { first[t] = w }
        wordOfToken = first
    }
}
