import ArgumentParser
import Foundation
import KBCore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a question from the database, with the evidence for every row.",
        discussion: """
        Questions:
          <holder> positions|stances|statements|views on <topic> [in YEAR|since YEAR|between YEAR and YEAR] [by year|holder|source]
          <initiator> <event noun> [in <place>] [on|against <target>] [by year]
          meetings between A and B [by year]
          who condemned|criticized|blamed|supported|welcomed|met|struck <actor> [in YEAR]
          what did <person> say [about <topic>]
          timeline of A [and B]
        Examples:
          kb query "Russian positions on Israeli strikes by year"
          kb query "meetings between Israel and Russia by year"
          kb query --sql --explain "Israeli strikes in Syria by year"
        """
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print the SQL (with its parameters) before the answer.")
    var sql = false

    @Flag(name: .long, help: "Print the plan the question became before the answer.")
    var explain = false

    @Argument(help: "The question, in quotes.")
    var question: [String]

    func run() throws {
        let text = question.joined(separator: " ")
        let answer = try reportingErrors { () throws -> QueryAnswer in
            let store = try KBStore.openReadOnly(path: database.path)
            return try QueryEngine(store: store, resources: try QueryResources()).answer(text)
        }
        if explain { write("-- plan: " + answer.plan.explanation.replacingOccurrences(of: "\n", with: "\n--   ") + "\n") }
        if sql { write(answer.query.display) }
        let format = output.resolved
        write(format == .table ? AnswerTable.render(answer) : format.render(answer.records))
    }
}

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a SELECT on the database, read-only, in any output format.",
        discussion: "The connection is read-only: statements that would write fail and change nothing."
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Argument(help: "The SQL, in quotes.")
    var statement: String

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try QueryEngine.sql(statement, store: store)
        }
        write(output.resolved.render(records))
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Full-text search over sentences, with highlighted snippets.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: "At most this many sentences.")
    var limit = 20

    @Argument(help: "The words to find (all of them, in any order).")
    var text: [String]

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try QueryEngine.search(text.joined(separator: " "), limit: limit, store: store)
        }
        write(output.resolved.render(records))
    }
}
