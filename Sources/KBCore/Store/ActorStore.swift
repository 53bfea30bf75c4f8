import Foundation
import GRDB

/// Loads the actor dictionary into the database (actors, aliases, roles) when its version
/// changed, and maps actor keys to row ids for the writers.
final class ActorStore: @unchecked Sendable {
    private(set) var ids: [String: Int64] = [:]

    static let actorRows = BulkInsert("INSERT INTO actors(key, name, kind, country, gender, origin)", columns: 6, tail: """
        ON CONFLICT(key) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
          gender = excluded.gender, origin = 'dictionary'
        """)
    static let aliasRows = BulkInsert("INSERT OR IGNORE INTO actor_aliases(actor_id, alias, form)", columns: 3)
    static let roleRows = BulkInsert("INSERT INTO actor_roles(actor_id, country, title, organization_id, start, \"end\")", columns: 6)

    /// Brings the actor tables in line with `dictionary`, recording `version` in _kb_meta.
    func sync(_ db: Database, _ dictionary: ActorDictionary, version: String) throws {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM _kb_meta WHERE key = 'actors_version'")
        if stored != version {
            // Multi-row statements: a new database gets some 5,000 rows here, before its first article.
            try Self.actorRows.run(db, dictionary.actors) { b, a in
                b.bind(a.key); b.bind(a.name); b.bind(a.kind.rawValue); b.bind(a.country); b.bind(a.gender); b.bind("dictionary")
            }
            try db.execute(sql: "DELETE FROM actor_aliases WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'dictionary')")
            try db.execute(sql: "DELETE FROM actor_roles WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'dictionary')")
            try load(db)
            var aliases: [(Int64, String, String)] = []
            for (key, hits) in dictionary.index {
                for h in hits {
                    guard let id = ids[dictionary.actors[h.actor].key] else { continue }
                    aliases.append((id, key, h.form.rawValue))
                }
            }
            try Self.aliasRows.run(db, aliases) { b, a in b.bind(a.0); b.bind(a.1); b.bind(a.2) }
            var roles: [(Int64, ActorRole)] = []
            for (key, list) in dictionary.roles.sorted(by: { $0.key < $1.key }) {
                guard let id = ids[key] else { continue }
                roles += list.map { (id, $0) }
            }
            try Self.roleRows.run(db, roles) { b, r in
                b.bind(r.0); b.bind(r.1.country); b.bind(r.1.title); b.bind(r.1.organization.flatMap { ids[$0] }); b.bind(r.1.start?.iso); b.bind(r.1.end?.iso)
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
