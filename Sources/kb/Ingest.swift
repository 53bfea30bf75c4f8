import ArgumentParser
import Foundation
import KBCore

nonisolated(unsafe) var interruptRequested: sig_atomic_t = 0

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles (text, Markdown, HTML, JSON Lines, JSON) into the database.",
        discussion: """
        Folders are walked recursively. Metadata the texts lack goes in a kb-manifest.csv beside \
        them (columns: file, title, published, publisher, authors, url). Unchanged files add \
        nothing; a changed file replaces its source. Articles are extracted on every core and \
        stored whole, up to --batch sources to a transaction: Ctrl-C (or SIGTERM) stops \
        reading, stores what was read (at most two batches' worth), and exits; a second Ctrl-C stops \
        at once (still safe: a killed transaction leaves nothing). One ingest writes to a \
        database at a time: a second one waits for the first (they coordinate through \
        FILE.lock beside the database). A run that stores many sources drops the indexes that \
        serve only questions and builds them once at its end (--defer-indexes); if it is killed \
        before, the next ingest builds them.
        """
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("A folder of dictionary files that replace the built-in ones of the same name.", valueName: "DIR"))
    var dictionaries: String?

    @Option(name: .long, help: ArgumentHelp("Sources stored per transaction (1: each as soon as it is extracted).", valueName: "N"))
    var batch: Int = Ingester.defaultBatchSize

    @Option(name: .long, help: ArgumentHelp("Threads that extract articles (default: one per core but the one that writes).", valueName: "N"))
    var jobs: Int = Ingester.defaultWorkers

    @Option(name: .long, help: ArgumentHelp("""
        When to drop the indexes that serve only questions while storing, and build them again at the end: \
        auto (once this run has stored \(QueryIndexes.autoMinimumSources) sources and a quarter as many as the database held), always, never.
        """, valueName: "WHEN"))
    var deferIndexes: QueryIndexes.Policy = .auto

    @Argument(help: ArgumentHelp("Files and folders to read.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        // The first signal asks to stop reading (what was read is stored); a second one stops at
        // once (still safe: a source is stored by one transaction or not at all).
        let onSignal: @convention(c) (Int32) -> Void = { sig in
            if interruptRequested != 0 { signal(sig, SIG_DFL); raise(sig) }
            interruptRequested = 1
        }
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
        // A parent may have started kb from a thread that blocks signals (libdispatch's do, and
        // the mask is inherited): unblock them, or the interrupt would never arrive.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let report = try reportingErrors { () throws -> IngestReport in
            // Loaded before the database is opened: a bad dictionary folder creates no database.
            let resources = try Resources(overrideFolder: dictionaries ?? ProcessInfo.processInfo.environment["KB_DICTIONARIES"])
            let lock = try WriteLock.acquire(databasePath: database.path, onWait: {
                Terminal.info("kb: waiting for another kb ingest to finish writing to \(database.path)…")
            }, shouldStop: { interruptRequested != 0 })
            defer { lock.release() }
            let path = database.path
            let progress = Terminal.stderrIsTerminal
            // The database is opened (and migrated) while the first articles are extracted.
            return try Ingester(resources: resources, batchSize: batch, workers: jobs, queryIndexes: deferIndexes).run(paths: paths, open: {
                try KBStore.openForWriting(path: path)
            }, onMessage: { message in
                switch message {
                case .error(let m):
                    if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    Terminal.error(m)
                case .warning(let m):
                    if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    Terminal.warning(m)
                case .status(let what):
                    guard progress else { return }
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(what)…".utf8))
                case .progress(let done, let total, let file):
                    guard progress else { return }
                    let width = 30
                    let filled = total == 0 ? width : done * width / total
                    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                    let name = (file as NSString).lastPathComponent
                    FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name.prefix(40))".utf8))
                }
            }, shouldStop: { interruptRequested != 0 })
        }
        if Terminal.stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(report.summary)
        if report.failed > 0 || report.interrupted { throw ExitCode.failure }
    }
}

extension QueryIndexes.Policy: ExpressibleByArgument {}
