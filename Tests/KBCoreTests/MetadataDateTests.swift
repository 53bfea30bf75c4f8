import Testing
@testable import KBCore

private func day(_ y: Int, _ m: Int, _ d: Int) -> KBDate { KBDate(year: y, month: m, day: d) }

/// The date forms of meta tags and JSON-LD: the day as written, the moment in UTC when a zone is given.
@Suite("MetadataDate")
struct MetadataDateTests {
    @Test("RFC 2822 with a numeric zone")
    func rfc2822() {
        #expect(MetadataDate.stamp("Mon, 18 Nov 2019 16:07:38 -0600") == MetadataStamp(date: day(2019, 11, 18), utc: "2019-11-18T22:07:38Z"))
        #expect(MetadataDate.stamp("Tue, 19 Nov 2019 07:09:00 GMT") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-19T07:09:00Z"))
    }

    @Test("RFC 3339 / ISO 8601 with fractions and zones; the day stays the writer's when UTC is the next day")
    func iso8601() {
        #expect(MetadataDate.stamp("2019-11-19T07:47:00.000-05:00") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-19T12:47:00Z"))
        #expect(MetadataDate.stamp("2019-11-19T23:30:00-0500") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-20T04:30:00Z"))
        #expect(MetadataDate.stamp("2019-11-20T01:15:00+05:30") == MetadataStamp(date: day(2019, 11, 20), utc: "2019-11-19T19:45:00Z"))
        #expect(MetadataDate.stamp("2019-11-19T07:47:00Z") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-19T07:47:00Z"))
        #expect(MetadataDate.stamp("2019-11-19 07:47:00") == MetadataStamp(date: day(2019, 11, 19)))
        #expect(MetadataDate.stamp("2019-11") == MetadataStamp(date: KBDate(year: 2019, month: 11)))
    }

    @Test("Month D, YYYY, with and without a time, a meridiem and a zone")
    func monthDayYear() {
        #expect(MetadataDate.stamp("November 19, 2019") == MetadataStamp(date: day(2019, 11, 19)))
        #expect(MetadataDate.stamp("November 19, 2019, 07:47 PM EST") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-20T00:47:00Z"))
        #expect(MetadataDate.stamp("November 20, 2019 13:42") == MetadataStamp(date: day(2019, 11, 20)))
        #expect(MetadataDate.stamp("Monday November 18, 2019 7:45 am PST") == MetadataStamp(date: day(2019, 11, 18), utc: "2019-11-18T15:45:00Z"))
    }

    @Test("D Mon YYYY hh:mm GMT")
    func dayMonthYearGMT() {
        #expect(MetadataDate.stamp("19 Nov 2019 07:09 GMT") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-19T07:09:00Z"))
        #expect(MetadataDate.stamp("20 Nov 2019 08:02 GMT") == MetadataStamp(date: day(2019, 11, 20), utc: "2019-11-20T08:02:00Z"))
    }

    @Test("JavaScript's Date.toString()")
    func javaScript() {
        #expect(MetadataDate.stamp("Tue Nov 19 2019 03:05:46 GMT+0000") == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-19T03:05:46Z"))
        #expect(MetadataDate.stamp("Tue Nov 19 2019 22:05:46 GMT-0800 (Pacific Standard Time)")
            == MetadataStamp(date: day(2019, 11, 19), utc: "2019-11-20T06:05:46Z"))
    }

    @Test("a time and zone before the date: 01:38:07 PM IST Nov 20, 2019")
    func timeFirst() {
        #expect(MetadataDate.stamp("01:38:07 PM IST Nov 20, 2019") == MetadataStamp(date: day(2019, 11, 20), utc: "2019-11-20T08:08:07Z"))
    }

    @Test("a weekday and a time without a zone before the date: Fri 6:45 PM, Feb 16, 2018")
    func weekdayTimeFirst() {
        #expect(MetadataDate.stamp("Fri 6:45 PM, Feb 16, 2018") == MetadataStamp(date: day(2018, 2, 16)))
        #expect(MetadataDate.stamp("Wednesday, 20 November 2019") == MetadataStamp(date: day(2019, 11, 20)))
        #expect(MetadataDate.stamp("Updated: 12:00 AM EST Jan 1, 2020") == MetadataStamp(date: day(2020, 1, 1), utc: "2020-01-01T05:00:00Z"))
    }

    @Test("what is not a date is refused")
    func refused() {
        for text in ["yesterday", "2019-13-01", "November 31, 2019", "13:45 PM Nov 20, 2019", "Nov 20, 2019 10:00 XYZ", "19 20 Nov 2019", ""] {
            #expect(MetadataDate.stamp(text) == nil, "\(text)")
        }
    }
}

