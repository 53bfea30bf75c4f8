import GRDB

/// Draws a `StanceNetwork` from the stances table: one read of the statements the filter keeps
/// (those with a topic), grouped in Swift into nodes and edges, sorted by id.
public enum NetworkBuilder {
    /// One statement as the network sees it.
    struct Statement {
        var holder: Int64
        var topic: Int64
        var polarity: String
        var date: String?
    }

    /// A node's facts, from actors or topics.
    struct Entity {
        var id: String
        var label: String
        var type: String
        var kind: String
        var iso: String?
    }

    public static func build(_ kind: StanceNetwork.Kind, filter: NetworkFilter, store: KBStore, resources: QueryResources) throws -> StanceNetwork {
        try filter.validate()
        return try store.read { db in
            let holders = try resolveHolders(filter.holders, db: db, resources: resources)
            let topics = try resolveTopics(filter.topics, db: db)
            let statements = try fetch(filter, topics: topics, db: db)
            let actors = try actorEntities(db)
            let topicNodes = try topicEntities(db)
            var network: StanceNetwork
            switch kind {
            case .actorTopic: network = ActorTopicNetwork.build(statements, holders: holders, actors: actors, topics: topicNodes)
            case .actorActor: network = ActorActorNetwork.build(statements, holders: holders, actors: actors, topics: topicNodes)
            }
            network.description = "kb \(kind.rawValue) network of stance statements: \(filter.summary)"
            return network
        }
    }

    /// The statements with a topic that the dates and topics allow, in id order.
    static func fetch(_ filter: NetworkFilter, topics: [Int64], db: Database) throws -> [Statement] {
        var conditions = ["st.topic_id IS NOT NULL"]
        var arguments: [DatabaseValueConvertible] = []
        if let since = filter.since {
            conditions.append("st.date >= ?")
            arguments.append(since)
        }
        if let until = filter.until {
            conditions.append("substr(st.date, 1, \(until.count)) <= ?")
            arguments.append(until)
        }
        if !topics.isEmpty {
            conditions.append("st.topic_id IN (" + topics.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += topics.map { $0 as DatabaseValueConvertible }
        }
        let sql = "SELECT st.holder_id, st.topic_id, st.polarity, st.date FROM stances st WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY st.id"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
            Statement(holder: $0[0], topic: $0[1], polarity: $0[2], date: $0[3])
        }
    }

    /// Each --holder as the actor a question would name; an unknown name is refused.
    static func resolveHolders(_ names: [String], db: Database, resources: QueryResources) throws -> Set<Int64> {
        let vocabulary = Vocabulary(db: db, resources: resources)
        var ids: Set<Int64> = []
        for name in names {
            guard let actor = try vocabulary.actor(name) else {
                throw KBError.query("--holder \(name): no actor of that name in this database; `kb actors` lists the actors, and a holder is named as in a question (\"Russia\", \"Hezbollah\")")
            }
            ids.insert(actor.id)
        }
        return ids
    }

    /// Each --topic as the topic of that key or label; an unknown one is refused.
    static func resolveTopics(_ names: [String], db: Database) throws -> [Int64] {
        var ids: [Int64] = []
        for name in names {
            let found = try Int64.fetchAll(db, sql: "SELECT id FROM topics WHERE key = ? OR label = ? COLLATE NOCASE ORDER BY id", arguments: [name, name])
            if found.isEmpty {
                throw KBError.query("--topic \(name): no topic has that key or label; kb sql \"SELECT key, label FROM topics ORDER BY key\" lists them")
            }
            ids += found
        }
        return ids
    }

    static func actorEntities(_ db: Database) throws -> [Int64: Entity] {
        var out: [Int64: Entity] = [:]
        let sql = "SELECT id, key, name, kind, country FROM actors WHERE id IN (SELECT DISTINCT holder_id FROM stances)"
        for row in try Row.fetchAll(db, sql: sql) {
            out[row[0]] = Entity(id: row[1], label: row[2], type: "actor", kind: row[3], iso: row[4])
        }
        return out
    }

    static func topicEntities(_ db: Database) throws -> [Int64: Entity] {
        var out: [Int64: Entity] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key, label, kind, country FROM topics") {
            out[row[0]] = Entity(id: "topic:" + (row[1] as String), label: row[2], type: "topic", kind: row[3], iso: row[4])
        }
        return out
    }

    /// A node with its attributes.
    static func node(_ e: Entity, statements: Int) -> StanceNetwork.Node {
        var values: [String: StanceNetwork.Value] = ["label": .string(e.label), "type": .string(e.type), "kind": .string(e.kind), "statements": .int(statements)]
        if let iso = e.iso { values["iso"] = .string(iso) }
        return StanceNetwork.Node(id: e.id, values: values)
    }

    /// The first and last dates of a set of statements, when any is dated.
    static func span(_ dates: [String?], into values: inout [String: StanceNetwork.Value]) {
        let known = dates.compactMap { $0 }
        if let first = known.min() { values["first"] = .string(first) }
        if let last = known.max() { values["last"] = .string(last) }
    }
}
