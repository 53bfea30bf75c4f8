import Foundation
import GRDB
import Testing
@testable import KBCore

/// `kb report`: the seed question's page, from the same answer as `kb query`, opened in headless Chromium.
@Suite("HTML report")
struct ReportTests {
    static let seed = "Russian positions on Israeli strikes by year"

    static func answer(_ question: String) throws -> QueryAnswer {
        try QueryEngine(store: try KBStore.openReadOnly(path: Support.corpusDB), resources: try QueryResources()).answer(question, options: HTMLReport.options)
    }

    /// The page `kb report` writes for the question (or the arguments).
    static func page(_ arguments: [String]) throws -> (path: String, html: String) {
        let path = (Support.tempDir() as NSString).appendingPathComponent("report.html")
        let r = try Support.run(["report", "--db", Support.corpusDB, "--out", path] + arguments)
        #expect(r.status == 0, "kb report \(arguments): \(r.stderr)")
        return (path, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    @Test("the seed question's page holds every row of kb query's answer, its plan and its SQL")
    func seedPage() throws {
        let (_, html) = try Self.page([Self.seed])
        let answer = try Self.answer(Self.seed)
        // The rows kb query finds, counted by SQL of this test's own.
        let expected = try Support.count(Support.corpusDB, """
            SELECT count(*) FROM stances st WHERE st.holder_country = 'RUS'
              AND (st.topic_id IN (SELECT id FROM topics WHERE event_type = 'ASSAULT' AND country = 'ISR')
                   OR st.id IN (SELECT se.stance_id FROM stance_events se JOIN events e ON e.id = se.event_id
                                WHERE e.event_type = 'ASSAULT' AND e.initiator_country = 'ISR'))
            """)
        #expect(expected >= 1, "the corpus has Russian statements on Israeli strikes")
        #expect(answer.total == expected)
        #expect(answer.records.count == expected, "the report shows every row")
        let data = TimelineData(answer)
        #expect(data.total == expected, "the chart counts the same rows")
        #expect(data.noun == "statements" && data.stackedBy == "polarity" && data.unit == "year")
        #expect(html.contains("\(expected) statements"))
        for r in answer.records {
            let sentence = r.first { $0.0 == "sentence" }?.1.text ?? ""
            #expect(html.contains(Markup.escape(sentence)), "the evidence sentence is in the table: \(sentence)")
            let title = r.first { $0.0 == "source_title" }?.1.text ?? ""
            if !title.isEmpty { #expect(html.contains(Markup.escape(title))) }
            if let quote = r.first(where: { $0.0 == "quote" })?.1, quote != .null { #expect(html.contains("<q>" + Markup.escape(quote.text) + "</q>")) }
            let date = r.first { $0.0 == "date" }?.1.text ?? ""
            if r.first(where: { $0.0 == "date_basis" })?.1 == .string("publication") {
                #expect(html.contains(">\(date)<span title=\"the text gives no date: the publication date stands in\">*</span>"), "\(date) is marked *")
                #expect(html.contains("* The text gives no date: the publication date stands in."))
            }
        }
        #expect(html.contains(Markup.escape(answer.query.sql.trimmingCharacters(in: .whitespacesAndNewlines))), "the page shows kb query's SQL")
        #expect(html.contains(Markup.escape(answer.plan.explanation)), "and its plan")
    }

    @Test("the page fetches nothing and runs no script")
    func selfContained() throws {
        let (_, html) = try Self.page([Self.seed])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        for banned in ["<script", "<link", "@import", "src=", "href=", "@font-face"] {
            #expect(!html.lowercased().contains(banned), "the page has \(banned)")
        }
        // The one address is SVG's namespace name, which nothing fetches.
        let addresses = html.components(separatedBy: "://").dropFirst().map { String($0.prefix(30)) }
        #expect(!addresses.isEmpty && addresses.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") }, "\(addresses)")
    }

    @Test("profiles: a holder's statements by year, an actor's timeline")
    func profiles() throws {
        let (_, holder) = try Self.page(["--holder", "Israel"])
        let statements = try Support.count(Support.corpusDB, "SELECT count(*) FROM stances WHERE holder_country = 'ISR'")
        #expect(statements > 0)
        #expect(holder.contains("<h1>statements of Israel by year</h1>"))
        #expect(holder.contains("\(statements) statements"))
        let (_, actor) = try Self.page(["--actor", "Israel"])
        #expect(actor.contains("<h1>timeline of Israel</h1>"))
        #expect(actor.contains("events and statements"))
        // Events per year by type: an events question draws event types.
        let events = TimelineData(try Self.answer("Israeli strikes in Syria by year"))
        #expect(events.noun == "events" && events.stackedBy == "type")
        #expect(events.categories == ["ASSAULT"])
        // "How many …": the chart draws the groups' counts, the table lists them.
        let counts = try Self.answer("how many meetings between Israel and Russia by year")
        #expect(counts.isCountOnly && counts.total > 0)
        let countData = TimelineData(counts)
        #expect(countData.total == counts.total)
        #expect(countData.buckets.first == counts.groups.first?.key)
        let (_, page) = try Self.page(["how many meetings between Israel and Russia by year"])
        for g in counts.groups { #expect(page.contains("<tr><td>\(g.key ?? "all")</td><td>\(g.total)</td>")) }
    }

    @Test("a question kb cannot read is refused as kb query refuses it; one source of question only")
    func refusals() throws {
        let dir = Support.tempDir()
        let r = try Support.run(["report", "--db", Support.corpusDB, "--out", dir + "/x.html", "frobnicate the quux"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kb: error:"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.html"))
        let both = try Support.run(["report", "--db", Support.corpusDB, "--out", dir + "/x.html", "--holder", "Israel", Self.seed])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give one of"))
        let unwritable = try Support.run(["report", "--db", Support.corpusDB, "--out", dir + "/no/such/folder/x.html", Self.seed])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write"))
    }

    @Test("the chart's buckets run from the first year to the last, undated last; categories fold past six types")
    func timelineData() {
        #expect(TimelineData.span(["2019", "2017", "undated"], unit: "year") == ["2017", "2018", "2019", "undated"])
        #expect(TimelineData.span(["2018-11", "2019-02", "2018"], unit: "month") == ["2018-11", "2018-12", "2019-01", "2019-02", "2018"])
        #expect(TimelineChart.niceStep(5) == 1 && TimelineChart.niceStep(7) == 2 && TimelineChart.niceStep(40) == 10)
        let fills = ReportPalette.fills(SQLBuilder.polarities + ["ASSAULT", "CONSULT", "AID", "REJECT", "PROTEST", TimelineData.otherTypes])
        #expect(Set(fills.map(\.color)).count == fills.count, "every category has its own colour")
        #expect(Set(fills.map(\.pattern)).count == fills.count, "and its own pattern")
    }

    @Test("headless Chromium renders the seed question's page: not blank, the chart's fills drawn, no console message",
          .enabled(if: ExternalTools.chromium.path != nil, "\(ExternalTools.chromium.reason)"))
    func chromium() throws {
        let (path, _) = try Self.page([Self.seed])
        let dir = Support.tempDir()
        let shot = try ExternalTools.screenshot("file://" + path, to: dir + "/report.png")
        #expect(shot.status == 0)
        #expect(shot.console.isEmpty, "console: \(shot.console)")
        let colors = ReportPalette.polarity.values.map(\.color)
        let stats = try ExternalTools.python(ExternalTools.pngStats, [dir + "/report.png"] + colors)
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let (w, h, nonwhite) = (json["width"] as? Int ?? 0, json["height"] as? Int ?? 0, json["nonwhite"] as? Int ?? 0)
        #expect(w == 1000 && h == 1400)
        #expect(nonwhite > w * h / 50, "at least 2% of the page is drawn: \(nonwhite) pixels")
        let drawn = (json["colors"] as? [String: Int] ?? [:]).values.reduce(0, +)
        #expect(drawn > 200, "the chart's polarity fills show: \(json["colors"] ?? "")")

        // The checks can fail: a blank page is blank, and a page's console message is caught.
        let blank = Support.write("<!DOCTYPE html><html><body></body></html>", to: dir, "blank.html")
        _ = try ExternalTools.screenshot("file://" + blank, to: dir + "/blank.png")
        let b = try ExternalTools.python(ExternalTools.pngStats, [dir + "/blank.png"])
        #expect(b.stdout.contains("\"nonwhite\": 0,"), "\(b.stdout) \(b.stderr)")
        let noisy = Support.write("<!DOCTYPE html><html><body><script>console.error('kb-test-console')</script></body></html>", to: dir, "noisy.html")
        let n = try ExternalTools.screenshot("file://" + noisy, to: dir + "/noisy.png")
        #expect(n.console.contains { $0.contains("kb-test-console") }, "a console message is seen")
    }
}
