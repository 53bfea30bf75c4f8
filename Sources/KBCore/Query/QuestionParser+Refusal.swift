import GRDB

/// A question kb did not understand whole: the words it did not understand, what it did, and the
/// nearest words and forms. kb answers nothing rather than a question that was not asked.
public struct QuestionNotUnderstood: Error, Equatable, Sendable, CustomStringConvertible {
    /// The words not understood, as the question has them (runs of words as one phrase).
    public var words: [String]
    /// Where they stand, when a form places them: "the topic 'Isreal'".
    public var role: String?
    public var understood: [String]
    public var suggestions: [String]
    /// The nearest forms, each with an example.
    public var forms: [String]
    /// Why the words make no question, when they are all known.
    public var reason: String?

    public var description: String {
        var s: String
        let quoted = words.map { "'\($0)'" }.joined(separator: ", ")
        if let role { s = "I did not understand " + role + "." }
        else if !words.isEmpty { s = "I did not understand " + quoted + "." }
        else { s = "I did not understand the question." }
        if let reason { s += " " + reason }
        if !understood.isEmpty { s += " Understood: " + understood.joined(separator: "; ") + "." }
        if !suggestions.isEmpty { s += " Did you mean: " + suggestions.joined(separator: ", ") + "?" }
        if !forms.isEmpty { s += " Nearest questions kb answers: " + forms.joined(separator: "; ") + "." }
        return s
    }
}

extension QuestionParser {
    static let roles: [String: String] = [
        "holder": "holder", "topic": "topic", "acts": "kind of event", "says": "statement verb", "does": "event verb",
        "a": "first party", "b": "second party", "pair": "pair of parties", "initiator": "initiator", "place": "place", "target": "target", "object": "actor",
    ]

