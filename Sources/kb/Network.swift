import ArgumentParser
import Foundation
import KBCore

struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Write the network of stance statements for Gephi, visone, networkx or R: who takes which position on what, or who agrees with whom.",
        discussion: """
        Kinds: actor-topic (default): a directed edge from each holder to each topic it took a position on, \
        weighted by its statements, with support, oppose, mixed and neutral counts, the first and last dates \
        and the years. actor-actor: DNA's congruence network, an undirected edge between two holders weighted \
        by the topics on which both took the same side (support or oppose), with the conflicts beside it. \
        Nodes carry label, type (actor or topic), kind, iso (ISO alpha-3) and statements. Statements without \
        a topic are left out; --since and --until leave out undated ones. Output is sorted by id, so the same \
        database gives the same file.
        Examples:
          kb network --out stances.graphml
          kb network --kind actor-actor --format gexf --since 2018 --out congruence.gexf
          kb network --format csv --topic "Israeli strikes" --out strikes   (strikes.nodes.csv, strikes.edges.csv)
        """
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "File format: graphml, gexf or csv (two files, nodes and edges).")
    var format: NetworkFormatArgument = .init(value: .graphml)

    @Option(name: .long, help: "Which network: actor-topic (holders and the topics they took positions on) or actor-actor (holders linked by agreement).")
    var kind: NetworkKindArgument = .init(value: .actorTopic)

    @Option(name: .long, help: ArgumentHelp("Only statements dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only statements dated on or before this (the whole year or month when it names one).", valueName: "DATE"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only statements on this topic, by key or label (repeatable).", valueName: "TOPIC"))
    var topic: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only edges that touch this holder, named as in a question (repeatable).", valueName: "NAME"))
    var holder: [String] = []

    @Option(name: .long, help: ArgumentHelp("The file to write (default: standard output); for csv, the prefix of the two files.", valueName: "FILE"))
    var out: String?

    func run() throws {
        let filter = NetworkFilter(since: since, until: until, topics: topic, holders: holder)
        let (network, files) = try reportingErrors { () throws -> (StanceNetwork, [(path: String?, text: String)]) in
            let store = try KBStore.openReadOnly(path: database.path)
            let network = try NetworkBuilder.build(kind.value, filter: filter, store: store, resources: try QueryResources())
            let files = try format.value.files(network, out: out)
            for case let (path?, text) in files { try OutputFile.write(text, to: path) }
            return (network, files)
        }
        for file in files where file.path == nil { write(file.text) }
        let paths = files.compactMap(\.path)
        if !paths.isEmpty {
            let (n, e) = (network.nodes.count, network.edges.count)
            Terminal.info("kb: \(n) node\(n == 1 ? "" : "s") and \(e) edge\(e == 1 ? "" : "s") written to \(paths.joined(separator: " and "))")
        }
    }
}

struct NetworkFormatArgument: ExpressibleByArgument {
    var value: NetworkFormat
    init(value: NetworkFormat) { self.value = value }
    init?(argument: String) {
        guard let f = NetworkFormat(rawValue: argument.lowercased()) else { return nil }
        value = f
    }
    var defaultValueDescription: String { value.rawValue }
    static var allValueStrings: [String] { NetworkFormat.allCases.map(\.rawValue) }
}

struct NetworkKindArgument: ExpressibleByArgument {
    var value: StanceNetwork.Kind
    init(value: StanceNetwork.Kind) { self.value = value }
    init?(argument: String) {
        guard let k = StanceNetwork.Kind(rawValue: argument.lowercased()) else { return nil }
        value = k
    }
    var defaultValueDescription: String { value.rawValue }
    static var allValueStrings: [String] { StanceNetwork.Kind.allCases.map(\.rawValue) }
}
