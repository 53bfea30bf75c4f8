import ArgumentParser
import Foundation
import KBCore

struct Actors: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actors", abstract: "List actors with their mention counts.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Only actors named in this source (a file name, or part of it).", valueName: "S"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Only this kind: state, person, organization, armed_group, international_organization, other, or candidate (unresolved names).", valueName: "K"))
    var kind: String?

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try Listing.actors(store: store, source: source, kind: kind)
        }
        write(output.resolved.render(records))
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "List events, with their evidence.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Initiator or target: a name, adjective or ISO code.", valueName: "A"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("PLOVER type, e.g. ASSAULT or CONSULT.", valueName: "T"))
    var type: String?

    @Option(name: .long, help: ArgumentHelp("The year it happened.", valueName: "Y"))
    var year: Int?

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try Listing.events(store: store, actor: actor, type: type, year: year)
        }
        write(output.resolved.render(records))
    }
}

struct Stances: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stances", abstract: "List stance statements, with their quotes and evidence.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Holder: a state (name, adjective or ISO code) or organization.", valueName: "H"))
    var holder: String?

    @Option(name: .long, help: ArgumentHelp("Topic: its label or key, e.g. \"Israeli strikes\" or iran_presence_syria.", valueName: "T"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("The year it was stated.", valueName: "Y"))
    var year: Int?

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try Listing.stances(store: store, holder: holder, topic: topic, year: year)
        }
        write(output.resolved.render(records))
    }
}
