import Foundation
import GRDB

/// Loads the actor dictionary into the database (actors, aliases, roles) when its version
/// changed, and maps actor keys to row ids for the writers.
final class ActorStore: @unchecked Sendable {
    private(set) var ids: [String: Int64] = [:]

    /// Brings the actor tables in line with `dictionary`, recording `version` in _kb_meta.
    func sync(_ db: Database, _ dictionary: ActorDictionary, version: String) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM _kb_meta WHERE key = 'actors_version'")
        if stored != version {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO actors(key, name, kind, country, gender, origin) VALUES (?, ?, ?, ?, ?, 'dictionary')
                ON CONFLICT(key) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
                  gender = excluded.gender, origin = 'dictionary'
                """)
            for a in dictionary.actors {
                try upsert.execute(arguments: [a.key, a.name, a.kind.rawValue, a.country, a.gender])
            }
            try db.execute(sql: "DELETE FROM actor_aliases WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'dictionary')")
            try db.execute(sql: "DELETE FROM actor_roles WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'dictionary')")
            try load(db)
            let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, form) VALUES (?, ?, ?)")
            for (key, hits) in dictionary.index {
                for h in hits {
                    guard let id = ids[dictionary.actors[h.actor].key] else { continue }
                    try alias.execute(arguments: [id, key, h.form.rawValue])
                }
            }
            let role = try db.cachedStatement(sql: "INSERT INTO actor_roles(actor_id, country, title, organization_id, start, \"end\") VALUES (?, ?, ?, ?, ?, ?)")
            for (key, roles) in dictionary.roles.sorted(by: { $0.key < $1.key }) {
                guard let id = ids[key] else { continue }
                for r in roles {
                    try role.execute(arguments: [id, r.country, r.title, r.organization.flatMap { ids[$0] }, r.start?.iso, r.end?.iso])
                }
            }
            try db.execute(sql: "INSERT INTO _kb_meta(key, value) VALUES ('actors_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [version])
        } else {
            try load(db)
        }
    }

    func load(_ db: Database) throws {
        ids = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key FROM actors") { ids[row["key"]] = row["id"] }
    }

    /// The id of a learned actor, inserted when new.
    func id(for entry: ActorEntry, _ db: Database) throws -> Int64 {
        if let id = ids[entry.key] { return id }
        try db.execute(sql: "INSERT OR IGNORE INTO actors(key, name, kind, country, gender, origin) VALUES (?, ?, ?, ?, ?, 'learned')",
                       arguments: [entry.key, entry.name, entry.kind.rawValue, entry.country, entry.gender])
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM actors WHERE key = ?", arguments: [entry.key])!
        ids[entry.key] = id
        return id
    }
}
