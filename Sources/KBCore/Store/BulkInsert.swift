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
    /// The statement for n rows is sql[n - 1].
    private let sql: [String]

    /// `head` is everything before VALUES: "INSERT INTO t(a, b)".
    init(_ head: String, columns: Int) {
        self.columns = columns
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        sql = (1...Self.maxRows).map { n in head + " VALUES " + Array(repeating: row, count: n).joined(separator: ", ") }
    }

    /// Inserts one row per element, `bind` binding its `columns` values in order.
    func run<Element>(_ db: Database, _ rows: [Element], bind: (inout RowBinder, Element) -> Void) throws {
        var k = 0
        while k < rows.count {
            let n = min(Self.maxRows, rows.count - k)
            var binder = RowBinder(try db.cachedStatement(sql: sql[n - 1]))
            for r in rows[k..<(k + n)] { bind(&binder, r) }
            assert(binder.index == Int32(n * columns + 1), "BulkInsert: bound \(binder.index - 1) values for \(n) rows of \(columns)")
            try binder.step(db)
            k += n
        }
    }
}
