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

/// `kb ingest`: reads files, extracts, and stores sources in transactions of up to `batchSize`
/// sources, so that an interrupted run never leaves a source half-stored and a rerun completes
/// it. Extraction is pure per source and runs on every core while the previous batch is being
/// written (one writer: SQLite's).
public struct Ingester: Sendable {
    public enum Message: Sendable {
        case error(String), warning(String), progress(done: Int, total: Int, file: String)
        /// What the ingest is doing when it is not reading files (for a terminal's progress line).
        case status(String)
    }

    public let processor: ArticleProcessor
    /// Sources per transaction; 1 stores each source as soon as it is extracted.
    public let batchSize: Int
    /// Threads that extract at once.
    public let workers: Int
    /// When to drop the query indexes while storing, and build them at the end.
    public let queryIndexes: QueryIndexes.Policy
    let actorStore = ActorStore()

    /// Sources per transaction. Fewer, larger transactions write fewer, larger full-text segments
    /// (less merging) and copy the WAL back less often: 10k articles on two cores took 17.0 s at
    /// 64, 17.5 s at 128, 15.4 s at 256 and 15.0 s at 512 (peak memory 104, 141, 190, 304 MB).
    public static let defaultBatchSize = 256
    /// Extraction threads: one per core but the one the writer needs (on two cores, a second
    /// extraction thread slowed 10k articles from 17.0 s to 20.5 s: the writer, the critical
    /// path, lost its core to it).
    public static let defaultWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    /// The first batch is a sixteenth of `batchSize`, and each next one twice the one before, up
    /// to `batchSize`: the writer starts storing after a few documents are extracted instead of a
    /// whole batch (with 256 at once, the writer of the 1,000-article benchmark spent its first
    /// quarter second of 1.3 extracting them alongside the worker before it stored anything).
    static func firstBatchSize(_ batchSize: Int) -> Int { max(1, batchSize / 16) }

    public init(resources: Resources, batchSize: Int = Ingester.defaultBatchSize, workers: Int = Ingester.defaultWorkers,
                queryIndexes: QueryIndexes.Policy = .auto) {
        processor = ArticleProcessor(resources: resources)
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
        self.queryIndexes = queryIndexes
    }

    public func run(paths: [String], store: KBStore, onMessage: (Message) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) throws -> IngestReport {
        try run(paths: paths, open: { store }, onMessage: onMessage, shouldStop: shouldStop)
    }

    /// Batches extracted ahead while the database is being opened and made ready: enough to keep
    /// the extraction threads busy through it (16 + 32 + 64 + 128 articles at the default size).
    static let batchesAheadOfOpening = 4

    /// What the database holds when the run starts, once it is open and ready to be written.
    struct Ready: Sendable {
        let store: KBStore
        /// Query indexes an interrupted ingest had left dropped, built again.
        let restored: Int
        let storedBefore: Int
    }

