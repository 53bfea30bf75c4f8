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

    @Test("holder positions on an event class, by year")
    func positionsOnStrikes() throws {
        let a = try answer("Russian positions on Israeli strikes by year")
        #expect(a.query.sql == """
            SELECT 'stance' AS type, v.file, v.id, v.date, v.date_basis, v.year, v.holder, v.holder_country, v.speaker, v.polarity,
                   v.topic, v.target, v.act, v.cue, v.quote, v.sentence, v.source_title
            FROM stance_statements_view v JOIN stances st ON st.id = v.id
            WHERE st.holder_country = ?
              AND (st.topic_id IN (SELECT id FROM topics WHERE event_type = ? AND country = ?)
               OR st.id IN (SELECT se.stance_id FROM stance_events se JOIN events e ON e.id = se.event_id WHERE e.event_type = ? AND e.initiator_country = ?))
            ORDER BY v.year IS NULL, v.year, v.date, v.id
            """)
        #expect(a.query.arguments.map(\.description) == ["\"RUS\"", "\"ASSAULT\"", "\"ISR\"", "\"ASSAULT\"", "\"ISR\""])
        #expect(rows(a, ["group", "speaker", "polarity", "file"]) == ["2019 | Sergei Vershinin (RUS) | oppose | 001_48da0eb1e26231e5.txt"])
        #expect(a.records[0].first { $0.0 == "quote" }?.1.text.hasPrefix("With regard to the latest Israeli attacks") == true)
        #expect(AnswerTable.render(a).contains("== 2019 — 1 statement · oppose 1"))
    }

    @Test("each question form's SQL: the conditions it becomes, with every question word bound", arguments: [
        ("Russian positions on Israel by year", ["FROM stance_statements_view v", "WHERE st.holder_country = ?", "st.target_country = ?"], ["RUS", "ISR", "ISR"]),
        ("Israeli positions on Iran's presence in Syria", ["st.topic_id IN (SELECT id FROM topics WHERE key = ?)"], ["ISR", "iran_presence_syria"]),
        ("Israeli strikes in Syria by year", ["FROM events_view v", "v.event_type IN (?)", "v.initiator_country = ?", "v.location_country = ?"], ["ASSAULT", "ISR", "SYR", "SYR"]),
        ("meetings between Israel and Russia by year", ["v.event_type = 'CONSULT' AND v.cameo <> '041'", "((v.initiator_country = ? AND v.target_country = ?) OR (v.initiator_country = ? AND v.target_country = ?))"], ["ISR", "RUS", "RUS", "ISR"]),
        ("who blamed Israel in 2018", ["v.polarity = ?", "st.act = 'ACCUSE'", "v.year >= ?", "v.year <= ?"], ["oppose", "ISR", "ISR", "2018", "2018"]),
        ("what did Netanyahu say about Iran's presence in Syria", ["st.speaker_id = ?", "SELECT id FROM topics WHERE key = ?"], ["iran_presence_syria"]),
        ("timeline of Israel and Russia", ["UNION ALL", "FROM events_view v WHERE", "FROM stance_statements_view v"], ["ISR", "ISR", "RUS", "RUS", "ISR", "RUS", "RUS"]),
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
    }

    @Test("holder positions on an actor and on a concept")
    func positionsOnActorAndConcept() throws {
        let onIsrael = try answer("Russian positions on Israel by year")
        let r = rows(onIsrael, ["group", "polarity", "cue"])
        #expect(r.contains("2018 | oppose | blamed"))
        #expect(r.contains("2018 | support | mentioned"))
        #expect(r.contains("2019 | oppose | told reporters"))
        #expect(onIsrael.records.allSatisfy { $0.first { $0.0 == "holder" }?.1["country"] == .string("RUS") })
        let presence = try answer("Israeli positions on Iran's presence in Syria by year")
        #expect(rows(presence, ["group", "polarity"]).contains("2018 | oppose"))
        #expect(!rows(presence, ["sentence"]).contains { $0.contains("arbitrary attacks") })
    }

    @Test("an initiator's events in a place, by year")
    func eventsInPlace() throws {
        let a = try answer("Israeli strikes in Syria by year")
        let r = rows(a, ["group", "event_type", "cue"])
        #expect(r.contains("2017 | ASSAULT | bombing"))
        #expect(r.contains("2019 | ASSAULT | incursion"))
        #expect(r.contains("2019 | ASSAULT | strike"))
        #expect(a.records.allSatisfy { $0.first { $0.0 == "initiator" }?.1["country"] == .string("ISR") })
        #expect(a.query.sql.contains("v.location_country = ?"))
    }

    @Test("meetings between two states, either side first, without phone calls or other pairs")
    func meetings() throws {
        let a = try answer("meetings between Israel and Russia by year")
        #expect(rows(a, ["group", "cue", "date"]) == ["2017 | meeting | 2017-10-17", "2018 | meeting | 2018-11"])
    }

    @Test("who blamed / who met")
    func who() throws {
        #expect(rows(try answer("who blamed Israel"), ["holder", "cue"]) == ["Russia (RUS) | blamed"])
        let met = try answer("who met Putin")
        #expect(rows(met, ["initiator", "target"]).contains("Benjamin Netanyahu (ISR) | Vladimir Putin (RUS)"))
    }

    @Test("what a person said about a topic")
    func said() throws {
        let a = try answer("what did Netanyahu say about Iran's presence in Syria")
        #expect(rows(a, ["speaker", "date", "polarity"]).first == "Benjamin Netanyahu (ISR) | 2018-12 | oppose")
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
        #expect(try answer("Russian positions on Israel in 2018").records.count == 2)
        #expect(try answer("Russian positions on Israel since 2019").records.allSatisfy { $0.first { $0.0 == "year" }?.1 == .int(2019) })
        #expect(try answer("Russian positions on Israel between 2015 and 2017").records.isEmpty)
    }

    @Test("an unknown question exits non-zero with what was understood and near matches")
    func unknown() throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "Russian positions on Isreal"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("I did not understand the topic 'Isreal'"))
        #expect(r.stderr.contains("holder Russia (RUS)"))
        #expect(r.stderr.contains("Did you mean: Israel"))
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
        let obj = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(obj?["year"] as? Int == 2019 && obj?["polarity"] as? String == "oppose")
        #expect((obj?["sentence"] as? String)?.contains("crushing and proportional response") == true)
    }
}
