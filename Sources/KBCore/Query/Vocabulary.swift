import Foundation
import GRDB

/// The words a question may use: actors (through the database's aliases, so the dictionary the
/// database was built with is the one that answers), topics, classes of events, and the verbs of
/// "who …" questions. Every look-up takes a whole phrase and answers for all of its words, or nil:
/// no look-up drops a word.
public struct Vocabulary {
    let db: Database
    let resources: QueryResources

    init(db: Database, resources: QueryResources) {
        self.db = db
        self.resources = resources
    }

    /// Words that join the words of a topic without adding to it: "Iran's presence in Syria".
    static let joiners: Set<String> = ["the", "of", "in", "'s", "on", "a", "an", "and", "its", "to", "with", "by"]

    /// The topic dictionary, read when a question names a topic that is not a class of events.
    var topics: [StanceLexicon.Topic] { get throws { try resources.topics() } }

    /// The actor a phrase names: a name, adjective, seat, surname or ISO code, in any letter case;
    /// "the" in front, a possessive or a plural ("Russians") behind; or a state's adjective with a
    /// body noun ("Russian officials", "the Israeli government").
    func actor(_ phrase: String) throws -> ActorRef? {
        var p = String(Substring(phrase).trimmed())
        for suffix in [" 's", "'s", "’s", "'", "’"] where p.hasSuffix(suffix) { p = String(p.dropLast(suffix.count)) }
        if p.lowercased().hasPrefix("the ") { p = String(p.dropFirst(4)) }
        if p.isEmpty { return nil }
        if let a = try alias(p, surface: phrase) { return a }
        // "Russian officials": the words before the body noun name a state.
        let words = p.split(separator: " ")
        for k in stride(from: words.count - 1, to: 0, by: -1) where resources.bodies.contains(words[k...].joined(separator: " ").lowercased()) {
            if let a = try alias(words[..<k].joined(separator: " "), surface: phrase), a.isState { return a }
        }
        return nil
    }

