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

    /// Queues the extraction on `queue` (serial: a batch's workers start once the batch before is
    /// extracted) on `workers` threads, and returns at once.
    func start(_ processor: ArticleProcessor, workers: Int, on queue: DispatchQueue) {
        group.enter()
        queue.async { [self] in
            DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in extractUntaken(processor) }
            group.leave()
        }
    }

    /// Whether a document is left that no thread has taken.
    var hasUntaken: Bool { next.peek() < items.count }

    /// Extracts one document no thread has taken yet, on the calling thread; false when none is left.
    func extractOne(_ processor: ArticleProcessor) -> Bool {
        guard let k = next.take(below: items.count) else { return false }
        extract(k, processor)
        return true
    }

    /// Extracts on the calling thread what no worker has taken yet, then waits for the workers'
    /// last documents. On two cores the writer's thread, idle until the batch is extracted,
    /// extracts alongside the worker.
    func finish(_ processor: ArticleProcessor) {
        extractUntaken(processor)
        group.wait()
    }

    private func extractUntaken(_ processor: ArticleProcessor) {
        while let k = next.take(below: items.count) { extract(k, processor) }
    }

    private func extract(_ k: Int, _ processor: ArticleProcessor) {
        guard !skip[k] else { return }
        let item = items[k]
        results[k] = Result { try processor.process(item.doc, supplied: item.supplied) }
    }
}

/// A shared counter handing out 0, 1, 2, … to threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func peek() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
