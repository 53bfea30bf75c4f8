import Foundation
import GRDB

/// Every failure kb reports to a user: each message names the file (and line) and the reason,
/// and where there is one, the fix.
public enum KBError: Error, LocalizedError, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case emptyFile(path: String)
    case binaryFile(path: String)
    case noText(path: String, reason: String)
    case malformedRecord(path: String, line: Int, reason: String)
    case badMetadata(path: String, field: String, value: String, reason: String)
    case notAKBDatabase(path: String, reason: String)
    case newerDatabase(path: String, found: Int, known: Int)
    case databaseBusy(path: String)
    case needsRecovery(path: String)
    case database(path: String, message: String)
    /// SQLite found the file damaged (a failed integrity check, or a page it cannot read).
    case damaged(path: String, message: String)
    /// The disk filled while storing: `stored` sources of this run are stored whole.
    case diskFull(path: String, stored: Int, file: String?)
    case badMigration(name: String, reason: String)
    case dictionary(file: String, line: Int, reason: String)
    case usage(String)
    case query(String)
    /// The syntax model (tagger, lemmatizer, parser) is missing or damaged.
    case badModel(reason: String)
    case notUnderstood(QuestionNotUnderstood)

    public var errorDescription: String? {
        switch self {
        case .notFound(let path): return "\(path): no such file or folder"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason). Choose another file, or create its folder first."
        case .emptyFile(let path): return "\(path): empty file, nothing to ingest"
        case .binaryFile(let path): return "\(path): binary file (not text, Markdown, HTML or JSON), skipped"
        case .noText(let path, let reason): return "\(path): \(reason)"
        case .malformedRecord(let path, let line, let reason): return "\(path):\(line): malformed record: \(reason)"
        case .badMetadata(let path, let field, let value, let reason): return "\(path): bad \(field) '\(value)': \(reason)"
        case .notAKBDatabase(let path, let reason): return "\(path): not a kb database (\(reason)); it was left untouched. Choose another file with --db."
        case .newerDatabase(let path, let found, let known): return "\(path): written by a newer kb (schema version \(found); this kb knows up to \(known)). Upgrade kb, or use another database with --db."
        case .databaseBusy(let path): return "\(path): another kb ingest is writing to this database; try again when it has finished"
        case .needsRecovery(let path): return "\(path): an interrupted write left the database needing recovery"
        case .database(let path, let message): return "\(path): database error: \(message)"
        case .damaged(let path, let message):
            return "\(path): the database file is damaged (SQLite: \(message)). Rebuild it from the articles: move the file aside and run kb ingest on them again. (`sqlite3 \(path) .recover` can salvage rows to look at; the articles are what kb rebuilds from.)"
        case .diskFull(let path, let stored, let file):
            return "\(path): the disk is full\(file.map { " while storing \($0)" } ?? ""); ingest stopped. \(stored) source\(stored == 1 ? " was" : "s were") stored whole this run and nothing is half-written; free some space and run the same kb ingest again: it continues where this one stopped."
        case .badMigration(let name, let reason): return "migration \(name): \(reason)"
        case .dictionary(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .usage(let message): return message
        case .query(let message): return message
        case .badModel(let reason): return "syntax model: \(reason). Rebuild kb, or retrain it with: swift run -c release kb-train"
        case .notUnderstood(let q): return q.description
        }
    }
}

extension KBError {
    /// SQLite's error as kb reports it: a damaged file, a full disk, or the message.
    public static func from(_ error: DatabaseError, path: String) -> KBError {
        let message = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(path: path, message: message)
        case .SQLITE_FULL: return .diskFull(path: path, stored: 0, file: nil)
        default: return .database(path: path, message: message)
        }
    }

    /// Whether this is a full disk (from SQLite, or reported as one).
    public var isDiskFull: Bool {
        if case .diskFull = self { return true }
        return false
    }
}
