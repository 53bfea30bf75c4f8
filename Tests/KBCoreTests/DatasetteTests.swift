import Foundation
import Testing

/// Datasette serving the corpus database with `kb datasette-metadata`: Tests/datasette/check.py
/// fetches a table, a canned query and full-text searches as JSON and checks the rows against
/// kb's. Runs where Datasette is installed (`.ci/run` installs it from PyPI).
@Suite("Datasette")
struct DatasetteTests {
    static let datasette: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/datasette" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("Datasette shows the database as kb means it: hidden internals, labels, canned queries, full-text search",
          .enabled(if: datasette != nil, "datasette is not installed (pip install datasette)"))
    func serve() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Support.repoRoot.appending(path: "Tests/datasette/check.py").path,
                       "--kb", Support.kbBinary, "--db", Support.corpusDB, "--datasette", Self.datasette!]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix("datasette: every check passed\n"))
    }
}
