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
        'stance' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.holder, v.holder_country, v.speaker, v.polarity,
               v.topic, v.target, v.act, v.cue, v.quote, v.sentence, v.source_title
        """
    static let eventColumns = """
        'event' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.event_type, v.cameo, v.initiator, v.initiator_country,
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

    static func build(_ plan: QueryPlan, _ options: AnswerOptions = AnswerOptions()) -> SQLQuery {
        var p = Parameters()
        func years(_ a: String, _ y: YearRange?) -> [Condition] {
            var c: [Condition] = []
            if let f = y?.from { c.append(Condition("\(a).year >= " + p.bind(f))) }
            if let t = y?.to { c.append(Condition("\(a).year <= " + p.bind(t))) }
            return c
        }
        let selection: Selection
        let grouping: Grouping?
        switch plan {
        case .positions(let holder, let topic, let y, let g):
            var c = [holderCondition(holder, &p)]
            if let topic { c.append(topicCondition(topic, holder: holder, &p)) }
            selection = Selection(stance: true, branches: [c + years("st", y)])
            grouping = g
        case .said(let person, let topic, let y, let g):
            var c = [Condition("st.speaker_id = " + p.bind(person.id), tally: nil)]
            if let topic { c.append(topicCondition(topic, holder: nil, &p)) }
            selection = Selection(stance: true, branches: [c + years("st", y)])
            grouping = g
        case .events(let initiator, let types, let cameos, let place, let target, let y, let g):
            var c = [Condition("e.event_type IN (" + types.map { p.bind($0.rawValue) }.joined(separator: ", ") + ")")]
            if let cameos { c.append(Condition("e.cameo IN (" + cameos.map { p.bind($0) }.joined(separator: ", ") + ")")) }
            if let i = initiator { c.append(eventParty("initiator", i, &p)) }
            if let t = target { c.append(eventParty("target", t, &p)) }
            if let pl = place, let cc = pl.country {
                // Where it happened, or, when the text names no place, the target's state.
                let v = p.bind(cc)
                c.append(Condition("(e.location_country = \(v) OR (e.location IS NULL AND e.target_country = \(v)))",
                                   tally: "(e.location_country = \(v) OR (e.located = 0 AND e.target_country = \(v)))"))
            }
            selection = Selection(stance: false, branches: [c + years("e", y)])
            grouping = g
        case .meetings(let a, let b, let y, let g):
            // Either side first: two branches, each an index range (type, initiator, target).
            let first = [Condition("e.event_type = 'CONSULT'"), eventParty("initiator", a, &p), eventParty("target", b, &p), Condition("e.cameo <> '041'")]
            var branches = [first + years("e", y)]
            let second = [Condition("e.event_type = 'CONSULT'"), eventParty("initiator", b, &p), eventParty("target", a, &p), Condition("e.cameo <> '041'")]
            if second.map(\.row) != first.map(\.row) {
                // Two states (or two other actors) differ in the initiator column, so no event is in
                // both branches; a state and a person might be: leave out the first branch's events
                // (IS never gives NULL, so NOT never drops a row it should keep).
                let byCountry = { (x: ActorRef) in x.isState && x.country != nil }
                let disjoint = byCountry(a) == byCountry(b) && (byCountry(a) ? a.country != b.country : a.id != b.id)
                var overlap: [Condition] = []
                if !disjoint {
                    let i = eventParty("initiator", a, &p, op: "IS"), t = eventParty("target", b, &p, op: "IS")
                    overlap = [Condition("NOT (\(i.row) AND \(t.row))", tally: i.tally.flatMap { i in t.tally.map { "NOT (\(i) AND \($0))" } })]
                }
                branches.append(second + overlap + years("e", y))
            }
            selection = Selection(stance: false, branches: branches)
            grouping = g
        case .who(let verb, let object, let y, let g):
            switch verb {
            case "met", "visited":
                let i = eventParty("initiator", object, &p), t = eventParty("target", object, &p)
                let either = Condition("(\(i.row) OR \(t.row))", tally: i.tally.flatMap { i in t.tally.map { "(\(i) OR \($0))" } })
                selection = Selection(stance: false, branches: [[Condition("e.event_type = 'CONSULT'"), either] + years("e", y)])
            case "struck", "attacked", "bombed", "sanctioned":
                let c = [Condition("e.event_type = " + p.bind(verb == "sanctioned" ? "SANCTION" : "ASSAULT")), eventParty("target", object, &p)]
                selection = Selection(stance: false, branches: [c + years("e", y)])
            default:
                let support = ["supported", "welcomed", "praised", "backed"].contains(verb)
                var c = [Condition("st.polarity = " + p.bind(support ? "support" : "oppose"))]
                if ["condemned", "criticized", "criticised", "denounced", "blamed", "accused"].contains(verb) { c.append(Condition("st.act = 'ACCUSE'")) }
                if ["warned", "threatened"].contains(verb) { c.append(Condition("st.act = 'THREATEN'")) }
                c.append(topicCondition(.actor(object), holder: nil, &p))
                selection = Selection(stance: true, branches: [c + years("st", y)])
            }
            grouping = g
        case .timeline(let a, let b, let y):
            return timeline(a, b, y, options, &p)
        }
        return grouped(selection, grouping, options, &p)
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
              SELECT 'event' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.event_type AS what, v.initiator AS who, v.initiator_country AS country,
                     v.target, NULL AS polarity, NULL AS quote, v.sentence, v.source_title, c.n AS group_rows
              FROM k JOIN events_view v ON v.id = k.id JOIN c WHERE k.type = 'event'
              UNION ALL
              SELECT 'stance', v.file, v.id, v.date, v.date_basis, v.year, v.act, coalesce(v.speaker, v.holder), v.holder_country,
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
            if a.isState, let cc = a.country {
                // Aimed at the state (or its people), or about what it does ("Israeli strikes").
                let c = p.bind(cc)
                return Condition("(st.target_country = \(c) OR st.topic_id IN (SELECT id FROM topics WHERE country = \(c)))")
            }
            return Condition("(st.target_id = " + p.bind(a.id) + " OR st.topic_id = (SELECT id FROM topics WHERE key = " + p.bind("actor:" + a.name) + "))", tally: nil)
        }
    }
}
