import Foundation
import Testing

/// The README's "Reports and networks": its commands run on the corpus database, and its
/// networkx and R recipes run on the files they write.
@Suite("README: reports and networks")
struct ReportRecipeTests {
    static let heading = "## Reports and networks"
    static let commands = DocsTests.block(after: heading, language: "sh").filter { $0.hasPrefix("kb ") }

    /// The commands run in a fresh folder, which then holds what they wrote.
    static func folder() throws -> String {
        let dir = Support.tempDir()
        for line in commands {
            let args = DocsTests.words(line).dropFirst().map { $0 == "kb.db" ? Support.corpusDB : $0 }
            let r = try Support.run(Array(args), cwd: dir)
            #expect(r.status == 0, "\(line): \(r.stderr)")
            #expect(r.stderr.contains("written to"), "\(line) wrote nothing: \(r.stderr)")
        }
        return dir
    }

    @Test("the section's commands run and write their files")
    func commandsRun() throws {
        #expect(Self.commands.count >= 5)
        let dir = try Self.folder()
        for file in ["strikes.html", "israel.html", "stances.graphml", "congruence.graphml", "russia.gexf"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(file): \(size) bytes")
        }
        for file in ["congruence.nodes.csv", "congruence.edges.csv"] {
            let lines = ((try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) ?? "").split(separator: "\r\n")
            #expect(lines.count >= 2, "\(file): a header and rows: \(lines)")
        }
        #expect(DocsTests.readme.contains("![kb report --holder Israel on the bundled corpus](docs/report.png)"))
        #expect(FileManager.default.fileExists(atPath: Support.repoRoot.appending(path: "docs/report.png").path))
    }

    /// Runs the section's block of `language` with `executable` in the folder of the commands' files.
    static func recipe(_ language: String, uses call: String, file: String, executable: String) throws -> Support.RunResult {
        let program = DocsTests.block(after: heading + "\n", language: language).joined(separator: "\n")
        #expect(program.contains(call), "the \(language) recipe calls \(call)")
        let dir = try folder()
        Support.write(program, to: dir, file)
        return try Support.run([file], cwd: dir, executable: executable)
    }

    @Test("the networkx recipe runs on the files the commands wrote",
          .enabled(if: ExternalTools.networkx.path != nil, "\(ExternalTools.networkx.reason)"))
    func networkxRecipe() throws {
        let r = try Self.recipe("python", uses: "nx.read_graphml", file: "recipe.py", executable: ExternalTools.networkx.path!)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("('state:ISR', "), "\(r.stdout)")
    }

    @Test("the R igraph recipe runs on the files the commands wrote",
          .enabled(if: ExternalTools.igraph.path != nil, "\(ExternalTools.igraph.reason)"))
    func igraphRecipe() throws {
        let r = try Self.recipe("r", uses: "read_graph", file: "recipe.R", executable: ExternalTools.igraph.path!)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Israel") && r.stdout.contains("groups:"), "\(r.stdout)")
    }
}
