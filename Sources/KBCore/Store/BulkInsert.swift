import GRDB

/// Inserts many rows with few statements: `INSERT INTO t(a, b) VALUES (?, ?), (?, ?), …`, up to
/// 128 rows a statement (a statement for each row count is prepared once and cached by the
/// connection). A multi-row statement costs a fraction of one statement per row; for
/// `sentences` it also means one full-text flush per statement instead of one per sentence
/// (FTS5 writes its pending terms at every statement savepoint, and a statement that fires a
/// trigger has one).
struct BulkInsert: Sendable {
    static let maxRows = 128
    let columns: Int
    let head: String
    let row: String

    /// `head` is everything before VALUES: "INSERT INTO t(a, b)".
    init(_ head: String, columns: Int) {
        self.columns = columns
        self.head = head + " VALUES "
        row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
    }

    func sql(rows n: Int) -> String { head + Array(repeating: row, count: n).joined(separator: ", ") }

    /// Inserts `values.count / columns` rows, laid out row after row.
    func run(_ db: Database, _ values: [DatabaseValue]) throws {
        precondition(values.count % columns == 0, "BulkInsert: \(values.count) values for \(columns) columns")
        let rows = values.count / columns
        var row = 0
        while row < rows {
            let n = min(Self.maxRows, rows - row)
            let slice = Array(values[(row * columns)..<((row + n) * columns)])
            try db.cachedStatement(sql: sql(rows: n)).execute(arguments: StatementArguments(slice))
            row += n
        }
    }
}
