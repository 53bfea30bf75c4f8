import ArgumentParser
import Foundation
import KBCore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an answer as one self-contained HTML page: a timeline chart and the table with every row's evidence.",
        discussion: """
        The page answers the question as kb query does (the same plan and SQL), with every row: \
        a chart of the statements per year (per month with "by month"), stacked by polarity, or of the \
        events per year by type, then the table, each row with its date (* when the publication date \
        stands in), its evidence sentence, its quote and its source. It has no script and fetches \
        nothing, so it opens offline, and it prints.
        --holder H reports H's statements by year; --actor A the timeline of A's events and statements.
        Examples:
          kb report "Russian positions on Israeli strikes by year" --out strikes.html
          kb report --holder Russia --out russia.html
          kb report --actor Netanyahu --out netanyahu.html
        """
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("The HTML file to write (default: standard output, when it is not a terminal).", valueName: "FILE"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("A holder's profile: its statements by year.", valueName: "NAME"))
    var holder: String?

    @Option(name: .long, help: ArgumentHelp("An actor's profile: the timeline of its events and statements.", valueName: "NAME"))
    var actor: String?

    @Argument(help: "The question, in quotes (as kb query reads it).")
    var question: [String] = []

    func validate() throws {
        let given = [!question.isEmpty, holder != nil, actor != nil].filter { $0 }.count
        if given != 1 { throw ValidationError("give one of: a question, --holder NAME, --actor NAME") }
        if out == nil && Terminal.stdoutIsTerminal { throw ValidationError("give --out FILE.html, or redirect standard output to a file") }
    }

    func run() throws {
        let text = holder.map(HTMLReport.question(holder:)) ?? actor.map(HTMLReport.question(actor:)) ?? question.joined(separator: " ")
        let (answer, page) = try reportingErrors { () throws -> (QueryAnswer, String) in
            let store = try KBStore.openReadOnly(path: database.path)
            let answer = try QueryEngine(store: store, resources: try QueryResources()).answer(text, options: HTMLReport.options)
            let page = HTMLReport.render(answer, question: text, database: (database.path as NSString).lastPathComponent)
            if let out { try OutputFile.write(page, to: out) }
            return (answer, page)
        }
        if let out {
            Terminal.info("kb: \(answer.total) records written to \(out)")
        } else {
            write(page)
        }
    }
}
