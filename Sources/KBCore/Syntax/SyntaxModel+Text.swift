import Foundation

extension SyntaxModel {
    /// Raw text as CoNLL-U: split into sentences (kb's splitter, one paragraph per blank-line
    /// block), tokenized as kb tokenizes (contractions split as in UD, with a multiword-token
    /// line), tagged, lemmatized and parsed.
    public func conllu(text: String, splitter: SentenceSplitter) -> [CoNLLUSentence] {
        let blocks = text.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var out: [CoNLLUSentence] = []
        for span in splitter.split(blocks: blocks) {
            let tokens = Tokenizer.tokens(span.text)
            let (forms, owners) = SentenceSyntax.words(tokens)
            guard !forms.isEmpty else { continue }
            var s = CoNLLUSentence()
            s.lines.append(.other("# sent_id = \(out.count + 1)"))
            s.lines.append(.other("# text = \(span.text)"))
            var w = 0
            while w < forms.count {
                var end = w
                while end + 1 < forms.count && owners[end + 1] == owners[w] { end += 1 }
                if end > w { s.lines.append(.other("\(w + 1)-\(end + 1)\t\(tokens[owners[w]].text)\t_\t_\t_\t_\t_\t_\t_\t_")) }
                for k in w...end {
                    let t = tokens[owners[k]]
                    let next = owners.indices.contains(k + 1) && owners[k + 1] != owners[k] ? tokens[owners[k + 1]] : nil
                    let misc = next.map { $0.start == t.end ? "SpaceAfter=No" : "_" } ?? "_"
                    s.lines.append(.word(s.words.count))
                    s.words.append([String(k + 1), forms[k], "_", "_", "_", "_", "_", "_", "_", end > w && k < end ? "_" : misc])
                }
                w = end + 1
            }
            out.append(fill(s))
        }
        return out
    }
}
