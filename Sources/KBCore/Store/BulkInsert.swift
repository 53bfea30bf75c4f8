import GRDB

/// Inserts many rows with few statements: `INSERT INTO t(a, b) VALUES (?, ?), (?, ?), …` in
/// chunks of 128, 64, 32, …, 1 rows, so that at most eight statements per table are prepared
/// (and cached by the connection: their memory stays bounded). A multi-row statement costs a
/// fraction of one statement per row.
struct BulkInsert: Sendable {
    static let chunks = [128, 64, 32, 16, 8, 4, 2, 1]
    let columns: Int
    /// The statement for n rows, for each n in `chunks`.
    private let sql: [Int: String]

    /// `head` is everything before VALUES: "INSERT INTO t(a, b)"; `tail` what follows the rows
    /// (an upsert clause: "ON CONFLICT(a) DO UPDATE SET b = excluded.b").
    init(_ head: String, columns: Int, tail: String = "") {
        self.columns = columns
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let end = tail.isEmpty ? "" : " " + tail
        sql = Dictionary(uniqueKeysWithValues: Self.chunks.map { n in (n, head + " VALUES " + Array(repeating: row, count: n).joined(separator: ", ") + end) })
    }

    /// Inserts one row per element, `bind` binding its `columns` values in order.
    func run<Element>(_ db: Database, _ rows: [Element], bind: (inout RowBinder, Element) -> Void) throws {
        var k = 0
        for n in Self.chunks {
            while rows.count - k >= n {
                var binder = RowBinder(try db.cachedStatement(sql: sql[n]!))
                for r in rows[k..<(k + n)] { bind(&binder, r) }
                assert(binder.index == Int32(n * columns + 1), "BulkInsert: bound \(binder.index - 1) values for \(n) rows of \(columns)")
                try binder.step(db)
                k += n
            }
        }
    }
}
