import Foundation
import GRDB

enum GRDBHelpers {
    /// Creates a plain SQLite database (not kb's) with the given SQL, and closes it.
    static func makeDatabase(_ path: String, _ sql: String) throws -> Bool {
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: sql) }
        try q.close()
        return true
    }
}
