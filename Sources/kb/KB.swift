import ArgumentParser
import Foundation
import KBCore

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Turns international-relations articles into a SQLite knowledge base of sources, actors, events and stance statements, and answers questions from it with evidence.",
        version: KBVersion.string,
        subcommands: [Ingest.self, Query.self, Search.self, SQL.self, Actors.self, Events.self, Stances.self, Export.self, Check.self, Parse.self, Report.self, Network.self, DatasetteMetadataCommand.self]
    )
}

/// `--db FILE`, defaulting to $KB_DB, then ./kb.db.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "FILE"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["KB_DB"] ?? "kb.db" }
}

enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kb: error: \(message)\n".utf8))
    }
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("kb: warning: \(message)\n".utf8))
    }
    static func info(_ message: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? "\(message)\n" : message).utf8))
    }
    /// The width tables fit: `COLUMNS`, else the terminal's (standard output's, then standard
    /// error's), else 100 columns.
    static var width: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c > 0 { return c }
        for fd in [STDOUT_FILENO, STDERR_FILENO] {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return 100
    }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Runs library code and turns a KBError into its message and exit status 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as KBError {
        Terminal.error(error.localizedDescription)
        throw ExitCode.failure
    }
}

/// `--format table|csv|tsv|json|jsonl|markdown`; table on a terminal, JSON Lines otherwise.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, tsv, json, jsonl or markdown (default: table on a terminal, jsonl otherwise).")
    var format: OutputFormatArgument?

    var resolved: OutputFormat { format?.value ?? (Terminal.stdoutIsTerminal ? .table : .jsonl) }

    /// The records in the chosen format, a table fitting the terminal.
    func render(_ records: [Record], columns: [String]? = nil) -> String {
        let format = resolved
        return format.render(records, columns: format == .table ? columns : nil, width: format == .table ? Terminal.width : nil)
    }
}

struct OutputFormatArgument: ExpressibleByArgument {
    var value: OutputFormat
    init?(argument: String) {
        guard let f = OutputFormat(rawValue: argument.lowercased()) else { return nil }
        value = f
    }
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
