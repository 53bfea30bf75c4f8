/// The nouns of the event lexicon (`Dictionaries/events/lexicon/TYPE.tsv`, rows whose part is
/// `noun`), by head lemma: what makes a statement's content about a class of acts ("Israeli
/// strikes", "the U.S. sanctions"). Read only for that; the event extractor owns the files.
public struct EventNouns: Sendable {
    /// Head lemma → (the lemmas before the head, in text order; the type), longest first.
    var byHead: [String: [([String], EventType)]] = [:]

    public init(files: [String: String]) throws {
        for path in files.keys.sorted() where path.hasPrefix("events/lexicon/") && path.hasSuffix(".tsv") {
            let name = String(path.dropFirst("events/lexicon/".count).dropLast(4))
            guard let type = EventType(rawValue: name) else { continue }
            for (_, f) in TSV.rows(files[path]!) where f.count >= 2 && f[1] == "noun" && !f[0].contains("+") {
                let lemmas = f[0].lowercased().split(separator: " ").map(String.init)
                guard let head = lemmas.last else { continue }
                byHead[head, default: []].append((Array(lemmas.dropLast()), type))
            }
        }
        for k in byHead.keys { byHead[k]!.sort { $0.0.count > $1.0.count } }
    }

    /// The type of the event noun headed by word w ("strike", "air strike"), if it is one.
    func type(at w: Int, lemmas: [String]) -> EventType? {
        guard let list = byHead[lemmas[w]] else { return nil }
        for (before, type) in list where before.count <= w {
            if before.indices.allSatisfy({ lemmas[w - before.count + $0] == before[$0] }) { return type }
        }
        return nil
    }
}
