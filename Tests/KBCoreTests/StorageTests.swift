import Foundation
import GRDB
import Testing
@testable import KBCore

/// Migration 5's compact storage and the batched writer: the clean text stored once (in the
/// sentences), actor mentions keyed by their place, many sources to a transaction.
@Suite("Storage")
struct StorageTests {
    static func span(_ ordinal: Int, _ paragraph: Int, _ start: Int, _ text: String) -> SentenceSpan {
        SentenceSpan(ordinal: ordinal, paragraph: paragraph, start: start, end: start + text.unicodeScalars.count, text: text)
    }

    @Test("sentences give back the clean text only when they tile it: one space within a paragraph, a blank line between")
    func joins() {
        let text = "Israel struck. Russia objected.\n\nTurkey said “no”."
        let spans = [Self.span(0, 0, 0, "Israel struck."), Self.span(1, 0, 15, "Russia objected."), Self.span(2, 1, 33, "Turkey said “no”.")]
        #expect(SourceWriter.sentencesJoin(to: text, spans))
        // Two spaces between the sentences: the offsets no longer follow, so the text must be kept.
        #expect(!SourceWriter.sentencesJoin(to: "Israel struck.  Russia objected.", [Self.span(0, 0, 0, "Israel struck."), Self.span(1, 0, 16, "Russia objected.")]))
        // Right offsets, but a line break where the join puts a space.
        #expect(!SourceWriter.sentencesJoin(to: "Israel struck.\nRussia objected.", [Self.span(0, 0, 0, "Israel struck."), Self.span(1, 0, 15, "Russia objected.")]))
        // Text after the last sentence.
        #expect(!SourceWriter.sentencesJoin(to: "Israel struck. ", [Self.span(0, 0, 0, "Israel struck.")]))
        // Canonically equivalent is not enough: the stored offsets count code points.
        #expect(!SourceWriter.sentencesJoin(to: "Caf\u{E9}.", [Self.span(0, 0, 0, "Cafe\u{301}.")]))
    }

    @Test("char_count counts code points on the bytes: the same as unicodeScalars.count")
    func scalarCount() {
        let samples = ["", "Israel", "Caf\u{E9}", "Cafe\u{301}", "“Quneitra”—東京 🇮🇱 👩‍👩‍👧", "\r\n\t", String(repeating: "ä€𝄞", count: 500)]
        for s in samples {
            #expect(UTF8Text.scalarCount(s) == s.unicodeScalars.count, "\(s.debugDescription)")
        }
        #expect(UTF8Text.scalarCount("👩‍👩‍👧") == 5)
        #expect(UTF8Text.sameBytes("Caf\u{E9}", "Caf\u{E9}") && UTF8Text.sameBytes("", ""))
        // Equal as Swift Strings (canonically equivalent), but not the same bytes.
        #expect("Caf\u{E9}" == "Cafe\u{301}" && !UTF8Text.sameBytes("Caf\u{E9}", "Cafe\u{301}"))
        #expect(!UTF8Text.sameBytes("Israel", "Israel ") && !UTF8Text.sameBytes("Israel", "Israeli"[...].dropLast().description + "x"))
    }

