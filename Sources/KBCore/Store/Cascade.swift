import GRDB

/// Deletes rows together with every row that names them through an `ON DELETE CASCADE` foreign
/// key, children first, following the schema's own declarations (`pragma_foreign_key_list`): what
/// SQLite's cascades do, for a connection that does not enforce foreign keys.
///
/// The ingest writes with enforcement off: every row it inserts names ids it has just given or
/// looked up, and checking each reference cost 4-5% of a run (10k articles: 10.9 -> 10.3 s,
/// user time 18.3 -> 17.6 s). Its deletes (a changed file replacing its source) go through here,
/// so they remove exactly what the cascades would. Triggers fire as they would for a cascade
/// (the full-text index and the tallies stay in step). `kb check` runs `PRAGMA foreign_key_check`.
struct Cascade {
    /// A foreign key that cascades on delete: `table.column` names `parentColumn` of the parent.
    struct Child: Equatable { let table: String, column: String, parentColumn: String }

    /// The DELETE statements, children first, each with one `?` for the root row's id.
    let statements: [String]

    /// The plan for deleting rows of `table` (read from the schema once: a source replaced during
    /// an ingest runs the statements, prepared once per connection).
    init(_ db: Database, from table: String) throws {
        var statements: [String] = []
        try Self.plan(db, table, where: "rowid = ?", depth: 0, into: &statements)
        self.statements = statements
    }

    /// Deletes the row `id` of the plan's table and everything that cascades from it.
    func delete(_ db: Database, id: Int64) throws {
        for sql in statements { try db.cachedStatement(sql: sql).execute(arguments: [id]) }
    }

    /// The tables whose rows cascade from deleting rows of `parent`.
    static func children(_ db: Database, of parent: String) throws -> [Child] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.name AS child, f."from" AS col, f."to" AS parent_col, f.seq AS seq
            FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE AND f.on_delete = 'CASCADE'
            ORDER BY m.name, f.id
            """, arguments: [parent])
        if let multi = rows.first(where: { ($0["seq"] as Int) > 0 }) {
            throw KBError.badMigration(name: "schema", reason: "\(multi["child"] as String)'s foreign key to \(parent) has several columns: kb's deletes follow one-column keys only")
        }
        // A key that names no column names the parent's primary key: rowid in kb's tables.
        return rows.map { Child(table: $0["child"], column: $0["col"], parentColumn: ($0["parent_col"] as String?) ?? "rowid") }
    }

    /// The statements deleting the rows of `table` that `condition` (one `?`) selects, children first.
    private static func plan(_ db: Database, _ table: String, where condition: String, depth: Int, into statements: inout [String]) throws {
        // kb's schema nests four deep (sources -> sentences -> events -> event_mentions); a cycle would not end.
        guard depth < 16 else { throw KBError.badMigration(name: "schema", reason: "its ON DELETE CASCADE keys go more than 16 tables deep from \(table)") }
        let quoted = table.quotedDatabaseIdentifier
        for child in try children(db, of: table) {
            let selection = "\(child.column.quotedDatabaseIdentifier) IN (SELECT \(child.parentColumn.quotedDatabaseIdentifier) FROM \(quoted) WHERE \(condition))"
            try plan(db, child.table, where: selection, depth: depth + 1, into: &statements)
        }
        statements.append("DELETE FROM \(quoted) WHERE \(condition)")
    }
}
