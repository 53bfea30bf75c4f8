import GRDB

/// A plan turned into SQL: the text with numbered placeholders (?1, ?2, …) and the values bound
/// to them. Question words never enter the SQL text.
public struct SQLQuery: Sendable {
    public var sql: String
    public var arguments: [DatabaseValue]
    public var kind: String   // "stance", "event", "mixed" or "search"

    /// The SQL with its parameters listed after it, for `--sql`.
    public var display: String {
        var out = sql.trimmingCharacters(in: .whitespacesAndNewlines) + ";\n"
        if !arguments.isEmpty {
            out += "-- parameters: " + arguments.enumerated().map { "?\($0.offset + 1) = \($0.element.description)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}

/// How much of an answer to fetch.
public struct AnswerOptions: Sendable, Equatable {
    /// The evidence rows printed by default in each group (each year, holder or source).
    public static let defaultLimit = 10

    /// At most this many rows per group, the first ones in the answer's order; nil: every row.
    public var limit: Int?
    /// Count each group's statements by polarity too (the table's group headers show them).
    public var polarityCounts: Bool

    /// Only each group's count, without the records ("how many …"); set by the question.
    public var countOnly = false

    public init(limit: Int? = AnswerOptions.defaultLimit, polarityCounts: Bool = true) {
        self.limit = limit
        self.polarityCounts = polarityCounts
    }

    /// Every row.
    public static let all = AnswerOptions(limit: nil)
}

/// Builds the SQL of a plan: one statement that counts the records of each group (`c`) and joins
/// the readable view to at most `limit` records of each group, the first ones in the answer's
/// order (for each group, a subquery walks an index in that order and stops).
///
/// The counts come from the tallies of migration 6 (`stance_tallies`, `event_tallies`: how many
/// records share each combination of the columns questions filter on) whenever every condition of
/// the question is on those columns, and from the records themselves otherwise (a person or an
/// organization named by id, grouping by holder or source). "On <event class>" ("on Israeli
/// strikes": the topic is that class, or the statement is linked to such an event) counts the
/// tallies of the topic plus the linked statements of other topics, from `stance_event_classes`.
/// Parameters are numbered, so a value used twice is bound once.
enum SQLBuilder {
    static let stanceColumns = """
        'stance' AS type, v.file, v.id, v.date, v.date_precision, v.date_basis, v.year, v.holder, v.holder_country, v.speaker, v.polarity,
               v.topic, v.target, v.act, v.cue, v.quote, v.sentence, v.source_title
        """
    static let eventColumns = """
        'event' AS type, v.file, v.id, v.date, v.date_precision, v.date_basis, v.year, v.event_type, v.cameo, v.initiator, v.initiator_country,
               v.target, v.target_country, v.location, v.location_country, v.cue, v.sentence, v.source_title
        """
    static let polarities = ["oppose", "support", "mixed", "neutral"]

    /// Numbered parameters: the same value gets the same number.
    struct Parameters {
        var values: [DatabaseValue] = []
        mutating func bind(_ value: some DatabaseValueConvertible) -> String {
            let v = value.databaseValue
            if let k = values.firstIndex(of: v) { return "?\(k + 1)" }
            values.append(v)
            return "?\(values.count)"
        }
    }

    /// A condition of a question, on the records (`st.…` or `e.…`) and, when the tallies hold
    /// every column it tests, on the tallies (aliased the same way).
    struct Condition {
        var row: String
        var tally: String?
        /// For "on <event class>": the topic test (also valid on the tallies) and the linked
        /// statements' ids (a SELECT), which `row` joins with OR.
        var eventClass: (topic: String, linked: String)?

        init(_ row: String, tally: String?) { self.row = row; self.tally = tally }
        /// A condition the tallies can test as written.
        init(_ both: String) { self.row = both; self.tally = both }
    }

    /// What a question selects: statements (`stances st`) or events (`events e`). `branches` are
    /// conditions no record meets twice (their union is the answer); most plans have one.
    struct Selection {
        var stance: Bool
        var branches: [[Condition]]
        var alias: String { stance ? "st" : "e" }
        var table: String { stance ? "stances st" : "events e" }
        var tallies: String { stance ? "stance_tallies st" : "event_tallies e" }
        var view: String { stance ? "stance_statements_view" : "events_view" }
    }

    /// The year conditions of a question, on the records (`a.year`) and the tallies alike.
    static func years(_ a: String, _ y: YearRange?, _ p: inout Parameters) -> [Condition] {
        var c: [Condition] = []
        if let f = y?.from { c.append(Condition("\(a).year >= " + p.bind(f))) }
        if let t = y?.to { c.append(Condition("\(a).year <= " + p.bind(t))) }
        return c
    }

    /// A class of events: its types and CAMEO codes (both in the tallies).
    static func actConditions(_ acts: ActClass, _ p: inout Parameters) -> [Condition] {
        var c: [Condition] = []
        if !acts.types.isEmpty { c.append(Condition("e.event_type IN (" + acts.types.map { p.bind($0.rawValue) }.joined(separator: ", ") + ")")) }
        if let cameos = acts.cameos { c.append(Condition("e.cameo IN (" + cameos.map { p.bind($0) }.joined(separator: ", ") + ")")) }
        return c
    }

    static func build(_ plan: QueryPlan, _ options: AnswerOptions = AnswerOptions()) -> SQLQuery {
        var p = Parameters()
        let selection: Selection
        switch plan {
        case .positions(let holder, let topic, let y, _): selection = positions(holder, topic, y, &p)
        case .events(let initiator, let acts, let place, let target, let y, _): selection = events(initiator, acts, place, target, y, &p)
        case .between(let a, let b, let acts, let y, _): selection = between(a, b, acts, y, &p)
        case .whoSaid(let act, let topic, let y, _): selection = whoSaid(act, topic, y, &p)
        case .whoDid(let acts, let object, let y, _): selection = whoDid(acts, object, y, &p)
        case .timeline(let a, let b, let y): return timeline(a, b, y, options, &p)
        }
        return grouped(selection, plan.grouping, options, &p)
    }

    static func and(_ c: [String]) -> String { c.isEmpty ? "1" : c.joined(separator: "\n    AND ") }

    /// The statement for a selection: counts per group (`c`) over every matching record, joined
    /// to the first `limit` records of each group.
    static func grouped(_ s: Selection, _ grouping: Grouping?, _ options: AnswerOptions, _ p: inout Parameters) -> SQLQuery {
        let a = s.alias
        // The group's key, how a record is matched to its group, and the order within a group
        // (the answer's order: year, date, id).
        let key: String, match: String?, within: String
        switch grouping {
        case .year: (key, match, within) = ("\(a).year", "\(a).year IS c.grp", "\(a).date, \(a).id")
        case .holder:
            let k = s.stance ? "st.holder_id" : "e.initiator_id"
            (key, match, within) = (k, "\(k) = c.grp", "\(a).year IS NULL, \(a).year, \(a).date, \(a).id")
        case .source: (key, match, within) = ("\(a).source_id", "\(a).source_id = c.grp", "\(a).year IS NULL, \(a).year, \(a).date, \(a).id")
        case .month: (key, match, within) = ("substr(\(a).date, 1, 7)", "substr(\(a).date, 1, 7) IS c.grp", "\(a).date, \(a).id")
        case nil: (key, match, within) = ("NULL", nil, "\(a).year IS NULL, \(a).year, \(a).date, \(a).id")
        }
        // Counting: each part yields (grp, n, polarity) for records no other part yields.
        struct Part { var grp: String, n: String, polarity: String, from: String, filter: String? }
        var parts: [Part] = []
        for branch in s.branches {
            let plain = branch.filter { $0.eventClass == nil }
            let classes = branch.compactMap(\.eventClass)
            if grouping == .year || grouping == nil, plain.allSatisfy({ $0.tally != nil }), classes.count <= 1 {
                // From the tallies; "on <event class>" adds its linked statements of other topics.
                parts.append(Part(grp: key, n: "\(a).n", polarity: "st.polarity", from: s.tallies,
                                  filter: and(plain.map { $0.tally! } + classes.map(\.topic))))
                if let ec = classes.first {
                    let others = plain.map(\.row)
                    parts.append(Part(grp: "x.grp", n: "1", polarity: "x.polarity",
                                      from: "(SELECT DISTINCT st.id, \(key) AS grp, st.polarity\n    FROM (\(ec.linked)) l CROSS JOIN stances st ON st.id = l.stance_id\n    WHERE \(and(others))) x",
                                      filter: nil))
                }
            } else {
                parts.append(Part(grp: key, n: "1", polarity: "st.polarity", from: s.table, filter: and(branch.map(\.row))))
            }
        }
        let groupBy = grouping == nil ? "" : " GROUP BY grp"
        func sums(_ n: String, _ polarity: String) -> String {
            (n == "1" ? "count(*)" : "sum(\(n))") + " AS n"
                + (s.stance && options.polarityCounts ? polarities.map { ", sum(CASE WHEN \(polarity) = '\($0)' THEN \(n) ELSE 0 END) AS \($0)" }.joined() : "")
        }
        let countSQL: String
        if parts.count == 1, let only = parts.first {
            countSQL = "SELECT \(only.grp) AS grp, \(sums(only.n, only.polarity))\n  FROM \(only.from)" + (only.filter.map { "\n  WHERE \($0)" } ?? "") + groupBy
        } else {
            let inner = parts.map { "SELECT \($0.grp) AS grp, \($0.n) AS n\(s.stance ? ", \($0.polarity) AS polarity" : "") FROM \($0.from)" + ($0.filter.map { "\n    WHERE \($0)" } ?? "") }
            countSQL = "SELECT grp, \(sums("n", "polarity"))\n  FROM (\(inner.joined(separator: "\n    UNION ALL ")))" + groupBy
        }

        if options.countOnly {
            // "How many …": each group's count, named, without the records.
            let name: String
            switch grouping {
            case .year: name = "coalesce(CAST(c.grp AS TEXT), 'undated')"
            case .month: name = "coalesce(c.grp, 'undated')"
            case .holder: name = "(SELECT a.name FROM actors a WHERE a.id = c.grp)"
            case .source: name = "(SELECT f.name FROM source_files f WHERE f.source_id = c.grp ORDER BY f.id LIMIT 1)"
            case nil: name = "NULL"
            }
            let extra = s.stance ? polarities.map { ", coalesce(c.\($0), 0) AS group_\($0)" }.joined() : ""
            let sql = """
                WITH c AS (
                  \(countSQL)
                )
                SELECT '\(s.stance ? "stance" : "event")' AS type, \(name) AS "group", coalesce(c.n, 0) AS group_rows, c.grp AS group_key\(extra)
                FROM c
                ORDER BY c.grp IS NULL, c.grp
                """
            return SQLQuery(sql: sql, arguments: p.values, kind: "count")
        }

        // The first `limit` records of each group.
        let limit = p.bind(options.limit ?? -1)
        var rowsSQL: String
        if s.branches.count == 1 {
            rowsSQL = "SELECT \(a).id FROM \(s.table)\n  WHERE \(and(s.branches[0].map(\.row)))" + (match.map { "\n    AND \($0)" } ?? "")
                + "\n  ORDER BY \(within) LIMIT \(limit)"
        } else {
            // A compound's ORDER BY names its result columns; within a year, each branch walks its
            // index in (date, id) order and the two are merged.
            let byYear = grouping == .year
            let cols = "\(a).id AS id, " + (byYear ? "" : "\(a).year IS NULL AS undated, \(a).year AS year, ") + "\(a).date AS date"
            let inner = s.branches.map { "SELECT \(cols) FROM \(s.table)\n    WHERE \(and($0.map(\.row)))" + (match.map { "\n      AND \($0)" } ?? "") }
            rowsSQL = "SELECT id FROM (\(inner.joined(separator: "\n    UNION ALL "))\n    ORDER BY " + (byYear ? "date, id" : "undated, year, date, id") + " LIMIT \(limit))"
        }
        let extra = s.stance && options.polarityCounts ? polarities.map { ", c.\($0) AS group_\($0)" }.joined() : ""
        let sql = """
            WITH c AS (
              \(countSQL)
            )
            SELECT \(s.stance ? stanceColumns : eventColumns), c.n AS group_rows, c.grp AS group_key\(extra)
            FROM c JOIN \(s.view) v ON v.id IN (
              \(rowsSQL)
            )
            ORDER BY v.year IS NULL, v.year, v.date, v.id
            """
        return SQLQuery(sql: sql, arguments: p.values, kind: s.stance ? "stance" : "event")
    }

    /// Events and statements of one actor (involving another), in date order; one group, counted from the records.
    static func timeline(_ a: ActorRef, _ b: ActorRef?, _ y: YearRange?, _ options: AnswerOptions, _ p: inout Parameters) -> SQLQuery {
        var e = "(" + eventParty("initiator", a, &p).row + " OR " + eventParty("target", a, &p).row + ")"
        if let b { e += "\n      AND (" + eventParty("initiator", b, &p).row + " OR " + eventParty("target", b, &p).row + ")" }
        var s = holderCondition(a, &p).row
        if let b { s += "\n      AND " + topicCondition(.actor(b), holder: a, &p).row }
        var ey = "", sy = ""
        if let f = y?.from { let v = p.bind(f); ey += "\n      AND e.year >= \(v)"; sy += "\n      AND st.year >= \(v)" }
        if let t = y?.to { let v = p.bind(t); ey += "\n      AND e.year <= \(v)"; sy += "\n      AND st.year <= \(v)" }
        if options.countOnly {
            let sql = """
                WITH t AS (
                  SELECT e.id FROM events e
                    WHERE \(e)\(ey)
                  UNION ALL
                  SELECT st.id FROM stances st
                    WHERE \(s)\(sy)
                )
                SELECT 'mixed' AS type, NULL AS "group", count(*) AS group_rows, NULL AS group_key FROM t
                """
            return SQLQuery(sql: sql, arguments: p.values, kind: "count")
        }
        let limit = p.bind(options.limit ?? -1)
        let sql = """
            WITH t AS (
              SELECT 'event' AS type, e.id, e.date FROM events e
                WHERE \(e)\(ey)
              UNION ALL
              SELECT 'stance', st.id, st.date FROM stances st
                WHERE \(s)\(sy)
            ),
            c AS (SELECT count(*) AS n FROM t),
            k AS (SELECT type, id FROM t ORDER BY date IS NULL, date, type, id LIMIT \(limit))
            SELECT * FROM (
              SELECT 'event' AS type, v.file, v.id, v.date, v.date_precision, v.date_basis, v.year, v.event_type AS what, v.initiator AS who, v.initiator_country AS country,
                     v.target, NULL AS polarity, NULL AS quote, v.sentence, v.source_title, c.n AS group_rows
              FROM k JOIN events_view v ON v.id = k.id JOIN c WHERE k.type = 'event'
              UNION ALL
              SELECT 'stance', v.file, v.id, v.date, v.date_precision, v.date_basis, v.year, v.act, coalesce(v.speaker, v.holder), v.holder_country,
                     coalesce(v.target, v.topic), v.polarity, v.quote, v.sentence, v.source_title, c.n
              FROM k JOIN stance_statements_view v ON v.id = k.id JOIN c WHERE k.type = 'stance'
            )
            ORDER BY date IS NULL, date, type, id
            """
        return SQLQuery(sql: sql, arguments: p.values, kind: "mixed")
    }

    /// An event's initiator or target: a state stands for itself and everyone who acted for it
    /// (its country; the tallies hold it); another actor for itself (its id). `op` is `=`, or
    /// `IS` where NULL must compare as a value.
    static func eventParty(_ column: String, _ a: ActorRef, _ p: inout Parameters, op: String = "=") -> Condition {
        if a.isState, let cc = a.country { return Condition("e.\(column)_country \(op) " + p.bind(cc)) }
        return Condition("e.\(column)_id \(op) " + p.bind(a.id), tally: nil)
    }

    static func holderCondition(_ holder: ActorRef, _ p: inout Parameters) -> Condition {
        if holder.isState, let cc = holder.country { return Condition("st.holder_country = " + p.bind(cc)) }
        if holder.kind == "person" { return Condition("st.speaker_id = " + p.bind(holder.id), tally: nil) }
        return Condition("st.holder_id = " + p.bind(holder.id), tally: nil)
    }

    /// What "on <topic>" tests. `holder`, when a state, narrows the linked statements of an event class to its own.
    static func topicCondition(_ topic: TopicRef, holder: ActorRef?, _ p: inout Parameters) -> Condition {
        switch topic {
        case .eventClass(let type, let cc, _):
            // The statement's topic is that class, or it is linked to such an event.
            let t = p.bind(type.rawValue), c = p.bind(cc)
            let topic = "st.topic_id IN (SELECT id FROM topics WHERE event_type = \(t) AND country = \(c))"
            // Linked statements whose topic is the class are counted by the topic test already.
            var linked = "SELECT stance_id FROM stance_event_classes WHERE event_type = \(t) AND initiator_country = \(c) AND on_topic = 0"
            if let h = holder, h.isState, let hc = h.country { linked += " AND holder_country = " + p.bind(hc) }
            var condition = Condition("(\(topic)\n       OR st.id IN (\(linked)))", tally: nil)
            condition.eventClass = (topic, linked)
            return condition
        case .concept(let key, _):
            // topics.key is unique: one topic, so an index range (holder, topic, year).
            return Condition("st.topic_id = (SELECT id FROM topics WHERE key = " + p.bind(key) + ")")
        case .actor(let a):
            // The topic the writer stores for a statement aimed at an actor: 'actor:' and the actor's key.
            if a.isState, let cc = a.country {
                // Aimed at the state (or its people), or about it, or about what it does ("Israeli strikes").
                let c = p.bind(cc), key = p.bind("actor:" + a.key)
                return Condition("(st.target_country = \(c) OR st.topic_id IN (SELECT id FROM topics WHERE country = \(c) OR key = \(key)))")
            }
            let id = p.bind(a.id), key = p.bind("actor:" + a.key)
            return Condition("(st.target_id = \(id) OR st.topic_id = (SELECT id FROM topics WHERE key = \(key)))", tally: nil)
        }
    }
}
