import Foundation
import Testing
@testable import KBCore

@Suite("Seed corpus")
struct CorpusTests {
    @Test("metadata of the five seeds: stated in the text or supplied in the manifest")
    func metadata() throws {
        let rows = try Support.strings(Support.corpusDB, """
            SELECT f.name || '|' || coalesce(s.title, '') || '|' || coalesce(s.published, '') || '|' || coalesce(s.published_origin, '')
                   || '|' || coalesce(s.publisher, '') || '|' || s.authors
            FROM sources s JOIN source_files f ON f.source_id = s.id ORDER BY f.name
            """)
        #expect(rows == [
            "000_132f693fbb4a85db.txt||2017-10-19|user||[]",
            "001_48da0eb1e26231e5.txt|The Limits Of Russo-Israeli Cooperation|2019-02-21|text|The Hill|[\"Ilan I. Berman\"]",
            "002_6ed58063d7081e63.txt|Trump’s Diplomatic Maneuver: Strengthening Israel-Russia Ties Against Iran|2025-03|user|Fox News|[]",
            "003_e39134460b26401a.txt|Israel’s Complicated but Strategic Relationship with Russia Could Strengthen with Trump Back in the White House|2025-03-22|text||[]",
            "004_62fe79c5772c3cc8.txt|US-Russia Relations: Implications for Israel|2018-12-11|text|INSS|[\"Zvi Magen\",\"Eldad Shavit\",\"Vera Michlin-Shapir\"]",
        ])
    }

    @Test("no sentence holds page debris from 003 or 004", arguments: [
        "Transformative Virtual Reality Console", "Submit a Comment", "Your email address", "Loading", "0 Comments",
        "Araghchi", "Witkoff", "Khamenei", "Related Publications", "The 18th Annual International Conference",
        "Trump’s diplomatic visit to Saudi Arabia", "go to header", "bool(false)", "Tel Aviv University", "Newsletter",
        "reCAPTCHA", "Haim Levanon", "Glazer", "opinions expressed", "are seen during", "Related Categories", "© 2025",
        "INSS Insight No.", "Latest International News",
    ])
    func noDebris(fragment: String) throws {
        let hits = try Support.strings(Support.corpusDB, "SELECT text FROM sentences WHERE instr(text, ?) > 0".replacingOccurrences(of: "?", with: "'\(fragment.replacingOccurrences(of: "'", with: "''"))'"))
        #expect(hits.isEmpty, "debris in sentences: \(hits)")
    }

    @Test("the articles' first and last sentences are kept")
    func bodiesKept() throws {
        let all = try Support.strings(Support.corpusDB, "SELECT text FROM sentences")
        for expected in [
            "Can Israel really rely on the Kremlin to preserve its security?",
            "Israel has long pursued a delicate policy of strategic ambiguity in its relationship with Russia.",
            "A planned meeting between the United States and Russian Presidents on the sidelines of the G20 Summit in Buenos Aires was canceled at the last minute by President Donald Trump, ostensibly in response to Russian aggression toward Ukraine in the Azov Sea, close to the Crimean peninsula.",
            "Notwithstanding its military achievements in Syria, Russia is sinking in the Syrian morass because it is unable to leverage this success to achieve a dialogue with the West.",
            "Israel is increasingly limiting its military operations in Syria, cognizant of the growing danger of escalation — and painfully aware that Russia no longer has its back.",
        ] {
            #expect(all.contains(expected), "missing: \(expected)")
        }
    }

    @Test("sentence offsets point into the clean text")
    func offsets() throws {
        let bad = try Support.count(Support.corpusDB, """
            SELECT count(*) FROM sentences x JOIN source_texts s ON s.source_id = x.source_id
            WHERE substr(s.clean_text, x.start + 1, x."end" - x.start) <> x.text
            """)
        #expect(bad == 0)
        #expect(try Support.count(Support.corpusDB, "SELECT count(*) FROM sentences") > 100)
    }

    @Test("the clean text is stored once: source_texts gives back exactly what the cleaner made of each article")
    func cleanTextJoined() throws {
        // Every seed article's sentences join back to its clean text, so none stores it again.
        #expect(try Support.count(Support.corpusDB, "SELECT count(*) FROM sources WHERE clean_text IS NOT NULL") == 0)
        let processor = ArticleProcessor(resources: Support.resources)
        let q = try Support.reader(Support.corpusDB)
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Support.corpus).filter({ $0.hasSuffix(".txt") }).sorted() {
            guard case .success(let doc)? = DocumentReader.read(path: Support.corpus + "/" + name).first else { continue }
            let cleaned = try processor.process(doc, supplied: nil).cleanText
            let joined = try q.read { db in
                try String.fetchOne(db, sql: """
                    SELECT t.clean_text FROM source_texts t JOIN source_files f ON f.source_id = t.source_id WHERE f.name = ?
                    """, arguments: [name])
            }
            #expect(joined.map { Array($0.unicodeScalars) } == Array(cleaned.unicodeScalars), "\(name)")
            #expect(try Support.count(Support.corpusDB, """
                SELECT s.char_count FROM sources s JOIN source_files f ON f.source_id = s.id WHERE f.name = '\(name)'
                """) == cleaned.unicodeScalars.count)
            compared += 1
        }
        #expect(compared == 5)
    }

    @Test("full-text search finds sentences")
    func fts() throws {
        let n = try Support.count(Support.corpusDB, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Vershinin'")
        #expect(n == 1)
    }
}
