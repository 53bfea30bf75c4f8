import Foundation
import GRDB
import Testing
@testable import KBCore

/// Bounded answers: every group counted over all its records, at most `--limit` of them printed,
/// a note on standard error for what was left out; the tallies the counts come from agree with
/// a recount; `kb search` ranks within its candidates.
///
/// The fixture is the seed corpus plus eleven copies of 001 (Russia's deputy foreign minister on
/// "the latest Israeli attacks", published February 21, 2019), each with a paragraph of its own
/// so that each is a source of its own: "Russian positions on Israeli strikes by year" then has
/// twelve statements in 2019, one per copy of that article and none in any other year.
@Suite("Bounded answers")
struct QueryBoundTests {
    static let question = "Russian positions on Israeli strikes by year"
    static let copies = 11

    static let fixture: (dir: String, db: String) = {
        let dir = Support.tempDir()
        let corpus = (dir as NSString).appendingPathComponent("corpus")
        try! FileManager.default.copyItem(atPath: Support.corpus, toPath: corpus)
        let original = try! String(contentsOfFile: (corpus as NSString).appendingPathComponent("001_48da0eb1e26231e5.txt"), encoding: .utf8)
        for k in 1...copies {
            Support.write(original + "\n\nThis copy, number \(k), was made for a test.\n", to: corpus, "001_copy\(k).txt")
        }
        let db = (dir as NSString).appendingPathComponent("kb.db")
        _ = try! Support.ingest([corpus], db: db)
        return (corpus, db)
    }()

    func answer(_ q: String, _ options: AnswerOptions, db: String = fixture.db) throws -> QueryAnswer {
        try QueryEngine(store: try KBStore.openReadOnly(path: db), resources: try QueryResources()).answer(q, options: options)
    }

    func ids(_ a: QueryAnswer) -> [Int] { a.records.compactMap { if case .int(let i)? = $0.first(where: { $0.0 == "id" })?.1 { i } else { nil } } }

    @Test("a group with more rows than the limit: its true count, exactly N rows, the first N of --all")
    func bound() throws {
        // The same question in plain SQL, the way it was asked before tallies: topic, or linked event.
        let recount = try Support.count(Self.fixture.db, """
            SELECT count(*) FROM stances WHERE holder_country = 'RUS' AND year = 2019
              AND (topic_id IN (SELECT id FROM topics WHERE event_type = 'ASSAULT' AND country = 'ISR')
                   OR id IN (SELECT se.stance_id FROM stance_events se JOIN events e ON e.id = se.event_id WHERE e.event_type = 'ASSAULT' AND e.initiator_country = 'ISR'))
            """)
        #expect(recount == Self.copies + 1)

        let limited = try answer(Self.question, AnswerOptions(limit: 3))
        #expect(limited.groups == [AnswerGroup(key: "2019", total: 12, shown: 3, polarity: ["oppose": 12, "support": 0, "mixed": 0, "neutral": 0])])
        #expect(limited.records.count == 3)
        #expect(limited.records.allSatisfy { $0.first { $0.0 == "group_rows" }?.1 == .int(12) && $0.first { $0.0 == "year" }?.1 == .int(2019) })
        #expect(limited.isPartial && limited.total == 12)

        let all = try answer(Self.question, .all)
        #expect(all.records.count == 12)
        #expect(all.groups == [AnswerGroup(key: "2019", total: 12, shown: 12, polarity: ["oppose": 12, "support": 0, "mixed": 0, "neutral": 0])])
        #expect(!all.isPartial && all.omissionNote == nil)
        // The rows printed are the first of the full answer, in its order (date, then id).
        #expect(ids(limited) == Array(ids(all).prefix(3)))
        #expect(ids(all) == ids(all).sorted())
        #expect(Set(all.records.compactMap { $0.first { $0.0 == "quote" }?.1.text }).count == 1)

        let table = AnswerTable.render(limited)
        #expect(table.contains("== 2019 — 12 statements · oppose 12 (first 3 shown)\n"))
        #expect(table.components(separatedBy: "001_").count - 1 == 3)
    }

