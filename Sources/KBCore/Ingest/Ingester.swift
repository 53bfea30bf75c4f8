import Foundation
import GRDB

/// What an ingest run did, for the summary line.
public struct IngestReport: Sendable, Equatable {
    public var filesRead = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var duplicates = 0
    public var failed = 0
    public var interrupted = false
    public var seconds = 0.0
    public var sentences = 0

    public var summary: String {
        var s = "\(filesRead) file\(filesRead == 1 ? "" : "s") read; sources: \(added) added, \(updated) updated, \(unchanged) unchanged"
        if duplicates > 0 { s += ", \(duplicates) duplicate\(duplicates == 1 ? "" : "s") of stored sources" }
        s += ", \(failed) failed; " + String(format: "%.2f s", seconds)
        if interrupted { s += " (interrupted: the rest was not read)" }
        return s
    }
}

/// `kb ingest`: reads files, extracts, and stores each source in its own transaction, so that an
/// interrupted run never leaves a source half-stored and a rerun completes it.
public struct Ingester: Sendable {
    public enum Message: Sendable { case error(String), warning(String), progress(done: Int, total: Int, file: String) }

    public let processor: ArticleProcessor
    let actorStore = ActorStore()

    public init(resources: Resources) {
        processor = ArticleProcessor(resources: resources)
    }

    public func run(paths: [String], store: KBStore, onMessage: (Message) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) throws -> IngestReport {
        let started = Date()
        var report = IngestReport()
        let walker = FileWalker(paths: paths)
        for e in walker.errors {
            report.failed += 1
            onMessage(.error(e.localizedDescription))
        }
        try recordVersions(store)
        var manifests: [String: Manifest?] = [:]
        for (n, found) in walker.files.enumerated() {
            if shouldStop() { report.interrupted = true; break }
            onMessage(.progress(done: n, total: walker.files.count, file: found.path))
            report.filesRead += 1
            let manifest: Manifest?
            if let cached = manifests[found.folder] { manifest = cached } else {
                do { manifest = try Manifest.load(folder: found.folder) } catch {
                    manifest = nil
                    onMessage(.error(error.localizedDescription))
                }
                manifests[found.folder] = manifest
            }
            for result in DocumentReader.read(path: found.path) {
                if shouldStop() { report.interrupted = true; break }
                switch result {
                case .failure(let error):
                    report.failed += 1
                    onMessage(.error(error.localizedDescription))
                case .success(let doc):
                    for w in doc.warnings { onMessage(.warning(w)) }
                    let supplied = manifest?.entries[doc.name] ?? manifest?.entries[(doc.path as NSString).lastPathComponent]
                    do {
                        try ingest(doc, supplied: supplied, store: store, report: &report)
                    } catch {
                        report.failed += 1
                        let message = (error as? KBError)?.localizedDescription ?? "\(doc.path): \(error)"
                        onMessage(.error(message))
                    }
                }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    func ingest(_ doc: RawDocument, supplied: SourceMetadata?, store: KBStore, report: inout IngestReport) throws {
        let fingerprint = processor.fingerprint(doc, supplied: supplied)
        let known = try store.transaction { db in try SourceWriter.needsWrite(db, document: doc, fingerprint: fingerprint) }
        if let outcome = known {
            count(outcome, &report)
            return
        }
        let processed = try processor.process(doc, supplied: supplied)
        let outcome: SourceWriter.Outcome
        do {
            outcome = try store.transaction { db in try SourceWriter.write(db, processed, actors: actorStore) }
        } catch {
            // The transaction rolled back: ids of actors learned in it no longer exist.
            try? store.read { db in try actorStore.load(db) }
            throw error
        }
        report.sentences += processed.sentences.count
        count(outcome, &report)
    }

    func count(_ outcome: SourceWriter.Outcome, _ report: inout IngestReport) {
        switch outcome {
        case .added: report.added += 1
        case .updated: report.updated += 1
        case .unchanged: report.unchanged += 1
        case .duplicate: report.duplicates += 1
        }
    }

    func recordVersions(_ store: KBStore) throws {
        try store.transaction { db in
            try actorStore.sync(db, processor.resources.actors, version: processor.resources.version)
            for (k, v) in [("kb_version", KBVersion.string), ("dictionary_version", processor.resources.version)] {
                try db.execute(sql: "INSERT INTO _kb_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [k, v])
            }
        }
    }
}

public enum KBVersion {
    public static let string = "0.1.0"
}
