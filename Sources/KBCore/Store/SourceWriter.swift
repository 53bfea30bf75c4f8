import Foundation
import GRDB

/// Stores sources, many to a transaction (the caller's): a source is stored whole or not at all
/// with it. A source's row and file links go in at `write`; its sentences wait in a staging
/// table, and at `flush` (before the transaction commits) all the waiting sentences go into
/// `sentences` with one statement — so FTS5, which writes its pending terms at every statement,
/// flushes once per batch instead of once per source — followed by the waiting sources' actor
/// mentions, events and stance statements, each table with a few multi-row statements for the
/// whole batch (ids given here, in the order SQLite would give them). Anything that deletes
/// flushes first, and deletes through `Cascade` (the ingest writes without foreign-key checks).
final class SourceWriter {
    enum Outcome: Equatable { case added, updated, unchanged, duplicate(of: String) }

    static let stagedRows = BulkInsert("INSERT INTO temp.staged_sentences(id, source_id, ordinal, paragraph, start, \"end\", text)", columns: 7)
    static let sourceActorRows = BulkInsert("INSERT INTO source_actors(source_id, actor_id, mentions, country)", columns: 4)
    static let mentionRows = BulkInsert("INSERT INTO actor_mentions(sentence_id, start, \"end\", actor_id, form_code, title, country, is_location)", columns: 8)
    static let candidateRows = BulkInsert("INSERT INTO actor_candidates(sentence_id, source_id, start, \"end\", surface, reason)", columns: 6)
    static let eventRows = BulkInsert("""
        INSERT INTO events(id, source_id, sentence_id, event_type, cameo, initiator_id, initiator_country, target_id, target_country,
          date, date_precision, date_basis, date_phrase, date_approximate, location, location_country, mode, cue)
        """, columns: 18)
    static let eventMentionRows = BulkInsert("INSERT INTO event_mentions(event_id, sentence_id, start, \"end\")", columns: 4)
    static let stanceRows = BulkInsert("""
        INSERT INTO stances(id, source_id, sentence_id, holder_id, holder_country, speaker_id, polarity, topic_id, target_id, target_country,
          act, cue, negated, quote, date, date_precision, date_basis, date_phrase)
        """, columns: 18)
    static let linkRows = BulkInsert("INSERT OR IGNORE INTO stance_events(stance_id, event_id)", columns: 2)

    /// The rows of a batch's sources, by table, in the order they are inserted.
    struct Rows {
        struct Mention { let sentence: Int64, start: Int, end: Int, actor: Int64, mention: ActorMention }
        struct SourceActor { let source: Int64, actor: Int64, mentions: Int, country: String? }
        struct Candidate { let sentence: Int64, source: Int64, start: Int, end: Int, surface: String, reason: String }
        struct Event { let id: Int64, source: Int64, sentence: Int64, initiator: Int64, target: Int64?, event: ExtractedEvent }
        struct EventMention { let event: Int64, sentence: Int64, start: Int, end: Int }
        struct Stance { let id: Int64, source: Int64, sentence: Int64, holder: Int64, speaker: Int64?, topic: Int64?, target: Int64?, stance: ExtractedStance }
        var mentions: [Mention] = [], sourceActors: [SourceActor] = [], candidates: [Candidate] = []
        var events: [Event] = [], eventMentions: [EventMention] = [], stances: [Stance] = [], links: [(stance: Int64, event: Int64)] = []
    }

    /// A source whose row is stored and whose sentences are staged.
    struct Pending { let source: ProcessedSource, id: Int64, sentenceIDs: [Int64] }

    let actors: ActorStore
    private var pending: [Pending] = []
    /// How to delete a source and what cascades from it, read from the schema at the first delete.
    private var sourceCascade: Cascade?
    private var nextSentenceID: Int64
    private var nextEventID: Int64
    private var nextStanceID: Int64

