import Foundation
import Testing
@testable import KBCore

/// Each question form: the SQL it becomes and the rows it returns from the corpus database.
/// Expected rows were read off the articles by hand (the sentence, its year and polarity).
@Suite("Questions")
struct QueryTests {
    func answer(_ q: String) throws -> QueryAnswer {
        try QueryEngine(store: try KBStore.openReadOnly(path: Support.corpusDB), resources: try QueryResources()).answer(q)
    }

    func rows(_ a: QueryAnswer, _ keys: [String]) -> [String] {
        a.records.map { r in keys.map { k in r.first { $0.0 == k }?.1.text ?? "" }.joined(separator: " | ") }
    }

    @Test("the terminal table pads columns by characters, puts line breaks on one line, and ends no line in white space")
    func textTable() {
        let table = TextTable.render(columns: ["x", "y", "z"], rows: [["a  ", " b ", "c\t"], ["\u{E9}", "x\ny", "  "]])
        #expect(table == "x    y    z\n---  ---  --\na     b   c\n\u{E9}    x y\n")
        // Cut at the width, with an ellipsis.
        #expect(TextTable.render(columns: ["w"], rows: [["abcdef"]], maxWidth: 4) == "w\n----\nabc…\n")
    }

    @Test("holder positions on an event class, by year")
    func positionsOnStrikes() throws {
        let a = try answer("Russian positions on Israeli strikes by year")
        // Counts per year from the tallies (statements on the topic) plus the linked statements on
        // other topics; the rows: for each year, the first 10 statements on the topic or linked.
        let topic = "st.topic_id IN (SELECT id FROM topics WHERE event_type = ?2 AND country = ?3)"
        let linked = "SELECT stance_id FROM stance_event_classes WHERE event_type = ?2 AND initiator_country = ?3 AND on_topic = 0 AND holder_country = ?1"
        #expect(a.query.sql == """
            WITH c AS (
              SELECT grp, sum(n) AS n, sum(CASE WHEN polarity = 'oppose' THEN n ELSE 0 END) AS oppose, sum(CASE WHEN polarity = 'support' THEN n ELSE 0 END) AS support, sum(CASE WHEN polarity = 'mixed' THEN n ELSE 0 END) AS mixed, sum(CASE WHEN polarity = 'neutral' THEN n ELSE 0 END) AS neutral
              FROM (SELECT st.year AS grp, st.n AS n, st.polarity AS polarity FROM stance_tallies st
                WHERE st.holder_country = ?1
                AND \(topic)
                UNION ALL SELECT x.grp AS grp, 1 AS n, x.polarity AS polarity FROM (SELECT DISTINCT st.id, st.year AS grp, st.polarity
                FROM (\(linked)) l CROSS JOIN stances st ON st.id = l.stance_id
                WHERE st.holder_country = ?1) x) GROUP BY grp
            )
            SELECT 'stance' AS type, v.file, v.id, v.date, v.date_precision, v.date_basis, v.year, v.holder, v.holder_country, v.speaker, v.polarity,
                   v.topic, v.target, v.act, v.cue, v.quote, v.sentence, v.source_title, c.n AS group_rows, c.grp AS group_key, c.oppose AS group_oppose, c.support AS group_support, c.mixed AS group_mixed, c.neutral AS group_neutral
            FROM c JOIN stance_statements_view v ON v.id IN (
              SELECT st.id FROM stances st
              WHERE st.holder_country = ?1
                AND (\(topic)
                   OR st.id IN (\(linked)))
                AND st.year IS c.grp
              ORDER BY st.date, st.id LIMIT ?4
            )
            ORDER BY v.year IS NULL, v.year, v.date, v.id
            """)
        #expect(a.query.arguments.map(\.description) == ["\"RUS\"", "\"ASSAULT\"", "\"ISR\"", "10"])
        // "With regard to the latest Israeli attacks, we said that such arbitrary attacks on sovereign
        // Syrian territory should be stopped and excluded," Russian Deputy Foreign Minister Sergei
        // Vershinin told reporters (001, published 2019-02-21; the text dates it no closer).
        let vershinin = "arbitrary attacks on sovereign Syrian territory"
        #expect(Ask.rows(a, evidence: vershinin, ["group", "holder", "polarity", "file"]) == ["2019 | Russia (RUS) | oppose | 001_48da0eb1e26231e5.txt"])
        #expect(Ask.rows(a, evidence: vershinin, ["quote"]).first?.hasPrefix("With regard to the latest Israeli attacks") == true)
        withKnownIssue("#18: Vershinin's statement on 'the latest Israeli attacks' (001) has no speaker: 'Russian Deputy Foreign Minister Sergei Vershinin told reporters' gives its holder, Russia, and Vershinin is an actor of the sentence, but the speaker is not stored") {
            #expect(Ask.rows(a, evidence: vershinin, ["speaker"]) == ["Sergei Vershinin (RUS)"])
        }
        // Not Russian positions: the author's "could provoke unpredictable responses from Russia",
        // Iran's "crushing and proportional response", Netanyahu's "We aren't prepared to accept".
        for other in ["unpredictable responses from Russia", "crushing and proportional response", "prepared to accept the Iranian"] {
            #expect(Ask.rows(a, evidence: other, ["id"]).isEmpty, "\(other)")
        }
        #expect(a.records.allSatisfy { $0.first { $0.0 == "holder" }?.1["country"] == .string("RUS") })
        // Every Russian statement on Israeli strikes in the corpus is Vershinin's, of 2019, against.
        let n = a.records.count
        #expect(a.groups == [AnswerGroup(key: "2019", total: n, shown: n, polarity: ["oppose": n, "support": 0, "mixed": 0, "neutral": 0])])
        #expect(AnswerTable.render(a).contains("== 2019 — \(n) statement\(n == 1 ? "" : "s") · oppose \(n)\n"))
        #expect(a.omissionNote == nil)
    }

    @Test("each question form's SQL: the conditions it becomes, with every question word bound", arguments: [
        ("Russian positions on Israel by year", ["FROM stance_tallies st", "JOIN stance_statements_view v ON v.id IN (", "WHERE st.holder_country = ?1", "(st.target_country = ?2 OR st.topic_id IN (SELECT id FROM topics WHERE country = ?2 OR key = ?3))"], ["RUS", "ISR", "actor:state:ISR"]),
        ("Israeli positions on Iran's presence in Syria", ["st.topic_id = (SELECT id FROM topics WHERE key = ?2)"], ["ISR", "iran_presence_syria"]),
        ("Israeli strikes in Syria by year", ["FROM event_tallies e", "JOIN events_view v ON v.id IN (", "e.event_type IN (?1)", "e.initiator_country = ?2",
                                              "(e.location_country = ?3 OR (e.location IS NULL AND e.target_country = ?3))", "(e.location_country = ?3 OR (e.located = 0 AND e.target_country = ?3))"], ["ASSAULT", "ISR", "SYR"]),
        ("meetings between Israel and Russia by year", ["e.event_type IN (?1)", "e.cameo IN (?2, ?3, ?4, ?5, ?6, ?7)", "e.initiator_country = ?8\n    AND e.target_country = ?9", "e.initiator_country = ?9\n    AND e.target_country = ?8", "UNION ALL"], ["CONSULT", "040", "042", "043", "044", "045", "046", "ISR", "RUS"]),
        ("who blamed Israel in 2018", ["(' ' || st.cue LIKE ?1 OR ' ' || st.cue LIKE ?2 OR ' ' || st.cue LIKE ?3)", "st.negated = 0", "st.year >= ?6", "st.year <= ?6"], ["% blam%", "% accus%", "% fault%", "ISR", "actor:state:ISR", "2018"]),
        ("what did Netanyahu say about Iran's presence in Syria", ["st.speaker_id = ?1", "FROM stances st", "SELECT id FROM topics WHERE key = ?2"], ["iran_presence_syria"]),
        ("timeline of Israel and Russia", ["UNION ALL", "FROM events e", "FROM stances st", "JOIN events_view v ON v.id = k.id", "JOIN stance_statements_view v ON v.id = k.id"], ["ISR", "RUS"]),
    ])
    func sqlOfEachForm(question: String, fragments: [String], arguments: [String]) throws {
        let a = try answer(question)
        for f in fragments { #expect(a.query.sql.contains(f), "\(question): no \(f) in\n\(a.query.sql)") }
        // Only placeholders carry the question's words: none of them is spliced into the SQL text.
        #expect(!a.query.sql.contains("'ISR'") && !a.query.sql.contains("'RUS'"))
        let bound = a.query.arguments.map { $0.description.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        for arg in arguments { #expect(bound.contains(arg), "\(question): \(arg) not bound in \(bound)") }
        #expect(!a.records.isEmpty, "\(question) answered nothing")
        #expect(!AnswerTable.render(a).isEmpty)
        // Whatever the grouping, every group of the answer says how many records it has in all.
        #expect(a.records.allSatisfy { $0.first { $0.0 == "group_rows" }?.1 != .null })
    }

    @Test("holder positions on an actor and on a concept")
    func positionsOnActorAndConcept() throws {
        let onIsrael = try answer("Russian positions on Israel by year")
        // "Russia ... blamed Israel for the incident" (the downing of September 17, 2018; 004).
        #expect(Ask.has(onIsrael, evidence: "blamed Israel for the incident", ["group", "polarity"], "2018 | oppose"))
        // "the Russian Foreign Office spokeswoman mentioned Israel’s right to self-defense" (004, December 2018).
        #expect(Ask.has(onIsrael, evidence: "right to self-defense", ["group", "polarity"], "2018 | support"))
        // "such arbitrary attacks on sovereign Syrian territory should be stopped", Vershinin told reporters (001, 2019).
        #expect(Ask.has(onIsrael, evidence: "arbitrary attacks on sovereign Syrian territory", ["group", "polarity"], "2019 | oppose"))
        CorpusIssues.assurances(onIsrael)
        CorpusIssues.noProposalOnIsrael(onIsrael)
        // The author's speculation is no Russian position: "could provoke unpredictable responses from Russia" (003).
        #expect(Ask.rows(onIsrael, evidence: "unpredictable responses", ["id"]).isEmpty)
        #expect(onIsrael.records.allSatisfy { $0.first { $0.0 == "holder" }?.1["country"] == .string("RUS") })
        let presence = try answer("Israeli positions on Iran's presence in Syria by year")
        // "We will act against it vigorously and continuously" (Netanyahu, "back in December" 2018; 001).
        #expect(Ask.has(presence, evidence: "We will act against it vigorously", ["group", "polarity"], "2018 | oppose"))
        // "We aren't prepared to accept the Iranian military entrenchment in Syria, which is directed against us" (the same).
        withKnownIssue("#18: Netanyahu's 'We aren't prepared to accept the Iranian military entrenchment in Syria' (001, 2018-12) is read as mixed, not oppose") {
            #expect(Ask.has(presence, evidence: "prepared to accept the Iranian military entrenchment", ["group", "polarity"], "2018 | oppose"))
        }
        // Russia's words on Israeli strikes are not an Israeli position on Iran's presence.
        #expect(Ask.rows(presence, evidence: "arbitrary attacks", ["id"]).isEmpty)
        #expect(presence.records.allSatisfy { $0.first { $0.0 == "holder" }?.1["country"] == .string("ISR") })
    }

    @Test("an initiator's events in a place, by year")
    func eventsInPlace() throws {
        let a = try answer("Israeli strikes in Syria by year")
        let r = rows(a, ["group", "event_type", "cue"])
        #expect(r.contains("2017 | ASSAULT | bombing"))
        #expect(r.contains("2019 | ASSAULT | incursion"))
        #expect(r.contains("2019 | ASSAULT | strike"))
        #expect(a.records.allSatisfy { $0.first { $0.0 == "initiator" }?.1["country"] == .string("ISR") })
        #expect(a.query.sql.contains("e.location_country = ?3"))
    }

    @Test("meetings between two states, either side first, without phone calls or other pairs")
    func meetings() throws {
        let a = try answer("meetings between Israel and Russia by year")
        // "After meeting with Russian Defense Minister Sergei Shoigu in Israel on Tuesday" (2017-10-17; 000),
        // not the phone call of the same sentence.
        #expect(Ask.rows(a, evidence: "Sergei Shoigu in Israel", ["group", "cameo", "date"]) == ["2017 | 040 | 2017-10-17"])
        // "In Paris there was also a short meeting between Putin and Prime Minister Benjamin Netanyahu" (November 2018; 004).
        #expect(Ask.rows(a, evidence: "short meeting between Putin and Prime Minister Benjamin Netanyahu", ["group", "cameo", "date"]) == ["2018 | 040 | 2018-11"])
        CorpusIssues.tripsUndated(a)
        // No phone calls, and no other pairs: not Trump and Putin in Helsinki or in Paris (004).
        #expect(!rows(a, ["cameo"]).contains("041"))
        #expect(Ask.rows(a, evidence: "Helsinki", ["id"]).isEmpty && Ask.rows(a, evidence: "between the two Presidents", ["id"]).isEmpty)
    }

    @Test("who blamed / who met")
    func who() throws {
        // "Russia initiated a crisis with Israel ... and blamed Israel for the incident" (2018; 004): the one blame of Israel.
        let blamed = try answer("who blamed Israel")
        #expect(rows(blamed, ["holder"]) == ["Russia (RUS)"])
        #expect(Ask.rows(blamed, evidence: "blamed Israel for the incident", ["year"]) == ["2018"])
        // Meetings in person (004): "At the meeting between Trump and Putin in Helsinki" and "a short
        // meeting between Putin and Prime Minister Benjamin Netanyahu" in Paris; not the phone calls.
        let met = try answer("who met Putin")
        #expect(Ask.has(met, evidence: "meeting between Trump and Putin in Helsinki", ["initiator", "target", "cameo"], "Donald Trump (USA) | Vladimir Putin (RUS) | 040"))
        #expect(Ask.has(met, evidence: "short meeting between Putin and Prime Minister Benjamin Netanyahu", ["initiator", "target", "cameo"], "Vladimir Putin (RUS) | Benjamin Netanyahu (ISR) | 040"))
        #expect(!rows(met, ["cameo"]).contains("041"))
        // "Meetings between them, including the Helsinki summit in July 2018" (004).
        withKnownIssue("#17: the meeting between Trump and Putin in Helsinki (004) is dated 2017, from 'Last year' two sentences before; the article dates the Helsinki summit July 2018") {
            #expect(Ask.rows(met, evidence: "in Helsinki", ["date"]) == ["2018-07"])
        }
    }

    @Test("what a person said about a topic")
    func said() throws {
        let a = try answer("what did Netanyahu say about Iran's presence in Syria")
        // Both of Netanyahu's sentences "publicly declared back in December" (2018; 001), against.
        #expect(rows(a, ["speaker", "date"]).allSatisfy { $0 == "Benjamin Netanyahu (ISR) | 2018-12" })
        #expect(Ask.rows(a, evidence: "We will act against it vigorously", ["polarity"]) == ["oppose"])
        withKnownIssue("#18: Netanyahu's 'We aren't prepared to accept the Iranian military entrenchment in Syria' (001, 2018-12) is read as mixed, not oppose") {
            #expect(Ask.rows(a, evidence: "prepared to accept the Iranian military entrenchment", ["polarity"]) == ["oppose"])
        }
    }

    @Test("timeline of two actors, in date order")
    func timeline() throws {
        let a = try answer("timeline of Israel and Russia")
        let dates = a.records.compactMap { $0.first { $0.0 == "date" }?.1.text }.filter { !$0.isEmpty }
        #expect(dates == dates.sorted())
        #expect(a.records.count >= 4)
    }

    @Test("years filter: in, since, between")
    func years() throws {
        // 2018: "blamed Israel for the incident" (September) and "mentioned Israel’s right to self-defense" (December; 004).
        let in2018 = try answer("Russian positions on Israel in 2018")
        #expect(Ask.has(in2018, evidence: "blamed Israel for the incident", ["year"], "2018"))
        #expect(Ask.has(in2018, evidence: "right to self-defense", ["year"], "2018"))
        #expect(in2018.records.allSatisfy { $0.first { $0.0 == "year" }?.1 == .int(2018) })
        CorpusIssues.noProposalOnIsrael(in2018)
        // 2019: Vershinin on "such arbitrary attacks on sovereign Syrian territory" (001).
        let since2019 = try answer("Russian positions on Israel since 2019")
        #expect(Ask.has(since2019, evidence: "arbitrary attacks on sovereign Syrian territory", ["year"], "2019"))
        #expect(since2019.records.allSatisfy { $0.first { $0.0 == "year" }?.1 == .int(2019) })
        // No article reports a Russian position on Israel before 2018.
        #expect(try answer("Russian positions on Israel between 2015 and 2017").records.isEmpty)
    }

    @Test("an unknown question exits non-zero with what was understood and near matches")
    func unknown() throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "Russian positions on Isreal"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("I did not understand the topic 'Isreal'"))
        #expect(r.stderr.contains("holder Russia (RUS)"))
        #expect(r.stderr.contains("Did you mean: Israel"))
        #expect(r.stderr.contains("Nearest questions kb answers: '<holder> positions"))
        #expect(r.stdout.isEmpty)
    }

    @Test("question text is bound, never spliced into SQL")
    func injection() throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "Russian positions on Israel'); DROP TABLE stances; --"])
        #expect(r.status == 1)
        #expect(try Support.count(Support.corpusDB, "SELECT count(*) FROM stances") > 0)
    }

    @Test("jsonl rows carry evidence, date, year and polarity, as CONTRACT.md says")
    func jsonl() throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "--format", "jsonl", "Iranian positions on Israeli strikes by year"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(try #require(lines.first).utf8)) as? [String: Any]
        #expect(obj?["year"] as? Int == 2019 && obj?["polarity"] as? String == "oppose")
        #expect((obj?["sentence"] as? String)?.contains("crushing and proportional response") == true)
    }
}