    func notUnderstood(_ question: String, _ text: QuestionText, _ understoodBefore: [String],
                       _ resolve: (String, Range<Int>) throws -> SlotValue?) throws -> KBError {
        let n = text.words.count
        // Every word kb knows on its own: a form's keyword, a filler, a name (or part of one), a topic or event word.
        var keywords: Set<String> = ["'s", "by", "per", "how", "many"]
        for f in QuestionForms.all { for p in f.patterns { keywords.formUnion(p.keywords) } }
        for o in vocabulary.resources.openers + vocabulary.resources.closers { keywords.formUnion(o) }
        var known = [Bool](repeating: false, count: n)
        for i in 0..<n where keywords.contains(text.lower[i]) || Vocabulary.joiners.contains(text.lower[i]) || Self.groupWords[text.lower[i]] != nil {
            known[i] = true
        }
        for i in 0..<n where !known[i] && text.lower[i] != "'s" {
            for j in stride(from: min(n, i + 4), to: i, by: -1) {
                if try vocabulary.actor(QuestionText.join(text.words[i..<j])) != nil { for k in i..<j { known[k] = true }; break }
            }
            if !known[i], try vocabulary.knowsWord(text.lower[i]) { known[i] = true }
        }
        let unknown = (0..<n).filter { !known[$0] }

        // The form that reads most of the question, leniently: slots may hold words that name
        // nothing (but no form's own word: "positions" or "and" is never part of a name), words
        // may be left at the end.
        let formWords = keywords.subtracting(["the", "'s"])
        func holdable(_ r: Range<Int>) -> Bool { !r.contains { formWords.contains(text.lower[$0]) } }
        var best: (form: any QuestionForm.Type, parse: QuestionPattern.Parse, cost: Int)? = nil
        var formScores: [(any QuestionForm.Type, Int, Int)] = []
        for form in QuestionForms.all {
            var formBest: (Int, Int)? = nil
            for pattern in form.patterns {
                for p in try pattern.parses(count: n, lower: text.lower, lenient: true, canHold: holdable, resolve: resolve) where p.evidence >= 1 {
                    let cost = p.unresolved + (n - p.end)
                    if best == nil || cost < best!.cost || (cost == best!.cost && p.evidence > best!.parse.evidence) { best = (form, p, cost) }
                    if formBest == nil || cost < formBest!.0 || (cost == formBest!.0 && p.evidence > formBest!.1) { formBest = (cost, p.evidence) }
                }
            }
            if let fb = formBest { formScores.append((form, fb.0, fb.1)) }
        }
        // A best reading that explains less than half the question is no reading.
        if let b = best, b.cost * 2 > n { best = nil }

        var understood = understoodBefore
        var role: String? = nil
        var words: [String] = []
        var reason: String? = nil
        func phrases(_ idx: [Int]) -> [String] {
            var out: [[Int]] = []
            for i in idx { if let last = out.last?.last, last + 1 == i { out[out.count - 1].append(i) } else { out.append([i]) } }
            return out.map { QuestionText.join($0.map { text.words[$0] }) }
        }
        // A misspelt keyword ("positons") is the form's word, not a slot's: say so without placing it.
        let keywordList = Array(keywords) + Self.groupWords.keys
        let misspeltKeyword = unknown.contains { i in
            let w = text.lower[i]
            return w.count >= 3 && keywordList.contains { k in let d = Self.distance(k, w); return d > 0 && d <= (w.count >= 5 ? 2 : 1) }
        }
        if misspeltKeyword { best = nil }
        if let b = best {
            let resolved = b.parse.slots.filter { $0.value.value != nil }.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }
            understood = ["a question of the form '\(b.form.syntax)'"] + resolved.map { "\(Self.roles[$0.key] ?? $0.key) \($0.value.value!.describe)" } + understood
            let unresolved = b.parse.slots.filter { $0.value.value == nil }.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }
            if let (name, slot) = unresolved.first, unresolved.count == 1, unknown.allSatisfy({ slot.range.contains($0) }), b.parse.end == n {
                let slotText = QuestionText.join(text.words[slot.range])
                let r = Self.roles[name] ?? name
                words = unknown.isEmpty ? [slotText] : phrases(unknown)
                role = words == [slotText] ? "the \(r) '\(slotText)'" : words.map { "'\($0)'" }.joined(separator: ", ") + " in the \(r) '\(slotText)'"
                if unknown.isEmpty { reason = "Each word is known, but together they name no \(r) kb knows" + (r == "topic" ? " (a topic is a class of events such as 'Israeli strikes', a topic of the dictionary, or an actor; it cannot be narrowed by place or time inside the topic)." : ".") }
            } else if unresolved.isEmpty, b.parse.end < n, unknown.allSatisfy({ $0 >= b.parse.end }) {
                let rest = QuestionText.join(text.words[b.parse.end...])
                words = unknown.isEmpty ? [rest] : phrases(unknown)
                role = words == [rest] ? "'\(rest)' after '\(QuestionText.join(text.words[..<b.parse.end]))'" : nil
                if unknown.isEmpty { reason = "kb would have had to leave it out, and answers nothing rather than another question." }
            } else {
                words = unknown.isEmpty ? unresolved.map { QuestionText.join(text.words[$0.value.range]) } + (b.parse.end < n ? [QuestionText.join(text.words[b.parse.end...])] : []) : phrases(unknown)
            }
        } else {
            words = phrases(unknown)
            let recognized = (0..<n).filter { known[$0] && !Vocabulary.joiners.contains(text.lower[$0]) }.map { text.words[$0] }
            if !recognized.isEmpty { understood.insert("the words " + recognized.map { "'\($0)'" }.joined(separator: ", "), at: 0) }
            if unknown.isEmpty { reason = "Its words are known, but they make none of the questions kb answers." }
        }
        if unknown.contains(where: { Self.year(text.lower[$0]) != nil }) {
            reason = (reason.map { $0 + " " } ?? "") + "A year goes with 'in', 'since', 'before', 'until' or 'between … and …'."
        }

        // The nearest words: for each word not understood, names and keywords a letter or two away.
        let names = try vocabulary.allNames() + Array(keywords) + Array(Self.groupWords.keys)
        var suggestions: [String] = []
        var seen = Set<String>()
        for w in words + unknown.map({ text.words[$0] }) where w.count >= 3 {
            let lw = w.lowercased()
            let allowed = lw.count >= 5 ? 2 : 1
            let scored = names.compactMap { name -> (Int, String)? in
                let d = Self.distance(name.lowercased(), lw)
                return d > 0 && d <= allowed ? (d, name) : nil
            }.sorted { $0 < $1 }
            for (_, s) in scored.prefix(3) where seen.insert(s.lowercased()).inserted { suggestions.append(s) }
        }
        // Forms whose own word was suggested come first ("positons" → the positions form), then those that read most of the question.
        let suggested = Set(suggestions.map { $0.lowercased() })
        func named(_ f: any QuestionForm.Type) -> Bool { f.patterns.contains { !$0.keywords.isDisjoint(with: suggested) } }
        var ranked = formScores.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.2 > $1.2 }.map(\.0)
        ranked = QuestionForms.all.filter { f in named(f) && !ranked.contains { ObjectIdentifier($0) == ObjectIdentifier(f) } } + ranked
        ranked = ranked.filter(named) + ranked.filter { !named($0) }
        let nearest = (ranked.isEmpty ? Array(QuestionForms.all) : Array(ranked.prefix(2)))
        let forms = nearest.map { "'\($0.syntax)', e.g. \"\($0.examples[0])\"" }
        return .notUnderstood(QuestionNotUnderstood(words: words, role: role, understood: understood, suggestions: Array(suggestions.prefix(6)),
                                                    forms: forms, reason: reason))
    }

    /// Levenshtein distance, with a transposition counting one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var before = prev
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
            }
            before = prev
            prev = cur
        }
        return prev[b.count]
    }
}

