import Foundation
import GRDB

/// `kb datasette-metadata`: the metadata file Datasette reads (`datasette kb.db -m metadata.json`)
/// so that it shows a kb database as kb means it: internal tables hidden (`_kb_*`, the full-text
/// index's own tables), foreign keys labelled (an actor by its name, a topic by its label, a
/// sentence by its text), every table's and column's description taken from the schema's `--`
/// comments, the standard questions as canned queries (the SQL kb runs for them, its parameters
/// written in), a full-text search over sentences that keeps sentences naming no actor, and
/// facets by year and holder.
public enum DatasetteMetadata {
    /// The questions offered as canned queries: the README's standard ones.
    public static let questions: [(name: String, question: String)] = [
        ("russian_positions_on_israeli_strikes", "Russian positions on Israeli strikes by year"),
        ("iranian_positions_on_israeli_strikes", "Iranian positions on Israeli strikes by year"),
        ("israeli_positions_on_iran_in_syria", "Israeli positions on Iran's presence in Syria by year"),
        ("israeli_strikes_in_syria", "Israeli strikes in Syria by year"),
        ("meetings_between_israel_and_russia", "meetings between Israel and Russia by year"),
        ("timeline_of_israel_and_russia", "timeline of Israel and Russia"),
    ]

    /// Full-text search over every sentence (named actors or not), with the file it came from.
    public static let searchSQL = """
        SELECT (SELECT name FROM source_files f WHERE f.source_id = x.source_id ORDER BY f.id LIMIT 1) AS file,
               s.published, snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet, x.text AS sentence, x.id AS sentence_id
        FROM sentences_fts JOIN sentences x ON x.id = sentences_fts.rowid JOIN sources s ON s.id = x.source_id
        WHERE sentences_fts MATCH :q
        ORDER BY sentences_fts.rank
        """

    /// What each referenced table is labelled by.
    static let labels = ["actors": "name", "topics": "label", "sources": "title", "sentences": "text", "source_files": "name"]

    /// Facets per table or view (each only if the table has the column).
    static let facets = [
        "stances": ["year", "holder_country", "polarity"], "stance_statements_view": ["year", "holder", "polarity"],
        "events": ["year", "event_type"], "events_view": ["year", "event_type", "initiator"],
        "actors": ["kind", "country"], "actors_view": ["kind", "country"],
    ]

    /// - Parameter name: the database's name in Datasette (its file name without the extension).
    public static func build(store: KBStore, resources: QueryResources, name: String) throws -> JSONValue {
        let engine = QueryEngine(store: store, resources: resources)
        var queries: [(String, JSONValue)] = [
            ("search_sentences", .object([("title", .string("Full-text search over sentences")),
                                          ("description", .string("Every sentence that has all the words (FTS5 syntax), best first, with its file; sentences that name no actor too.")),
                                          ("sql", .string(searchSQL))])),
        ]
        for (key, question) in questions {
            let (_, query) = try engine.prepare(question, options: AnswerOptions(limit: nil, polarityCounts: false))
            queries.append((key, .object([("title", .string(question)),
                                          ("description", .string("The SQL kb query runs for \"\(question)\": every row, with its group's count.")),
                                          ("sql", .string(inlined(query)))])))
        }
        let tables = try store.read { db in try Row.fetchAll(db, sql: "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') AND sql IS NOT NULL ORDER BY name") }
        var tableEntries: [(String, JSONValue)] = []
        for row in tables {
            let table: String = row["name"], sql: String = row["sql"]
            var entry: [(String, JSONValue)] = []
            if table.hasPrefix("_") || table.hasPrefix("sentences_fts_") {
                tableEntries.append((table, .object([("hidden", .bool(true))])))
                continue
            }
            let comments = schemaComments(sql)
            if let d = comments.table { entry.append(("description", .string(d))) }
            if !comments.columns.isEmpty { entry.append(("columns", .object(comments.columns.map { ($0.0, .string($0.1)) }))) }
            if let label = labels[table] { entry.append(("label_column", .string(label))) }
            if let f = facets[table] { entry.append(("facets", .array(f.map { .string($0) }))) }
            if table == "sentences" { entry += [("fts_table", .string("sentences_fts")), ("fts_pk", .string("id"))] }
            tableEntries.append((table, .object(entry)))
        }
        return .object([
            ("title", .string("kb: \(name)")),
            ("description", .string("Sources, sentences, actors, events and stance statements; each table and column described by its schema comment.")),
            ("databases", .object([(name, .object([("tables", .object(tableEntries)), ("queries", .object(queries))]))])),
        ])
    }

    /// The description of a table (the comment on its CREATE line) and of each column (the
    /// comment at the end of its line), from the schema's SQL as SQLite keeps it.
    static func schemaComments(_ sql: String) -> (table: String?, columns: [(String, String)]) {
        var table: String?
        var columns: [(String, String)] = []
        for (k, line) in sql.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let dash = line.range(of: "-- ") else { continue }
            let comment = line[dash.upperBound...].trimmingCharacters(in: .whitespaces)
            if k == 0 { table = comment; continue }
            let definition = line[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
            let first = definition.split(separator: " ").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]")) } ?? ""
            let keywords: Set<String> = ["PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT", "SELECT", "FROM", "JOIN", "WHERE", ")"]
            guard !first.isEmpty, !keywords.contains(first.uppercased()), first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            columns.append((first, comment))
        }
        return (table, columns)
    }

    /// The statement with its numbered parameters written in as SQL literals (kb made them: a
    /// canned query cannot bind ?1).
    static func inlined(_ query: SQLQuery) -> String {
        var sql = query.sql.trimmingCharacters(in: .whitespacesAndNewlines)
        for (k, value) in query.arguments.enumerated().reversed() {
            let literal: String
            switch value.storage {
            case .null: literal = "NULL"
            case .int64(let i): literal = String(i)
            case .double(let d): literal = String(d)
            case .string(let s): literal = "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .blob: literal = "NULL"
            }
            sql = sql.replacingOccurrences(of: "?\(k + 1)", with: literal)
        }
        return sql
    }
}
