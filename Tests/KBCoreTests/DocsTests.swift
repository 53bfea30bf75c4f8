import Foundation
import GRDB
import Testing
@testable import KBCore

/// The README is part of the product: every example in it runs, and every command and table explains itself.
@Suite("Documentation")
struct DocsTests {
    static let readme = (try? String(contentsOf: Support.repoRoot.appending(path: "README.md"), encoding: .utf8)) ?? ""

    /// The fenced block of `language` that follows the heading `heading`.
    static func block(after heading: String, language: String) -> [String] {
        guard let h = readme.range(of: heading), let open = readme.range(of: "```" + language + "\n", range: h.upperBound..<readme.endIndex),
              let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex) else { return [] }
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// Splits a shell line into words, honouring double quotes.
    static func words(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == " " && !quoted { if !cur.isEmpty { out.append(cur); cur = "" }; continue }
            cur.append(ch)
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    static let examples = block(after: "## Examples", language: "sh").filter { $0.hasPrefix("kb ") }

    @Test("the README has its examples")
    func hasExamples() {
        #expect(Self.examples.count >= 10)
    }

    @Test("every README example runs on the corpus database", arguments: examples)
    func example(_ line: String) throws {
        let args = Self.words(line).dropFirst().map { $0 == "kb.db" ? Support.corpusDB : $0 }
        let r = try Support.run(Array(args))
        #expect(r.status == 0, "\(line): \(r.stderr)")
        #expect(!r.stdout.isEmpty, "\(line) printed nothing")
        #expect(!r.stdout.contains("No rows answer"), "\(line) found nothing")
    }

    @Test("the README's list of questions is the registry's")
    func questionList() {
        #expect(Self.block(after: "### Questions", language: "").joined(separator: "\n") == QuestionCatalog.readmeBlock)
    }

    @Test("every example of every question form answers with rows on the corpus database", arguments: QuestionCatalog.examples)
    func formExample(_ question: String) throws {
        let a = try QueryEngine(store: try KBStore.openReadOnly(path: Support.corpusDB), resources: try QueryResources()).answer(question)
        #expect(!a.records.isEmpty, "\(question) answered nothing")
    }

    @Test("every sqlite3 recipe in the README runs and returns rows")
    func recipes() throws {
        let sql = Self.block(after: "### sqlite3 recipes", language: "sql").joined(separator: "\n")
        let statements = sql.components(separatedBy: ";").map { $0.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n") }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(statements.count == 5)
        let q = try Support.reader(Support.corpusDB)
        for s in statements {
            let rows = try q.read { try Row.fetchAll($0, sql: s) }
            #expect(!rows.isEmpty, "no rows: \(s)")
        }
    }

    @Test("the README's first two commands are the build-and-answer and the test command")
    func quickStart() {
        let blocks = Self.readme.components(separatedBy: "```sh\n").dropFirst().prefix(2).map { $0.components(separatedBy: "\n```")[0] }
        #expect(blocks.first?.contains("kb ingest corpus") == true && blocks.first?.contains("kb query") == true)
        #expect(blocks.last == "swift test --disable-xctest")
        let ci = (try? String(contentsOf: Support.repoRoot.appending(path: ".ci/run"), encoding: .utf8)) ?? ""
        #expect(ci.contains("\nswift test --disable-xctest\n"))
    }

    @Test("every command has help text", arguments: ["ingest", "query", "search", "sql", "actors", "events", "stances", "export", "check"])
    func help(_ command: String) throws {
        let r = try Support.run(["help", command])
        #expect(r.status == 0)
        let overview = r.stdout.components(separatedBy: "\n").first { $0.hasPrefix("OVERVIEW:") } ?? ""
        #expect(overview.count > 20, "\(command) lacks an overview")
        // Every option and argument says what it does: text after its name, or on the indented line below.
        let lines = r.stdout.components(separatedBy: "\n")
        let listed = lines.firstIndex { $0.hasPrefix("ARGUMENTS:") || $0.hasPrefix("OPTIONS:") } ?? lines.count
        #expect(listed < lines.count, "\(command): no ARGUMENTS or OPTIONS section")
        for (n, line) in lines.enumerated() where n > listed && (line.hasPrefix("  -") || line.hasPrefix("  <")) {
            let described = line.trimmingCharacters(in: .whitespaces).contains("  ")
                || (n + 1 < lines.count && lines[n + 1].hasPrefix("                ") && !lines[n + 1].trimmingCharacters(in: .whitespaces).isEmpty)
            #expect(described, "\(command): no help for \(line)")
        }
    }

    @Test("every view and table has a comment in the schema")
    func schemaComments() throws {
        let q = try Support.reader(Support.corpusDB)
        let objects = try q.read { try Row.fetchAll($0, sql: "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentences_fts_%'") }
        #expect(objects.count >= 20)
        for o in objects {
            let sql: String = o["sql"] ?? ""
            #expect(sql.contains("--"), "no comment on \(o["name"] as String? ?? "?")")
        }
    }
}
