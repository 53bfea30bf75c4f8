import Foundation
import Testing
@testable import KBCore

/// Each bad input gets one clear error naming the file (and line) and the reason; the other
/// files are still stored; the database stays sound.
@Suite("Bad input")
struct BadInputTests {
    static let good = "Russia's foreign ministry warned Israel on Monday against further strikes in Syria, officials said.\n"

    func ingestWithGood(_ setUp: (String) -> Void) throws -> (IngestReport, [String], String) {
        let dir = Support.tempDir()
        Support.write(Self.good, to: dir, "good.txt")
        setUp(dir)
        let db = Support.tempDir() + "/kb.db"
        let (report, errors) = try Support.ingest([dir], db: db)
        #expect(try Support.strings(db, "PRAGMA integrity_check") == ["ok"])
        #expect(try Support.count(db, "SELECT count(*) FROM source_files WHERE name = 'good.txt'") == 1, "the good file was not stored")
        return (report, errors, db)
    }

    @Test("an empty file")
    func empty() throws {
        let (report, errors, _) = try ingestWithGood { Support.write("", to: $0, "empty.txt") }
        #expect(report.failed == 1 && report.added == 1)
        #expect(errors.count == 1 && errors[0].contains("empty.txt") && errors[0].contains("empty file"))
    }

    @Test("a binary file")
    func binary() throws {
        let (report, errors, _) = try ingestWithGood { Support.write(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], to: $0, "image.txt") }
        #expect(report.failed == 1)
        #expect(errors.count == 1 && errors[0].contains("image.txt") && errors[0].contains("binary"))
    }

    @Test("Latin-1 text is read as Windows-1252 after a warning")
    func latin1() throws {
        let text = "Le ministre fran\u{E7}ais a d\u{E9}clar\u{E9} que la Russie doit cesser ses frappes en Syrie, selon l\u{2019}agence."
        var bytes = Array(text.unicodeScalars.map { $0.value == 0x2019 ? UInt8(0x92) : UInt8($0.value) })
        bytes.append(0x0A)
        let (report, errors, db) = try ingestWithGood { Support.write(bytes: bytes, to: $0, "latin1.txt") }
        #expect(report.failed == 0 && report.added == 2)
        #expect(errors.count == 1 && errors[0].hasPrefix("warning:") && errors[0].contains("latin1.txt") && errors[0].contains("Windows-1252"))
        #expect(try Support.strings(db, "SELECT text FROM sentences WHERE text LIKE 'Le ministre%'") == [text])
    }

    @Test("a malformed JSON line between good ones costs only that line")
    func malformedJSONLine() throws {
        let (report, errors, db) = try ingestWithGood {
            Support.write("""
                {"id": "a", "text": "Iran warned Israel against further strikes in Syria on Sunday, state media reported."}
                {"id": "b", "text": "broken
                {"id": "c", "text": "Turkey and Russia agreed on a ceasefire in Idlib on Thursday, both governments said."}
                """, to: $0, "feed.jsonl")
        }
        #expect(report.failed == 1 && report.added == 3)
        #expect(errors == [errors.first { $0.contains("feed.jsonl:2") && $0.contains("not valid JSON") } ?? "missing"])
        #expect(try Support.strings(db, "SELECT name FROM source_files ORDER BY name") == ["feed.jsonl#a", "feed.jsonl#c", "good.txt"])
    }

    @Test("front matter with an impossible date")
    func impossibleDate() throws {
        let (report, errors, _) = try ingestWithGood {
            Support.write("---\ntitle: Bad\ndate: 2019-02-30\n---\nIsrael struck Syria on Monday, the army said in a statement on Tuesday.\n", to: $0, "bad.md")
        }
        #expect(report.failed == 1)
        #expect(errors.count == 1 && errors[0].contains("bad.md") && errors[0].contains("2019-02-30"))
    }

    @Test("the same content under two names is one source with both files")
    func sameContent() throws {
        let (report, errors, db) = try ingestWithGood { Support.write(Self.good, to: $0, "copy.txt") }
        #expect(errors.isEmpty)
        #expect(report.added == 1 && report.duplicates == 1)
        #expect(try Support.count(db, "SELECT count(*) FROM sources") == 1)
        #expect(try Support.count(db, "SELECT count(*) FROM source_files") == 2)
    }

    @Test("a symlink loop and a folder that links to its parent")
    func symlinkLoops() throws {
        let (report, errors, _) = try ingestWithGood { dir in
            try! FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
            try! FileManager.default.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: "..")
            try! FileManager.default.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: "loop2")
            try! FileManager.default.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: "loop1")
        }
        #expect(report.added == 1)
        #expect(report.filesRead == 1)
        #expect(errors.count == 2 && errors.allSatisfy { $0.contains("loop") && $0.contains("symbolic link") })
    }

    @Test("a path that does not exist")
    func missingPath() throws {
        let db = Support.tempDir() + "/kb.db"
        let dir = Support.tempDir()
        let good = Support.write(Self.good, to: dir, "good.txt")
        let (report, errors) = try Support.ingest([dir + "/nope.txt", good], db: db)
        #expect(report.failed == 1 && report.added == 1)
        #expect(errors == ["\(dir)/nope.txt: no such file or folder"])
    }

    @Test("--db pointing at a file that is not a kb database leaves it byte-for-byte untouched")
    func notAKBDatabase() throws {
        let dir = Support.tempDir()
        let text = Support.write("just some notes\n", to: dir, "notes.db")
        let before = try Data(contentsOf: URL(fileURLWithPath: text))
        #expect(throws: KBError.self) { try KBStore.openForWriting(path: text) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)

        // Another program's SQLite database.
        let other = dir + "/other.sqlite"
        let q = try GRDBHelpers.makeDatabase(other, "CREATE TABLE people(name TEXT)")
        _ = q
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        do {
            _ = try KBStore.openForWriting(path: other)
            Issue.record("opened another program's database")
        } catch let error as KBError {
            #expect(error.localizedDescription.contains("not a kb database"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    }
}
