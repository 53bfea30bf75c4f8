import Foundation
import GRDB
import GRDBSQLite

/// Copies the write-ahead log back into the database file on a connection and a thread of its
/// own while an ingest writes. Left to SQLite, the commit that takes the log past
/// `KBStore.walAutocheckpoint` pages copies it, on the writer's thread; and the writer is the
/// ingest's critical path, while the extraction thread has time to spare waiting for it. Here
/// the writer's commit only wakes this thread (SQLite's WAL hook, which replaces the automatic
/// checkpoint), at the same mark, and a passive checkpoint never blocks the writer.
/// Killing kb during a checkpoint is safe: SQLite designed checkpoints to be interrupted.
final class Checkpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let writer: DatabaseQueue
    private let condition = NSCondition()
    private var requested = false
    private var stopping = false
    private let done = DispatchGroup()

    /// Starts checkpointing `store`'s database in place of its writing connection.
    init(_ store: KBStore) throws {
        var config = Configuration()
        config.busyMode = .timeout(60)
        connection = try DatabaseQueue(path: store.path, configuration: config)
        writer = store.queue
        done.enter()
        Thread { [self] in run() }.start()
        let context = Unmanaged.passUnretained(self).toOpaque()
        writer.inDatabase { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, { context, connection, _, pages in
                if let context { Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().walGrew(to: Int(pages), connection) }
                return SQLITE_OK
            }, context)
        }
    }

    /// The log's length when a checkpoint was last asked for (the writer's thread only).
    private var askedAt = 0

    /// After each commit (on the writer's thread): asks for a checkpoint once the log has grown by
    /// `KBStore.walAutocheckpoint` pages since the last one was asked for, or since SQLite started
    /// it over. SQLite starts the log over only when a checkpoint has copied all of it, which one
    /// running beside a busy writer rarely does (the writer has committed more meanwhile): the log
    /// grew to 2.8 GB over 100,000 articles, and the writer's system time doubled. So past twice the
    /// mark the writer copies what is left itself, little since the last background checkpoint.
    private func walGrew(to pages: Int, _ connection: OpaquePointer?) {
        if pages < askedAt { askedAt = 0 }
        if pages >= 2 * KBStore.walAutocheckpoint {
            _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        guard pages - askedAt >= KBStore.walAutocheckpoint else { return }
        askedAt = pages
        request()
    }

    /// Asks for a checkpoint now, whatever the size of the log: before the ingest stores its last
    /// batch, so that the copy SQLite makes when the writer closes is left with that batch only.
    func request() {
        condition.lock()
        requested = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the checkpoint under way (or asked for), closes the connection, and gives the
    /// writer SQLite's automatic checkpoint back.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        done.wait()
        try? connection.close()
        writer.inDatabase { db in _ = sqlite3_wal_autocheckpoint(db.sqliteConnection, Int32(KBStore.walAutocheckpoint)) }
    }

    private func run() {
        while true {
            condition.lock()
            while !requested && !stopping { condition.wait() }
            // A checkpoint asked for is made even when stopping: the writer's close would make it otherwise.
            if !requested {
                condition.unlock()
                break
            }
            requested = false
            condition.unlock()
            // PASSIVE: copies what it can without waiting for the writer; what it cannot, the next one does.
            _ = try? connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        }
        done.leave()
    }
}
