import GRDB

/// A plan turned into SQL: the text with '?' placeholders and the values bound to them. Question
/// words never enter the SQL text.
public struct SQLQuery: Sendable {
    public var sql: String
    public var arguments: [DatabaseValue]
    public var kind: String   // "stance", "event" or "mixed"

    /// The SQL with its parameters listed after it, for `--sql`.
    public var display: String {
        var out = sql.trimmingCharacters(in: .whitespacesAndNewlines) + ";\n"
        if !arguments.isEmpty {
            out += "-- parameters: " + arguments.enumerated().map { "?\($0.offset + 1) = \($0.element.description)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}

/// Builds the SQL of a plan.
enum SQLBuilder {
    static let stanceColumns = """
        SELECT 'stance' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.holder, v.holder_country, v.speaker, v.polarity,
               v.topic, v.target, v.act, v.cue, v.quote, v.sentence, v.source_title
        FROM stance_statements_view v JOIN stances st ON st.id = v.id
        """
    static let eventColumns = """
        SELECT 'event' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.event_type, v.cameo, v.initiator, v.initiator_country,
               v.target, v.target_country, v.location, v.location_country, v.cue, v.sentence, v.source_title
        FROM events_view v
        """

    static func build(_ plan: QueryPlan) -> SQLQuery {
        var conditions: [String] = []
        var args: [DatabaseValue] = []
        func years(_ y: YearRange?) {
            if let f = y?.from { conditions.append("v.year >= ?"); args.append(f.databaseValue) }
            if let t = y?.to { conditions.append("v.year <= ?"); args.append(t.databaseValue) }
        }
        func party(_ column: String, _ a: ActorRef) -> String {
            // A state stands for itself and everyone who acted for it; another actor for itself.
            if a.isState, let cc = a.country { args.append(cc.databaseValue); return "v.\(column)_country = ?" }
            args.append(a.id.databaseValue)
            return "v.\(column)_id = ?"
        }
        func finish(_ select: String, _ order: String, _ kind: String) -> SQLQuery {
            let whereClause = conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND ")
            return SQLQuery(sql: select + whereClause + "\nORDER BY " + order, arguments: args, kind: kind)
        }
        switch plan {
        case .positions(let holder, let topic, let y, _):
            holderCondition(holder, &conditions, &args)
            if let topic { topicCondition(topic, &conditions, &args) }
            years(y)
            return finish(stanceColumns, "v.year IS NULL, v.year, v.date, v.id", "stance")
        case .said(let person, let topic, let y, _):
            conditions.append("st.speaker_id = ?"); args.append(person.id.databaseValue)
            if let topic { topicCondition(topic, &conditions, &args) }
            years(y)
            return finish(stanceColumns, "v.year IS NULL, v.year, v.date, v.id", "stance")
        case .events(let initiator, let types, let cameos, let place, let target, let y, _):
            conditions.append("v.event_type IN (" + types.map { _ in "?" }.joined(separator: ", ") + ")")
            args += types.map { $0.rawValue.databaseValue }
            if let cameos {
                conditions.append("v.cameo IN (" + cameos.map { _ in "?" }.joined(separator: ", ") + ")")
                args += cameos.map { $0.databaseValue }
            }
            if let i = initiator { conditions.append(eventParty("initiator", i, &args)) }
            if let t = target { conditions.append(eventParty("target", t, &args)) }
            if let p = place, let cc = p.country {
                conditions.append("(v.location_country = ? OR (v.location IS NULL AND v.target_country = ?))")
                args += [cc.databaseValue, cc.databaseValue]
            }
            years(y)
            return finish(eventColumns, "v.year IS NULL, v.year, v.date, v.id", "event")
        case .meetings(let a, let b, let y, _):
            conditions.append("v.event_type = 'CONSULT' AND v.cameo <> '041'")
            let first = "(" + eventParty("initiator", a, &args) + " AND " + eventParty("target", b, &args) + ")"
            let second = "(" + eventParty("initiator", b, &args) + " AND " + eventParty("target", a, &args) + ")"
            conditions.append("(" + first + " OR " + second + ")")
            years(y)
            return finish(eventColumns, "v.year IS NULL, v.year, v.date, v.id", "event")
        case .who(let verb, let object, let y, _):
            switch verb {
            case "met", "visited":
                conditions.append("v.event_type = 'CONSULT'")
                conditions.append("(" + eventParty("initiator", object, &args) + " OR " + eventParty("target", object, &args) + ")")
                years(y)
                return finish(eventColumns, "v.year IS NULL, v.year, v.date, v.id", "event")
            case "struck", "attacked", "bombed", "sanctioned":
                conditions.append("v.event_type = ?"); args.append((verb == "sanctioned" ? "SANCTION" : "ASSAULT").databaseValue)
                conditions.append(eventParty("target", object, &args))
                years(y)
                return finish(eventColumns, "v.year IS NULL, v.year, v.date, v.id", "event")
            default:
                let support = ["supported", "welcomed", "praised", "backed"].contains(verb)
                conditions.append("v.polarity = ?"); args.append((support ? "support" : "oppose").databaseValue)
                if ["condemned", "criticized", "criticised", "denounced", "blamed", "accused"].contains(verb) { conditions.append("st.act = 'ACCUSE'") }
                if ["warned", "threatened"].contains(verb) { conditions.append("st.act = 'THREATEN'") }
                topicCondition(.actor(object), &conditions, &args)
                years(y)
                return finish(stanceColumns, "v.year IS NULL, v.year, v.date, v.id", "stance")
            }
        case .timeline(let a, let b, let y):
            var ea: [DatabaseValue] = []
            var e = "(" + eventParty("initiator", a, &ea) + " OR " + eventParty("target", a, &ea) + ")"
            if let b { e += " AND (" + eventParty("initiator", b, &ea) + " OR " + eventParty("target", b, &ea) + ")" }
            var sa: [DatabaseValue] = []
            var sc: [String] = []
            holderCondition(a, &sc, &sa)
            var s = "(" + sc.joined(separator: " AND ")
            if let b { var tc: [String] = []; topicCondition(.actor(b), &tc, &sa); s += " AND " + tc.joined(separator: " AND ") }
            s += ")"
            var yc = ""
            var ya: [DatabaseValue] = []
            if let f = y?.from { yc += " AND year >= ?"; ya.append(f.databaseValue) }
            if let t = y?.to { yc += " AND year <= ?"; ya.append(t.databaseValue) }
            let sql = """
                SELECT * FROM (
                  SELECT 'event' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.event_type AS what, v.initiator AS who, v.initiator_country AS country,
                         v.target, NULL AS polarity, NULL AS quote, v.sentence, v.source_title
                  FROM events_view v WHERE \(e)
                  UNION ALL
                  SELECT 'stance', v.file, v.id, v.date, v.date_basis, v.year, v.act, coalesce(v.speaker, v.holder), v.holder_country,
                         coalesce(v.target, v.topic), v.polarity, v.quote, v.sentence, v.source_title
                  FROM stance_statements_view v JOIN stances st ON st.id = v.id WHERE \(s)
                ) WHERE 1 = 1\(yc)
                ORDER BY date IS NULL, date, type, id
                """
            return SQLQuery(sql: sql, arguments: ea + sa + ya, kind: "mixed")
        }
    }

    static func eventParty(_ column: String, _ a: ActorRef, _ args: inout [DatabaseValue]) -> String {
        if a.isState, let cc = a.country { args.append(cc.databaseValue); return "v.\(column)_country = ?" }
        args.append(a.id.databaseValue)
        return "v.id IN (SELECT id FROM events WHERE \(column)_id = ?)"
    }

    static func holderCondition(_ holder: ActorRef, _ conditions: inout [String], _ args: inout [DatabaseValue]) {
        if holder.isState, let cc = holder.country {
            conditions.append("st.holder_country = ?"); args.append(cc.databaseValue)
        } else if holder.kind == "person" {
            conditions.append("st.speaker_id = ?"); args.append(holder.id.databaseValue)
        } else {
            conditions.append("st.holder_id = ?"); args.append(holder.id.databaseValue)
        }
    }

    static func topicCondition(_ topic: TopicRef, _ conditions: inout [String], _ args: inout [DatabaseValue]) {
        switch topic {
        case .eventClass(let type, let cc, _):
            // The statement's topic is that class, or it is linked to such an event.
            conditions.append("""
                (st.topic_id IN (SELECT id FROM topics WHERE event_type = ? AND country = ?)
                   OR st.id IN (SELECT se.stance_id FROM stance_events se JOIN events e ON e.id = se.event_id WHERE e.event_type = ? AND e.initiator_country = ?))
                """)
            args += [type.rawValue.databaseValue, cc.databaseValue, type.rawValue.databaseValue, cc.databaseValue]
        case .concept(let key, _):
            conditions.append("st.topic_id IN (SELECT id FROM topics WHERE key = ?)")
            args.append(key.databaseValue)
        case .actor(let a):
            if a.isState, let cc = a.country {
                // Aimed at the state (or its people), or about what it does ("Israeli strikes").
                conditions.append("(st.target_country = ? OR st.topic_id IN (SELECT id FROM topics WHERE country = ?))")
                args += [cc.databaseValue, cc.databaseValue]
            } else {
                conditions.append("(st.target_id = ? OR st.topic_id IN (SELECT id FROM topics WHERE key = ?))")
                args += [a.id.databaseValue, ("actor:" + a.name).databaseValue]
            }
        }
    }
}
