import Foundation
import GRDB

/// `kb check`: looks for damage in a kb database without changing it (it needs only a
/// read-only store). Each finding is one line for the user; no findings means the database is
/// sound.
///
/// Checks, in order:
/// - SQLite's `PRAGMA integrity_check` (b-trees, indexes, page accounting);
/// - `PRAGMA foreign_key_check` over every table, grouped per table and reference: sentences,
///   source files, actor mentions (and whatever later migrations add) whose source, sentence or
///   actor is missing;
/// - sources that no file holds, and sources without sentences;
/// - sentence offsets: every sentence is the clean text at its offsets (code points), and
///   `char_count` is the clean text's length. The clean text is its sentences joined (a
///   paragraph's by one space, paragraphs by a blank line), so each sentence must start where
///   the one before it ends plus that gap; where a source stores its `clean_text`, the
///   sentences are compared with it instead;
/// - actor mentions that lie outside their sentence;
/// - `source_actors` (who appears where) that does not sum up the actor mentions;
/// - the tallies questions count from (`stance_tallies`, `event_tallies`) and the event classes
///   of statements' links (`stance_event_classes`) that do not match a recount of their tables;
/// - the full-text index: it indexes as many sentences as there are. (FTS5's own
///   'integrity-check' command is a write statement, refused on a read-only connection, and
///   the index keeps no list of its row ids (migration 9), so the count it keeps in its
///   averages record is compared with the sentences'.);
/// - query indexes that an ingest dropped to store many sources and was killed before it built
///   them again (`_kb_query_indexes`): answers stay right, but slow.
public struct Checker: Sendable {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// Which check found it: integrity, foreign key, orphan, offsets, actor summary, tallies, full-text, query indexes.
        public var check: String
        public var message: String
        public var description: String { "\(check): \(message)" }
    }

    public let store: KBStore

    public init(store: KBStore) { self.store = store }

    /// Runs every check. A check that cannot run is itself reported as a finding, and the others
    /// still run — unless SQLite found the file damaged: then that is the one finding.
    public func run() throws -> [Finding] {
        var findings: [Finding] = []
        let checks: [(String, (Database) throws -> [Finding])] = [
            ("integrity", integrity),
            ("foreign key", foreignKeys),
            ("orphan", orphans),
            ("offsets", offsets),
            ("actor summary", actorSummary),
            ("tallies", tallies),
            ("full-text", fullText),
            ("query indexes", queryIndexes),
        ]
        for (name, check) in checks {
            do {
                findings += try store.read { db in try check(db) }
            } catch KBError.damaged(_, let message) {
                // SQLite cannot read the file: that is the finding, and the other checks would say it again.
                findings.append(Finding(check: "integrity", message: message))
                break
            } catch {
                let message = (error as? KBError)?.localizedDescription ?? "\(error)"
                findings.append(Finding(check: name, message: "the check could not run: \(message)"))
            }
        }
        return findings
    }

    func integrity(_ db: Database) throws -> [Finding] {
        try String.fetchAll(db, sql: "PRAGMA integrity_check")
            .filter { $0 != "ok" }
            .map { Finding(check: "integrity", message: $0) }
    }

    func foreignKeys(_ db: Database) throws -> [Finding] {
        // Rows: table, rowid, parent, fkid. Grouped per (table, reference) so that a thousand
        // orphaned sentences are one line, not a thousand.
        struct Key: Hashable { var table: String; var parent: String; var fk: Int }
        var groups: [Key: [Int64?]] = [:]
        var order: [Key] = []
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let key = Key(table: row[0], parent: row[2], fk: row[3])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row[1])
        }
        return try order.map { key in
            let ids = groups[key]!
            let column = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(key.table.quotedDatabaseIdentifier))")
                .first { ($0["id"] as Int) == key.fk }
                .map { $0["from"] as String } ?? "?"
            return Finding(check: "foreign key", message: "\(key.table): \(Self.rows(ids)) whose \(column) names no row of \(key.parent)")
        }
    }

    func orphans(_ db: Database) throws -> [Finding] {
        var out: [Finding] = []
        let noFile = try Int64.fetchAll(db, sql: """
            SELECT id FROM sources s WHERE NOT EXISTS (SELECT 1 FROM source_files f WHERE f.source_id = s.id) ORDER BY id
            """)
        if !noFile.isEmpty {
            out.append(Finding(check: "orphan", message: "sources: \(Self.rows(noFile.map { $0 }, noun: "source")) that no file holds"))
        }
        let noSentences = try Int64.fetchAll(db, sql: """
            SELECT id FROM sources s WHERE NOT EXISTS (SELECT 1 FROM sentences x WHERE x.source_id = s.id) ORDER BY id
            """)
        if !noSentences.isEmpty {
            out.append(Finding(check: "orphan", message: "sources: \(Self.rows(noSentences.map { $0 }, noun: "source")) without sentences (stored half-way)"))
        }
        return out
    }

    func offsets(_ db: Database) throws -> [Finding] {
        var out: [Finding] = []
        let sources = try Row.fetchCursor(db, sql: "SELECT id, clean_text, char_count FROM sources ORDER BY id")
        while let row = try sources.next() {
            let id: Int64 = row["id"]
            let stored = (row["clean_text"] as String?).map { Array($0.unicodeScalars) }
            let count: Int = row["char_count"]
            var bad: [Int64?] = []
            var ordinals: [Int] = []
            var expected = 0, paragraph = -1, length = 0
            let sentences = try Row.fetchCursor(db, sql: "SELECT id, ordinal, paragraph, start, \"end\", text FROM sentences WHERE source_id = ? ORDER BY ordinal", arguments: [id])
            while let s = try sentences.next() {
                ordinals.append(s["ordinal"])
                let start: Int = s["start"], end: Int = s["end"], p: Int = s["paragraph"]
                let text = Array((s["text"] as String).unicodeScalars)
                let fits: Bool
                if let clean = stored {
                    fits = start >= 0 && start <= end && end <= clean.count && text == Array(clean[start..<end])
                } else {
                    if paragraph >= 0 { expected += p == paragraph ? 1 : 2 }
                    fits = start == expected && end - start == text.count && (p == paragraph || p == paragraph + 1)
                }
                if !fits { bad.append(s["id"]) }
                expected = end
                paragraph = p
                length = end
            }
            let textLength = stored?.count ?? length
            if count != textLength {
                out.append(Finding(check: "offsets", message: "source \(id): char_count is \(count), but its clean text has \(textLength) code points"))
            }
            if !bad.isEmpty {
                out.append(Finding(check: "offsets", message: "source \(id): \(Self.rows(bad, noun: "sentence")) whose text is not the clean text at its offsets"))
            }
            if ordinals != Array(0..<ordinals.count) {
                out.append(Finding(check: "offsets", message: "source \(id): sentence ordinals are not 0…\(ordinals.count - 1) (some sentences are missing)"))
            }
        }
        let misplaced = try Row.fetchAll(db, sql: """
            SELECT m.sentence_id, m.start FROM actor_mentions m JOIN sentences x ON x.id = m.sentence_id
            WHERE m.start < x.start OR m."end" > x."end" ORDER BY m.sentence_id, m.start
            """).map { "\($0[0] as Int64):\($0[1] as Int64)" }
        if !misplaced.isEmpty {
            let shown = misplaced.prefix(5).joined(separator: ", ") + (misplaced.count > 5 ? ", …" : "")
            out.append(Finding(check: "offsets", message: "actor_mentions: \(misplaced.count) row\(misplaced.count == 1 ? "" : "s") (sentence:start \(shown)) outside their sentence"))
        }
        return out
    }

    func actorSummary(_ db: Database) throws -> [Finding] {
        guard try db.tableExists("source_actors") else { return [] }
        let counted = """
            SELECT x.source_id, m.actor_id, count(*) AS mentions FROM actor_mentions m JOIN sentences x ON x.id = m.sentence_id
            WHERE m.is_location = 0 AND m.form <> 'title' GROUP BY x.source_id, m.actor_id
            """
        let stored = "SELECT source_id, actor_id, mentions FROM source_actors"
        let wrong = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT source_id FROM (SELECT * FROM (\(counted) EXCEPT \(stored)) UNION ALL SELECT * FROM (\(stored) EXCEPT \(counted)))
            ORDER BY source_id
            """)
        guard !wrong.isEmpty else { return [] }
        return [Finding(check: "actor summary", message: "source_actors: \(Self.rows(wrong.map { $0 }, noun: "source")) whose rows do not match their actor_mentions")]
    }

    func tallies(_ db: Database) throws -> [Finding] {
        guard try db.tableExists("stance_tallies") else { return [] }
        let stanceKey = "holder_country, topic_id, target_country, polarity, act, year"
        let eventKey = "event_type, cameo, initiator_country, target_country, location_country, located, year"
        let links = "event_type, initiator_country, on_topic, holder_country, stance_id, event_id"
        let pairs: [(String, String, String)] = [
            ("stance_tallies", "SELECT \(stanceKey), count(*) FROM stances GROUP BY \(stanceKey)", "SELECT \(stanceKey), n FROM stance_tallies"),
            ("event_tallies", "SELECT \(eventKey), count(*) FROM (SELECT *, location IS NOT NULL AS located FROM events) GROUP BY \(eventKey)",
             "SELECT \(eventKey), n FROM event_tallies"),
            ("stance_event_classes", "SELECT \(links) FROM stance_event_classes_source", "SELECT \(links) FROM stance_event_classes"),
        ]
        var out: [Finding] = []
        for (table, recount, stored) in pairs {
            let wrong = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT * FROM (\(recount) EXCEPT \(stored)) UNION ALL SELECT * FROM (\(stored) EXCEPT \(recount)))") ?? 0
            if wrong > 0 {
                out.append(Finding(check: "tallies", message: "\(table): \(wrong) row\(wrong == 1 ? "" : "s") that a recount does not give (questions would count wrong)"))
            }
        }
        return out
    }

    func queryIndexes(_ db: Database) throws -> [Finding] {
        let dropped = try QueryIndexes.dropped(db)
        guard !dropped.isEmpty else { return [] }
        return [Finding(check: "query indexes", message: "\(dropped.joined(separator: ", ")): dropped by an ingest that was killed before it built them again; questions are still answered, slowly; the next `kb ingest` builds them")]
    }

    func fullText(_ db: Database) throws -> [Finding] {
        guard try db.tableExists("sentences_fts_data") else { return [] }
        // FTS5's averages record (row 1 of its data table) starts with the number of rows it indexes.
        let record = try [UInt8](Data.fetchOne(db, sql: "SELECT block FROM sentences_fts_data WHERE id = 1") ?? Data())
        let indexed = Self.varint(record) ?? 0
        let sentences = try Int64.fetchOne(db, sql: "SELECT count(*) FROM sentences") ?? 0
        guard indexed != sentences else { return [] }
        let difference = indexed < sentences ? "\(sentences - indexed) missing" : "\(indexed - sentences) more than there are"
        return [Finding(check: "full-text", message: """
            sentences_fts: indexes \(indexed) sentence\(indexed == 1 ? "" : "s") of \(sentences) (\(difference)); \
            rebuild it in sqlite3: INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')
            """)]
    }

    /// An SQLite variable-length integer (what FTS5 writes): up to eight bytes of seven bits, high
    /// bit set on all but the last, or a ninth of eight bits.
    static func varint(_ bytes: [UInt8]) -> Int64? {
        var value: UInt64 = 0
        for (k, b) in bytes.prefix(9).enumerated() {
            if k == 8 { return Int64(bitPattern: value << 8 | UInt64(b)) }
            value = value << 7 | UInt64(b & 0x7F)
            if b & 0x80 == 0 { return Int64(bitPattern: value) }
        }
        return nil
    }

    /// "1 row (id 7)", "12 rows (ids 3, 4, 9, 10, 11, …)".
    static func rows(_ ids: [Int64?], noun: String = "row", plural: String? = nil) -> String {
        let shown = ids.prefix(5).map { $0.map(String.init) ?? "?" }.joined(separator: ", ")
        let more = ids.count > 5 ? ", …" : ""
        let word = ids.count == 1 ? noun : (plural ?? noun + "s")
        return "\(ids.count) \(word) (id\(ids.count == 1 ? "" : "s") \(shown)\(more))"
    }
}
