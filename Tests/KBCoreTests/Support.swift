import Foundation
import GRDB
@testable import KBCore

/// Shared helpers: temporary folders, ingest through the library, the real `kb` binary, and
/// the one fixture database built from corpus/ that tests and README examples share.
enum Support {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repoRoot.appending(path: "corpus").path

    static func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appending(path: "kb-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func write(_ text: String, to dir: String, _ name: String) -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    static func write(bytes: [UInt8], to dir: String, _ name: String) -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let resources: Resources = try! Resources()

    /// Ingests through the library; returns the report and the messages: errors as they are,
    /// warnings and status lines prefixed "warning: " and "status: ".
    static func ingest(_ paths: [String], db: String, batchSize: Int = Ingester.defaultBatchSize,
                       queryIndexes: QueryIndexes.Policy = .auto) throws -> (IngestReport, [String]) {
        let store = try KBStore.openForWriting(path: db)
        var messages: [String] = []
        let report = try Ingester(resources: resources, batchSize: batchSize, queryIndexes: queryIndexes).run(paths: paths, store: store, onMessage: { m in
            switch m {
            case .error(let e): messages.append(e)
            case .warning(let w): messages.append("warning: " + w)
            case .status(let s): messages.append("status: " + s)
            case .progress: break
            }
        })
        return (report, messages)
    }

    /// A read-only connection that waits for writers instead of failing.
    static func reader(_ db: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        return try DatabaseQueue(path: db, configuration: config)
    }

    static func count(_ db: String, _ sql: String) throws -> Int {
        let q = try reader(db)
        return try q.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    static func strings(_ db: String, _ sql: String) throws -> [String] {
        let q = try reader(db)
        return try q.read { try String.fetchAll($0, sql: sql) }
    }

    /// Row counts of every table of the schema (FTS shadow tables excluded).
    static func tableCounts(_ db: String) throws -> [String: Int] {
        let q = try reader(db)
        return try q.read { db in
            var out: [String: Int] = [:]
            for t in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' AND name NOT LIKE 'sqlite_%'") {
                out[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(t)\"")
            }
            return out
        }
    }

    /// The fixture database built once from corpus/.
    static let corpusDB: String = {
        let db = (tempDir() as NSString).appendingPathComponent("corpus.db")
        _ = try! ingest([corpus], db: db)
        return db
    }()

    /// The real `kb` binary, built beside the test bundle.
    static var kbBinary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "kb").path,
            repoRoot.appending(path: ".build/debug/kb").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    struct RunResult { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `kb` (or another program, `executable`) and collects its output.
    static func run(_ arguments: [String], environment: [String: String] = [:], cwd: String? = nil, executable: String? = nil) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? kbBinary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "KB_DB")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting so that a large output cannot fill the pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

extension Support {
    /// Runs the whole extraction on one article text published on `published`.
    static func process(_ text: String, published: String? = nil) throws -> ProcessedSource {
        var doc = RawDocument(path: "/test/article.txt", record: "", name: "article.txt", format: .text, body: text,
                              metadata: SourceMetadata(), contentHash: SHA256.hex(text))
        if let p = published { doc.metadata.published = Sourced(KBDate(iso: p)!, .user) }
        return try ArticleProcessor(resources: resources).process(doc, supplied: nil)
    }

    static func actorName(_ key: String) -> String { resources.actors.actor(key: key)?.name ?? key }
}
