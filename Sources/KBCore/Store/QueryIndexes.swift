import Foundation
import GRDB

/// The indexes that serve questions only (listed in `_kb_query_indexes`, migration 7), which an
/// ingest that stores many sources drops while it writes and builds again at its end. Each
/// function works in the caller's transaction, so a drop is never without its note of how to
/// rebuild, and a rebuild never without the note's removal.
public enum QueryIndexes {
    /// When an ingest drops them: `auto` once it has stored enough sources that building the
    /// indexes afresh at its end costs less than writing into them as it goes.
    public enum Policy: String, CaseIterable, Sendable {
        case auto, always, never
    }

    /// `auto` drops the indexes once the run has stored this many sources and a quarter as many
    /// as the database held when it started (rebuilding sorts every row, old and new: at 100,000
    /// articles 7-10 s, against ~50 s of writing into them).
    public static let autoMinimumSources = 2_000

    static func worthDropping(storedThisRun: Int, storedBefore: Int, policy: Policy) -> Bool {
        switch policy {
        case .never: false
        case .always: true
        case .auto: storedThisRun >= max(autoMinimumSources, storedBefore / 4)
        }
    }

    /// Drops every listed index that exists, noting the statement that builds it; returns how many.
    @discardableResult
    static func drop(_ db: Database) throws -> Int {
        let present = try Row.fetchAll(db, sql: """
            SELECT q.name, m.sql FROM _kb_query_indexes q JOIN sqlite_master m ON m.type = 'index' AND m.name = q.name
            WHERE q.deferred_sql IS NULL AND m.sql IS NOT NULL ORDER BY q.name
            """)
        for row in present {
            let name: String = row["name"]
            try db.execute(sql: "UPDATE _kb_query_indexes SET deferred_sql = ? WHERE name = ?", arguments: [row["sql"] as String, name])
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return present.count
    }

    /// The indexes dropped and not yet built again.
    static func dropped(_ db: Database) throws -> [String] {
        return try String.fetchAll(db, sql: "SELECT name FROM _kb_query_indexes WHERE deferred_sql IS NOT NULL ORDER BY name")
    }

    /// Builds every dropped index again from its note; returns how many. (Sorting the rows is
    /// most of the time, on one thread: SQLite's sorter threads, `PRAGMA threads`, and a larger
    /// page cache did not make it faster.)
    @discardableResult
    static func rebuild(_ db: Database) throws -> Int {
        let notes = try Row.fetchAll(db, sql: """
            SELECT q.name, q.deferred_sql, m.name IS NOT NULL AS present
            FROM _kb_query_indexes q LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = q.name
            WHERE q.deferred_sql IS NOT NULL ORDER BY q.name
            """)
        for row in notes {
            // An index someone made again by hand stays as it is.
            if !(row["present"] as Bool) { try db.execute(sql: row["deferred_sql"] as String) }
            try db.execute(sql: "UPDATE _kb_query_indexes SET deferred_sql = NULL WHERE name = ?", arguments: [row["name"] as String])
        }
        return notes.count
    }
}