@Suite("HTML metadata fallbacks")
struct HTMLMetadataFallbackTests {
    private func page(head: String, body: String = "<p>Ministers met in Vienna on Tuesday to discuss the nuclear agreement and the sanctions that still weigh on trade.</p>") -> [UInt8] {
        Array("<html><head><title>Talks in Vienna</title>\(head)</head><body><article>\(body)</article></body></html>".utf8)
    }

    @Test("an unreadable date is dropped with a warning naming the file, the field and the text; the next source gives the date")
    func unreadableDateFallsBack() throws {
        let bytes = page(head: """
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "sometime last week"}</script>
            <meta property="article:published_time" content="Mon, 18 Nov 2019 16:07:38 -0600">
            """)
        let doc = try #require(try DocumentReader.read(bytes: bytes, path: "/in/talks.html").first?.get())
        #expect(doc.metadata.published == Sourced(day(2019, 11, 18), .text))
        #expect(doc.metadata.publishedUTC == "2019-11-18T22:07:38Z")
        #expect(doc.warnings == ["/in/talks.html: bad published date 'sometime last week': not a date (from JSON-LD datePublished); dropped, the next source of the date is used"])
    }

    @Test("a page whose every date is unreadable is stored without a date, and the date in its URL comes last")
    func everyDateUnreadable() throws {
        let bytes = page(head: """
            <meta name="date" content="the day before yesterday">
            <link rel="canonical" href="https://news.example.com/2019/11/18/talks-in-vienna/">
            """)
        let doc = try #require(try DocumentReader.read(bytes: bytes, path: "/in/talks.html").first?.get())
        #expect(doc.metadata.published == nil)
        #expect(doc.fallback.published == Sourced(day(2019, 11, 18), .inferred))
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings.first?.contains("meta date") == true)
        let processed = try ArticleProcessor(resources: Resources()).process(doc, supplied: nil)
        #expect(processed.metadata.published == Sourced(day(2019, 11, 18), .inferred))
    }

    @Test("dates in URLs")
    func urlDates() {
        #expect(HTMLReader.dateInURL("https://www.nj.com/entertainment/2019/11/florida-man.html") == nil)
        #expect(HTMLReader.dateInURL("https://www.cnbc.com/2019/11/20/emirates-inks-order.html") == "2019-11-20")
        #expect(HTMLReader.dateInURL("https://example.com/news/20191119/story") == "2019-11-19")
        #expect(HTMLReader.dateInURL("https://example.com/story-2019-11-19-vienna") == "2019-11-19")
        #expect(HTMLReader.dateInURL("https://example.com/item/20191345/story") == nil)
    }
}

@Suite("Pages without an article")
struct EmptyPageReasonTests {
    private func reason(_ html: String) throws -> String? {
        let doc = try #require(try DocumentReader.read(bytes: Array(html.utf8), path: "/in/page.html").first?.get())
        do {
            _ = try ArticleProcessor(resources: Resources()).process(doc, supplied: nil)
            return nil
        } catch let error as KBError {
            return error.errorDescription
        }
    }

    @Test("a login wall is named as one")
    func loginWall() throws {
        let text = try reason("""
            <html><body><main><h1>Members area</h1><p>Sign in to continue reading</p>
            <form><input type="text" name="user"><input type="password" name="pw"><button>Log in</button></form>
            <p><a href="/forgot">Forgot password</a></p></main></body></html>
            """)
        #expect(text == "/in/page.html: no article text found: the page is a login or subscription wall ('sign in to continue'); save it from a signed-in browser, or its text")
    }

    @Test("an index page of links is named as one")
    func indexPage() throws {
        let links = (1...14).map { "<li><a href=\"/story/\($0)\">Story number \($0) of the day</a></li>" }.joined()
        let text = try reason("<html><body><div class=\"content\"><h1>Latest news</h1><ul>\(links)</ul></div></body></html>")
        #expect(text == "/in/page.html: no article text found: an index page (15 short lines such as links, headings and menus, and no paragraph of prose)")
    }
}
