import Foundation

/// The migrations and dictionaries compiled into kb (see Plugins/EmbedData). A dictionary
/// folder on disk can stand in for the built-in one: `KB_DICTIONARIES=DIR` or `--dictionaries DIR`.
public enum EmbeddedResources {
    /// Migration files in order: (version, name, sql).
    public static func migrations() throws -> [(version: Int, name: String, sql: String)] {
        var out: [(Int, String, String)] = []
        for (path, sql) in EmbeddedData.files where path.hasPrefix("Migrations/") && path.hasSuffix(".sql") {
            let name = String(path.dropFirst("Migrations/".count))
            let digits = name.prefix { $0.isNumber }
            guard let version = Int(digits), version > 0 else {
                throw KBError.badMigration(name: name, reason: "a migration's name must start with its number, e.g. 0002_actors.sql")
            }
            out.append((version, name, sql))
        }
        out.sort { $0.0 < $1.0 }
        for (a, b) in zip(out, out.dropFirst()) where a.0 == b.0 {
            throw KBError.badMigration(name: b.1, reason: "version \(b.0) is also used by \(a.1)")
        }
        return out.map { (version: $0.0, name: $0.1, sql: $0.2) }
    }

    /// Built-in dictionary files, keyed by their path below `Dictionaries/`.
    public static var dictionaries: [String: String] {
        var out: [String: String] = [:]
        for (path, text) in EmbeddedData.files where path.hasPrefix("Dictionaries/") {
            out[String(path.dropFirst("Dictionaries/".count))] = text
        }
        return out
    }
}
