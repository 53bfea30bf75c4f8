import ArgumentParser
import Foundation
import KBCore

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Print the metadata Datasette reads for this database (datasette kb.db -m FILE).",
        discussion: """
        Hides kb's internal tables, labels foreign keys (actors by name, topics by label), describes \
        every table and column from the schema's comments, offers the standard questions and a \
        full-text search as canned queries, and facets by year and holder:
          kb datasette-metadata --db kb.db > metadata.json && datasette kb.db -m metadata.json
        """
    )

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let metadata = try reportingErrors { () throws -> JSONValue in
            let store = try KBStore.openReadOnly(path: database.path)
            let name = ((database.path as NSString).lastPathComponent as NSString).deletingPathExtension
            return try DatasetteMetadata.build(store: store, resources: try QueryResources(), name: name)
        }
        write(metadata.serialized() + "\n")
    }
}
