import Foundation

/// A batch of documents being extracted on worker threads while the writer stores the batch
/// before it. Each thread takes the next document no thread has taken and writes only its slot
/// of `results`; the writer reads them after `finish`, which has the writer's thread extract
/// what is left instead of waiting idle.
final class ExtractionJob: @unchecked Sendable {
    struct Item: Sendable {
        var doc: RawDocument
        var supplied: SourceMetadata?
        var fingerprint: String
    }

    let items: [Item]
    /// Documents stored as they are (no extraction needed); the writer checks again.
    let skip: [Bool]
    /// One per item: the extraction, its error, or nil when skipped. Read only after `finish`.
    let results: UnsafeMutableBufferPointer<Result<ProcessedSource, Error>?>
    private let next = Counter()
    private let group = DispatchGroup()

    init(items: [Item], skip: [Bool]) {
        self.items = items
        self.skip = skip
        results = .allocate(capacity: items.count)
        results.initialize(repeating: nil)
    }

    deinit {
        _ = results.deinitialize()
        results.deallocate()
    }

    /// Starts extracting on `workers` threads and returns at once.
    func start(_ processor: ArticleProcessor, workers: Int) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in extractUntaken(processor) }
            group.leave()
        }
    }

    /// Extracts on the calling thread what no worker has taken yet, then waits for the workers'
    /// last documents. On two cores the writer's thread, idle until the batch is extracted,
    /// extracts alongside the worker.
    func finish(_ processor: ArticleProcessor) {
        extractUntaken(processor)
        group.wait()
    }

    private func extractUntaken(_ processor: ArticleProcessor) {
        while let k = next.take(below: items.count) {
            guard !skip[k] else { continue }
            let item = items[k]
            results[k] = Result { try processor.process(item.doc, supplied: item.supplied) }
        }
    }
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
