import GRDB

/// A group of an answer (a year, a holder, a source, or the whole answer when it is not grouped):
/// how many records answer the question in it, counted in SQL over all of them, and how many
/// of them are printed.
public struct AnswerGroup: Sendable, Equatable {
    /// The group's key as the records' `group` shows it ("2019", "undated", a holder, a file); nil when not grouped.
    public var key: String?
    public var total: Int
    public var shown: Int
    /// Statements by polarity (oppose, support, mixed, neutral) over the whole group, when counted.
    public var polarity: [String: Int]?
}

/// The answer to a question: its plan, its SQL, the rows printed with their evidence, and every
/// group's true size.
public struct QueryAnswer: Sendable {
    public var plan: QueryPlan
    public var query: SQLQuery
    public var records: [Record]
    public var grouping: Grouping?
    public var options: AnswerOptions
    /// The groups in the order the rows show them.
    public var groups: [AnswerGroup]
    /// For each record, the index of its group in `groups`.
    public var recordGroups: [Int]
    /// The question as kb read it: its form and modifiers.
    public var question: ParsedQuestion

    /// Whether the question asked for counts only ("how many …"): `records` are then one per group.
    public var isCountOnly: Bool { options.countOnly }

    /// Records that answer the question, printed or not.
    public var total: Int { groups.reduce(0) { $0 + $1.total } }
    /// Whether the limit per group left rows out.
    public var isPartial: Bool { !options.countOnly && groups.contains { $0.shown < $0.total } }

    /// One line for standard error when rows were left out, naming each group that lost some:
    /// "showing 20 of 936 rows for 2012, 20 of 1,020 for 2013 (40 of 1,956 in all); --limit N shows N per year, --all prints every row".
    public var omissionNote: String? {
        guard isPartial else { return nil }
        let shown = groups.reduce(0) { $0 + $1.shown }
        guard let grouping else {
            return "showing \(shown.grouped) of \(total.grouped) rows; --limit N shows N, --all prints every row"
        }
        let cut = groups.filter { $0.shown < $0.total }
        let parts = cut.enumerated().map { k, g in
            "\(g.shown.grouped) of \(g.total.grouped)\(k == 0 ? " rows" : "") for \(g.key ?? "")"
        }
        return "showing " + parts.joined(separator: ", ") + " (\(shown.grouped) of \(total.grouped) in all)"
            + "; --limit N shows N per \(grouping.rawValue), --all prints every row"
    }
}

extension Int {
    /// 55467 → "55,467".
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return self < 0 ? "-" + out : out
    }
}

/// `kb query`: question → plan → parameterized SQL → rows, on a read-only connection.
public struct QueryEngine {
    public let store: KBStore
    public let resources: QueryResources

    public init(store: KBStore, resources: QueryResources) {
        self.store = store
        self.resources = resources
    }

    /// The question read whole, or refused (`KBError.notUnderstood`).
    public func parse(_ question: String) throws -> ParsedQuestion {
        try store.read { db in try QuestionParser(vocabulary: Vocabulary(db: db, resources: resources)).parse(question) }
    }

    public func plan(_ question: String) throws -> QueryPlan { try parse(question).plan }

    /// The question read and its SQL, without running it (`--dry-run`).
    public func prepare(_ question: String, options: AnswerOptions = AnswerOptions()) throws -> (ParsedQuestion, SQLQuery) {
        let parsed = try parse(question)
        var options = options
        options.countOnly = parsed.modifiers.countOnly
        if options.countOnly { options.polarityCounts = true }
        return (parsed, SQLBuilder.build(parsed.plan, options))
    }

