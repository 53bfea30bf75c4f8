import Foundation
import GRDB
import Testing
@testable import KBCore

/// Failures that say what happened: a full disk stops the ingest with one line, and a damaged
/// file is called damaged, with what to do.
@Suite("Failure messages", .serialized)
struct FailureMessageTests {
    /// Whether this machine lets the tests mount a small tmpfs (root in a container that allows it).
    static let canMount: Bool = {
        let dir = Support.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard mount(dir, size: "1m") else { return false }
        unmount(dir)
        return true
    }()

    @discardableResult
    static func mount(_ dir: String, size: String, remount: Bool = false) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/mount")
        p.arguments = remount ? ["-o", "remount,size=\(size)", dir] : ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    static func unmount(_ dir: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/umount")
        p.arguments = [dir]
        try? p.run()
        p.waitUntilExit()
    }

    /// 300 articles, each a corpus article under a line of its own (so that none is a duplicate).
    static func articles() throws -> String {
        let dir = Support.tempDir()
        let texts = try FileManager.default.contentsOfDirectory(atPath: Support.corpus).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOfFile: Support.corpus + "/" + $0, encoding: .utf8) }
        for i in 0..<300 { Support.write("Report number \(i) on the region.\n" + texts[i % texts.count], to: dir, String(format: "a%03d.txt", i)) }
        return dir
    }

    @Test("a full disk stops the ingest at the first failure with one line; what was stored is whole and a rerun completes it",
          .enabled(if: canMount, "needs permission to mount a tmpfs (root, in a container that allows it)"))
    func fullDisk() throws {
        let dir = Support.tempDir()
        #expect(Self.mount(dir, size: "3m"))
        defer { Self.unmount(dir) }
        let db = dir + "/kb.db"
        let input = try Self.articles()
        let r = try Support.run(["ingest", input, "--db", db])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("kb: error: \(db): the disk is full while storing \(input)/a"))
        #expect(line.contains("nothing is half-written") && line.contains("run the same kb ingest again"))
        // The count it gives is what the database holds, and the database is sound.
        let stored = Int(line.firstMatch(of: /(\d+) sources? (was|were) stored whole/)?.1 ?? "") ?? -1
        #expect(stored > 0 && stored < 300)
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == stored)
        let check = try Support.run(["check", "--db", db])
        #expect(check.stdout == "ok\n")
        // Once there is room, the same command stores the rest.
        #expect(Self.mount(dir, size: "64m", remount: true))
        let again = try Support.run(["ingest", input, "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("sources: \(300 - stored) added, 0 updated, \(stored) unchanged, 0 failed"))
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == 300)
    }

    /// A copy of the corpus database with `count` bytes overwritten at `offset`.
    static func damagedCopy(offset: Int, count: Int) throws -> String {
        let db = Support.tempDir() + "/kb.db"
        // A checkpointed copy: the whole database is in the main file.
        try Support.reader(Support.corpusDB).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try FileManager.default.copyItem(atPath: Support.corpusDB, toPath: db)
        let h = try #require(FileHandle(forUpdatingAtPath: db))
        try h.seek(toOffset: UInt64(offset))
        h.write(Data(repeating: 0xFF, count: count))
        try h.close()
        return db
    }

    @Test("kb check calls a file with a damaged page damaged, with SQLite's message and how to recover, and exits 1")
    func damagedPage() throws {
        let db = try Self.damagedCopy(offset: 4096 * 100, count: 64)
        let r = try Support.run(["check", "--db", db])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "integrity: database disk image is malformed", "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("damaged: \(db): the database file is damaged (SQLite: database disk image is malformed). Rebuild it from the articles") })
        #expect(r.stdout.contains("sqlite3 \(db) .recover"))
        #expect(!r.stdout.contains("not a kb database") && !r.stderr.contains("not a kb database"))
    }

    @Test("a file whose schema page is damaged is damaged, not 'not a kb database', for every command")
    func damagedSchema() throws {
        let db = try Self.damagedCopy(offset: 108, count: 200)
        for args in [["check"], ["query", "who met Putin"], ["ingest", Support.corpus]] {
            let r = try Support.run(args + ["--db", db])
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("kb: error: \(db): the database file is damaged (SQLite: "), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("Rebuild it from the articles"))
        }
    }
}
