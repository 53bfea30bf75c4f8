/// Speaker turns of transcripts and interviews: a label before a colon ("Vladimir Putin:",
/// "President of Iran Sayyid Ebrahim Raisi (retranslated):", "MR. KIRBY:", "Q:") opens a turn
/// that runs to the next label; every statement in it is the labelled speaker's. A document with
/// one label only (a quotation set off by a colon) keeps the turn to its paragraph.
public struct SpeakerTurns: Sendable {
    struct Turn: Sendable {
        /// The person (or body) speaking; nil for an unnamed one ("Q", a moderator).
        var speaker: ActorMention?
        /// The sentence index of the label and the token where the turn's words start.
        var sentence: Int
        var start: Int
    }

    /// Per sentence index: the turn it belongs to and the first token of the turn's words in it.
    private(set) var bySentence: [Int: (turn: Int, start: Int)] = [:]
    private(set) var turns: [Turn] = []

    /// Words a label may hold besides names and titles.
    static let labelWords: Set<String> = ["of", "the", "and", "for", "on", "(", ")", ".", "-", "–", "retranslated", "translated", "interpreted", "via", "interpreter", "*"]
    static let longestLabel = 16

    init(_ contexts: [SentenceContext]) {
        for (n, c) in contexts.enumerated() {
            // "Q Mr. President, …": a reporter's question, without a colon.
            if c.tokens.count > 1, c.tokens[0].text == "Q", c.tokens[1].kind == .word || c.tokens[1].text == ":" {
                turns.append(Turn(speaker: nil, sentence: n, start: c.tokens[1].text == ":" ? 2 : 1))
                continue
            }
            guard let (start, colon) = Self.label(c) else { continue }
            let people = c.mentions.filter { $0.tokens.lowerBound >= start && $0.tokens.upperBound <= colon && !$0.isLocation }
            // A heading names a topic ("Israel's Position on Ukraine: …"); a turn's label names a person.
            let speaker = people.last { $0.kind == .person }
            turns.append(Turn(speaker: speaker, sentence: n, start: colon + 1))
        }
        let crossesParagraphs = turns.count >= 2
        for (k, turn) in turns.enumerated() {
            let end = k + 1 < turns.count ? turns[k + 1].sentence : contexts.count
            bySentence[turn.sentence] = (k, turn.start)
            var n = turn.sentence + 1
            while n < end {
                if !crossesParagraphs && contexts[n].span.paragraph != contexts[turn.sentence].span.paragraph { break }
                bySentence[n] = (k, 0)
                n += 1
            }
        }
    }

    /// The turn of sentence n, if any, with the token its words start at.
    func turn(of n: Int) -> (turn: Turn, start: Int)? {
        bySentence[n].map { (turns[$0.turn], $0.start) }
    }

    /// A label: capitalized words, names and a few joining words from the sentence's start (or
    /// after "* * *") up to a colon. Returns the label's first token and the colon's.
    static func label(_ c: SentenceContext) -> (Int, Int)? {
        let t = c.tokens
        guard let colon = t.prefix(longestLabel + 4).firstIndex(where: { $0.text == ":" }), colon > 0 else { return nil }
        var start = 0
        while start < colon && t[start].text == "*" { start += 1 }
        guard colon > start, colon - start <= longestLabel else { return nil }
        for k in start..<colon {
            let tok = t[k]
            if c.mention(at: k) != nil || labelWords.contains(tok.lower) || tok.kind == .possessive { continue }
            if tok.kind == .word && tok.isCapitalized { continue }
            return nil
        }
        // A label names someone: a mention, an all-capitals title ("THE PRESIDENT"), or "Q".
        let words = t[start..<colon].filter { $0.kind == .word }
        guard !words.isEmpty else { return nil }
        let named = c.mentions.contains { $0.tokens.lowerBound >= start && $0.tokens.upperBound <= colon }
        let capitals = words.allSatisfy { $0.text == $0.text.uppercased() }
        return named || capitals ? (start, colon) : nil
    }
}
