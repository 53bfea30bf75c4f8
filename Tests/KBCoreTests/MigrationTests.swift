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
        // The full-text index merges its segments 32 at a time (migration 11).
        #expect(try Support.strings(db, "SELECT k || '=' || v FROM sentences_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k") == ["automerge=32", "crisismerge=32"])
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

    @Test("migration 9 rebuilds the full-text index without sentence lengths: old sentences are still found, new ones indexed, ranked")
    func fullTextWithoutSizes() throws {
        let db = Support.tempDir() + "/old.db"
        _ = try KBStore.openForWriting(path: db)
        // Back to the index migration 1 made (with its _docsize table), and without the columns of
        // migrations 12 and 13, as a database of migration 8 has it.
        let q = try DatabaseQueue(path: db)
        try q.write { d in
            try d.execute(sql: "INSERT INTO sources(id, content_hash, fingerprint, format, char_count, ingested_at) VALUES (1, 'h', 'f', 'text', 40, 'now')")
            try d.execute(sql: "INSERT INTO sentences(id, source_id, ordinal, paragraph, start, \"end\", text) VALUES (1, 1, 0, 0, 0, 22, 'Israel struck Damascus.')")
            try d.execute(sql: """
                DROP TABLE sentences_fts;
                CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content="sentences", content_rowid="id", tokenize="unicode61 remove_diacritics 2");
                INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
                ALTER TABLE sources DROP COLUMN published_utc;
                ALTER TABLE sources DROP COLUMN dateline_place;
                DELETE FROM _kb_migrations WHERE version >= 9;
                """)
        }
        #expect(try Support.count(db, "SELECT count(*) FROM sentences_fts_docsize") == 1)
        try q.close()
        _ = try KBStore.openForWriting(path: db)
        #expect(try Support.count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts_docsize'") == 0)
        #expect(try Support.strings(db, "SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").first?.contains("columnsize=0") == true)
        #expect(try Support.count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'damascus'") == 1)
        try DatabaseQueue(path: db).write { d in
            try d.execute(sql: "INSERT INTO sentences(id, source_id, ordinal, paragraph, start, \"end\", text) VALUES (2, 1, 1, 0, 24, 40, 'Damascus, Damascus and Damascus.')")
        }
        // The trigger indexed the new sentence; bm25 still ranks (the denser match first).
        #expect(try Support.strings(db, "SELECT CAST(rowid AS TEXT) FROM sentences_fts WHERE sentences_fts MATCH 'damascus' ORDER BY rank") == ["2", "1"])
        let store = try KBStore.openReadOnly(path: db)
        #expect(try store.read { try Checker(store: store).fullText($0) }.isEmpty)
    }

    @Test("the tables kb writes row by row test their values with OR chains, and still refuse what the lists refused")
    func cheapChecks() throws {
        let path = Support.tempDir() + "/kb.db"
        _ = try KBStore.openForWriting(path: path)
        // An IN list of text in a CHECK builds a temporary b-tree for every row inserted (migration 6).
        for table in ["sources", "events", "stances"] {
            let sql = try Support.strings(path, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '\(table)'").first ?? ""
            #expect(sql.contains(" OR "), "\(table)")
            #expect(sql.range(of: #"IN \('"#, options: .regularExpression) == nil, "\(table) still tests a list: \(sql.prefix(80))")
        }
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(sql: "INSERT INTO sources(id, content_hash, fingerprint, format, char_count, ingested_at) VALUES (1, 'h', 'f', 'text', 1, 'now')")
            try db.execute(sql: "INSERT INTO sentences(id, source_id, ordinal, paragraph, start, \"end\", text) VALUES (1, 1, 0, 0, 0, 1, 'x')")
            try db.execute(sql: "INSERT INTO actors(id, key, name, kind, origin) VALUES (1, 'state:ISR', 'Israel', 'state', 'dictionary')")
            let event = "INSERT INTO events(source_id, sentence_id, event_type, cameo, initiator_id, date_precision, date_basis, mode, cue) VALUES (1, 1, ?, '190', 1, ?, ?, ?, 'x')"
            // Every allowed value passes, and NULL where the column allows it.
            try db.execute(sql: event, arguments: ["ASSAULT", "day", "text", "aerial"])
            try db.execute(sql: event, arguments: ["AGREE", nil, nil, nil])
            for bad: [DatabaseValueConvertible?] in [["STRIKE", "day", "text", nil], ["ASSAULT", "week", "text", nil], ["ASSAULT", "day", "guess", nil], ["ASSAULT", "day", "text", "space"], ["assault", "day", "text", nil]] {
                #expect(throws: DatabaseError.self, "\(bad)") { try db.execute(sql: event, arguments: StatementArguments(bad)) }
            }
            let stance = "INSERT INTO stances(source_id, sentence_id, holder_id, polarity, act, cue) VALUES (1, 1, 1, ?, ?, 'x')"
            try db.execute(sql: stance, arguments: ["oppose", "ACCUSE"])
            #expect(throws: DatabaseError.self) { try db.execute(sql: stance, arguments: ["against", "ACCUSE"]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: stance, arguments: ["oppose", "BLAME"]) }
            // Mentions store their form as a number (migration 10), and spell it out in `form`.
            let mention = "INSERT INTO actor_mentions(sentence_id, start, \"end\", actor_id, form_code) VALUES (1, ?, ?, 1, ?)"
            for (k, form) in ActorMention.Form.allCases.enumerated() {
                try db.execute(sql: mention, arguments: [k, k + 1, form.storedCode])
                #expect(try String.fetchOne(db, sql: "SELECT form FROM actor_mentions WHERE start = ?", arguments: [k]) == form.rawValue)
            }
            #expect(Set(ActorMention.Form.allCases.map(\.storedCode)).count == ActorMention.Form.allCases.count)
            #expect(throws: DatabaseError.self) { try db.execute(sql: mention, arguments: [10, 11, 5]) }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO actor_mentions(sentence_id, start, \"end\", actor_id, form) VALUES (1, 20, 21, 1, 'name')")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO sources(content_hash, fingerprint, format, char_count, ingested_at) VALUES ('h2', 'f', 'pdf', 1, 'now')")
            }
        }
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
