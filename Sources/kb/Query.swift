import ArgumentParser
import Foundation
import KBCore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",   // named here: deriving it from the type name costs ArgumentParser reflection at every start
        abstract: "Answer a question from the database, with the evidence for every row.",
        discussion: """
        Questions (a question is read whole: a word kb does not understand makes it refuse, naming the word):
        \(QuestionCatalog.help)
        Examples:
          kb query "Russian positions on Israeli strikes by year"
          kb query "phone calls between Putin and Netanyahu"
          kb query "how many meetings between Israel and Russia by year"
          kb query --sql --explain "Israeli strikes in Syria by year"
          kb query --all --format csv "Russian positions on Israel by year" > all.csv
        --sql and --explain print to standard error, so that standard output holds the answer alone; \
        with --dry-run they print to standard output and the question is not run. \
        The table shows each group (year, month, holder or source) with how many records answer it, counted over \
        all of them, and the first \(AnswerOptions.defaultLimit) evidence rows of each group in date order \
        (--limit N, or --all for every row); a note on standard error says what was left out. The other \
        formats print every record unless --limit N is given. JSON Lines rows carry `group_rows`: how \
        many records their group holds.
        """
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print the SQL (with its parameters) on standard error before the answer.")
    var sql = false

    @Flag(name: .long, help: "Print the plan the question became on standard error before the answer.")
    var explain = false

    @Flag(name: .customLong("dry-run"), help: "Print the plan and the SQL on standard output (only those of --sql and --explain, when given) without running the question.")
    var dryRun = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Print at most N evidence rows per group (default: \(AnswerOptions.defaultLimit) in the table, every row in other formats); counts cover every row.", valueName: "N"))
    var limit: Int?

    @Flag(name: .long, help: "Print every evidence row.")
    var all = false

    @Argument(help: "The question, in quotes.")
    var question: [String]

    func validate() throws {
        if all && limit != nil { throw ValidationError("--limit and --all exclude each other") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (--all prints every row)") }
    }

    func run() throws {
        let text = question.joined(separator: " ")
        let format = output.resolved
        // The table is for reading: the first rows of each group, with the counts. Other formats
        // feed programs and print every record unless --limit says otherwise.
        let options = AnswerOptions(limit: all ? nil : (limit ?? (format == .table ? AnswerOptions.defaultLimit : nil)),
                                    polarityCounts: format == .table)
        func header(_ parsed: ParsedQuestion, _ query: SQLQuery, countOnly: Bool) -> String {
            var out = ""
            if explain || !sql {
                let rows = countOnly ? "none: the counts only (how many)"
                    : options.limit.map { "the first \($0) of each group in date order; counts cover every row (--limit N, --all)" } ?? "every row (--all)"
                out += "-- plan: " + parsed.plan.explanation.replacingOccurrences(of: "\n", with: "\n--   ") + "\n--   rows:      " + rows + "\n"
            }
            if sql || !explain { out += query.display }
            return out
        }
        if dryRun {
            let (parsed, query) = try reportingErrors { () throws -> (ParsedQuestion, SQLQuery) in
                let store = try KBStore.openReadOnly(path: database.path)
                return try QueryEngine(store: store, resources: try QueryResources()).prepare(text, options: options)
            }
            write(header(parsed, query, countOnly: parsed.modifiers.countOnly))
            return
        }
        let answer = try reportingErrors { () throws -> QueryAnswer in
            let store = try KBStore.openReadOnly(path: database.path)
            return try QueryEngine(store: store, resources: try QueryResources()).answer(text, options: options)
        }
        if sql || explain { Terminal.info(header(answer.question, answer.query, countOnly: answer.isCountOnly), newline: false) }
        write(format == .table ? AnswerTable.render(answer, width: Terminal.width) : format.render(answer.records))
        if let note = answer.omissionNote { Terminal.info("kb: " + note) }
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
        write(output.render(records))
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over sentences, with highlighted snippets.",
        discussion: """
        Sentences that contain all the words, best first (FTS5's bm25 rank; ties: newest first). \
        The ranking covers the \(QueryEngine.searchCandidates) most recently stored matches (or --limit of them, if more), \
        so that a common word answers at once; a note on standard error says when there were more. \
        --all ranks and prints every match.
        """
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, parsing: .unconditional, help: "At most this many sentences.")
    var limit = 20

    @Flag(name: .long, help: "Rank and print every matching sentence.")
    var all = false

    @Argument(help: "The words to find (all of them, in any order).")
    var text: [String]

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let result = try reportingErrors { () throws -> QueryEngine.SearchResult in
            let store = try KBStore.openReadOnly(path: database.path)
            return try QueryEngine.search(text.joined(separator: " "), limit: all ? nil : limit, store: store)
        }
        // The table shows the snippet, its match marked [like this], kept in view when elided.
        write(output.render(result.records, columns: ["published", "snippet", "file", "sentence_id"]))
        if let note = result.note { Terminal.info("kb: " + note) }
    }
}
