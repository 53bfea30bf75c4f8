import ArgumentParser
import Foundation
import KBCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every record in the database (sources, actors, events, stance statements).",
        discussion: "JSON Lines is the format the scorer reads (see docs/export.md): one object a line, each with \"type\" and \"file\". --type text gives each file's clean text instead (not part of the default export)."
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "Output format: jsonl, json or csv.")
    var format: ExportFormat = .jsonl

    @Option(name: .long, help: ArgumentHelp("Only records of this type (source, actor, event, stance), or text: each file's clean text.", valueName: "TYPE"))
    var type: String?

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, json, csv }

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            if type == "text" { return try Exporter(store: store).texts() }
            let all = try Exporter(store: store).records()
            guard let type else { return all }
            return all.filter { $0.first?.1 == .string(type) }
        }
        let out = OutputFormat(rawValue: format.rawValue)!.render(records, nested: true)  // the contract: parties as {"name", "country"}
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
