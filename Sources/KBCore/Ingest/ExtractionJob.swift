import Foundation

/// A batch of documents being extracted on worker threads while the writer stores the batch
/// before it. Each worker writes only its own slots of `results`; the writer reads them after
/// `wait()`.
final class ExtractionJob: @unchecked Sendable {
    struct Item: Sendable {
        var doc: RawDocument
        var supplied: SourceMetadata?
        var fingerprint: String
    }

    let items: [Item]
    /// Documents stored as they are (no extraction needed); the writer checks again.
    let skip: [Bool]
    /// One per item: the extraction, its error, or nil when skipped.
    private(set) var results: [Result<ProcessedSource, Error>?]
    private let group = DispatchGroup()

    init(items: [Item], skip: [Bool]) {
        self.items = items
        self.skip = skip
        results = Array(repeating: nil, count: items.count)
    }

    /// Starts extracting on `workers` threads and returns at once.
    func start(_ processor: ArticleProcessor, workers: Int) {
        let n = items.count
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            results.withUnsafeMutableBufferPointer { slots in
                let out = UnsafeSendable(slots)
                let next = Counter()
                // Each thread takes the next document: uneven sizes still share the cores.
                DispatchQueue.concurrentPerform(iterations: min(workers, n)) { _ in
                    while let k = next.take(below: n) {
                        guard !skip[k] else { continue }
                        let item = items[k]
                        out.value[k] = Result { try processor.process(item.doc, supplied: item.supplied) }
                    }
                }
            }
            group.leave()
        }
    }

    func wait() { group.wait() }
}

/// A shared counter handing out 0, 1, 2, … to threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Carries a value across threads where the code guarantees no two touch the same part of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