    @Test("the note names each group that lost rows; grouped by year, a group per year")
    func note() throws {
        let limited = try answer(Self.question, AnswerOptions(limit: 3))
        #expect(limited.omissionNote == "showing 3 of 12 rows for 2019 (3 of 12 in all); --limit N shows N per year, --all prints every row")
        // Russian positions on Israel by year (corpus): 2018 has at least "blamed Israel for the
        // incident" and "mentioned Israel’s right to self-defense" (004), 2019 Vershinin's "such
        // arbitrary attacks on sovereign Syrian territory should be stopped" (001). With a limit
        // of 1, 2018 is cut; the note names each group that lost rows and no other.
        let full = try answer("Russian positions on Israel by year", .all, db: Support.corpusDB)
        let onIsrael = try answer("Russian positions on Israel by year", AnswerOptions(limit: 1), db: Support.corpusDB)
        #expect(Array(onIsrael.groups.map(\.key).prefix(2)) == ["2018", "2019"])
        #expect(onIsrael.groups.map(\.total) == full.groups.map(\.total) && full.total == full.records.count)
        #expect(onIsrael.groups.map(\.shown) == onIsrael.groups.map { min($0.total, 1) })
        #expect(onIsrael.groups[0].total >= 2 && onIsrael.records.count == onIsrael.groups.count)
        let cut = onIsrael.groups.filter { $0.shown < $0.total }
        let parts = cut.enumerated().map { k, g in "1 of \(g.total)\(k == 0 ? " rows" : "") for \(g.key ?? "")" }
        #expect(onIsrael.omissionNote == "showing \(parts.joined(separator: ", ")) (\(onIsrael.groups.count) of \(full.total) in all); --limit N shows N per year, --all prints every row")
        #expect(onIsrael.omissionNote?.hasPrefix("showing 1 of \(onIsrael.groups[0].total) rows for 2018") == true)
        // Russia's proposal put to Israel in Paris is no position on Israel.
        CorpusIssues.noProposalOnIsrael(full)
        // Not grouped: one group, the whole answer.
        let who = try answer("who met Putin", AnswerOptions(limit: 1), db: Support.corpusDB)
        #expect(who.records.count == 1 && who.groups.count == 1 && who.groups[0].key == nil)
        #expect(who.omissionNote == "showing 1 of \(who.groups[0].total) rows; --limit N shows N, --all prints every row")
        #expect(who.groups[0].total == (try answer("who met Putin", .all, db: Support.corpusDB)).records.count)
    }

    @Test("kb query: JSON Lines on standard output only, the note on standard error; --all; usage errors")
    func command() throws {
        let db = Self.fixture.db
        let limited = try Support.run(["query", "--db", db, "--limit", "3", "--format", "jsonl", Self.question])
        #expect(limited.status == 0)
        let lines = limited.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(obj?["year"] as? Int == 2019 && obj?["polarity"] as? String == "oppose" && obj?["group_rows"] as? Int == 12)
            #expect((obj?["sentence"] as? String)?.contains("Vershinin") == true && obj?["date"] as? String == "2019-02-21")
        }
        #expect(limited.stderr == "kb: showing 3 of 12 rows for 2019 (3 of 12 in all); --limit N shows N per year, --all prints every row\n")

        let all = try Support.run(["query", "--db", db, "--all", "--format", "jsonl", Self.question])
        #expect(all.status == 0 && all.stdout.split(separator: "\n").count == 12 && all.stderr.isEmpty)
        // Formats for programs print every record by default (one object per record, as the export
        // contract says); the table, for reading, the first 10 of each group.
        let byDefault = try Support.run(["query", "--db", db, "--format", "jsonl", Self.question])
        #expect(byDefault.stdout == all.stdout && byDefault.stderr.isEmpty)
        let csv = try Support.run(["query", "--db", db, "--format", "csv", Self.question])
        #expect(csv.status == 0 && csv.stdout.utf8.split(separator: 10).filter { $0.starts(with: "stance,".utf8) }.count == 12 && csv.stderr.isEmpty)
        let table = try Support.run(["query", "--db", db, "--format", "table", Self.question])
        #expect(table.status == 0 && table.stdout.contains("== 2019 — 12 statements · oppose 12 (first 10 shown)\n"))
        #expect(table.stdout.components(separatedBy: "001_").count - 1 == 10)
        #expect(table.stderr == "kb: showing 10 of 12 rows for 2019 (10 of 12 in all); --limit N shows N per year, --all prints every row\n")

