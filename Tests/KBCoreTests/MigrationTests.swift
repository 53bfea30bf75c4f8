import Foundation
import GRDB
import Testing
@testable import KBCore

@Suite("Migrations")
struct MigrationTests {
    @Test("a fresh database gets every migration, each recorded once, and a commented schema")
    func fresh() throws {
        let db = Support.tempDir() + "/kb.db"
        _ = try KBStore.openForWriting(path: db)
        let known = try EmbeddedResources.migrations()
        #expect(try Support.strings(db, "SELECT name FROM _kb_migrations ORDER BY version") == known.map(\.name))
        _ = try KBStore.openForWriting(path: db)
        #expect(try Support.count(db, "SELECT count(*) FROM _kb_migrations") == known.count)
        #expect(try Support.count(db, "PRAGMA application_id") == Int(KBStore.applicationID))
    }

    @Test("every table and column in Migrations/ carries a -- comment")
    func commented() throws {
        for m in try EmbeddedResources.migrations() {
            var inTable = false
            for line in m.sql.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("CREATE TABLE") || t.hasPrefix("CREATE VIEW") || t.hasPrefix("CREATE VIRTUAL TABLE") {
                    #expect(t.contains("--"), "\(m.name): no comment on: \(t)")
                    inTable = t.hasPrefix("CREATE TABLE")
                    continue
                }
                if inTable {
                    if t.hasPrefix(")") { inTable = false; continue }
                    if t.hasPrefix("UNIQUE") || t.hasPrefix("CHECK") || t.hasPrefix("PRIMARY KEY") || t.hasPrefix("FOREIGN KEY") || t.isEmpty { continue }
                    #expect(t.contains("--"), "\(m.name): column without a comment: \(t)")
                }
            }
        }
    }

    @Test("an older database is upgraded: later migrations only, its data kept")
    func upgrade() throws {
        let db = Support.tempDir() + "/old.db"
        let all = try EmbeddedResources.migrations()
        // Build a database as the first kb left it: migration 1 only, with a source in it.
        let q = try DatabaseQueue(path: db)
        try q.write { d in
            try d.execute(sql: all[0].sql)
            try d.execute(sql: "INSERT INTO _kb_migrations VALUES (?, ?, '2026-01-01T00:00:00Z')", arguments: [all[0].version, all[0].name])
            try d.execute(sql: "INSERT INTO sources(content_hash, fingerprint, format, clean_text, char_count, ingested_at) VALUES ('h', 'f', 'text', 'x', 1, 'now')")
        }
        try q.close()
        _ = try KBStore.openForWriting(path: db)
        #expect(try Support.strings(db, "SELECT name FROM _kb_migrations ORDER BY version") == all.map(\.name))
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == 1)
    }

    @Test("a database from a newer kb is refused, with a message that says so")
    func newer() throws {
        let db = Support.tempDir() + "/new.db"
        _ = try KBStore.openForWriting(path: db)
        let q = try DatabaseQueue(path: db)
        try q.write { try $0.execute(sql: "INSERT INTO _kb_migrations VALUES (9999, '9999_future.sql', 'later')") }
        try q.close()
        do {
            _ = try KBStore.openForWriting(path: db)
            Issue.record("a newer database was opened")
        } catch let error as KBError {
            #expect(error.localizedDescription.contains("written by a newer kb (schema version 9999"))
        }
    }
}
