import GRDB

/// The words a question may use: actors (through the database's aliases, so the dictionary the
/// database was built with is the one that answers), topics, and event nouns.
public struct Vocabulary {
    let db: Database
    let topics: [StanceLexicon.Topic]
    let eventNouns: [String: (EventType, String)]   // "strikes" → (ASSAULT, cameo)

    init(db: Database, resources: QueryResources) {
        self.db = db
        self.topics = resources.topics
        self.eventNouns = resources.eventNouns
    }

    /// The actor a phrase names: a name, adjective, seat, surname or ISO code, in any letter case.
    func actor(_ phrase: String) throws -> ActorRef? {
        var p = phrase.trimmingCharacters(in: .whitespaces)
        for suffix in ["'s", "’s", "'", "’"] where p.hasSuffix(suffix) { p = String(p.dropLast(suffix.count)) }
        for prefix in ["the ", "The "] where p.hasPrefix(prefix) { p = String(p.dropFirst(prefix.count)) }
        if p.isEmpty { return nil }
        let sql = """
            SELECT a.id, a.name, a.kind, a.country, al.form FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
            WHERE al.alias = ? COLLATE NOCASE
            ORDER BY (al.alias = ?) DESC, CASE a.kind WHEN 'state' THEN 0 WHEN 'person' THEN 2 ELSE 1 END,
                     CASE al.form WHEN 'name' THEN 0 WHEN 'adjective' THEN 1 WHEN 'seat' THEN 2 ELSE 3 END, a.id
            LIMIT 1
            """
        if let row = try Row.fetchOne(db, sql: sql, arguments: [p, p]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        // A plural demonym: "Russians".
        if p.hasSuffix("s"), let row = try Row.fetchOne(db, sql: sql, arguments: [String(p.dropLast()), String(p.dropLast())]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        if p.count == 3, p == p.uppercased(), let row = try Row.fetchOne(db, sql: "SELECT id, name, kind, country FROM actors WHERE key = ?", arguments: ["state:" + p]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, name, kind, country FROM actors WHERE name = ? COLLATE NOCASE", arguments: [p]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        return nil
    }

    /// The topic a phrase names: "<adjective> <attack noun>", a topic of the dictionary, or an actor.
    func topic(_ phrase: String) throws -> TopicRef? {
        let words = Tokenizer.tokens(phrase).filter { $0.kind != .punct }
        guard !words.isEmpty else { return nil }
        let lower = words.map(\.lower)
        // "Israeli strikes", "Israeli strikes in Syria": an event class.
        if words.count >= 2, let (type, _) = eventNouns[lower[1]] ?? eventNouns[lower.last!], let doer = try actor(words[0].text), let cc = doer.country {
            return .eventClass(type: type, country: cc, label: words[0].text + " " + words[1].text)
        }
        // A topic of the dictionary, by its key, its label, or its words and actors.
        let flat = lower.joined(separator: " ")
        for t in topics where t.key == flat.replacingOccurrences(of: " ", with: "_") || t.label.lowercased().replacingOccurrences(of: "’", with: "'") == flat.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: " 's", with: "'s") {
            return .concept(key: t.key, label: t.label)
        }
        var actorsNamed: Set<String> = []
        for w in words { if let a = try actor(w.text), let c = a.country { actorsNamed.insert(c) } }
        func has(_ phrase: [String]) -> Bool {
            guard let first = phrase.first else { return false }
            return lower.indices.contains { k in lower[k] == first && k + phrase.count <= lower.count && Array(lower[k..<(k + phrase.count)]) == phrase }
        }
        for t in topics where t.words.contains(where: has) && t.actors.allSatisfy(actorsNamed.contains) && (t.also.isEmpty || t.also.contains(where: has)) {
            return .concept(key: t.key, label: t.label)
        }
        if let a = try actor(phrase) { return .actor(a) }
        return nil
    }

    /// Every name a question might have meant, for suggestions.
    func allNames() throws -> [String] {
        var names = try String.fetchAll(db, sql: "SELECT DISTINCT alias FROM actor_aliases WHERE form <> 'surname' UNION SELECT name FROM actors")
        names += topics.map(\.label)
        names += Array(eventNouns.keys)
        return names
    }
}

/// The small dictionaries a query needs (topics and event nouns), read once.
public struct QueryResources: Sendable {
    public let topics: [StanceLexicon.Topic]
    public let eventNouns: [String: (EventType, String)]

    public init(resources files: [String: String] = EmbeddedResources.dictionaries) throws {
        let lexicon = try StanceLexicon(cues: "", polarity: "", topics: files["stances/topics.tsv"] ?? "")
        topics = lexicon.topics
        var nouns: [String: (EventType, String)] = [:]
        for (_, f) in TSV.rows(files["events/cues.tsv"] ?? "") where f.count >= 4 && f[2] == "noun" {
            guard let type = EventType(rawValue: f[0]) else { continue }
            for form in TSV.list(f[3]) where !form.contains(" ") { if nouns[form.lowercased()] == nil { nouns[form.lowercased()] = (type, f[1]) } }
        }
        eventNouns = nouns
    }
}

extension ActorRef {
    static func from(_ row: Row) -> ActorRef {
        ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: row["name"])
    }
}