extension Vocabulary {
    /// The names a phrase might have meant: a letter or two away, or starting the same way.
    func nearestNames(_ phrase: String) throws -> [String] {
        let lw = phrase.lowercased()
        let allowed = lw.count >= 5 ? 2 : 1
        let scored = try allNames().compactMap { name -> (Int, String)? in
            let d = QuestionParser.distance(name.lowercased(), lw)
            return d > 0 && d <= allowed ? (d, name) : nil
        }.sorted { $0 < $1 }
        var seen = Set<String>()
        return scored.map(\.1).filter { seen.insert($0.lowercased()).inserted }.prefix(5).map { $0 }
    }

    /// An actor for a listing's option (`kb stances --holder`, `kb events --actor`), as a question would resolve it, or a refusal naming it.
    func requireActor(_ phrase: String, option: String) throws -> ActorRef {
        if let a = try actor(phrase) { return a }
        throw KBError.notUnderstood(QuestionNotUnderstood(words: [phrase], role: "\(option) '\(phrase)': no actor of the database has that name, adjective, seat or code",
                                                          understood: [], suggestions: try nearestNames(phrase), forms: [], reason: nil))
    }

    /// A topic for `kb stances --topic`, as a question would resolve it (a key of the topics table too), or a refusal naming it.
    func requireTopic(_ phrase: String) throws -> TopicRef {
        if let t = try topic(QuestionText(phrase).words) { return t }
        if let row = try Row.fetchOne(db, sql: "SELECT key, label FROM topics WHERE key = ?", arguments: [phrase]) {
            return .concept(key: row["key"], label: row["label"])
        }
        throw KBError.notUnderstood(QuestionNotUnderstood(words: [phrase], role: "--topic '\(phrase)': it names no class of events, topic of the dictionary or actor",
                                                          understood: [], suggestions: try nearestNames(phrase), forms: [], reason: nil))
    }
}
