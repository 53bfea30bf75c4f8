import ArgumentParser
import Foundation
import KBCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look for damage in the database, without changing it.",
        discussion: """
        Runs SQLite's integrity and foreign-key checks, then kb's own: sources no file holds or \
        without sentences, sentences whose offsets do not match their source's text, actor \
        mentions outside their sentence, and a full-text index out of step with the sentences. \
        Prints one line per problem, then "ok" or the number of problems; exits 1 when there are \
        problems. The database is opened read-only.
        """
    )

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let findings = try reportingErrors { () throws -> [Checker.Finding] in
            try Checker(store: KBStore.openReadOnly(path: database.path)).run()
        }
        var out = findings.map { "\($0)\n" }.joined()
        out += findings.isEmpty ? "ok\n" : "\(findings.count) problem\(findings.count == 1 ? "" : "s")\n"
        // SQLite's own check failed: the file is damaged, and no kb command repairs it.
        if let first = findings.first(where: { $0.check == "integrity" }) {
            out += "damaged: " + KBError.damaged(path: database.path, message: first.message).localizedDescription + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if !findings.isEmpty { throw ExitCode.failure }
    }
}
