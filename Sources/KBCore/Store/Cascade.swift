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
enum Cascade {
    /// A foreign key that cascades on delete: `table.column` names `parentColumn` of the parent.
    struct Child: Equatable { let table: String, column: String, parentColumn: String }

    /// Deletes the row `id` of `table` and everything that cascades from it; returns how many
    /// statements it ran.
    @discardableResult
    static func delete(_ db: Database, from table: String, id: Int64) throws -> Int {
        var statements = 0
        try delete(db, table, where: "rowid = ?", id, depth: 0, statements: &statements)
        return statements
    }

    /// The tables whose rows cascade from deleting rows of `parent`.
    static func children(_ db: Database, of parent: String) throws -> [Child] {
        try Row.fetchAll(db, sql: """
            SELECT m.name AS child, f."from" AS col, f."to" AS parent_col
            FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE AND f.on_delete = 'CASCADE'
            ORDER BY m.name, f.id
            """, arguments: [parent]).map { row in
            // A key that names no column names the parent's primary key: rowid in kb's tables.
            Child(table: row["child"], column: row["col"], parentColumn: (row["parent_col"] as String?) ?? "rowid")
        }
    }

    /// Deletes the rows of `table` that `condition` (one `?`, bound to `id`) selects, children first.
    private static func delete(_ db: Database, _ table: String, where condition: String, _ id: Int64, depth: Int, statements: inout Int) throws {
        // kb's schema nests four deep (sources -> sentences -> events -> event_mentions); a cycle would not end.
        guard depth < 16 else { throw KBError.badMigration(name: "schema", reason: "its ON DELETE CASCADE keys go more than 16 tables deep from \(table)") }
        let quoted = table.quotedDatabaseIdentifier
        for child in try children(db, of: table) {
            let selection = "\(child.column.quotedDatabaseIdentifier) IN (SELECT \(child.parentColumn.quotedDatabaseIdentifier) FROM \(quoted) WHERE \(condition))"
            try delete(db, child.table, where: selection, id, depth: depth + 1, statements: &statements)
        }
        try db.execute(sql: "DELETE FROM \(quoted) WHERE \(condition)", arguments: [id])
        statements += 1
    }
}
