import GRDB
import GRDBSQLite

/// Binds values straight into a prepared statement's parameters with SQLite's own calls, without
/// building GRDB's `StatementArguments` (which boxes every value): the writer binds a few
/// hundred thousand values a second.
struct RowBinder {
    let statement: SQLiteStatement
    var index: Int32 = 1

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    mutating func bind(_ value: Int64) { sqlite3_bind_int64(statement, index, value); index += 1 }
    mutating func bind(_ value: Int) { bind(Int64(value)) }
    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }
    mutating func bind(_ value: String) {
        // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
        var text = value
        let (statement, index) = (statement, index)
        text.withUTF8 { bytes in
            if bytes.isEmpty {
                sqlite3_bind_text(statement, index, "", 0, Self.transient)
            } else {
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    _ = sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), Self.transient)
                }
            }
        }
        self.index += 1
    }
    mutating func bind(_ value: String?) { if let v = value { bind(v) } else { bindNull() } }
    mutating func bind(_ value: Int?) { if let v = value { bind(v) } else { bindNull() } }
    mutating func bind(_ value: Int64?) { if let v = value { bind(v) } else { bindNull() } }
    mutating func bindNull() { sqlite3_bind_null(statement, index); index += 1 }

    /// Runs the statement once with what was bound.
    func step(_ db: Database) throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(statement)
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
