import Foundation
import GRDB
import Testing
@testable import KBCore

/// Everything that only reads (export, check, and the query commands) opens the database with
/// KBStore.openReadOnly: SQLite itself refuses any write through it.
@Suite("Queries cannot write")
struct QueryReadOnlyTests {
    func corpusCopy() throws -> String {
        let db = Support.tempDir() + "/kb.db"
        try Support.reader(Support.corpusDB).backup(to: DatabaseQueue(path: db))
        return db
    }

    static let writes = [
        "DELETE FROM sources",
        "UPDATE sentences SET text = 'x'",
        "INSERT INTO _kb_meta(key, value) VALUES ('x', 'y')",
        "DROP TABLE actor_mentions",
        "CREATE TABLE evil(x)",
        "PRAGMA user_version = 7",
        "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
        "VACUUM",
    ]

    @Test("a write through a read-only store fails, and the database is unchanged")
    func writesFail() throws {
        let db = try corpusCopy()
        let counts = try Support.tableCounts(db)
        let store = try KBStore.openReadOnly(path: db)
        for sql in Self.writes {
            #expect(throws: KBError.self, "read { \(sql) }") { try store.read { try $0.execute(sql: sql) } }
            #expect(throws: KBError.self, "transaction { \(sql) }") { try store.transaction { try $0.execute(sql: sql) } }
        }
        #expect(throws: KBError.database(path: db, message: "attempt to write a readonly database")) {
            try store.read { try $0.execute(sql: "DELETE FROM sources") }
        }
        #expect(try Support.tableCounts(db) == counts)
        #expect(try Support.count(db, "PRAGMA user_version") == 0)
        #expect(try Support.strings(db, "PRAGMA integrity_check") == ["ok"])
    }

    @Test("kb sql refuses every write, and the database file is byte-for-byte as it was")
    func sqlCommand() throws {
        let db = try corpusCopy()
        let dir = Support.tempDir()
        let before = Reliability.sha(db)
        let counts = try Support.tableCounts(db)
        for sql in Self.writes + [
            "SELECT 1; DELETE FROM sources",
            "ATTACH DATABASE '\(dir)/new.db' AS other",
            "VACUUM INTO '\(dir)/copy.db'",
            "WITH doomed AS (SELECT id FROM sources) DELETE FROM sources WHERE id IN doomed",
        ] {
            let r = try Support.run(["sql", "--db", db, sql])
            #expect(r.status == 1, "kb sql \"\(sql)\" succeeded: \(r.stdout)")
            #expect(r.stderr.hasPrefix("kb: error: "), "\(sql): \(r.stderr)")
        }
        let delete = try Support.run(["sql", "--db", db, "DELETE FROM sources"])
        #expect(delete.stderr == "kb: error: \(db): database error: attempt to write a readonly database\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
        #expect(try Support.tableCounts(db) == counts)
        #expect(Reliability.sha(db) == before)
        #expect(try Support.run(["sql", "--db", db, "SELECT count(*) AS n FROM sources", "--format", "csv"]).stdout == "n\r\n5\r\n")
    }

    @Test("kb export and kb check leave the database file byte-for-byte as it was")
    func readCommandsDoNotWrite() throws {
        let db = try corpusCopy()
        let before = Reliability.sha(db)
        #expect(try Support.run(["export", "--db", db]).status == 0)
        #expect(try Support.run(["check", "--db", db]).status == 0)
        #expect(Reliability.sha(db) == before)
    }
}
