import CSQLiteConfig
import Foundation
import GRDB

/// A kb database file. Opening checks what the file is before anything is written to it:
/// a file that is not a kb database, or one written by a newer kb, is refused and left untouched.
public final class KBStore: Sendable {
    public let path: String
    public let queue: DatabaseQueue
    public let readOnly: Bool

    /// Whether SQLite runs in multi-thread mode: set once, before the process's first connection
    /// (every kb command opens its database through `inspect`), else left serialized. On 10,000
    /// articles the writer's thread spent 2% of its time taking and releasing SQLite's mutexes.
    static let multiThreadMode: Bool = kb_sqlite_config_multithread() == 0

    /// Pages of write-ahead log after which a commit copies it back into the file (SQLite's
    /// automatic checkpoint; an ingest checkpoints on its own thread instead: `Checkpointer`).
    static let walAutocheckpoint = 10_000

    /// 'kbdb' — marks the file as a kb database (PRAGMA application_id).
    static let applicationID: Int32 = 0x6B62_6462

    private init(path: String, queue: DatabaseQueue, readOnly: Bool) {
        self.path = path
        self.queue = queue
        self.readOnly = readOnly
    }

    /// Opens (creating when missing) a database for ingest, and brings its schema up to date.
    public static func openForWriting(path: String) throws -> KBStore {
        do {
            try inspect(path: path, mustExist: false)
        } catch KBError.needsRecovery {
            // A write was interrupted (a hot journal): a read-write connection rolls it back; then look again.
            let q = try DatabaseQueue(path: path)
            _ = try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            try q.close()
            try inspect(path: path, mustExist: false)
        }
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The ingest stages each batch's sentences in a temporary table: keep it in memory.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A batch writes into every index of a growing file: 16 MB of page cache instead of
            // SQLite's 2 MB, and the WAL copied back every 10,000 pages instead of every 1,000
            // (an index page written by each batch is then copied once, not once per batch).
            // 10k articles, one extraction thread, 64 to a transaction: 20.8 s -> 17.0 s wall,
            // system time 3.8 s -> 1.8 s.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(walAutocheckpoint)")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        } catch let error as DatabaseError {
            throw KBError.from(error, path: path)
        }
        let store = KBStore(path: path, queue: queue, readOnly: false)
        try Migrator(store: store).migrate()
        return store
    }

    /// Opens an existing database read-only: queries can never write.
    public static func openReadOnly(path: String) throws -> KBStore {
        // The connection that inspected the file is the one queries use: opening a connection
        // reads the whole schema, a tenth of a short question's time.
        let inspected = try inspect(path: path, mustExist: true, keepOpen: true)
        do {
            let queue = try inspected ?? DatabaseQueue(path: path, configuration: readOnlyConfiguration)
            let store = KBStore(path: path, queue: queue, readOnly: true)
            let version = try Migrator(store: store).currentVersion()
            let known = try EmbeddedResources.migrations().last?.version ?? 0
            if version < known {
                throw KBError.database(path: path, message: "schema version \(version) is older than this kb's \(known); run `kb ingest` on it once to upgrade it")
            }
            return store
        } catch let error as DatabaseError {
            throw KBError.from(error, path: path)
        }
    }

    static var readOnlyConfiguration: Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        return config
    }

    /// Checks the file before SQLite touches it; with `keepOpen`, returns the read-only
    /// connection it looked inside with (nil when there is no file, or it is empty).
    @discardableResult
    static func inspect(path: String, mustExist: Bool, keepOpen: Bool = false) throws -> DatabaseQueue? {
        _ = multiThreadMode
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            if mustExist { throw KBError.notFound(path: path) }
            return nil
        }
        if isDir.boolValue { throw KBError.notAKBDatabase(path: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KBError.unreadable(path: path, reason: "permission denied")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty {
            if mustExist { throw KBError.notAKBDatabase(path: path, reason: "the file is empty") }
            return nil
        }
        guard header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw KBError.notAKBDatabase(path: path, reason: "not an SQLite file")
        }
        // Look inside read-only: tables without kb's bookkeeping mean someone else's database.
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration)
            let (tables, hasMigrations, appID) = try queue.read { db -> (Int, Bool, Int32) in
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let has = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '_kb_migrations'") ?? false
                let app = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                return (tables, has, app)
            }
            if tables > 0 && !hasMigrations {
                try queue.close()
                throw KBError.notAKBDatabase(path: path, reason: "it has \(tables) table\(tables == 1 ? "" : "s") but no _kb_migrations")
            }
            if appID != 0 && appID != applicationID {
                try queue.close()
                throw KBError.notAKBDatabase(path: path, reason: "its application_id belongs to another program")
            }
            if keepOpen { return queue }
            try queue.close()
            return nil
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw KBError.databaseBusy(path: path)
            case .SQLITE_READONLY:
                throw mustExist ? KBError.database(path: path, message: "an interrupted write left it needing recovery; run `kb ingest` on it (or open it once in sqlite3)") : KBError.needsRecovery(path: path)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                // The header says SQLite: the file is a database, and damaged.
                throw KBError.damaged(path: path, message: error.message ?? "\(error)")
            default:
                throw KBError.notAKBDatabase(path: path, reason: error.message ?? "\(error)")
            }
        }
    }
}

extension KBStore {
    /// Runs `body` in one IMMEDIATE transaction: all of it is stored, or none.
    public func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw KBError.from(error, path: path)
        }
    }

    /// Runs reads on the writing connection as it is. GRDB's `read` switches `PRAGMA query_only`
    /// on and off around its body, and every such switch makes SQLite expire (re-prepare) every
    /// cached statement: the ingest's look-ups between batches use this instead.
    public func lookUp<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.inDatabase { db in try body(db) }
        } catch let error as DatabaseError {
            throw KBError.from(error, path: path)
        }
    }

    /// Runs a read on the database.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch let error as DatabaseError {
            throw KBError.from(error, path: path)
        }
    }
}
