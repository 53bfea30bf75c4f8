import Foundation
import GRDB

/// The words a question may use: actors (through the database's aliases, so the dictionary the
/// database was built with is the one that answers), topics, and event nouns.
public struct Vocabulary {
    let db: Database
    let resources: QueryResources
    let eventNouns: [String: (EventType, String)]   // "strikes" → (ASSAULT, cameo)

    init(db: Database, resources: QueryResources) {
        self.db = db
        self.resources = resources
        self.eventNouns = resources.eventNouns
    }

    /// The topic dictionary, read when a question names a topic that is not a class of events.
    var topics: [StanceLexicon.Topic] { get throws { try resources.topics() } }

    /// The actor a phrase names: a name, adjective, seat, surname or ISO code, in any letter case.
    func actor(_ phrase: String) throws -> ActorRef? {
        var p = String(Substring(phrase).trimmed())
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
        // Cached: a question looks up several phrases with the same statement.
        if let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [p, p]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        // A plural demonym: "Russians".
        if p.hasSuffix("s"), let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [String(p.dropLast()), String(p.dropLast())]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        if p.count == 3, p == p.uppercased(), let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, kind, country FROM actors WHERE key = ?"), arguments: ["state:" + p]) {
            return ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: phrase)
        }
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, kind, country FROM actors WHERE name = ? COLLATE NOCASE"), arguments: [p]) {
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
        let topics = try self.topics
        let flat = lower.joined(separator: " ")
        for t in topics where t.key == flat.replacing(" ", with: "_") || t.label.lowercased().replacing("’", with: "'") == flat.replacing("’", with: "'").replacing(" 's", with: "'s") {
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
        names += try topics.map(\.label)
        names += Array(eventNouns.keys)
        return names
    }
}

/// The small dictionaries a query needs: the event nouns ("strikes" → ASSAULT), read at once,
/// and the topic dictionary, parsed only when a question needs it. Both are read without
/// Foundation's string functions, whose first use costs a start-up every question would pay.
public final class QueryResources: @unchecked Sendable {
    public let eventNouns: [String: (EventType, String)]
    private let topicText: String
    private let lock = NSLock()
    private var parsedTopics: [StanceLexicon.Topic]?

    public init(resources files: [String: String] = EmbeddedResources.dictionaries) throws {
        topicText = files["stances/topics.tsv"] ?? ""
        eventNouns = Self.eventNouns(files["events/cues.tsv"] ?? "")
    }

    /// The topics of Dictionaries/stances/topics.tsv.
    public func topics() throws -> [StanceLexicon.Topic] {
        lock.lock()
        defer { lock.unlock() }
        if let parsedTopics { return parsedTopics }
        let topics = try StanceLexicon.topics(topicText)
        parsedTopics = topics
        return topics
    }

    /// Single-word noun forms of events/cues.tsv (type <tab> cameo <tab> noun <tab> forms; …), first row wins.
    /// Read as bytes: the file is small, but Swift's Character-level splitting of it cost more than a query.
    static func eventNouns(_ text: String) -> [String: (EventType, String)] {
        var nouns: [String: (EventType, String)] = [:]
        func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var b = b
            while let f = b.first, f == 32 || f == 9 || f == 13 { b = b.dropFirst() }
            while let l = b.last, l == 32 || l == 9 || l == 13 { b = b.dropLast() }
            return b
        }
        let bytes = Array(text.utf8)
        for line in bytes.split(separator: 10) where line.first != UInt8(ascii: "#") {
            let f = line.split(separator: 9, omittingEmptySubsequences: false).map(trimmed)
            guard f.count >= 4, f[2].elementsEqual("noun".utf8), let type = EventType(rawValue: String(decoding: f[0], as: UTF8.self)) else { continue }
            let cameo = String(decoding: f[1], as: UTF8.self)
            for form in f[3].split(separator: UInt8(ascii: ";")) {
                let w = trimmed(form)
                if w.isEmpty || w.contains(32) { continue }
                let key = String(decoding: w, as: UTF8.self).lowercased()
                if nouns[key] == nil { nouns[key] = (type, cameo) }
            }
        }
        return nouns
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

extension ActorRef {
    static func from(_ row: Row) -> ActorRef {
        ActorRef(id: row["id"], name: row["name"], kind: row["kind"], country: row["country"], surface: row["name"])
    }
}