    private func alias(_ p: String, surface: String) throws -> ActorRef? {
        let sql = """
            SELECT a.id, a.key, a.name, a.kind, a.country, al.form FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
            WHERE al.alias = ? COLLATE NOCASE
            ORDER BY (al.alias = ?) DESC, CASE a.kind WHEN 'state' THEN 0 WHEN 'person' THEN 2 ELSE 1 END,
                     CASE al.form WHEN 'name' THEN 0 WHEN 'adjective' THEN 1 WHEN 'seat' THEN 2 ELSE 3 END, a.id
            LIMIT 1
            """
        func ref(_ row: Row) -> ActorRef {
            ActorRef(id: row["id"], key: row["key"], name: row["name"], kind: row["kind"], country: row["country"], surface: surface)
        }
        // Cached: a question looks up several phrases with the same statement.
        if let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [p, p]) { return ref(row) }
        // A plural demonym: "Russians".
        if p.hasSuffix("s"), let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [String(p.dropLast()), String(p.dropLast())]) { return ref(row) }
        if p.count == 3, p == p.uppercased(), let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, key, name, kind, country FROM actors WHERE key = ?"), arguments: ["state:" + p]) {
            return ref(row)
        }
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, key, name, kind, country FROM actors WHERE name = ? COLLATE NOCASE"), arguments: [p]) {
            return ref(row)
        }
        return nil
    }

    /// Two actors joined by a hyphen, in one word: "Russia-US", "Israeli-Russian" (each half a name or adjective).
    func pair(_ words: [String]) throws -> (ActorRef, ActorRef)? {
        guard words.count == 1 else { return nil }
        let halves = words[0].split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        guard halves.count == 2, let a = try actor(halves[0]), let b = try actor(halves[1]) else { return nil }
        return (a, b)
    }

    /// The class of events a phrase names: a noun of Dictionaries/query/acts.tsv ("phone calls"),
    /// a noun of the event lexicon ("shelling", "strikes"), "events", "events of type T" or "T events".
    func acts(_ words: [String]) -> ActClass? {
        var w = words
        if w.first == "the" { w.removeFirst() }
        let phrase = w.joined(separator: " ")
        if let a = resources.acts.first(where: { $0.nouns.contains(phrase) }) { return a }
        if w.count == 1, let (type, _) = resources.eventNoun(phrase) { return ActClass(name: phrase, types: [type], cameos: nil) }
        if phrase == "events" { return ActClass(name: "events", types: [], cameos: nil) }
        // "events of type consult", "events of types agree and cooperate", "consult events"
        if w.count >= 4, w[0] == "events", w[1] == "of", w[2] == "type" || w[2] == "types" {
            let names = w[3...].filter { $0 != "and" && $0 != "or" }
            let types = names.compactMap { EventType(rawValue: $0.uppercased()) }
            if types.count == names.count, !types.isEmpty { return ActClass(name: "events of type " + types.map(\.rawValue).joined(separator: ", "), types: types, cameos: nil) }
        }
        if w.count == 2, w[1] == "events", let type = EventType(rawValue: w[0].uppercased()) {
            return ActClass(name: "\(type.rawValue) events", types: [type], cameos: nil)
        }
        return nil
    }

    /// The event verb of "who met X", "who struck X".
    func eventVerb(_ words: [String]) -> ActClass? {
        let phrase = words.joined(separator: " ")
        return resources.acts.first { $0.verbs.contains(phrase) }
    }

    /// The statement verb of "who condemned X".
    func statementVerb(_ words: [String]) -> StatementAct? {
        let phrase = words.joined(separator: " ")
        return resources.statementVerbs.first { $0.forms.contains(phrase) }
    }

    /// The topic a phrase names, every word of it: a class of events ("Israeli strikes", "Israel's
    /// attacks", "strikes by Israel"), a topic of the dictionary (its key, its label, or its words
    /// and actors with nothing else), or an actor.
    func topic(_ tokens: [String]) throws -> TopicRef? {
        var w = tokens
        if w.first?.lowercased() == "the" { w.removeFirst() }
        guard !w.isEmpty else { return nil }
        let lower = w.map { $0.lowercased() }
        let text = QuestionText.join(w)
        // "Israeli strikes", "Israel's strikes", "the latest Israeli attacks" → the doer and the noun.
        for k in stride(from: w.count - 1, to: 0, by: -1) {
            guard let acts = acts(Array(lower[k...])), let type = acts.types.first, acts.types.count == 1 else { continue }
            var doer = Array(w[..<k])
            if doer.last == "'s" { doer.removeLast() }
            if !doer.isEmpty, let a = try actor(QuestionText.join(doer)), let cc = a.country {
                return .eventClass(type: type, country: cc, label: text)
            }
        }
        // "strikes by Israel"
        if let by = lower.firstIndex(of: "by"), by > 0, by + 1 < w.count, let acts = acts(Array(lower[..<by])), let type = acts.types.first, acts.types.count == 1,
           let a = try actor(QuestionText.join(Array(w[(by + 1)...]))), let cc = a.country {
            return .eventClass(type: type, country: cc, label: text)
        }
        // A topic of the dictionary, by its key or its label.
        let topics = try self.topics
        let flat = lower.joined(separator: " ").replacing("’", with: "'").replacing(" 's", with: "'s")
        for t in topics where t.key == lower.joined(separator: "_") || t.label.lowercased().replacing("’", with: "'") == flat {
            return .concept(key: t.key, label: t.label)
        }
        // By its words and actors, when every other word only joins them.
        var named: [(Range<Int>, String)] = []
        for i in lower.indices {
            for j in stride(from: min(lower.count, i + 4), to: i, by: -1) {
                if let a = try actor(QuestionText.join(Array(w[i..<j]))), let c = a.country { named.append((i..<j, c)); break }
            }
        }
        func spans(_ phrase: [String]) -> [Range<Int>] {
            guard !phrase.isEmpty, phrase.count <= lower.count else { return [] }
            return (0...(lower.count - phrase.count)).filter { Array(lower[$0..<($0 + phrase.count)]) == phrase }.map { $0..<($0 + phrase.count) }
        }
        for t in topics {
            let wordSpans = t.words.flatMap(spans), alsoSpans = t.also.flatMap(spans)
            guard !wordSpans.isEmpty, t.also.isEmpty || !alsoSpans.isEmpty else { continue }
            let actorSpans = named.filter { t.actors.contains($0.1) }
            guard t.actors.allSatisfy({ c in actorSpans.contains { $0.1 == c } }) else { continue }
            var covered = Set<Int>()
            for r in wordSpans + alsoSpans + actorSpans.map(\.0) { covered.formUnion(r) }
            if lower.indices.allSatisfy({ covered.contains($0) || Self.joiners.contains(lower[$0]) }) {
                return .concept(key: t.key, label: t.label)
            }
        }
        if let a = try actor(text) { return .actor(a) }
        return nil
    }

    /// Every name a question might have meant, for suggestions.
    func allNames() throws -> [String] {
        var names = try String.fetchAll(db, sql: "SELECT DISTINCT alias FROM actor_aliases UNION SELECT name FROM actors")
        names += try topics.map(\.label)
        names += Array(resources.eventNouns.keys)
        names += resources.acts.flatMap { $0.nouns + $0.verbs }
        names += resources.statementVerbs.flatMap(\.forms)
        return names
    }

    /// Whether a single word is one kb knows outside the forms' keywords: a topic word, a body
    /// noun, an event noun or verb, a type name.
    func knowsWord(_ w: String) throws -> Bool {
        if resources.bodies.contains(w) || resources.eventNouns[w] != nil || EventType(rawValue: w.uppercased()) != nil { return true }
        if resources.acts.contains(where: { a in (a.nouns + a.verbs).contains { $0.split(separator: " ").contains(Substring(w)) } }) { return true }
        if resources.statementVerbs.contains(where: { $0.forms.contains(w) }) { return true }
        return try topics.contains { t in (t.words + t.also).contains { $0.contains(w) } }
    }
}

extension Substring {
    /// Without white space at either end.
    func trimmed() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