    /// Reads `paths` and stores what they hold in the database `open` gives (opening it, with its
    /// migrations, and loading the actor dictionary into it is a tenth of a second for a new
    /// database: it happens on another thread while the first articles are read and extracted).
    /// Messages wait until the database is ready: when it cannot be opened, its error is the one
    /// reported.
    public func run(paths: [String], open: @escaping @Sendable () throws -> KBStore, onMessage: (Message) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) throws -> IngestReport {
        let started = Date()
        var report = IngestReport()
        var held: [Message]? = []
        func say(_ m: Message) { if held != nil { held!.append(m) } else { onMessage(m) } }
        let walker = FileWalker(paths: paths)
        for e in walker.errors {
            report.failed += 1
            say(.error(e.localizedDescription))
        }
        let files = walker.files
        // The first file is read (and a JSON Lines shard parsed) while the database is made ready.
        let words = processor.resources.htmlClasses
        var next = files.first.map { f in Background { DocumentReader.read(path: f.path, words: words) } }
        let preparing = Background { [self] () throws -> Ready in
            let store = try open()
            // Indexes an ingest killed before its end left dropped are built before anything else.
            let restored = try rebuildQueryIndexes(store)
            try recordVersions(store)
            let storedBefore = try store.lookUp { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sources") ?? 0 }
            return Ready(store: store, restored: restored, storedBefore: storedBefore)
        }
        // Batches being extracted, oldest first; each is stored once extracted and the database ready.
        var inFlight: [ExtractionJob] = []
        let extraction = DispatchQueue(label: "kb.extraction", qos: .userInitiated)
        var ready: (Ready, Checkpointer)?
        defer {
            if let (r, checkpointer) = ready {
                checkpointer.stop()
                try? r.store.lookUp { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            }
        }
        func isReady() -> Bool { ready != nil || preparing.isDone }
        // The database, once ready; waiting for it, this thread extracts what no worker has taken.
        func whenReady() throws -> (Ready, Checkpointer) {
            if let ready { return ready }
            while !preparing.isDone, let job = inFlight.first(where: { $0.hasUntaken }) { _ = job.extractOne(processor) }
            let r = try preparing.value()
            let checkpointer = try Checkpointer(r.store)
            ready = (r, checkpointer)
            // Every row the batches insert names ids the writer gave or looked up: checking each
            // reference is 4-5% of a run. Deletes go through `Cascade` (see there). SQLite changes
            // the setting only outside a transaction; the defer above sets it back.
            try r.store.lookUp { db in try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            if r.restored > 0 { onMessage(.warning("built \(r.restored) query index\(r.restored == 1 ? "" : "es") again that an interrupted ingest had dropped")) }
            if let held { held.forEach(onMessage) }
            held = nil
            return ready!
        }
        var indexesDropped = false
        var manifests: [String: Manifest?] = [:]
        var batch: [ExtractionJob.Item] = []
        var batchLimit = Self.firstBatchSize(batchSize)
        // Stores the oldest batch; first drops the query indexes once that pays.
        func storeOldest() throws {
            let (r, _) = try whenReady()
            let job = inFlight.removeFirst()
            if !indexesDropped, QueryIndexes.worthDropping(storedThisRun: report.added + report.updated, storedBefore: r.storedBefore, policy: queryIndexes) {
                _ = try r.store.transaction { db in try QueryIndexes.drop(db) }
                indexesDropped = true
            }
            try write(job, store: r.store, report: &report, onMessage: say)
            // A stored batch's extractions are freed on another thread: a few seconds of the
            // writer's thread at 100,000 articles.
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(job) {} }
        }
        // Hands the batch read so far to the workers, and stores the one they finished before
        // (until the database is ready, a few batches are extracted ahead instead).
        func handOff() throws {
            guard !batch.isEmpty else { return }
            // Documents stored as they are need no extraction. Until the database is ready, every
            // document is extracted (the writer checks again, and skips the stored ones).
            let stored = try isReady() ? whenReady().0.store.lookUp { db in
                try batch.map { try SourceWriter.isStored(db, document: $0.doc, fingerprint: $0.fingerprint) }
            } : Array(repeating: false, count: batch.count)
            let job = ExtractionJob(items: batch, skip: stored)
            batch = []
            batchLimit = min(batchSize, batchLimit * 2)
            job.start(processor, workers: workers, on: extraction)
            inFlight.append(job)
            while inFlight.count > (isReady() ? 1 : Self.batchesAheadOfOpening) {
                try storeOldest()
            }
        }
        files: for (n, found) in files.enumerated() {
            if shouldStop() { report.interrupted = true; break }
            if ready != nil { onMessage(.progress(done: n, total: files.count, file: found.path)) }
            report.filesRead += 1
            let manifest: Manifest?
            if let cached = manifests[found.folder] { manifest = cached } else {
                do { manifest = try Manifest.load(folder: found.folder) } catch {
                    manifest = nil
                    say(.error(error.localizedDescription))
                }
                manifests[found.folder] = manifest
            }
            let results = try next?.value() ?? []
            next = n + 1 < files.count ? Background { [path = files[n + 1].path] in DocumentReader.read(path: path, words: words) } : nil
            for result in results {
                switch result {
                case .failure(let error):
                    report.failed += 1
                    say(.error(error.localizedDescription))
                case .success(let doc):
                    for w in doc.warnings { say(.warning(w)) }
                    let supplied = manifest?.entries[doc.name] ?? manifest?.entries[(doc.path as NSString).lastPathComponent]
                    batch.append(.init(doc: doc, supplied: supplied, fingerprint: processor.fingerprint(doc, supplied: supplied)))
                    if batch.count >= batchLimit { try handOff() }
                }
                // A document read is stored (below); the next is not read.
                if shouldStop() { report.interrupted = true; break files }
            }
        }
        // What was read is stored, interrupted or not: at most two batches' worth (before the
        // database is ready, up to four smaller batches and the one being read).
        try handOff()
        let (r, checkpointer) = try whenReady()
        while !inFlight.isEmpty {
            // What is committed so far is copied into the file while the last batch is stored.
            if inFlight.count == 1 { checkpointer.request() }
            try storeOldest()
        }
        if indexesDropped {
            onMessage(.status("building the query indexes"))
            _ = try rebuildQueryIndexes(r.store)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Builds the query indexes a large ingest dropped (see `QueryIndexes`). Each build sorts every
    /// row of its table: with temporary storage in memory (the ingest's setting, for its staging
    /// table) the sort held all of it, the peak of a 100,000-article run (178 MB, against 125-135
    /// during the rest of it), and ten times more at a million articles. Here it spills to a
    /// temporary file past the sorter's share of the page cache. (SQLite changes the setting only
    /// outside a transaction, and drops temporary tables when it does: the staging table is made
    /// again by the next batch.)
    func rebuildQueryIndexes(_ store: KBStore) throws -> Int {
        try store.lookUp { db in try db.execute(sql: "PRAGMA temp_store = FILE") }
        defer { try? store.lookUp { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") } }
        return try store.transaction { db in try QueryIndexes.rebuild(db) }
    }

    /// What storing one document did, applied to the report once its transaction committed.
    enum Stored { case outcome(SourceWriter.Outcome, sentences: Int), failed(String) }

    /// Stores a batch in one transaction. If any source fails to store, the transaction rolls
    /// back and the batch is stored again one source per transaction, so that only the failing
    /// source is lost.
    func write(_ job: ExtractionJob, store: KBStore, report: inout IngestReport, onMessage: (Message) -> Void) throws {
        job.finish(processor)
        var results: [Stored] = []
        do {
            results = try store.transaction { db in
                let writer = try SourceWriter(db, actors: actorStore)
                var out: [Stored] = []
                for k in job.items.indices {
                    if case .failure(let error) = job.results[k] { out.append(.failed(Self.message(error, job.items[k].doc))); continue }
                    out.append(try storeOne(job, k, writer: writer, db))
                }
                try writer.flush(db)
                return out
            }
        } catch {
            // The transaction rolled back: ids of actors learned in it no longer exist.
            try store.read { db in try actorStore.load(db) }
            results = []
            for k in job.items.indices {
                if case .failure(let error) = job.results[k] { results.append(.failed(Self.message(error, job.items[k].doc))); continue }
                do {
                    results.append(try store.transaction { db in
                        let writer = try SourceWriter(db, actors: actorStore)
                        let stored = try storeOne(job, k, writer: writer, db)
                        try writer.flush(db)
                        return stored
                    })
                } catch let error as KBError where error.isDiskFull {
                    // Every later source would fail the same way: stop here, with what is stored.
                    let stored = report.added + report.updated + results.filter { if case .outcome(.added, _) = $0 { true } else if case .outcome(.updated, _) = $0 { true } else { false } }.count
                    throw KBError.diskFull(path: store.path, stored: stored, file: Self.name(job.items[k].doc))
                } catch {
                    try store.read { db in try actorStore.load(db) }
                    results.append(.failed(Self.message(error, job.items[k].doc)))
                }
            }
        }
        for r in results {
            switch r {
            case .failed(let message):
                report.failed += 1
                onMessage(.error(message))
            case .outcome(let outcome, let sentences):
                report.sentences += sentences
                count(outcome, &report)
            }
        }
    }

    /// Stores one document of a batch: nothing if it is stored already, else its extraction
    /// (made here if the workers skipped it as stored and it changed meanwhile).
    func storeOne(_ job: ExtractionJob, _ k: Int, writer: SourceWriter, _ db: Database) throws -> Stored {
        let item = job.items[k]
        if let outcome = try writer.needsWrite(db, document: item.doc, fingerprint: item.fingerprint) {
            return .outcome(outcome, sentences: 0)
        }
        let processed: ProcessedSource
        switch job.results[k] {
        case .success(let p)?: processed = p
        case .failure(let error)?: throw error
        case nil: processed = try processor.process(item.doc, supplied: item.supplied)
        }
        return .outcome(try writer.write(db, processed), sentences: processed.sentences.count)
    }

    /// The file (and record) a document came from.
    static func name(_ doc: RawDocument) -> String { doc.record.isEmpty ? doc.path : "\(doc.path)#\(doc.record)" }

    /// The error line for a document: it names the file (and record) and the reason.
    static func message(_ error: Error, _ doc: RawDocument) -> String {
        let file = name(doc)
        switch error {
        case KBError.database(_, let message): return "\(file): not stored: database error: \(message)"
        case let e as DatabaseError: return "\(file): not stored: database error: \(e.message ?? "\(e)")"
        case let e as KBError: return e.localizedDescription
        default: return "\(file): \(error)"
        }
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
