import Foundation
import GRDB
import Testing
@testable import KBCore

@Suite("Idempotent ingest")
struct IdempotencyTests {
    @Test("ingesting the corpus twice changes no table's row count")
    func twice() throws {
        let db = Support.tempDir() + "/kb.db"
        let (first, _) = try Support.ingest([Support.corpus], db: db)
        #expect(first.added == 5)
        let before = try Support.tableCounts(db)
        let (second, errors) = try Support.ingest([Support.corpus], db: db)
        #expect(errors.isEmpty)
        #expect(second.added == 0 && second.updated == 0 && second.unchanged == 5)
        #expect(try Support.tableCounts(db) == before)
    }

    @Test("a changed file replaces its source's rows")
    func changed() throws {
        let dir = Support.tempDir()
        let path = Support.write("Israel struck targets near Damascus on Monday, the army said in a statement.\n", to: dir, "a.txt")
        let db = Support.tempDir() + "/kb.db"
        _ = try Support.ingest([path], db: db)
        Support.write("Russia condemned the strike on Tuesday. Moscow called it a violation of Syrian sovereignty.\n", to: dir, "a.txt")
        let (report, _) = try Support.ingest([path], db: db)
        #expect(report.updated == 1 && report.added == 0)
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == 1)
        #expect(try Support.strings(db, "SELECT text FROM sentences ORDER BY ordinal") ==
                ["Russia condemned the strike on Tuesday.", "Moscow called it a violation of Syrian sovereignty."])
        #expect(try Support.count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Damascus'") == 0)
    }

    @Test("a changed manifest re-extracts the source with the new metadata")
    func manifestChange() throws {
        let dir = Support.tempDir()
        Support.write("Israel struck targets near Damascus on Monday, the army said in a statement.\n", to: dir, "a.txt")
        Support.write("file,published\na.txt,2019-01-21\n", to: dir, "kb-manifest.csv")
        let db = Support.tempDir() + "/kb.db"
        _ = try Support.ingest([dir], db: db)
        Support.write("file,published\na.txt,2019-01-22\n", to: dir, "kb-manifest.csv")
        let (report, _) = try Support.ingest([dir], db: db)
        #expect(report.updated == 1)
        #expect(try Support.strings(db, "SELECT published FROM sources") == ["2019-01-22"])
    }

    @Test("a source stored by a kb with other extraction code is extracted again, its rows replaced")
    func extractorChange() throws {
        // The fingerprint holds a hash of the extraction code and the syntax model, made at build time.
        #expect(Resources.extractorVersion.count >= 8 && Resources.extractorVersion.allSatisfy(\.isHexDigit))
        let dir = Support.tempDir()
        let path = Support.write("Israel struck targets near Damascus on Monday, the army said in a statement.\n", to: dir, "a.txt")
        let db = Support.tempDir() + "/kb.db"
        _ = try Support.ingest([path], db: db)
        let events = try Support.strings(db, "SELECT id || ' ' || event_type FROM events")
        #expect(events.count == 1)
        // What an older kb leaves: the same content under another fingerprint, and a stale row.
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "UPDATE sources SET fingerprint = 'written-by-an-older-kb'")
            try db.execute(sql: "UPDATE events SET event_type = 'AID'")
        }
        try queue.close()
        let (report, _) = try Support.ingest([path], db: db)
        #expect(report.updated == 1 && report.unchanged == 0)
        #expect(try Support.strings(db, "SELECT event_type FROM events") == ["ASSAULT"])
        let (again, _) = try Support.ingest([path], db: db)
        #expect(again.unchanged == 1)
    }
}
