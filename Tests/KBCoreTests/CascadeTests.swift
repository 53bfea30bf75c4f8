import Foundation
import GRDB
import Testing
@testable import KBCore

@Suite("Deletes without foreign-key enforcement")
struct CascadeTests {
    /// Every row of every table (FTS5's own tables included), as text, for comparing two databases.
    static func contents(_ db: Database) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for t in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
            out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t.quotedDatabaseIdentifier)").map { $0.description }.sorted()
        }
        return out
    }

    /// A copy of the fixture database at `path`.
    static func copyOfCorpus(_ path: String) throws {
        // (Not VACUUM INTO: SQLite 3.40 refuses it on a read-only connection to a table with generated columns.)
        try Support.reader(Support.corpusDB).backup(to: DatabaseQueue(path: path))
    }

    @Test("the tables that cascade from sources are read from the schema")
    func children() throws {
        let q = try Support.reader(Support.corpusDB)
        let kids = try q.read { db in try Cascade.children(db, of: "sources") }
        // Migrations 1-5: these six tables name sources(id) with ON DELETE CASCADE.
        #expect(Set(kids.map(\.table)) == ["actor_candidates", "events", "sentences", "source_actors", "source_files", "stances"])
        #expect(kids.allSatisfy { $0.column == "source_id" && $0.parentColumn == "id" })
        let sentenceKids = try q.read { db in try Cascade.children(db, of: "sentences") }
        #expect(Set(sentenceKids.map(\.table)) == ["actor_candidates", "actor_mentions", "event_mentions", "events", "stances"])
        // Nothing cascades from actors' references in events (NO ACTION): deleting a source never deletes an actor.
        let actorKids = try q.read { db in try Cascade.children(db, of: "actors") }
        #expect(Set(actorKids.map(\.table)) == ["actor_aliases", "actor_roles"])
    }

    @Test("deleting a source without enforcement leaves what SQLite's cascades leave")
    func sameAsCascades() throws {
        let dir = Support.tempDir()
        let a = dir + "/cascaded.db", b = dir + "/explicit.db"
        try Self.copyOfCorpus(a)
        try Self.copyOfCorpus(b)
        // The source with the most stance statements (it has rows in every table that cascades),
        // and another: one plan deletes both.
        let victim = try Support.count(a, "SELECT source_id FROM stances GROUP BY source_id ORDER BY count(*) DESC, source_id LIMIT 1")
        let second = try Support.count(a, "SELECT id FROM sources WHERE id <> \(victim) ORDER BY id LIMIT 1")
        #expect(try Support.count(a, "SELECT count(*) FROM stance_events JOIN stances s ON s.id = stance_id WHERE s.source_id = \(victim)") > 0)
        #expect(try Support.count(a, "SELECT count(*) FROM event_mentions JOIN events e ON e.id = event_id WHERE e.source_id = \(victim)") > 0)
        let before = try Support.tableCounts(a)

        var config = Configuration()
        config.foreignKeysEnabled = true
        try DatabaseQueue(path: a, configuration: config).write { db in
            // One statement per source, as the ingest deletes (FTS5 lays out its segments per statement).
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [victim])
            try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [second])
        }
        config.foreignKeysEnabled = false
        let statements = try DatabaseQueue(path: b, configuration: config).write { db in
            let plan = try Cascade(db, from: "sources")
            try plan.delete(db, id: Int64(victim))
            try plan.delete(db, id: Int64(second))
            return plan.statements.count
        }
        #expect(statements > 6)

        let left = try Support.tableCounts(b)
        #expect(left["sources"] == before["sources"].map { $0 - 2 })
        #expect(left["sentences"]! < before["sentences"]!)
        #expect(left["stance_events"]! < before["stance_events"]!)
        let cascaded = try Support.reader(a).read { try Self.contents($0) }
        let explicit = try Support.reader(b).read { try Self.contents($0) }
        #expect(cascaded.keys.sorted() == explicit.keys.sorted())
        for t in cascaded.keys.sorted() {
            let same = cascaded[t] == explicit[t]  // (not inside #expect, which would print every row)
            #expect(same, "\(t): \(cascaded[t]?.count ?? 0) rows after SQLite's cascade, \(explicit[t]?.count ?? 0) after Cascade.delete")
        }
        #expect(try Support.count(b, "SELECT count(*) FROM pragma_foreign_key_check") == 0)
    }

    @Test("an ingest that replaces and removes sources leaves no row naming a missing one")
    func ingestLeavesNoOrphans() throws {
        let dir = Support.tempDir()
        let db = Support.tempDir() + "/kb.db"
        let text = "Russia condemned the Israeli strike near Damascus on Monday. Moscow called it a violation of Syrian sovereignty.\n"
        Support.write(text, to: dir, "a.txt")
        Support.write(text.replacingOccurrences(of: "Monday", with: "Tuesday"), to: dir, "b.txt")
        _ = try Support.ingest([dir], db: db)
        #expect(try Support.count(db, "SELECT count(*) FROM events") > 0)
        // a.txt changes (its source is replaced); b.txt becomes a copy of a.txt's new text (its
        // source, held by no file any more, is removed).
        let changed = "Iran condemned the Israeli strike near Homs on Friday. Tehran called it aggression.\n"
        Support.write(changed, to: dir, "a.txt")
        Support.write(changed, to: dir, "b.txt")
        let (report, errors) = try Support.ingest([dir], db: db)
        #expect(errors.isEmpty)
        #expect(report.updated == 1 && report.duplicates == 1)
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == 1)
        #expect(try Support.count(db, "SELECT count(*) FROM sentences WHERE text LIKE '%Damascus%'") == 0)
        #expect(try Support.count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Damascus'") == 0)
        #expect(try Support.count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0)
        // The connection an ingest leaves behind enforces foreign keys again.
        let store = try KBStore.openForWriting(path: db)
        _ = try Ingester(resources: Support.resources).run(paths: [dir], store: store)
        #expect(try store.lookUp { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
    }
}