    /// Answers a question: every group counted, at most `options.limit` rows of each printed
    /// ("how many …": the counts only).
    public func answer(_ question: String, options: AnswerOptions = AnswerOptions()) throws -> QueryAnswer {
        if let l = options.limit, l < 1 { throw KBError.usage("--limit must be at least 1 (--all prints every row)") }
        return try store.read { db in
            let parsed = try QuestionParser(vocabulary: Vocabulary(db: db, resources: resources)).parse(question)
            let plan = parsed.plan
            var options = options
            options.countOnly = parsed.modifiers.countOnly
            if options.countOnly { options.polarityCounts = true }
            let query = SQLBuilder.build(plan, options)
            let grouping = plan.grouping
            var records: [Record] = []
            var groups: [AnswerGroup] = []
            var recordGroups: [Int] = []
            var index: [DatabaseValue: Int] = [:]
            let statement = try db.makeStatement(sql: query.sql)
            let reader = RecordReader(statement.columnNames)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(query.arguments))
            if options.countOnly {
                while let row = try rows.next() {
                    var record: Record = [("type", .string("count")), ("of", .from(reader.string(row, .type))), ("group", .from(reader.string(row, .group))),
                                          ("n", .from(reader.int(row, .group_rows)))]
                    var polarity: [String: Int]? = nil
                    if reader.has(.group_oppose) {
                        polarity = [:]
                        for (p, c) in zip(SQLBuilder.polarities, [RecordReader.C.group_oppose, .group_support, .group_mixed, .group_neutral]) {
                            polarity![p] = reader.int(row, c) ?? 0
                            record.append((p, .from(reader.int(row, c) ?? 0)))
                        }
                    }
                    if grouping == nil { record.remove(at: 2) }
                    recordGroups.append(groups.count)
                    groups.append(AnswerGroup(key: grouping == nil ? nil : reader.string(row, .group), total: reader.int(row, .group_rows) ?? 0, shown: 0, polarity: polarity))
                    records.append(record)
                }
                return QueryAnswer(plan: plan, query: query, records: records, grouping: grouping, options: options,
                                   groups: groups, recordGroups: recordGroups, question: parsed)
            }
            while let row = try rows.next() {
                let record = reader.record(row, grouping)
                // The group as SQL counted it (a holder's id, not its name, which two actors may share).
                let id = reader.value(row, .group_key)
                if let k = index[id] {
                    groups[k].shown += 1
                    recordGroups.append(k)
                } else {
                    index[id] = groups.count
                    recordGroups.append(groups.count)
                    var polarity: [String: Int]? = nil
                    if reader.has(.group_oppose) {
                        polarity = [:]
                        for (p, c) in zip(SQLBuilder.polarities, [RecordReader.C.group_oppose, .group_support, .group_mixed, .group_neutral]) { polarity![p] = reader.int(row, c) ?? 0 }
                    }
                    let key = grouping == nil ? nil : record.first { $0.0 == "group" }?.1.text
                    groups.append(AnswerGroup(key: key, total: reader.int(row, .group_rows) ?? 0, shown: 1, polarity: polarity))
                }
                records.append(record)
            }
            return QueryAnswer(plan: plan, query: query, records: records, grouping: grouping, options: options,
                               groups: groups, recordGroups: recordGroups, question: parsed)
        }
    }

    /// Runs ad-hoc SQL (`kb sql`) on the read-only connection.
    public static func sql(_ text: String, store: KBStore) throws -> [Record] {
        try store.read { db in
            do {
                return try Row.fetchAll(db, sql: text).map { row in row.columnNames.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) } }
            } catch let error as DatabaseError where error.message?.hasPrefix("Multiple statements found") == true {
                // GRDB's message names its own API; the user can only split the text.
                throw KBError.usage("kb sql runs one statement at a time: run each statement (up to its ';') as a kb sql of its own")
            }
        }
    }

    /// The matching sentences `kb search` ranks by default: the most recently stored ones (FTS5
    /// serves them in that order without reading the rest), at least `limit` of them.
    public static let searchCandidates = 1000

    /// `kb search`'s result: the sentences printed, and how many matching sentences were ranked.
    public struct SearchResult: Sendable {
        public var records: [Record]
        /// Matching sentences ranked (the candidates); nil when every match was (`--all`).
        public var ranked: Int?
        /// Whether there may be matches beyond the candidates (the candidate list was full).
        public var mayHaveMore: Bool
        public var query: SQLQuery

        /// One line for standard error when only some of the matches were ranked.
        public var note: String? {
            guard mayHaveMore, let ranked else { return nil }
            return "ranked the \(ranked.grouped) most recently stored matching sentences (there are more); --all ranks every one"
        }
    }

    /// `kb search`: sentences matching a full-text query, best first (FTS5's bm25 rank, then newest
    /// first), with a highlighted snippet. Ranks the most
    /// recently stored matches (`candidates`, or `limit` if more), or every match when `limit` is nil
    /// (`--all`, which prints them all).
    public static func search(_ text: String, limit: Int?, candidates: Int = searchCandidates, store: KBStore) throws -> SearchResult {
        if let l = limit, l < 1 { throw KBError.usage("--limit must be at least 1") }
        let candidates = limit.map { max($0, candidates) }
        // The snippets come from one more pass over the index, over the candidates' range only
        // (CROSS JOIN keeps it outside: inside, each of the best rows would re-read the term's doclist).
        // Every match (`--all`) is ranked and given its snippet in the one pass: joined to every
        // ranked row, the pass above read all of them for each match (18,000 matches at 100,000
        // articles: 20 s).
        let columns = """
            (SELECT name FROM source_files f WHERE f.source_id = x.source_id ORDER BY f.id LIMIT 1) AS file,
                   s.published, snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet, x.text AS sentence, x.id AS sentence_id
            """
        let sql = candidates == nil ? """
            SELECT \(columns)
            FROM sentences_fts JOIN sentences x ON x.id = sentences_fts.rowid JOIN sources s ON s.id = x.source_id
            WHERE sentences_fts MATCH ?1
            ORDER BY sentences_fts.rank, sentences_fts.rowid DESC
            """ : """
            WITH candidates AS (
              SELECT rowid AS id, rank FROM sentences_fts WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2
            ),
            best AS MATERIALIZED (SELECT id, rank FROM candidates ORDER BY rank, id DESC LIMIT ?3)
            SELECT \(columns), (SELECT count(*) FROM candidates) AS ranked
            FROM sentences_fts CROSS JOIN best ON best.id = sentences_fts.rowid JOIN sentences x ON x.id = best.id JOIN sources s ON s.id = x.source_id
            WHERE sentences_fts MATCH ?1 AND sentences_fts.rowid >= (SELECT min(id) FROM best)
            ORDER BY best.rank, best.id DESC
            """
        return try store.read { db in
            guard let pattern = FTS5Pattern(matchingAllTokensIn: text) else {
                return SearchResult(records: [], ranked: 0, mayHaveMore: false, query: SQLQuery(sql: sql, arguments: [], kind: "search"))
            }
            let arguments: [DatabaseValue] = if let candidates, let limit {
                [pattern.databaseValue, candidates.databaseValue, limit.databaseValue]
            } else {
                [pattern.databaseValue]
            }
            var ranked = 0
            let records: [Record] = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                if candidates != nil { ranked = row["ranked"] }
                return row.columnNames.filter { $0 != "ranked" }.map { ($0, JSONValue.from(row[$0] as DatabaseValue)) }
            }
            return SearchResult(records: records, ranked: candidates == nil ? nil : ranked,
                                mayHaveMore: candidates.map { ranked >= $0 } ?? false,
                                query: SQLQuery(sql: sql, arguments: arguments, kind: "search"))
        }
    }

    /// A result row as a record. The statement's columns are looked up once; each row is then
    /// read by position.
    struct RecordReader {
        enum C: Int, CaseIterable {
            case type, file, id, date, date_precision, date_basis, year, holder, holder_country, speaker, polarity, topic, target, act, cue, quote
            case event_type, cameo, initiator, initiator_country, target_country, location, what, who, country
            case sentence, source_title, group, group_rows, group_key, group_oppose, group_support, group_mixed, group_neutral
        }
        let position: [Int?]

        init(_ columns: [String]) {
            var index: [String: Int] = [:]
            for (k, c) in columns.enumerated() where index[c] == nil { index[c] = k }
            position = C.allCases.map { index["\($0)"] }
        }
        func has(_ c: C) -> Bool { position[c.rawValue] != nil }
        func value(_ r: Row, _ c: C) -> DatabaseValue { position[c.rawValue].map { r[$0] as DatabaseValue } ?? .null }
        func string(_ r: Row, _ c: C) -> String? { position[c.rawValue].flatMap { r[$0] as String? } }
        func int(_ r: Row, _ c: C) -> Int? { position[c.rawValue].flatMap { r[$0] as Int? } }

        func record(_ r: Row, _ grouping: Grouping?) -> Record {
            func s(_ c: C) -> JSONValue { .from(string(r, c)) }
            func party(_ name: C, _ country: C) -> JSONValue {
                guard let n = string(r, name) else { return .null }
                return .object([("name", .string(n)), ("country", s(country))])
            }
            var out: Record = [("type", s(.type)), ("file", s(.file)), ("id", .from(int(r, .id))),
                               ("date", s(.date)), ("date_precision", s(.date_precision)), ("date_basis", s(.date_basis)), ("year", .from(int(r, .year)))]
            if has(.holder) {
                out += [("holder", party(.holder, .holder_country)), ("speaker", party(.speaker, .holder_country)), ("polarity", s(.polarity)),
                        ("topic", s(.topic)), ("target", s(.target)), ("act", s(.act)), ("cue", s(.cue)), ("quote", s(.quote))]
            } else if has(.event_type) {
                out += [("event_type", s(.event_type)), ("cameo", s(.cameo)), ("initiator", party(.initiator, .initiator_country)),
                        ("target", party(.target, .target_country)), ("location", s(.location)), ("cue", s(.cue))]
            } else {
                out += [("what", s(.what)), ("who", s(.who)), ("country", s(.country)), ("target", s(.target)),
                        ("polarity", s(.polarity)), ("quote", s(.quote))]
            }
            out += [("sentence", s(.sentence)), ("source_title", s(.source_title))]
            switch grouping {
            case .holder: out.append(("group", .from(string(r, .holder) ?? string(r, .initiator))))
            case .source: out.append(("group", s(.file)))
            case .year: out.append(("group", .from(int(r, .year).map(String.init) ?? "undated")))
            case .month: out.append(("group", .from(string(r, .date).map { String($0.prefix(7)) } ?? "undated")))
            case nil: break
            }
            out.append(("group_rows", .from(int(r, .group_rows))))
            return out
        }
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
