import GRDB

/// `kb actors`, `kb events`, `kb stances`: filtered listings over the readable views.
public enum Listing {
    static func rows(_ db: Database, _ sql: String, _ args: [DatabaseValue]) throws -> [Record] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            row.columnNames.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) }
        }
    }

    /// Events and statements as `kb query` gives them: the same columns in every format.
    static func records(_ db: Database, _ sql: String, _ args: [DatabaseValue]) throws -> [Record] {
        let statement = try db.makeStatement(sql: sql)
        let reader = QueryEngine.RecordReader(statement.columnNames)
        return try Row.fetchAll(statement, arguments: StatementArguments(args)).map { row in
            reader.record(row, nil).filter { $0.0 != "group_rows" }
        }
    }

    public static func actors(store: KBStore, source: String?, kind: String?) throws -> [Record] {
        try store.read { db in
            if kind == "candidate" {
                var sql = "SELECT c.surface AS name, c.reason, count(*) AS mentions, group_concat(DISTINCT f.name) AS files FROM actor_candidates c JOIN source_files f ON f.source_id = c.source_id"
                var args: [DatabaseValue] = []
                if let s = source { sql += " WHERE f.name LIKE ?"; args.append(("%" + s + "%").databaseValue) }
                return try rows(db, sql + " GROUP BY c.surface, c.reason ORDER BY mentions DESC, name", args)
            }
            var conditions: [String] = []
            var args: [DatabaseValue] = []
            if let k = kind {
                guard ActorKind(rawValue: k) != nil else { throw KBError.usage("unknown kind '\(k)': use state, person, organization, armed_group, international_organization, other or candidate") }
                conditions.append("a.kind = ?"); args.append(k.databaseValue)
            }
            if let s = source {
                conditions.append("sa.source_id IN (SELECT source_id FROM source_files WHERE name LIKE ?)"); args.append(("%" + s + "%").databaseValue)
            }
            return try rows(db, """
                SELECT a.name, a.kind, a.country, a.origin, sum(sa.mentions) AS mentions, count(*) AS sources
                FROM source_actors sa JOIN actors a ON a.id = sa.actor_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                GROUP BY a.id ORDER BY mentions DESC, a.name
                """, args)
        }
    }

    /// `kb events`: the actor resolved as a question resolves it (a state: everyone who acted for
    /// it; another actor: itself), on either side.
    public static func events(store: KBStore, resources: QueryResources, actor: String?, type: String?, year: Int?) throws -> [Record] {
        try store.read { db in
            var conditions: [String] = []
            var p = SQLBuilder.Parameters()
            if let a = actor {
                let ref = try Vocabulary(db: db, resources: resources).requireActor(a, option: "--actor")
                let i = SQLBuilder.eventParty("initiator", ref, &p), t = SQLBuilder.eventParty("target", ref, &p)
                conditions.append("id IN (SELECT e.id FROM events e WHERE \(i.row) OR \(t.row))")
            }
            if let t = type {
                guard EventType(rawValue: t.uppercased()) != nil else { throw KBError.usage("unknown event type '\(t)': use one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))") }
                conditions.append("event_type = " + p.bind(t.uppercased()))
            }
            if let y = year { conditions.append("year = " + p.bind(y)) }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try records(db, "SELECT \(SQLBuilder.eventColumns) FROM events_view v \(whereClause) ORDER BY v.date IS NULL, v.date, v.id", p.values)
        }
    }

    /// `kb stances`: the holder and the topic resolved as a question resolves them ("Russia", "Moscow",
    /// "Russian officials", a person as speaker; "Israeli strikes", a topic's label or key).
    public static func stances(store: KBStore, resources: QueryResources, holder: String?, topic: String?, year: Int?) throws -> [Record] {
        try store.read { db in
            let vocabulary = Vocabulary(db: db, resources: resources)
            var conditions: [String] = []
            var p = SQLBuilder.Parameters()
            var holderRef: ActorRef? = nil
            if let h = holder {
                let ref = try vocabulary.requireActor(h, option: "--holder")
                holderRef = ref
                conditions.append(SQLBuilder.holderCondition(ref, &p).row)
            }
            if let t = topic {
                conditions.append(SQLBuilder.topicCondition(try vocabulary.requireTopic(t), holder: holderRef, &p).row)
            }
            if let y = year { conditions.append("st.year = " + p.bind(y)) }
            let whereClause = conditions.isEmpty ? "" : "WHERE id IN (SELECT st.id FROM stances st WHERE " + conditions.joined(separator: " AND ") + ")"
            return try records(db, "SELECT \(SQLBuilder.stanceColumns) FROM stance_statements_view v \(whereClause) ORDER BY v.date IS NULL, v.date, v.id", p.values)
        }
    }
}