    /// Starts writing in the caller's transaction.
    init(_ db: Database, actors: ActorStore) throws {
        self.actors = actors
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS staged_sentences(id INTEGER PRIMARY KEY, source_id INTEGER, ordinal INTEGER,
              paragraph INTEGER, start INTEGER, "end" INTEGER, text TEXT)
            """)
        nextSentenceID = try (Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM sentences")) ?? 0) + 1
        nextEventID = try (Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM events")) ?? 0) + 1
        nextStanceID = try (Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM stances")) ?? 0) + 1
    }

    /// Whether the document is stored as it is, linked to this very file: nothing to do. A read.
    static func isStored(_ db: Database, document doc: RawDocument, fingerprint: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) > 0 FROM sources s JOIN source_files f ON f.source_id = s.id
            WHERE s.content_hash = ? AND s.fingerprint = ? AND f.path = ? AND f.record = ?
            """), arguments: [doc.contentHash, fingerprint, doc.path, doc.record]) ?? false
    }

    /// What is stored for a document: nothing to do, or it must be (re)extracted.
    func needsWrite(_ db: Database, document doc: RawDocument, fingerprint: String) throws -> Outcome? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, fingerprint FROM sources WHERE content_hash = ?"), arguments: [doc.contentHash]) else {
            return nil
        }
        let id: Int64 = row["id"]
        guard (row["fingerprint"] as String) == fingerprint else { return nil }
        let linked = try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM source_files WHERE path = ? AND record = ?"), arguments: [doc.path, doc.record])
        if linked == id { return .unchanged }
        // The same content under another name: one source, one more file.
        let other = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM source_files WHERE source_id = ? ORDER BY id LIMIT 1"), arguments: [id]) ?? "?"
        try unlink(db, path: doc.path, record: doc.record)
        try Self.link(db, source: id, doc: doc)
        return .duplicate(of: other)
    }

    /// Writes a processed source, replacing whatever this file held before.
    func write(_ db: Database, _ p: ProcessedSource) throws -> Outcome {
        let doc = p.document
        let previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM source_files WHERE path = ? AND record = ?"), arguments: [doc.path, doc.record])
        var keptLinks: [Row] = []
        var reuseID: Int64?
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE content_hash = ?"), arguments: [doc.contentHash]) {
            // Same content, new fingerprint (dictionaries or supplied metadata changed): extract again, keep its files.
            keptLinks = try Row.fetchAll(db.cachedStatement(sql: "SELECT path, record, name, ingested_at FROM source_files WHERE source_id = ?"), arguments: [existing])
            try flush(db)
            try deleteSource(db, existing)
            reuseID = existing
        }
        try unlink(db, path: doc.path, record: doc.record)
        let m = p.metadata
        let authors = String(decoding: try JSONSerialization.data(withJSONObject: m.authors?.value ?? [], options: [.withoutEscapingSlashes]), as: UTF8.self)
        // The clean text is stored only when its sentences do not give it back exactly.
        let storedText: String? = Self.sentencesJoin(to: p.cleanText, p.sentences) ? nil : p.cleanText
        try db.cachedStatement(sql: """
            INSERT INTO sources(id, content_hash, fingerprint, format, title, title_origin, published, published_precision,
              published_origin, published_utc, publisher, publisher_origin, authors, authors_origin, url, url_origin, language,
              clean_text, char_count, ingested_at, dateline_place)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                reuseID, doc.contentHash, p.fingerprint, doc.format.rawValue,
                m.title?.value, m.title?.origin.rawValue,
                m.published?.value.iso, m.published?.value.precision.rawValue, m.published?.origin.rawValue,
                m.published == nil ? nil : m.publishedUTC,
                m.publisher?.value, m.publisher?.origin.rawValue,
                authors, m.authors?.origin.rawValue,
                m.url?.value, m.url?.origin.rawValue, m.language,
                storedText, UTF8Text.scalarCount(p.cleanText), Clock.nowISO(), m.datelinePlace,
            ])
        let sourceID = db.lastInsertedRowID
        for row in keptLinks where !((row["path"] as String) == doc.path && (row["record"] as String) == doc.record) {
            try db.execute(sql: "INSERT INTO source_files(source_id, path, record, name, ingested_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sourceID, row["path"], row["record"], row["name"], row["ingested_at"]])
        }
        try Self.link(db, source: sourceID, doc: doc)
        // Sentence ids are given here (after the largest so far) so that the mentions can name them before they are inserted.
        var next = nextSentenceID
        let sentenceIDs = (0..<Int64(p.sentences.count)).map { nextSentenceID + $0 }
        nextSentenceID += Int64(p.sentences.count)
        try Self.stagedRows.run(db, p.sentences) { b, s in
            b.bind(next); b.bind(sourceID); b.bind(s.ordinal); b.bind(s.paragraph); b.bind(s.start); b.bind(s.end); b.bind(s.text)
            next += 1
        }
        pending.append(Pending(source: p, id: sourceID, sentenceIDs: sentenceIDs))
        if reuseID != nil || previous != nil { return .updated }
        return .added
    }

    /// Stores the staged sentences, then what each waiting source says about them.
    func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        try db.cachedStatement(sql: "INSERT INTO sentences(id, source_id, ordinal, paragraph, start, \"end\", text) SELECT * FROM temp.staged_sentences ORDER BY id").execute()
        try db.cachedStatement(sql: "DELETE FROM temp.staged_sentences").execute()
        let sources = pending
        pending = []
        var rows = Rows()
        for w in sources {
            try collectActors(db, w.source, sourceID: w.id, sentenceIDs: w.sentenceIDs, into: &rows)
            let eventIDs = try collectEvents(db, w.source, sourceID: w.id, sentenceIDs: w.sentenceIDs, into: &rows)
            try collectStances(db, w.source, sourceID: w.id, sentenceIDs: w.sentenceIDs, eventIDs: eventIDs, into: &rows)
        }
        try Self.mentionRows.run(db, rows.mentions) { b, r in
            b.bind(r.sentence); b.bind(r.start); b.bind(r.end); b.bind(r.actor)
            b.bind(r.mention.form.storedCode); b.bind(r.mention.title); b.bind(r.mention.country); b.bind(r.mention.isLocation)
        }
        try Self.sourceActorRows.run(db, rows.sourceActors) { b, r in b.bind(r.source); b.bind(r.actor); b.bind(r.mentions); b.bind(r.country) }
        try Self.candidateRows.run(db, rows.candidates) { b, r in
            b.bind(r.sentence); b.bind(r.source); b.bind(r.start); b.bind(r.end); b.bind(r.surface); b.bind(r.reason)
        }
        try Self.eventRows.run(db, rows.events) { b, r in
            let e = r.event
            b.bind(r.id); b.bind(r.source); b.bind(r.sentence); b.bind(e.type.rawValue); b.bind(e.cameo); b.bind(r.initiator); b.bind(e.initiator.country)
            b.bind(r.target); b.bind(e.target?.country); b.bind(e.date?.iso); b.bind(e.date?.precision.rawValue); b.bind(e.dateBasis?.rawValue)
            b.bind(e.datePhrase); b.bind(e.dateApproximate); b.bind(e.location); b.bind(e.locationCountry); b.bind(e.mode); b.bind(e.cue)
        }
        try Self.eventMentionRows.run(db, rows.eventMentions) { b, r in b.bind(r.event); b.bind(r.sentence); b.bind(r.start); b.bind(r.end) }
        try Self.stanceRows.run(db, rows.stances) { b, r in
            let s = r.stance
            b.bind(r.id); b.bind(r.source); b.bind(r.sentence); b.bind(r.holder); b.bind(s.holder.country); b.bind(r.speaker); b.bind(s.polarity)
            b.bind(r.topic); b.bind(r.target); b.bind(s.target?.country); b.bind(s.act.rawValue); b.bind(s.cue); b.bind(s.negated)
            b.bind(s.quote); b.bind(s.date?.iso); b.bind(s.date?.precision.rawValue); b.bind(s.dateBasis?.rawValue); b.bind(s.datePhrase)
        }
        try Self.linkRows.run(db, rows.links) { b, r in b.bind(r.stance); b.bind(r.event) }
    }

    /// Whether the sentences give back the clean text exactly: a paragraph's sentences joined by
    /// one space, paragraphs by a blank line (what the splitter makes of the cleaner's blocks).
    static func sentencesJoin(to text: String, _ sentences: [SentenceSpan]) -> Bool {
        var joined = String()
        joined.reserveCapacity(text.utf8.count)
        var offset = 0
        for (k, s) in sentences.enumerated() {
            if k > 0 {
                let gap = s.paragraph == sentences[k - 1].paragraph ? " " : "\n\n"
                joined += gap
                offset += gap.unicodeScalars.count
            }
            guard s.start == offset else { return false }
            joined += s.text
            offset = s.end
        }
        return UTF8Text.sameBytes(joined, text)
    }

    func collectActors(_ db: Database, _ p: ProcessedSource, sourceID: Int64, sentenceIDs: [Int64], into rows: inout Rows) throws {
        // De-duplicated, summed up and counted on the extraction thread (p.storage); here the keys become ids.
        for m in p.storage.mentions {
            guard let actor = try Self.actorID(m.mention.actorKey, p, actors, db) else { continue }
            rows.mentions.append(Rows.Mention(sentence: sentenceIDs[m.mention.sentence], start: m.start, end: m.end, actor: actor, mention: m.mention))
        }
        var named: [Rows.SourceActor] = []
        for n in p.storage.named {
            guard let actor = actors.ids[n.key] else { continue }
            named.append(Rows.SourceActor(source: sourceID, actor: actor, mentions: n.mentions, country: n.country))
        }
        rows.sourceActors += named.sorted { $0.actor < $1.actor }
        for c in p.actors.candidates {
            let base = p.sentences[c.sentence].start
            rows.candidates.append(Rows.Candidate(sentence: sentenceIDs[c.sentence], source: sourceID, start: base + c.start, end: base + c.end,
                                                  surface: c.surface, reason: c.reason))
        }
    }

    static func actorID(_ key: String, _ p: ProcessedSource, _ actors: ActorStore, _ db: Database) throws -> Int64? {
        if let id = actors.ids[key] { return id }
        if let entry = p.actors.learned.first(where: { $0.key == key }) { return try actors.id(for: entry, db) }
        return nil
    }

    /// The source's events with their ids (nil for an event whose initiator is no actor: not stored).
    func collectEvents(_ db: Database, _ p: ProcessedSource, sourceID: Int64, sentenceIDs: [Int64], into rows: inout Rows) throws -> [Int64?] {
        var ids: [Int64?] = []
        for e in p.events {
            guard let first = e.mentions.first, let initiator = try Self.actorID(e.initiator.key, p, actors, db) else { ids.append(nil); continue }
            let target = try e.target.flatMap { try Self.actorID($0.key, p, actors, db) }
            let eventID = nextEventID
            nextEventID += 1
            rows.events.append(Rows.Event(id: eventID, source: sourceID, sentence: sentenceIDs[first.sentence], initiator: initiator, target: target, event: e))
            ids.append(eventID)
            for m in e.mentions {
                let base = p.sentences[m.sentence].start
                rows.eventMentions.append(Rows.EventMention(event: eventID, sentence: sentenceIDs[m.sentence], start: base + m.start, end: base + m.end))
            }
        }
        return ids
    }

    static func topicID(_ db: Database, _ topic: StanceTopic) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM topics WHERE key = ?"), arguments: [topic.key]) { return id }
        try db.execute(sql: "INSERT INTO topics(key, label, kind, event_type, country) VALUES (?, ?, ?, ?, ?)",
                       arguments: [topic.key, topic.label, topic.kind, topic.eventType?.rawValue, topic.country])
        return db.lastInsertedRowID
    }

    func collectStances(_ db: Database, _ p: ProcessedSource, sourceID: Int64, sentenceIDs: [Int64], eventIDs: [Int64?], into rows: inout Rows) throws {
        for s in p.stances {
            guard let holder = try Self.actorID(s.holder.key, p, actors, db) else { continue }
            let speaker = try s.speaker.flatMap { try Self.actorID($0.key, p, actors, db) }
            let target = try s.target.flatMap { try Self.actorID($0.key, p, actors, db) }
            let topic = try s.topic.map { try Self.topicID(db, $0) }
            let stanceID = nextStanceID
            nextStanceID += 1
            rows.stances.append(Rows.Stance(id: stanceID, source: sourceID, sentence: sentenceIDs[s.sentence], holder: holder, speaker: speaker,
                                            topic: topic, target: target, stance: s))
            for e in s.events where e < eventIDs.count {
                if let id = eventIDs[e] { rows.links.append((stanceID, id)) }
            }
        }
    }

    /// Deletes a source and everything extracted from it (the ingest writes without foreign-key
    /// checks: `Cascade` does what SQLite's cascades would).
    func deleteSource(_ db: Database, _ id: Int64) throws {
        if sourceCascade == nil { sourceCascade = try Cascade(db, from: "sources") }
        try sourceCascade!.delete(db, id: id)
    }

    static func link(_ db: Database, source: Int64, doc: RawDocument) throws {
        try db.cachedStatement(sql: "INSERT INTO source_files(source_id, path, record, name, ingested_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [source, doc.path, doc.record, doc.name, Clock.nowISO()])
    }

    /// Removes a file's link; a source no file holds any more is removed with everything extracted from it.
    func unlink(_ db: Database, path: String, record: String) throws {
        guard let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM source_files WHERE path = ? AND record = ?"), arguments: [path, record]) else { return }
        try flush(db)
        try db.execute(sql: "DELETE FROM source_files WHERE path = ? AND record = ?", arguments: [path, record])
        let remaining = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM source_files WHERE source_id = ?"), arguments: [old]) ?? 0
        if remaining == 0 { try deleteSource(db, old) }
    }
}
