import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time: `kb ingest` holds an exclusive `flock(2)` on `DB.lock`, a file beside
/// the database, for as long as it writes. A second `kb ingest` on the same database waits for
/// it (saying so once) instead of interleaving its sources with the first one's.
///
/// Why a separate file and not the database itself: SQLite locks with POSIX `fcntl` locks, and
/// closing *any* descriptor of a file drops every POSIX lock the process holds on it — opening
/// and closing the database file beside SQLite can silently release SQLite's own locks. `flock`
/// locks are independent of `fcntl` locks on Linux and macOS, and on their own file they cannot
/// interfere with SQLite at all. Readers (`kb export`, `kb check`, sqlite3) never take this lock.
///
/// The lock file is removed when the lock is released; one left behind by a killed process is
/// harmless (the kernel drops the lock with the process) and is reused by the next run.
public final class WriteLock: @unchecked Sendable {
    /// How long a second `kb ingest` waits before giving up with `KBError.databaseBusy`.
    public static let defaultTimeout: TimeInterval = 30 * 60

    /// The database the lock guards.
    public let databasePath: String
    /// The lock file: the database's path with `.lock` appended.
    public let lockPath: String
    private var fd: Int32

    private init(databasePath: String, lockPath: String, fd: Int32) {
        self.databasePath = databasePath
        self.lockPath = lockPath
        self.fd = fd
    }

    deinit { release() }

    public static func lockPath(for databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the write lock of the database at `databasePath`, waiting while another process
    /// holds it. `onWait` is called once, the first time the lock is found busy. Gives up with
    /// `KBError.databaseBusy` after `timeout` seconds, or as soon as `shouldStop` returns true.
    ///
    /// The lock does not look at the database: take it first, then open the store (which
    /// refuses a file that is not a kb database; releasing the lock then removes the lock file
    /// again). Looking inside the database before holding the lock would race with the writer.
    public static func acquire(databasePath: String, timeout: TimeInterval = defaultTimeout,
                               onWait: () -> Void = {}, shouldStop: () -> Bool = { false }) throws -> WriteLock {
        let lockPath = lockPath(for: databasePath)
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw KBError.database(path: databasePath, message: "cannot create its lock file \(lockPath): \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The holder before us may have removed the file after we opened it: then our
                // lock is on a file nobody else will open. Start again with the current file.
                var held = stat(), current = stat()
                if fstat(fd, &held) == 0, stat(lockPath, &current) == 0,
                   held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                    return WriteLock(databasePath: databasePath, lockPath: lockPath, fd: fd)
                }
                close(fd)
                continue
            }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN
            let reason = String(cString: strerror(errno))
            close(fd)
            guard busy else {
                throw KBError.database(path: databasePath, message: "cannot lock \(lockPath): \(reason)")
            }
            if !announced { announced = true; onWait() }
            if shouldStop() || Date() >= deadline { throw KBError.databaseBusy(path: databasePath) }
            usleep(50_000)
        }
    }

    /// Removes the lock file and releases the lock (in that order, so that a waiter that opened
    /// the old file notices and starts again). Called by deinit; calling it twice is harmless.
    public func release() {
        guard fd >= 0 else { return }
        unlink(lockPath)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
