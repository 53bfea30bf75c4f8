import GRDB

/// `kb actors`, `kb events`, `kb stances`: filtered listings over the readable views.
public enum Listing {
    static func rows(_ db: Database, _ sql: String, _ args: [DatabaseValue]) throws -> [Record] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            row.columnNames.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) }
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

    static func country(_ db: Database, _ name: String) throws -> String? {
        if name.count == 3, name == name.uppercased() { return name }
        return try String.fetchOne(db, sql: """
            SELECT a.country FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
            WHERE al.alias = ? COLLATE NOCASE AND a.kind = 'state' LIMIT 1
            """, arguments: [name])
    }

    public static func events(store: KBStore, actor: String?, type: String?, year: Int?) throws -> [Record] {
        try store.read { db in
            var conditions: [String] = []
            var args: [DatabaseValue] = []
            if let a = actor {
                if let cc = try country(db, a) {
                    conditions.append("(initiator_country = ? OR target_country = ?)"); args += [cc.databaseValue, cc.databaseValue]
                } else {
                    conditions.append("(initiator LIKE ? OR target LIKE ?)"); args += [("%" + a + "%").databaseValue, ("%" + a + "%").databaseValue]
                }
            }
            if let t = type {
                guard EventType(rawValue: t.uppercased()) != nil else { throw KBError.usage("unknown event type '\(t)': use one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))") }
                conditions.append("event_type = ?"); args.append(t.uppercased().databaseValue)
            }
            if let y = year { conditions.append("year = ?"); args.append(y.databaseValue) }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try rows(db, """
                SELECT date, event_type, initiator, initiator_country, target, target_country, location, cue, sentence, file
                FROM events_view \(whereClause) ORDER BY date IS NULL, date, id
                """, args)
        }
    }

    public static func stances(store: KBStore, holder: String?, topic: String?, year: Int?) throws -> [Record] {
        try store.read { db in
            var conditions: [String] = []
            var args: [DatabaseValue] = []
            if let h = holder {
                if let cc = try country(db, h) { conditions.append("holder_country = ?"); args.append(cc.databaseValue) }
                else { conditions.append("(holder LIKE ? OR speaker LIKE ?)"); args += [("%" + h + "%").databaseValue, ("%" + h + "%").databaseValue] }
            }
            if let t = topic { conditions.append("(topic LIKE ? OR topic_key = ?)"); args += [("%" + t + "%").databaseValue, t.databaseValue] }
            if let y = year { conditions.append("year = ?"); args.append(y.databaseValue) }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try rows(db, """
                SELECT date, holder, speaker, polarity, topic, act, quote, sentence, file
                FROM stance_statements_view \(whereClause) ORDER BY date IS NULL, date, id
                """, args)
        }
    }
}
