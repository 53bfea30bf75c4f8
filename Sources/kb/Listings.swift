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
        write(output.render(records))
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "List events, with their evidence.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Initiator or target: a name, adjective, seat or ISO code, as in kb query (a state covers everyone who acted for it).", valueName: "A"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("PLOVER type, e.g. ASSAULT or CONSULT.", valueName: "T"))
    var type: String?

    @Option(name: .long, help: ArgumentHelp("The year it happened.", valueName: "Y"))
    var year: Int?

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try Listing.events(store: store, resources: try QueryResources(), actor: actor, type: type, year: year)
        }
        write(output.render(records))
    }
}

struct Stances: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stances", abstract: "List stance statements, with their quotes and evidence.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Holder, as in kb query: a state (name, adjective, seat or ISO code: its statements and those of everyone who spoke for it), an organization, or a person (as speaker).", valueName: "H"))
    var holder: String?

    @Option(name: .long, help: ArgumentHelp("Topic, as in kb query: a class of events (\"Israeli strikes\"), a topic's label or key (iran_presence_syria), or an actor.", valueName: "T"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("The year it was stated.", valueName: "Y"))
    var year: Int?

    func run() throws {
        let records = try reportingErrors { () throws -> [Record] in
            let store = try KBStore.openReadOnly(path: database.path)
            return try Listing.stances(store: store, resources: try QueryResources(), holder: holder, topic: topic, year: year)
        }
        write(output.render(records))
    }
}
