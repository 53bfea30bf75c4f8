import Foundation
import Testing
@testable import KBCore

@Suite("Input formats")
struct ReaderTests {
    @Test("plain text: the title, byline date, author and publisher are found in the text")
    func plainText() throws {
        let dir = Support.tempDir()
        let path = Support.write("""
            ## Russia Warns Israel Over Syria

            March 3, 2019 Jane Q. Doe Reuters

            Russia's foreign ministry warned Israel on Monday against further strikes in Syria, officials said.
            The statement followed a raid near Damascus that killed several people, according to monitors.
            """, to: dir, "a.txt")
        let docs = DocumentReader.read(path: path)
        let doc = try #require(try docs.first?.get())
        #expect(doc.format == .text)
        let p = try ArticleProcessor(resources: Support.resources).process(doc, supplied: nil)
        #expect(p.metadata.title?.value == "Russia Warns Israel Over Syria")
        #expect(p.metadata.published?.value == KBDate(year: 2019, month: 3, day: 3))
        #expect(p.metadata.published?.origin == .text)
        #expect(p.metadata.authors?.value == ["Jane Q. Doe"])
        #expect(p.metadata.publisher?.value == "Reuters")
        #expect(p.sentences.map(\.text) == [
            "Russia's foreign ministry warned Israel on Monday against further strikes in Syria, officials said.",
            "The statement followed a raid near Damascus that killed several people, according to monitors.",
        ])
    }

    @Test("Markdown with YAML front matter: metadata from the front matter, syntax stripped from the text")
    func markdown() throws {
        let dir = Support.tempDir()
        let path = Support.write("""
            ---
            title: "Iran and the Deal"
            date: 2018-05-08
            publisher: Foreign Policy
            authors: [Ann Smith, Bob Jones]
            url: https://example.org/iran
            ---
            # Iran and the Deal

            The **United States** withdrew from the [nuclear deal](https://example.org/jcpoa) on May 8, officials confirmed.
            """, to: dir, "b.md")
        let doc = try #require(try DocumentReader.read(path: path).first?.get())
        #expect(doc.format == .markdown)
        #expect(doc.metadata.title == Sourced("Iran and the Deal", .text))
        #expect(doc.metadata.published?.value == KBDate(year: 2018, month: 5, day: 8))
        #expect(doc.metadata.publisher?.value == "Foreign Policy")
        #expect(doc.metadata.authors?.value == ["Ann Smith", "Bob Jones"])
        #expect(doc.metadata.url?.value == "https://example.org/iran")
        let p = try ArticleProcessor(resources: Support.resources).process(doc, supplied: nil)
        #expect(p.cleanText == "The United States withdrew from the nuclear deal on May 8, officials confirmed.")
    }

    @Test("JSON Lines from scrapers: one source a record, named NAME#ID or NAME#LINE")
    func jsonLines() throws {
        let dir = Support.tempDir()
        let path = Support.write("""
            {"id": "r1", "title": "Strike in Syria", "maintext": "Israel struck targets near Damascus on Monday, the army said in a statement.", "date_publish": "2019-01-21 10:00:00", "authors": ["A. Writer"], "url": "https://x.test/1", "source_domain": "x.test"}
            {"title": "Talks in Moscow", "text": "Netanyahu met Putin in Moscow on Tuesday to discuss Syria, the Kremlin said.", "date": "2019-01-22"}
            """, to: dir, "scrape.jsonl")
        let docs = DocumentReader.read(path: path).compactMap { try? $0.get() }
        #expect(docs.map(\.name) == ["scrape.jsonl#r1", "scrape.jsonl#2"])
        #expect(docs[0].metadata.published?.value == KBDate(year: 2019, month: 1, day: 21))
        #expect(docs[0].metadata.authors?.value == ["A. Writer"])
        #expect(docs[0].metadata.publisher?.value == "x.test")
        #expect(docs[1].metadata.title?.value == "Talks in Moscow")
        #expect(docs[0].contentHash != docs[1].contentHash)
    }

    @Test("a JSON file holding an array of records")
    func jsonArray() throws {
        let dir = Support.tempDir()
        let path = Support.write("""
            [{"id": 7, "text": "Iran warned Israel against further strikes in Syria on Sunday, state media reported.", "title": "Iran warns"},
             {"id": 8, "text": "Turkey and Russia agreed on a ceasefire in Idlib on Thursday, both governments said."}]
            """, to: dir, "batch.json")
        let docs = DocumentReader.read(path: path).compactMap { try? $0.get() }
        #expect(docs.map(\.name) == ["batch.json#7", "batch.json#8"])
        #expect(docs.allSatisfy { $0.format == .json })
    }

    @Test("HTML: main content and meta tags, without menus, sidebars and comment forms")
    func html() throws {
        let dir = Support.tempDir()
        Support.write("""
            <html lang="en"><head><title>Kremlin Warns Israel | Example News</title>
            <meta property="article:published_time" content="2019-01-22T08:00:00Z">
            <meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example News"></head>
            <body><nav><ul><li>Home</li><li>World</li></ul></nav>
            <article><h1>Kremlin Warns Israel</h1>
            <p>Russia warned Israel on Tuesday against further strikes in Syria, the foreign ministry said in Moscow.</p>
            <p>The warning followed an Israeli raid near Damascus that targeted Iranian positions, officials said.</p></article>
            <aside class="related"><p>Related: other stories about the region that nobody asked for today.</p></aside>
            <form class="comment-form"><p>Leave a comment below, we would love to hear from you now.</p></form>
            <footer>© 2019 Example News</footer></body></html>
            """, to: dir, "page.html")
        let db = Support.tempDir() + "/h.db"
        let (report, errors) = try Support.ingest([dir], db: db)
        #expect(errors.isEmpty && report.added == 1)
        #expect(try Support.strings(db, "SELECT title || '|' || published || '|' || publisher || '|' || authors || '|' || format FROM sources")
                == ["Kremlin Warns Israel|2019-01-22|Example News|[\"Jane Roe\"]|html"])
        #expect(try Support.strings(db, "SELECT published_utc FROM sources") == ["2019-01-22T08:00:00Z"])
        // `kb export --type text`: the file's clean text, one record a file.
        let export = try Support.run(["export", "--db", db, "--type", "text"])
        #expect(export.status == 0)
        #expect(export.stdout == #"{"type": "text", "file": "page.html", "text": "Russia warned Israel on Tuesday against further strikes in Syria, the foreign ministry said in Moscow.\n\nThe warning followed an Israeli raid near Damascus that targeted Iranian positions, officials said."}"# + "\n")
        #expect(try Support.strings(db, "SELECT text FROM sentences ORDER BY ordinal") == [
            "Russia warned Israel on Tuesday against further strikes in Syria, the foreign ministry said in Moscow.",
            "The warning followed an Israeli raid near Damascus that targeted Iranian positions, officials said.",
        ])
    }

    @Test("the manifest supplies metadata, recorded as supplied by the user, and wins over the text")
    func manifest() throws {
        let dir = Support.tempDir()
        Support.write("The army said Israel struck targets near Damascus on Monday in a rare daylight raid on the capital.\n", to: dir, "x.txt")
        Support.write("file,published,publisher,authors\nx.txt,2017-10-19,Example Times,A One; B Two\n", to: dir, "kb-manifest.csv")
        let db = Support.tempDir() + "/m.db"
        let (report, errors) = try Support.ingest([dir], db: db)
        #expect(errors.isEmpty)
        #expect(report.added == 1 && report.filesRead == 1)
        #expect(try Support.strings(db, "SELECT published || '|' || published_origin || '|' || publisher || '|' || publisher_origin || '|' || authors FROM sources")
                == ["2017-10-19|user|Example Times|user|[\"A One\",\"B Two\"]"])
        #expect(try Support.count(db, "SELECT year FROM sources") == 2017)
    }
}
