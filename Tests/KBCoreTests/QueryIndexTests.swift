import Foundation
import GRDB
import Testing
@testable import KBCore

/// The query indexes a large ingest drops while it stores and builds again at its end
/// (migration 7, `QueryIndexes`, `kb ingest --defer-indexes`).
@Suite("Deferred query indexes")
struct QueryIndexTests {
    /// Every index of the database: name and the statement that made it.
    static func indexes(_ db: String) throws -> [String] {
        try Support.strings(db, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
    }

    static func export(_ db: String) throws -> String {
        "\(try Exporter(store: KBStore.openReadOnly(path: db)).records())"
    }

    @Test("every index migration 7 lists exists in a fresh database, and none leads with a column a cascade of the ingest looks up")
    func listed() throws {
        let db = Support.tempDir() + "/kb.db"
        _ = try KBStore.openForWriting(path: db)
        let listed = try Support.strings(db, "SELECT name FROM _kb_query_indexes ORDER BY name")
        #expect(listed.count == 11)
        let existing = try Support.strings(db, "SELECT name FROM sqlite_master WHERE type = 'index'")
        for name in listed { #expect(existing.contains(name), "\(name) is listed but is no index") }
        // Deleting a source cascades to its sentences, events and statements, and theirs to
        // their children: those lookups must never lose their index during an ingest.
        let cascading = try Support.strings(db, """
            SELECT q.name FROM _kb_query_indexes q
            JOIN pragma_index_info(q.name) i ON i.seqno = 0
            JOIN sqlite_master m ON m.name = q.name
            JOIN pragma_foreign_key_list(m.tbl_name) f ON f."from" = i.name
            WHERE f."table" IN ('sources', 'sentences', 'events', 'stances')
            """)
        #expect(cascading.isEmpty)
    }

    /// Each cascading foreign key (table.column) that no index leads with.
    static let unindexedCascades = """
        SELECT m.name || '.' || f."from" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND f.on_delete = 'CASCADE'
          AND NOT EXISTS (SELECT 1 FROM sqlite_master i JOIN pragma_index_info(i.name) c ON c.seqno = 0
                          WHERE i.type = 'index' AND i.tbl_name = m.name AND c.name = f."from")
          AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) t WHERE t.pk = 1 AND t.name = f."from")
        ORDER BY 1
        """

    @Test("every foreign key that cascades has an index leading with its column, so a deleted row finds its children without a scan")
    func cascadesIndexed() throws {
        let db = Support.tempDir() + "/kb.db"
        _ = try KBStore.openForWriting(path: db)
        #expect(try Support.strings(db, Self.unindexedCascades) == [])
        // The query does find a missing one.
        let probe = Support.tempDir() + "/probe.db"
        try DatabaseQueue(path: probe).write { db in
            try db.execute(sql: "CREATE TABLE parent(id INTEGER PRIMARY KEY); CREATE TABLE child(x INTEGER, parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE)")
        }
        #expect(try Support.strings(probe, Self.unindexedCascades) == ["child.parent_id"])
    }

    @Test("drop notes how to build each index, `kb check` reports them missing, rebuild gives back the same indexes")
    func dropAndRebuild() throws {
        let db = Support.tempDir() + "/kb.db"
        _ = try Support.ingest([Support.corpus], db: db)
        let before = try Self.indexes(db)
        let store = try KBStore.openForWriting(path: db)
        let dropped = try store.transaction { db in try QueryIndexes.drop(db) }
        #expect(dropped == 11)
        let after = try Self.indexes(db)
        #expect(after.count == before.count - 11)
        #expect(!after.contains { $0.hasPrefix("stances_holder_year:") })
        #expect(try Support.count(db, "SELECT count(*) FROM _kb_query_indexes WHERE deferred_sql LIKE 'CREATE INDEX %'") == 11)
        // A second drop finds nothing left to drop and keeps the notes.
        #expect(try store.transaction { db in try QueryIndexes.drop(db) } == 0)
        let findings = try Checker(store: KBStore.openReadOnly(path: db)).run()
        #expect(findings.map(\.check) == ["query indexes"])
        #expect(findings.first?.message.contains("stances_holder_year") == true)
        // One made again by hand from its note meanwhile is kept, not made twice.
        try store.transaction { db in
            try db.execute(sql: try String.fetchOne(db, sql: "SELECT deferred_sql FROM _kb_query_indexes WHERE name = 'stances_holder_year'")!)
        }
        #expect(try store.transaction { db in try QueryIndexes.rebuild(db) } == 11)
        #expect(try Self.indexes(db) == before)
        #expect(try Support.count(db, "SELECT count(*) FROM _kb_query_indexes WHERE deferred_sql IS NOT NULL") == 0)
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run().isEmpty)
    }

    @Test("an ingest that drops the query indexes stores the same records and ends with every index")
    func sameRecords() throws {
        let deferred = Support.tempDir() + "/kb.db"
        let kept = Support.tempDir() + "/kb.db"
        let (report, messages) = try Support.ingest([Support.corpus], db: deferred, batchSize: 2, queryIndexes: .always)
        #expect(report.added == 5 && report.failed == 0)
        #expect(messages == ["status: building the query indexes"])
        let (_, keptMessages) = try Support.ingest([Support.corpus], db: kept, batchSize: 2, queryIndexes: .never)
        #expect(keptMessages.isEmpty)
        #expect(try Self.indexes(deferred) == Self.indexes(kept))
        #expect(try Self.export(deferred) == Self.export(kept))
        #expect(try Support.tableCounts(deferred) == Support.tableCounts(kept))
        #expect(try Checker(store: KBStore.openReadOnly(path: deferred)).run().isEmpty)
    }

    @Test("indexes an ingest killed before its end left dropped are built by the next ingest, before it stores anything")
    func killed() throws {
        let db = Support.tempDir() + "/kb.db"
        let (_, _) = try Support.ingest([Support.corpus], db: db, batchSize: 2, queryIndexes: .never)
        let before = try Self.indexes(db)
        // What a kill between the drop and the rebuild leaves: the drop committed with its notes.
        let store = try KBStore.openForWriting(path: db)
        try store.transaction { db in _ = try QueryIndexes.drop(db) }
        let (report, messages) = try Support.ingest([Support.corpus], db: db, batchSize: 2, queryIndexes: .never)
        #expect(report.unchanged == 5)
        #expect(messages == ["warning: built 11 query indexes again that an interrupted ingest had dropped"])
        #expect(try Self.indexes(db) == before)
    }

    @Test("auto drops once the run has stored 2,000 sources and a quarter of what the database held")
    func policy() {
        #expect(!QueryIndexes.worthDropping(storedThisRun: 1_999, storedBefore: 0, policy: .auto))
        #expect(QueryIndexes.worthDropping(storedThisRun: 2_000, storedBefore: 0, policy: .auto))
        #expect(!QueryIndexes.worthDropping(storedThisRun: 2_000, storedBefore: 10_000, policy: .auto))
        #expect(QueryIndexes.worthDropping(storedThisRun: 2_500, storedBefore: 10_000, policy: .auto))
        #expect(!QueryIndexes.worthDropping(storedThisRun: 1_000_000, storedBefore: 0, policy: .never))
        #expect(QueryIndexes.worthDropping(storedThisRun: 0, storedBefore: 1_000_000, policy: .always))
    }

    @Test("kb ingest --defer-indexes takes auto, always or never and refuses anything else")
    func option() throws {
        let db = Support.tempDir() + "/kb.db"
        let ok = try Support.run(["ingest", "--db", db, "--defer-indexes", "always", Support.corpus])
        #expect(ok.status == 0)
        #expect(try Self.indexes(db).count == Self.indexes(Support.corpusDB).count)
        let bad = try Support.run(["ingest", "--db", db, "--defer-indexes", "sometimes", Support.corpus])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("sometimes"))
    }
}
