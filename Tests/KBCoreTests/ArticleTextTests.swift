import Foundation
import Testing
@testable import KBCore

/// What is not article text: markup left inside .txt and .md files, credit lines, wire datelines.
@Suite("Markup, credit lines and datelines")
struct ArticleTextTests {
    static let prose = "Turkey's foreign ministry said on Tuesday that it had summoned the ambassador over the remarks made in parliament."

    func ingest(_ name: String, _ text: String) throws -> (db: String, source: [String: Any]) {
        let dir = Support.tempDir()
        _ = Support.write(text, to: dir, name)
        let db = dir + "/kb.db"
        _ = try Support.ingest([dir], db: db)
        let r = try Support.run(["export", "--db", db, "--type", "source"])
        return (db, try JSONSerialization.jsonObject(with: Data(r.stdout.split(separator: "\n")[0].utf8)) as! [String: Any])
    }

    @Test("HTML tags, comments, shortcodes and entities inside text and Markdown are gone before segmenting; offsets point into the stored text",
          arguments: ["a.txt", "a.md"])
    func markup(_ name: String) throws {
        let text = """
            [ad_1]
            <br><div id="articleText">The <span class="caps">NATO</span> summit opened in Vilnius on Tuesday, and allies said they would keep supporting Kyiv.</div>
            Officials said the alliance&#8217;s members &amp; partners agreed on a plan<!-- tracking --> to expand air defense across the eastern flank.
            [caption id="attachment_1" align="alignnone"]A photo[/caption] The ministry said [sic] that talks would continue next week in Brussels.
            """
        let (db, _) = try ingest(name, text)
        let sentences = try Support.strings(db, "SELECT text FROM sentences ORDER BY id")
        let all = sentences.joined(separator: "\n")
        for debris in ["<", ">", "[ad_1]", "span", "&amp;", "&#8217;", "caption", "tracking"] { #expect(!all.contains(debris), "\(debris) in \(all)") }
        #expect(all.contains("The NATO summit opened in Vilnius on Tuesday"))
        #expect(all.contains("alliance’s members & partners agreed on a plan to expand"))
        #expect(all.contains("The ministry said [sic] that talks"))
        #expect(try Support.run(["check", "--db", db]).stdout == "ok\n")
        // The stored clean text is what the offsets count in.
        let texts = try Support.strings(db, "SELECT clean_text FROM source_texts")
        #expect(texts.count == 1 && !texts[0].contains("<div"))
    }

    @Test("credit lines are metadata: writers become authors; editors, photo and agency credits are neither actors nor sentences")
    func credits() throws {
        let text = """
            Erdogan Meets Putin in Sochi

            \(Self.prose) Russian President Vladimir Putin said the talks were useful.

            Photo: Getty Images / Mikhail Metzel

            The two leaders also discussed grain exports across the Black Sea, the Kremlin said in a statement.

            (Reporting by Huseyin Hayatsever in Ankara and Dmitry Antonov; Additional reporting by Jonathan Spicer; Editing by Gareth Jones)

            Writing by Ece Toksabay

            Source: Anadolu Agency
            """
        let (db, source) = try ingest("credits.txt", text)
        #expect(source["authors"] as? [String] == ["Huseyin Hayatsever", "Dmitry Antonov", "Jonathan Spicer", "Ece Toksabay"])
        #expect(source["publisher"] as? String == "Anadolu Agency")
        let all = try Support.strings(db, "SELECT text FROM sentences").joined(separator: "\n")
        for credit in ["Reporting", "Editing", "Gareth", "Getty", "Writing by", "Source:"] { #expect(!all.contains(credit), "\(credit) in \(all)") }
        let actors = try Support.strings(db, "SELECT a.name FROM source_actors sa JOIN actors a ON a.id = sa.actor_id UNION SELECT surface FROM actor_candidates")
        for name in ["Gareth Jones", "Jonathan Spicer", "Huseyin Hayatsever", "Ece Toksabay", "Getty Images", "Anadolu Agency"] {
            #expect(!actors.contains(name), "\(name) is an actor")
        }
        #expect(actors.contains("Vladimir Putin"))
    }

    @Test("an agency credit at a block's end or on its own line is taken out; an abbreviation in parentheses stays")
    func agencyCredit() throws {
        let credits = Support.resources.credits
        let known = { (a: String) in Support.resources.publishers.canonical(a) != nil }
        let (blocks, found) = credits.extract(from: ["Iran rejected the claims, the spokesman said. (Mehr)", "(IRNA)",
                                                     "Members of the North Atlantic Treaty Organization (NATO)", "/MNA/"], isAgency: known)
        #expect(blocks == ["Iran rejected the claims, the spokesman said.", "Members of the North Atlantic Treaty Organization (NATO)"])
        #expect(found.agencies == ["Mehr", "IRNA", "MNA"])
        #expect(Support.resources.publishers.canonical("Mehr") == "Mehr News Agency")
    }

    @Test("datelines give place, date (origin text) and a known agency's name; with and without a year, with and without an agency",
          arguments: [
            ("ANKARA, March 4, 2024 (Reuters) – ", "Ankara", "2024-03-04", "Reuters"),
            ("MOSCOW (AP) — ", "Moscow", nil, "Associated Press"),
            ("TEL AVIV, Jan. 5 (Reuters) - ", "Tel Aviv", nil, "Reuters"),
            ("BEIRUT, Lebanon, 4 March 2024 – ", "Beirut", "2024-03-04", nil),
          ] as [(String, String, String?, String?)])
    func dateline(_ line: String, _ place: String, _ date: String?, _ publisher: String?) throws {
        let (db, source) = try ingest("wire.txt", line + Self.prose + "\n\nThe ambassador was told that the remarks were unacceptable, the ministry said in a statement.")
        #expect(source["published"] as? String == date)
        #expect((source["origins"] as? [String: Any])?["published"] as? String == (date == nil ? nil : "text"))
        #expect(source["publisher"] as? String == publisher)
        #expect(source["dateline_place"] as? String == place)
        // The dateline is not part of the first sentence.
        let first = try Support.strings(db, "SELECT text FROM sentences ORDER BY id LIMIT 1")
        #expect(first == [Self.prose])
    }

    @Test("a dateline without a year takes the year of the publication date known otherwise")
    func datelineYear() {
        #expect(Dateline.find(in: "TEL AVIV, Jan. 5 (Reuters) - Israel said.", year: 2023)?.date == KBDate(iso: "2023-01-05"))
        #expect(Dateline.find(in: "NATO – the alliance said so.") == nil)
        // A page that printed the dateline's span without its dash.
        let bare = Dateline.find(in: "BEIRUT/MUNICH The Turkish army shelled Kurdish militia on Sunday.")
        #expect(bare?.place == "Beirut" && bare?.rest == "The Turkish army shelled Kurdish militia on Sunday.")
        #expect(Dateline.find(in: "NATO Allies agreed on Monday.") == nil)
        #expect(Dateline.find(in: "The talks (in Ankara) - he said - went well.") == nil)
    }
}
