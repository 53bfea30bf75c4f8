import Testing
@testable import KBCore

/// "timeline of A and B": events and statements in date order; never grouped.
@Suite("Questions: timeline")
struct TimelineFormTests {
    @Test("in date order, the same for its phrasings; a grouping is refused, not dropped")
    func timeline() throws {
        let a = try Ask.answer("timeline of Israel and Russia")
        #expect(a.query.sql.contains("FROM events e") && a.query.sql.contains("FROM stances st"))
        let dates = Ask.rows(a, ["date"]).filter { !$0.isEmpty }
        #expect(dates == dates.sorted())
        // In this order: "After meeting with Russian Defense Minister Sergei Shoigu in Israel on
        // Tuesday, Netanyahu spoke with Putin over the phone on Wednesday" (2017-10-17, 2017-10-18; 000);
        // "a short meeting between Putin and Prime Minister Benjamin Netanyahu" in Paris (November 2018)
        // and "Putin and Netanyahu agreed in a telephone call to meet" (December 2018; 004).
        let lines = Ask.rows(a, ["type", "what", "date", "sentence"])
        let order = [("event | CONSULT | 2017-10-17", "Sergei Shoigu in Israel"), ("event | CONSULT | 2017-10-18", "spoke with Putin over the phone"),
                     ("event | CONSULT | 2018-11", "short meeting between Putin and Prime Minister"), ("event | CONSULT | 2018-12", "agreed in a telephone call")]
            .map { head, words in lines.firstIndex { $0.hasPrefix(head) && $0.contains(words) } }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(lines)")
        // Israel's statements on Russia: "urging Putin to limit Iran’s presence in Syria" (undated: the article's 2017-10-19; 000).
        #expect(Ask.rows(a, evidence: "urging Putin to limit", ["type", "country", "date"]) == ["stance | ISR | 2017-10-19"])
        CorpusIssues.tripsUndated(a)
        #expect(Ask.ids(try Ask.answer("chronology of Israel and Russia")) == Ask.ids(a))
        #expect(Ask.ids(try Ask.answer("timeline for Israel with Russia")) == Ask.ids(a))
        #expect(Ask.refusal("timeline of Israel by year")?.contains("cannot be grouped: leave out 'by year'") == true)
        let count = try Ask.answer("how many timeline of Israel and Russia")
        #expect(count.records.first?.first { $0.0 == "n" }?.1 == .int(a.records.count))
    }
}
