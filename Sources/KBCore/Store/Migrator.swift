import Foundation
import GRDB

/// Applies Migrations/NNNN_name.sql in order, each once, each in its own transaction, and
/// records them in `_kb_migrations`. Refuses a database that a newer kb has migrated further.
struct Migrator {
    let store: KBStore

    func currentVersion() throws -> Int {
        try store.queue.read { db in try Self.version(db) }
    }

    static func version(_ db: Database) throws -> Int {
        guard try db.tableExists("_kb_migrations") else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT coalesce(max(version), 0) FROM _kb_migrations") ?? 0
    }

    func migrate() throws {
        let migrations = try EmbeddedResources.migrations()
        let known = migrations.last?.version ?? 0
        let current = try currentVersion()
        if current > known {
            throw KBError.newerDatabase(path: store.path, found: current, known: known)
        }
        for migration in migrations where migration.version > current {
            do {
                // SQLite's procedure for changing a table's shape: foreign keys off (outside the
                // transaction, where the pragma takes effect), rebuild, check every key, commit.
                // With them on, dropping a rebuilt table would cascade into its children.
                try store.queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA foreign_keys = OFF")
                    // A migration that rebuilds a table may switch legacy_alter_table on for its
                    // RENAME; whatever happens, the connection goes back to the defaults.
                    defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF") }
                    try db.inTransaction(.exclusive) {
                        // Another writer may have migrated meanwhile.
                        guard try Self.version(db) < migration.version else { return .commit }
                        try db.execute(sql: migration.sql)
                        if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                            throw KBError.badMigration(name: migration.name, reason: "it leaves a broken foreign key in \(broken[0] as String? ?? "?")")
                        }
                        try db.execute(sql: "INSERT INTO _kb_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                                       arguments: [migration.version, migration.name, Clock.nowISO()])
                        try db.execute(sql: "PRAGMA application_id = \(KBStore.applicationID)")
                        return .commit
                    }
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_CORRUPT {
                throw KBError.from(error, path: store.path)
            } catch let error as DatabaseError {
                throw KBError.badMigration(name: migration.name, reason: error.message ?? "\(error)")
            }
        }
    }
}
