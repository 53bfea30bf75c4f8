// kb-extract-bench: the analysis of `kb ingest` without the database. Reads every document under
// the given paths with kb's own reader (FileWalker, Manifest, DocumentReader, as Ingester does)
// and runs ArticleProcessor.process on each, on one thread, and reports CPU time (not wall time:
// the machine is shared) spent reading and processing.
//
//   kb-extract-bench PATH… [--repeat N] [--dump FILE] [--check-threads]
//
// --repeat N        processes every document N times (reading happens once).
// --dump FILE       writes every ProcessedSource (or error) as text, for comparing two builds.
// --check-threads   then processes every document again on two threads at once, with the same
//                   ArticleProcessor, and checks that each result is what one thread gave.
import Foundation
import KBCore

func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var paths: [String] = []
var repeats = 1
var dumpPath: String?
var checkThreads = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--repeat": repeats = Int(args.popFirst() ?? "") ?? 1
    case "--dump": dumpPath = args.popFirst()
    case "--check-threads": checkThreads = true
    case "-h", "--help":
        print("usage: kb-extract-bench PATH… [--repeat N] [--dump FILE] [--check-threads]")
        exit(0)
    default: paths.append(a)
    }
}
guard !paths.isEmpty else {
    FileHandle.standardError.write("usage: kb-extract-bench PATH… [--repeat N] [--dump FILE] [--check-threads]\n".data(using: .utf8)!)
    exit(64)
}

let resources = try Resources()
let processor = ArticleProcessor(resources: resources)
var dump = ""

var readSeconds = 0.0, processSeconds = 0.0
var documents = 0, sentences = 0, failures = 0
var manifests: [String: Manifest?] = [:]
var checked: [(RawDocument, SourceMetadata?, String)] = []   // for --check-threads: each document and its result
let walker = FileWalker(paths: paths)
for found in walker.files {
    var t0 = cpuSeconds()
    let manifest: Manifest?
    if let cached = manifests[found.folder] { manifest = cached } else {
        manifest = (try? Manifest.load(folder: found.folder)) ?? nil
        manifests[found.folder] = manifest
    }
    let results = DocumentReader.read(path: found.path, words: resources.htmlClasses)
    var t1 = cpuSeconds()
    readSeconds += t1 - t0
    for result in results {
        guard case .success(let doc) = result else { failures += 1; continue }
        let supplied = manifest?.entries[doc.name] ?? manifest?.entries[(doc.path as NSString).lastPathComponent]
        t0 = cpuSeconds()
        for pass in 0..<repeats {
            do {
                let p = try processor.process(doc, supplied: supplied)
                if pass == 0 {
                    documents += 1
                    sentences += p.sentences.count
                    if dumpPath != nil || checkThreads {
                        // Not timed: writing the result out.
                        t1 = cpuSeconds()
                        processSeconds += t1 - t0
                        let text = "\(p)"
                        if dumpPath != nil { print(text, to: &dump) }
                        if checkThreads { checked.append((doc, supplied, text)) }
                        t0 = cpuSeconds()
                    }
                }
            } catch {
                if pass == 0 {
                    failures += 1
                    if dumpPath != nil { print("error \(doc.name): \(error)", to: &dump) }
                }
            }
        }
        t1 = cpuSeconds()
        processSeconds += t1 - t0
    }
}
if let dumpPath { try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8) }

let total = readSeconds + processSeconds
let processed = Double(sentences * repeats)
print("documents: \(documents)  (failed: \(failures))  sentences: \(sentences)  repeats: \(repeats)")
print(String(format: "CPU s: %.3f  (reading %.3f, processing %.3f)", total, readSeconds, processSeconds))
print(String(format: "sentences per CPU second: %.0f  (processing alone: %.0f; reading alone: %.0f)",
             processed / max(readSeconds * Double(repeats) + processSeconds, 1e-9),
             processed / max(processSeconds, 1e-9), Double(sentences) / max(readSeconds, 1e-9)))

if checkThreads {
    // Two threads share one ArticleProcessor, as `kb ingest` does: results must not change.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: String] = [:]
        func set(_ k: Int, _ v: String) { lock.lock(); values[k] = v; lock.unlock() }
        func get(_ k: Int) -> String? { lock.lock(); defer { lock.unlock() }; return values[k] }
    }
    let results = Results()
    let items = checked
    let shared = processor
    DispatchQueue.concurrentPerform(iterations: 2) { thread in
        for k in stride(from: thread, to: items.count, by: 2) {
            results.set(k, (try? shared.process(items[k].0, supplied: items[k].1)).map { "\($0)" } ?? "error")
        }
    }
    let differing = items.indices.filter { results.get($0) != items[$0].2 }.count
    print("two threads: \(items.count - differing) of \(items.count) documents as on one thread")
    if differing > 0 { exit(1) }
}
