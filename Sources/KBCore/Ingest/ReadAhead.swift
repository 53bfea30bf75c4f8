import Foundation

/// Reads (and parses) a file on another thread while the ingest works on the one before: a
/// JSON Lines shard of a thousand articles takes a while to parse.
final class ReadAhead: @unchecked Sendable {
    private var results: [Result<RawDocument, KBError>] = []
    private let group = DispatchGroup()

    init(path: String) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            results = DocumentReader.read(path: path)
            group.leave()
        }
    }

    /// The file's documents (or errors), once read.
    func wait() -> [Result<RawDocument, KBError>] {
        group.wait()
        return results
    }
}
