import Foundation
import PackagePlugin

/// Runs EmbedDataTool over `Migrations/` and `Dictionaries/` so that the schema and the
/// dictionaries travel inside the `kb` binary (a copied binary needs no resource bundle), and
/// over the extraction code and the syntax model, whose hash goes into every source's
/// fingerprint: a kb whose extraction changed re-extracts what an older one stored.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let embedded = ["Migrations", "Dictionaries"].map { root.appending(path: $0) }
        let hashed = ["Models"].map { root.appending(path: $0) }
            + EmbedData.extractionFolders.map { root.appending(path: "Sources/KBCore/" + $0) }
        // The folders themselves are inputs too: adding a file changes its folder, which reruns the tool.
        var inputs: [URL] = embedded + hashed
        for folder in embedded + hashed {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding Migrations and Dictionaries",
                executable: try context.tool(named: "EmbedDataTool").url,
                arguments: [output.path, root.path] + embedded.map(\.path) + ["--hash"] + hashed.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// The stages whose code decides what is extracted from an article.
    static let extractionFolders = ["Read", "Clean", "Segment", "Actors", "Dates", "Syntax", "Reference", "Events", "Stances", "Ingest"]
}
