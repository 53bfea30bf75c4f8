import Foundation
import PackagePlugin

/// Runs EmbedDataTool over `Migrations/` and `Dictionaries/` so that the schema and the
/// dictionaries travel inside the `kb` binary (a copied binary needs no resource bundle).
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["Migrations", "Dictionaries"].map { root.appending(path: $0) }
        // The folders themselves are inputs too: adding a file changes its folder, which reruns the tool.
        var inputs: [URL] = folders
        for folder in folders {
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
                arguments: [output.path, root.path] + folders.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
