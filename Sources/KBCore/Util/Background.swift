import Foundation

/// A value worked out on another thread while the caller does something else, waited for when
/// needed: the next file read (and a JSON Lines shard of a thousand articles parsed) while the
/// ingest works on the one before, and the database opened and made ready while the first
/// articles are extracted.
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

    /// Whether the value is worked out (`value()` would not wait).
    var isDone: Bool { group.wait(timeout: .now()) == .success }

    /// The value (or the error it threw), once worked out.
    func value() throws -> Value {
        group.wait()
        return try result.get()
    }
}
