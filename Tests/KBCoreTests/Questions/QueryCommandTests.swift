import Foundation
import Testing
@testable import KBCore

/// The command line around questions: --sql and --explain on standard error (standard output
/// with --dry-run), the limit's message, listings that resolve names as questions do, and no
/// library message reaching the user.
@Suite("Questions: the command line")
struct QueryCommandTests {
    @Test("--sql --explain with --format csv: the CSV alone on standard output, the plan and SQL on standard error")
    func sqlToStandardError() throws {
        withKnownIssue("#17/#18: the corpus rows this test expects came from the token-window extractor; extraction now reads the parse, and these expectations are to be checked again by hand", isIntermittent: true) { () throws in
        let r = try Support.run(["query", "--db", Support.corpusDB, "--sql", "--explain", "--format", "csv", "meetings between Israel and Russia"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("type,file,id,") && r.stdout.split(separator: "\r\n").count == 3)
        #expect(r.stderr.hasPrefix("-- plan: events: meetings (CONSULT, CAMEO 040, 042, 043, 044, 045, 046)") && r.stderr.contains("WITH c AS ("))
        let dry = try Support.run(["query", "--db", Support.corpusDB, "--dry-run", "--sql", "meetings between Israel and Russia"])
        #expect(dry.status == 0 && dry.stdout.hasPrefix("WITH c AS (") && dry.stdout.contains("-- parameters: ?1 = \"CONSULT\"") && dry.stderr.isEmpty)
        }
    }

    @Test("--limit below 1 says the limit must be at least 1", arguments: ["-1", "0"])
    func limit(_ value: String) throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "--limit", value, "Russian positions on Israel"])
        #expect(r.status == 64 && r.stderr.contains("--limit must be at least 1"))
        let s = try Support.run(["search", "--db", Support.corpusDB, "--limit", value, "Israel"])
        #expect(s.status == 64 && s.stderr.contains("--limit must be at least 1"))
    }

    @Test("listings resolve names as questions do, and refuse a name they do not know with the same suggestions")
    func listings() throws {
        withKnownIssue("#17/#18: the corpus rows this test expects came from the token-window extractor; extraction now reads the parse, and these expectations are to be checked again by hand", isIntermittent: true) { () throws in
        let bad = try Support.run(["stances", "--db", Support.corpusDB, "--holder", "Rusia"])
        #expect(bad.status == 1 && bad.stdout.isEmpty && bad.stderr.contains("--holder 'Rusia'") && bad.stderr.contains("Did you mean: Russia"))
        let moscow = try Support.run(["stances", "--db", Support.corpusDB, "--holder", "Moscow", "--format", "jsonl"])
        let russia = try Support.run(["stances", "--db", Support.corpusDB, "--holder", "Russia", "--format", "jsonl"])
        #expect(moscow.status == 0 && moscow.stdout == russia.stdout && moscow.stdout.split(separator: "\n").count == 5)
        let strikes = try Support.run(["stances", "--db", Support.corpusDB, "--topic", "Israeli strikes", "--format", "csv"])
        #expect(strikes.stdout.split(separator: "\r\n").count == 3)
        let putin = try Support.run(["events", "--db", Support.corpusDB, "--actor", "Putin", "--type", "CONSULT", "--format", "csv"])
        #expect(putin.status == 0 && putin.stdout.split(separator: "\r\n").count == 5)
        let typo = try Support.run(["events", "--db", Support.corpusDB, "--actor", "Putn"])
        #expect(typo.status == 1 && typo.stderr.contains("Did you mean: Putin"))
        }
    }

    @Test("kb sql with two statements: kb's message, not GRDB's")
    func twoStatements() throws {
        let r = try Support.run(["sql", "--db", Support.corpusDB, "SELECT 1; SELECT 2"])
        #expect(r.status == 1 && r.stderr.contains("kb sql runs one statement at a time") && !r.stderr.contains("Database.execute"))
    }

    @Test("the help lists every form of the registry")
    func help() throws {
        let r = try Support.run(["query", "--help"])
        #expect(r.status == 0)
        for line in QuestionCatalog.help.split(separator: "\n") { #expect(r.stdout.contains(line.trimmingCharacters(in: .whitespaces).prefix(40)), "\(line)") }
    }
}
