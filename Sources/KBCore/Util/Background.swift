import Foundation

/// A value worked out on another thread while the caller does something else, waited for when
/// needed: the next file read (and a JSON Lines shard of a thousand articles parsed) while the
/// ingest works on the one before, and the first while the database is made ready.
final class Background<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>!
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () throws -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { try work() }
            group.leave()
        }
    }

    /// The value (or the error it threw), once worked out.
    func value() throws -> Value {
        group.wait()
        return try result.get()
    }
}