        for bad in [["--limit", "0"], ["--limit", "3", "--all"]] {
            let r = try Support.run(["query", "--db", db] + bad + [Self.question])
            #expect(r.status == 64, "\(bad): \(r.status)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test("--sql shows the statement that runs, with its bound limit")
    func sqlShown() throws {
        let r = try Support.run(["query", "--db", Self.fixture.db, "--sql", "--limit", "3", "--format", "jsonl", Self.question])
        // On standard error: standard output holds the JSON Lines alone.
        #expect(r.stderr.contains("ORDER BY st.date, st.id LIMIT ?4"))
        #expect(r.stderr.contains("-- parameters: ?1 = \"RUS\", ?2 = \"ASSAULT\", ?3 = \"ISR\", ?4 = 3\n"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{") })
        let all = try Support.run(["query", "--db", Self.fixture.db, "--sql", "--all", "--format", "jsonl", Self.question])
        #expect(all.stderr.contains("?4 = -1\n"))
    }

    /// Tallies and links against a recount from the tables they summarize.
    func tallyDifferences(_ db: String) throws -> [Int] {
        let stanceKey = "holder_country, topic_id, target_country, polarity, act, year"
        let eventKey = "event_type, cameo, initiator_country, target_country, location_country, located, year"
        let stances = "SELECT \(stanceKey), count(*) AS n FROM stances GROUP BY \(stanceKey)"
        let events = "SELECT \(eventKey), count(*) AS n FROM (SELECT *, location IS NOT NULL AS located FROM events) GROUP BY \(eventKey)"
        let links = "SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes"
        return try [
            "SELECT count(*) FROM (\(stances) EXCEPT SELECT \(stanceKey), n FROM stance_tallies)",
            "SELECT count(*) FROM (SELECT \(stanceKey), n FROM stance_tallies EXCEPT \(stances))",
            "SELECT count(*) FROM (\(events) EXCEPT SELECT \(eventKey), n FROM event_tallies)",
            "SELECT count(*) FROM (SELECT \(eventKey), n FROM event_tallies EXCEPT \(events))",
            "SELECT count(*) FROM (\(links) EXCEPT SELECT * FROM stance_event_classes_source)",
            "SELECT count(*) FROM (SELECT * FROM stance_event_classes_source EXCEPT \(links))",
            "SELECT (SELECT count(*) FROM stance_events) - (SELECT count(*) FROM stance_event_classes)",
        ].map { try Support.count(db, $0) }
    }

    @Test("the tallies agree with a recount after ingest, after a changed source, and after a source is gone")
    func talliesAgree() throws {
        let dir = Support.tempDir()
        let corpus = (dir as NSString).appendingPathComponent("corpus")
        try FileManager.default.copyItem(atPath: Self.fixture.dir, toPath: corpus)
        let db = (dir as NSString).appendingPathComponent("kb.db")
        _ = try Support.ingest([corpus], db: db)
        #expect(try tallyDifferences(db) == [0, 0, 0, 0, 0, 0, 0])
        #expect(try Support.count(db, "SELECT sum(n) FROM stance_tallies") == (try Support.count(db, "SELECT count(*) FROM stances")))
        #expect(try Support.count(db, "SELECT count(*) FROM stance_tallies WHERE n <= 0") == 0)

        // A copy loses the deputy minister's paragraph: re-ingest replaces its rows; 2019 has eleven statements.
        let copy = (corpus as NSString).appendingPathComponent("001_copy1.txt")
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        let cut = text.components(separatedBy: "\n").filter { !$0.contains("Vershinin") }.joined(separator: "\n")
        #expect(cut != text)
        Support.write(cut, to: corpus, "001_copy1.txt")
        _ = try Support.ingest([corpus], db: db)
        #expect(try tallyDifferences(db) == [0, 0, 0, 0, 0, 0, 0])
        #expect(try answer(Self.question, .all, db: db).groups.map(\.total) == [11])

        // A source deleted outright (with its statements, events and links, by cascade).
        try KBStore.openForWriting(path: db).transaction { db in
            try db.execute(sql: "DELETE FROM sources WHERE id = (SELECT source_id FROM source_files WHERE name = '001_copy2.txt')")
        }
        #expect(try tallyDifferences(db) == [0, 0, 0, 0, 0, 0, 0])
        #expect(try answer(Self.question, AnswerOptions(limit: 2), db: db).groups == [AnswerGroup(key: "2019", total: 10, shown: 2, polarity: ["oppose": 10, "support": 0, "mixed": 0, "neutral": 0])])

        // Statements and events edited in place move between tallies.
        try KBStore.openForWriting(path: db).transaction { db in
            try db.execute(sql: "UPDATE stances SET polarity = 'support', date = '2016-05' WHERE id = (SELECT min(id) FROM stances)")
            try db.execute(sql: "UPDATE events SET location = NULL, initiator_country = 'RUS' WHERE id = (SELECT min(id) FROM events)")
            try db.execute(sql: "UPDATE stances SET topic_id = NULL WHERE id IN (SELECT stance_id FROM stance_events)")
        }
        #expect(try tallyDifferences(db) == [0, 0, 0, 0, 0, 0, 0])
    }

    @Test("kb check recounts the tallies: a sound database passes, a changed tally or a lost link is found")
    func checkFindsWrongTallies() throws {
        #expect(try Checker(store: KBStore.openReadOnly(path: Self.fixture.db)).run().isEmpty)
        let db = Support.tempDir() + "/kb.db"
        try Support.reader(Self.fixture.db).backup(to: DatabaseQueue(path: db))
        try DatabaseQueue(path: db).write { db in
            // A count off by one: the stored row is not the recount's, and the recount's is missing.
            try db.execute(sql: "UPDATE stance_tallies SET n = n + 1 WHERE rowid = (SELECT min(rowid) FROM stance_tallies)")
            try db.execute(sql: "DELETE FROM stance_event_classes WHERE rowid = (SELECT min(rowid) FROM stance_event_classes)")
        }
        #expect(try Checker(store: KBStore.openReadOnly(path: db)).run().map(\.description) == [
            "tallies: stance_tallies: 2 rows that a recount does not give (questions would count wrong)",
            "tallies: stance_event_classes: 1 row that a recount does not give (questions would count wrong)",
        ])
    }

    @Test("kb search: best first within the candidates, at most --limit, a note when there may be more")
    func search() throws {
        let store = try KBStore.openReadOnly(path: Support.corpusDB)
        // "Israel" is in more than three sentences of the corpus.
        let matching = try Support.strings(Support.corpusDB, "SELECT CAST(rowid AS TEXT) FROM sentences_fts WHERE sentences_fts MATCH 'Israel' ORDER BY rowid DESC").compactMap(Int.init)
        #expect(matching.count > 10)
        func ids(_ r: QueryEngine.SearchResult) -> [Int] { r.records.compactMap { if case .int(let i)? = $0.first(where: { $0.0 == "sentence_id" })?.1 { i } else { nil } } }

        // Every match ranked (fewer than the candidates): the best two by FTS5's rank, ties newest first.
        let best = try Support.strings(Support.corpusDB, "SELECT CAST(rowid AS TEXT) FROM sentences_fts WHERE sentences_fts MATCH 'Israel' ORDER BY rank, rowid DESC LIMIT 2").compactMap(Int.init)
        let two = try QueryEngine.search("Israel", limit: 2, store: store)
        #expect(ids(two) == best && two.note == nil)
        #expect(two.records.allSatisfy { $0.first { $0.0 == "snippet" }?.1.text.contains("[Israel]") == true })

        // Three candidates: the two best of the three most recently stored matches.
        let three = Set(matching.prefix(3))
        let r = try QueryEngine.search("Israel", limit: 2, candidates: 3, store: store)
        #expect(ids(r).count == 2 && Set(ids(r)).isSubset(of: three))
        let ranks = try Support.strings(Support.corpusDB, "SELECT CAST(rowid AS TEXT) FROM sentences_fts WHERE sentences_fts MATCH 'Israel' AND rowid IN (\(three.map(String.init).joined(separator: ","))) ORDER BY rank, rowid DESC").compactMap(Int.init)
        #expect(ids(r) == Array(ranks.prefix(2)))
        #expect(r.note == "ranked the 3 most recently stored matching sentences (there are more); --all ranks every one")

        // --all: every match, ranked, each with its snippet.
        let all = try QueryEngine.search("Israel", limit: nil, store: store)
        let ranked = try Support.strings(Support.corpusDB, "SELECT CAST(rowid AS TEXT) FROM sentences_fts WHERE sentences_fts MATCH 'Israel' ORDER BY rank, rowid DESC").compactMap(Int.init)
        #expect(ids(all) == ranked && all.note == nil && all.ranked == nil)
        #expect(all.records.allSatisfy { $0.first { $0.0 == "snippet" }?.1.text.contains("[Israel]") == true })

        let cli = try Support.run(["search", "--db", Support.corpusDB, "--limit", "1", "--format", "jsonl", "Quneitra"])
        #expect(cli.status == 0 && cli.stdout.split(separator: "\n").count == 1 && cli.stderr.isEmpty)
        #expect(try Support.run(["search", "--db", Support.corpusDB, "--limit", "0", "Israel"]).status == 64)
    }

    @Test("the event nouns of a question are the lexicon's single-word noun rows, by lemma, singular or plural")
    func eventNouns() throws {
        let files = EmbeddedResources.dictionaries
        var expected: [String: EventType] = [:]
        for type in EventType.allCases {
            for (_, f) in TSV.rows(files["events/lexicon/\(type.rawValue).tsv"] ?? "") where f.count >= 3 && f[1] == "noun" && !f[0].contains(" ") && !f[0].contains("+") {
                if expected[f[0].lowercased()] == nil { expected[f[0].lowercased()] = type }
            }
        }
        let nouns = QueryResources.eventNouns(files)
        #expect(nouns.count == expected.count && nouns.count > 100)
        for (k, v) in expected { #expect(nouns[k]?.0 == v, "\(k)") }
        let q = try QueryResources()
        #expect(q.eventNoun("strikes")?.0 == .ASSAULT && q.eventNoun("strike")?.0 == .ASSAULT)
        #expect(q.eventNoun("meetings")?.0 == .CONSULT && q.eventNoun("incursions")?.0 == .ASSAULT)
        #expect(q.eventNoun("sanctions")?.0 == .SANCTION && q.eventNoun("cabbage") == nil)
    }
}
