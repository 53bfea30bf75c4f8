import Foundation
import GRDB
@testable import KBCore

/// Asking questions of a database, and reading answers as "column | column" lines.
enum Ask {
    static func answer(_ q: String, db: String = Support.corpusDB, _ options: AnswerOptions = .all) throws -> QueryAnswer {
        try QueryEngine(store: try KBStore.openReadOnly(path: db), resources: try QueryResources()).answer(q, options: options)
    }

    static func rows(_ a: QueryAnswer, _ keys: [String]) -> [String] {
        a.records.map { r in keys.map { k in r.first { $0.0 == k }?.1.text ?? "" }.joined(separator: " | ") }
    }

    static func ids(_ a: QueryAnswer) -> [String] { rows(a, ["type", "id"]) }

    /// The refusal a question gets (nil when it is answered).
    static func refusal(_ q: String, db: String = Support.corpusDB) -> String? {
        do { _ = try answer(q, db: db); return nil } catch { return (error as? LocalizedError)?.errorDescription ?? "\(error)" }
    }

    /// A copy of the corpus database with statements added by hand: `add` gets the connection, the
    /// first sentence's source and id (the evidence of each added statement), and inserts.
    static func corpusCopy(_ name: String, _ add: (Database, _ source: Int64, _ sentence: Int64) throws -> Void) -> String {
        let path = (Support.tempDir() as NSString).appendingPathComponent(name)
        try! FileManager.default.copyItem(atPath: Support.corpusDB, toPath: path)
        try! DatabaseQueue(path: path).write { db in
            let row = try Row.fetchOne(db, sql: "SELECT source_id, id FROM sentences ORDER BY id LIMIT 1")!
            try add(db, row[0], row[1])
        }
        return path
    }
}
