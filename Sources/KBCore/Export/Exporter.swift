import Foundation
import GRDB

/// `kb export`: every record in the database, as docs/export.md describes — sources now, and
/// actors, events and stance statements as they are extracted.
public struct Exporter {
    public let store: KBStore

    public init(store: KBStore) { self.store = store }

    public func records() throws -> [Record] {
        try store.read { db in try Self.sources(db) + Self.actors(db) + Self.events(db) + Self.stances(db) }
    }

    /// One record per source file: its clean text, as stored (the text sentence offsets point into).
    /// Only on request (`kb export --type text`): the texts are the bulk of a database.
    public func texts() throws -> [Record] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.name AS file, t.clean_text AS text FROM source_files f JOIN source_texts t ON t.source_id = f.source_id
                ORDER BY f.name, f.id
                """).map { r in
                [("type", .string("text")), ("file", .from(r["file"] as String?)), ("text", .from(r["text"] as String?))]
            }
        }
    }

    /// One record per actor per source that names it (as an actor, not as a place or by a title alone).
    static func actors(_ db: Database) throws -> [Record] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT (SELECT name FROM source_files f WHERE f.source_id = sa.source_id ORDER BY f.id LIMIT 1) AS file,
                   a.name, a.kind, a.key, a.origin, coalesce(sa.country, a.country) AS country, sa.mentions
            FROM source_actors sa JOIN actors a ON a.id = sa.actor_id
            ORDER BY file, a.kind, a.name
            """)
        return rows.map { r in
            [
                ("type", .string("actor")),
                ("file", .from(r["file"] as String?)),
                ("name", .from(r["name"] as String?)),
                ("kind", .from(r["kind"] as String?)),
                ("country", .from(r["country"] as String?)),
                ("mentions", .int(r["mentions"])),
                ("key", .from(r["key"] as String?)),
                ("origin", .from(r["origin"] as String?)),
            ]
        }
    }

    static func party(_ name: String?, _ country: String?) -> JSONValue {
        guard let name else { return .null }
        return .object([("name", .string(name)), ("country", .from(country))])
    }

    static func events(_ db: Database) throws -> [Record] {
        try Row.fetchAll(db, sql: "SELECT v.*, e.date_phrase, e.date_approximate FROM events_view v JOIN events e ON e.id = v.id ORDER BY v.file, v.id").map(eventRecord)
    }

    static func eventRecord(_ r: Row) -> Record {
        [
            ("type", .string("event")),
            ("file", .from(r["file"] as String?)),
            ("id", .int(r["id"])),
            ("event_type", .from(r["event_type"] as String?)),
            ("cameo", .from(r["cameo"] as String?)),
            ("initiator", party(r["initiator"], r["initiator_country"])),
            ("target", party(r["target"], r["target_country"])),
            ("date", .from(r["date"] as String?)),
            ("date_precision", .from(r["date_precision"] as String?)),
            ("date_basis", .from(r["date_basis"] as String?)),
            ("date_phrase", .from(r["date_phrase"] as String?)),
            ("year", .from(r["year"] as Int?)),
            ("location", .from(r["location"] as String?)),
            ("location_country", .from(r["location_country"] as String?)),
            ("mode", .from(r["mode"] as String?)),
            ("cue", .from(r["cue"] as String?)),
            ("mentions", .from(r["mentions"] as Int?)),
            ("sentence", .from(r["sentence"] as String?)),
            ("source_title", .from(r["source_title"] as String?)),
        ]
    }

    static func stances(_ db: Database) throws -> [Record] {
        try Row.fetchAll(db, sql: """
            SELECT v.*, sp.country AS speaker_home, st.speaker_id, st.date_phrase AS phrase,
                   (SELECT json_group_array(event_id) FROM stance_events se WHERE se.stance_id = v.id) AS event_ids
            FROM stance_statements_view v JOIN stances st ON st.id = v.id LEFT JOIN actors sp ON sp.id = st.speaker_id
            ORDER BY v.file, v.id
            """).map(stanceRecord)
    }

    static func stanceRecord(_ r: Row) -> Record {
        let events = (try? JSONSerialization.jsonObject(with: Data((r["event_ids"] as String? ?? "[]").utf8))) as? [Int] ?? []
        return [
            ("type", .string("stance")),
            ("file", .from(r["file"] as String?)),
            ("id", .int(r["id"])),
            ("holder", party(r["holder"], r["holder_country"])),
            ("speaker", party(r["speaker"], (r["speaker"] as String?) == nil ? nil : (r["holder_country"] as String?))),
            ("polarity", .from(r["polarity"] as String?)),
            ("topic", .from(r["topic"] as String?)),
            ("topic_key", .from(r["topic_key"] as String?)),
            ("target", party(r["target"], r["target_country"])),
            ("act", .from(r["act"] as String?)),
            ("cue", .from(r["cue"] as String?)),
            ("negated", .bool((r["negated"] as Int? ?? 0) == 1)),
            ("date", .from(r["date"] as String?)),
            ("date_precision", .from(r["date_precision"] as String?)),
            ("date_basis", .from(r["date_basis"] as String?)),
            ("year", .from(r["year"] as Int?)),
            ("quote", .from(r["quote"] as String?)),
            ("sentence", .from(r["sentence"] as String?)),
            ("events", .array(events.map { .int($0) })),
            ("source_title", .from(r["source_title"] as String?)),
        ]
    }

    static func sources(_ db: Database) throws -> [Record] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.*, (SELECT json_group_array(name) FROM (SELECT name FROM source_files f WHERE f.source_id = s.id ORDER BY f.id)) AS names,
                   (SELECT count(*) FROM sentences x WHERE x.source_id = s.id) AS sentence_count
            FROM sources s ORDER BY (SELECT min(name) FROM source_files f WHERE f.source_id = s.id), s.id
            """)
        return rows.map { r in
            let names = (try? JSONSerialization.jsonObject(with: Data((r["names"] as String? ?? "[]").utf8))) as? [String] ?? []
            let authors = (try? JSONSerialization.jsonObject(with: Data((r["authors"] as String? ?? "[]").utf8))) as? [String] ?? []
            return [
                ("type", .string("source")),
                ("file", .from(names.first)),
                ("files", .array(names.map { .string($0) })),
                ("id", .int(r["id"])),
                ("title", .from(r["title"] as String?)),
                ("published", .from(r["published"] as String?)),
                ("published_precision", .from(r["published_precision"] as String?)),
                ("published_utc", .from(r["published_utc"] as String?)),
                ("publisher", .from(r["publisher"] as String?)),
                ("dateline_place", .from(r["dateline_place"] as String?)),
                ("authors", .array(authors.map { .string($0) })),
                ("url", .from(r["url"] as String?)),
                ("origins", .object([
                    ("title", .from(r["title_origin"] as String?)),
                    ("published", .from(r["published_origin"] as String?)),
                    ("publisher", .from(r["publisher_origin"] as String?)),
                    ("authors", .from(r["authors_origin"] as String?)),
                    ("url", .from(r["url_origin"] as String?)),
                ])),
                ("format", .from(r["format"] as String?)),
                ("sentences", .int(r["sentence_count"])),
                ("content_hash", .from(r["content_hash"] as String?)),
            ]
        }
    }
}