    @Test("a source whose sentences do not tile its text keeps the text; source_texts and kb check agree")
    func keepsIrregularText() throws {
        let db = Support.tempDir() + "/kb.db"
        let store = try KBStore.openForWriting(path: db)
        let ingester = Ingester(resources: Support.resources)
        try ingester.recordVersions(store)
        var p = try Support.process("Israeli aircraft struck targets near Damascus on Monday. Russia condemned the strike on Tuesday.")
        // The same sentences inside a text with a trailing remark that no sentence covers.
        p.cleanText += "\n\n—"
        try store.transaction { d in
            let writer = try SourceWriter(d, actors: ingester.actorStore)
            _ = try writer.write(d, p)
            try writer.flush(d)
        }
        #expect(try Support.strings(db, "SELECT clean_text FROM sources") == [p.cleanText])
        #expect(try Support.strings(db, "SELECT clean_text FROM source_texts") == [p.cleanText])
        #expect(try Support.count(db, "SELECT char_count FROM sources") == p.cleanText.unicodeScalars.count)
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run() == [])
        // And a regular one stores none.
        let q = try Support.process("Turkey closed its airspace. Greece protested.")
        try store.transaction { d in
            var doc = q
            doc.document.contentHash = "other"
            doc.document.path = "/other.txt"
            let writer = try SourceWriter(d, actors: ingester.actorStore)
            _ = try writer.write(d, doc)
            try writer.flush(d)
        }
        #expect(try Support.count(db, "SELECT count(*) FROM sources WHERE clean_text IS NULL") == 1)
        #expect(try Support.strings(db, "SELECT clean_text FROM source_texts ORDER BY source_id").last == "Turkey closed its airspace. Greece protested.")
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run() == [])
    }

    @Test("a database of migration 4 is upgraded: the text moves into the sentences, mentions keep their rows")
    func upgradeFrom4() throws {
        let db = Support.tempDir() + "/old.db"
        let all = try EmbeddedResources.migrations()
        let q = try DatabaseQueue(path: db)
        try q.write { d in
            for m in all where m.version <= 4 {
                try d.execute(sql: m.sql)
                try d.execute(sql: "INSERT INTO _kb_migrations VALUES (?, ?, 'then')", arguments: [m.version, m.name])
            }
            try d.execute(sql: """
                INSERT INTO sources(id, content_hash, fingerprint, format, clean_text, char_count, ingested_at)
                  VALUES (1, 'a', 'f', 'text', 'Israel struck. Russia objected.' || char(10) || char(10) || 'Iran agreed.', 45, 'now'),
                         (2, 'b', 'f', 'text', 'A trailing space. ', 18, 'now');
                INSERT INTO source_files(source_id, path, name, ingested_at) VALUES (1, '/a.txt', 'a.txt', 'now'), (2, '/b.txt', 'b.txt', 'now');
                INSERT INTO sentences(id, source_id, ordinal, paragraph, start, "end", text) VALUES
                  (10, 1, 0, 0, 0, 14, 'Israel struck.'), (11, 1, 1, 0, 15, 31, 'Russia objected.'), (12, 1, 2, 1, 33, 45, 'Iran agreed.'),
                  (20, 2, 0, 0, 0, 17, 'A trailing space.');
                INSERT INTO actors(id, key, name, kind, country, origin) VALUES (1, 'state:RUS', 'Russia', 'state', 'RUS', 'dictionary');
                INSERT INTO actor_mentions(sentence_id, source_id, actor_id, start, "end", surface, form) VALUES (11, 1, 1, 15, 21, 'Russia', 'name');
                """)
        }
        try q.close()
        _ = try KBStore.openForWriting(path: db)
        #expect(try Support.count(db, "SELECT max(version) FROM _kb_migrations") == all.last!.version)
        #expect(try Support.strings(db, "SELECT coalesce(clean_text, '-') FROM sources ORDER BY id") == ["-", "A trailing space. "])
        #expect(try Support.strings(db, "SELECT clean_text FROM source_texts ORDER BY source_id") == ["Israel struck. Russia objected.\n\nIran agreed.", "A trailing space. "])
        #expect(try Support.strings(db, "SELECT actor || '|' || surface || '|' || file FROM actor_mentions_view") == ["Russia|Russia|a.txt"])
        #expect(try Support.count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'objected'") == 1)
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run() == [])
    }

    @Test("source_actors sums up the mentions: the corpus's agree, and kb check finds one that does not")
    func actorSummary() throws {
        // Russia is named (as an actor) in every seed article; bare titles and places are not counted.
        #expect(try Support.count(Support.corpusDB, "SELECT count(*) FROM source_actors sa JOIN actors a ON a.id = sa.actor_id WHERE a.key = 'state:RUS'") == 5)
        #expect(try Support.count(Support.corpusDB, """
            SELECT count(*) FROM actor_mentions m JOIN actors a ON a.id = m.actor_id WHERE a.key = 'state:RUS' AND m.is_location = 0 AND m.form <> 'title'
            """) == Support.count(Support.corpusDB, "SELECT sum(mentions) FROM source_actors sa JOIN actors a ON a.id = sa.actor_id WHERE a.key = 'state:RUS'"))
        let db = Support.tempDir() + "/kb.db"
        try Support.reader(Support.corpusDB).backup(to: DatabaseQueue(path: db))
        let first = try Support.count(db, "SELECT min(source_id) FROM source_actors")
        try DatabaseQueue(path: db).write { try $0.execute(sql: "DELETE FROM source_actors WHERE source_id = \(first) AND actor_id = (SELECT min(actor_id) FROM source_actors WHERE source_id = \(first))") }
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run().map(\.description) == [
            "actor summary: source_actors: 1 source (id \(first)) whose rows do not match their actor_mentions",
        ])
    }

    @Test("the storage plan made on the extraction thread: each mention once per place and actor, and the per-actor sums")
    func storagePlan() throws {
        let p = try Support.process("Israel struck Syria. Israel, Israel and Israel's army. Russia said Israel must stop; the Russian foreign minister agreed. In Damascus, Syria protested.")
        let plan = p.storage
        // The plan's mentions are the resolver's, in order, without repeats of a place and actor.
        struct Place: Hashable { let start: Int, end: Int, key: String }
        var seen = Set<Place>()
        let expected = p.actors.mentions.filter { m in
            let base = p.sentences[m.sentence].start
            return seen.insert(Place(start: base + m.start, end: base + m.end, key: m.actorKey)).inserted
        }
        #expect(plan.mentions.map(\.mention) == expected)
        #expect(zip(plan.mentions, expected).allSatisfy { $0.start == p.sentences[$1.sentence].start + $1.start })
        // Sums: names only (not places, not bare titles), per actor, in order of first mention.
        let named = expected.filter { !$0.isLocation && $0.form != .title }
        var order: [String] = []
        for m in named where !order.contains(m.actorKey) { order.append(m.actorKey) }
        #expect(plan.named.map(\.key) == order)
        #expect(plan.named.map(\.mentions) == order.map { k in named.filter { $0.actorKey == k }.count })
        #expect(plan.named.first { $0.key == "state:ISR" }?.mentions == 5)
        #expect(plan.named.first { $0.key == "state:ISR" }?.country == "ISR")
        // The tokens served extraction and are not carried to the writer.
        #expect(p.actors.tokens.isEmpty && !p.actors.mentions.isEmpty)
    }

    @Test("an ingest copies its log into the database file on a connection of its own, and gives the writer its automatic checkpoint back")
    func checkpointer() throws {
        let db = Support.tempDir() + "/kb.db"
        let store = try KBStore.openForWriting(path: db)
        let size = { (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0 }
        let before = size()
        let report = try Ingester(resources: Support.resources, batchSize: 2).run(paths: [Support.corpus], store: store)
        #expect(report.added == 5)
        // The writer's connection is still open, and its log is far from SQLite's automatic
        // checkpoint: only the checkpointer (asked before the last batch) can have grown the file.
        #expect(size() > before + 100_000, "\(before) -> \(size())")
        #expect(try store.lookUp { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == KBStore.walAutocheckpoint)
    }

    @Test("many sources to a transaction store exactly what one source to a transaction does")
    func batchesAgree() throws {
        let dir = Support.tempDir()
        for name in try FileManager.default.contentsOfDirectory(atPath: Support.corpus) where name.hasSuffix(".txt") || name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: Support.corpus + "/" + name, toPath: dir + "/" + name)
        }
        // The same article under a second name: in one batch, the second is a duplicate.
        try FileManager.default.copyItem(atPath: Support.corpus + "/001_48da0eb1e26231e5.txt", toPath: dir + "/copy.txt")
        var exports: [String] = []
        for batch in [1, 3, 64] {
            let db = Support.tempDir() + "/kb.db"
            let run = try Support.run(["ingest", "--batch", String(batch), "--db", db, dir])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("6 files read; sources: 5 added, 0 updated, 0 unchanged, 1 duplicate of stored sources, 0 failed"), "\(run.stdout)")
            exports.append(try Support.run(["export", "--db", db, "--format", "jsonl"]).stdout)
            #expect(try Checker(store: KBStore.openReadOnly(path: db)).run() == [])
        }
        #expect(exports[0].count > 10_000)
        #expect(exports[0] == exports[1] && exports[1] == exports[2])
    }

    @Test("a source that fails to store costs only itself: its batch is stored again one source at a time")
    func failingSourceInBatch() throws {
        let dir = Support.tempDir()
        Support.write("Israeli aircraft struck targets near Damascus on Monday, officials said.", to: dir, "a.txt")
        Support.write("Poison\n\nRussia condemned the strike on Tuesday, the foreign ministry said.", to: dir, "b.txt")
        Support.write("Turkey closed its airspace to Russian planes on Friday, officials said.", to: dir, "c.txt")
        let db = Support.tempDir() + "/kb.db"
        _ = try KBStore.openForWriting(path: db)
        // A database that refuses one of the sources, as a full disk or a broken row would.
        let q = try DatabaseQueue(path: db)
        try q.write { try $0.execute(sql: "CREATE TRIGGER poison BEFORE INSERT ON sentences WHEN new.text LIKE 'Russia condemned%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END") }
        try q.close()
        let run = try Support.run(["ingest", "--db", db, dir])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("3 files read; sources: 2 added, 0 updated, 0 unchanged, 1 failed"), "\(run.stdout)")
        #expect(run.stderr == "kb: error: \(dir)/b.txt: not stored: database error: poisoned\n", "\(run.stderr)")
        #expect(try Support.strings(db, "SELECT f.name FROM source_files f ORDER BY f.name") == ["a.txt", "c.txt"])
        #expect(try Support.count(db, "SELECT count(*) FROM actor_mentions m JOIN sentences x ON x.id = m.sentence_id") > 0)
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run() == [])
    }
}
