import GRDB

/// The answer to a question: its plan, its SQL, and the rows with their evidence.
public struct QueryAnswer: Sendable {
    public var plan: QueryPlan
    public var query: SQLQuery
    public var records: [Record]
    public var grouping: Grouping?
}

/// `kb query`: question → plan → parameterized SQL → rows, on a read-only connection.
public struct QueryEngine {
    public let store: KBStore
    public let resources: QueryResources

    public init(store: KBStore, resources: QueryResources) {
        self.store = store
        self.resources = resources
    }

    public func plan(_ question: String) throws -> QueryPlan {
        try store.read { db in try QuestionParser(vocabulary: Vocabulary(db: db, resources: resources)).parse(question) }
    }

    public func answer(_ question: String) throws -> QueryAnswer {
        try store.read { db in
            let plan = try QuestionParser(vocabulary: Vocabulary(db: db, resources: resources)).parse(question)
            let query = SQLBuilder.build(plan)
            let rows = try Row.fetchAll(db, sql: query.sql, arguments: StatementArguments(query.arguments))
            var grouping: Grouping? = nil
            switch plan {
            case .positions(_, _, _, let g), .events(_, _, _, _, _, _, let g), .meetings(_, _, _, let g), .who(_, _, _, let g), .said(_, _, _, let g):
                grouping = g
            case .timeline: grouping = nil
            }
            return QueryAnswer(plan: plan, query: query, records: rows.map { Self.record($0, grouping) }, grouping: grouping)
        }
    }

    /// Runs ad-hoc SQL (`kb sql`) on the read-only connection.
    public static func sql(_ text: String, store: KBStore) throws -> [Record] {
        try store.read { db in
            try Row.fetchAll(db, sql: text).map { row in row.columnNames.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) } }
        }
    }

    /// `kb search`: sentences matching a full-text query, with a highlighted snippet.
    public static func search(_ text: String, limit: Int, store: KBStore) throws -> [Record] {
        try store.read { db in
            let pattern = FTS5Pattern(matchingAllTokensIn: text)
            guard let pattern else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT (SELECT name FROM source_files f WHERE f.source_id = x.source_id ORDER BY f.id LIMIT 1) AS file,
                       s.published, snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet, x.text AS sentence, x.id AS sentence_id
                FROM sentences_fts JOIN sentences x ON x.id = sentences_fts.rowid JOIN sources s ON s.id = x.source_id
                WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { row in row.columnNames.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) } }
        }
    }

    static func record(_ r: Row, _ grouping: Grouping?) -> Record {
        let type: String = r["type"]
        var out: Record = [("type", .string(type)), ("file", .from(r["file"] as String?)), ("id", .from(r["id"] as Int?)),
                           ("date", .from(r["date"] as String?)), ("date_basis", .from(r["date_basis"] as String?)), ("year", .from(r["year"] as Int?))]
        func party(_ name: String, _ country: String?) -> JSONValue {
            guard let n = r[name] as String? else { return .null }
            return .object([("name", .string(n)), ("country", .from(country.flatMap { r[$0] as String? }))])
        }
        if r.hasColumn("holder") {
            out += [("holder", party("holder", "holder_country")), ("speaker", party("speaker", "holder_country")), ("polarity", .from(r["polarity"] as String?)),
                    ("topic", .from(r["topic"] as String?)), ("target", .from(r["target"] as String?)), ("act", .from(r["act"] as String?)),
                    ("cue", .from(r["cue"] as String?)), ("quote", .from(r["quote"] as String?))]
        } else if r.hasColumn("event_type") {
            out += [("event_type", .from(r["event_type"] as String?)), ("cameo", .from(r["cameo"] as String?)),
                    ("initiator", party("initiator", "initiator_country")), ("target", party("target", "target_country")),
                    ("location", .from(r["location"] as String?)), ("cue", .from(r["cue"] as String?))]
        } else {
            out += [("what", .from(r["what"] as String?)), ("who", .from(r["who"] as String?)), ("country", .from(r["country"] as String?)),
                    ("target", .from(r["target"] as String?)), ("polarity", .from(r["polarity"] as String?)), ("quote", .from(r["quote"] as String?))]
        }
        out += [("sentence", .from(r["sentence"] as String?)), ("source_title", .from(r["source_title"] as String?))]
        switch grouping {
        case .holder: out.append(("group", .from(r["holder"] as String?)))
        case .source: out.append(("group", .from(r["file"] as String?)))
        case .year: out.append(("group", .from((r["year"] as Int?).map(String.init) ?? "undated")))
        case nil: break
        }
        return out
    }
}

extension JSONValue {
    static func from(_ v: DatabaseValue) -> JSONValue {
        switch v.storage {
        case .null: return .null
        case .int64(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .blob(let b): return .string("<\(b.count) bytes>")
        }
    }
}
