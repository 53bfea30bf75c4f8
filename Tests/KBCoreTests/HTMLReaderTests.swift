import Testing
@testable import KBCore

private func read(_ html: String) throws -> HTMLArticle {
    try HTMLReader.read(Array(html.utf8))
}

/// A typical news page: site header with navigation, breadcrumbs, an
/// article with header/byline/time, share buttons, a comment form, a
/// sidebar of related articles and a footer.
private let newsPage = """
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Russia and Iran: A Partnership Under Strain | INSS</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="author" content="Zvi Magen and Eldad Shavit">
  <meta property="article:published_time" content="2024-03-05T09:30:00+02:00">
  <link rel="stylesheet" href="/style.css">
  <link rel="canonical" href="https://www.inss.org.il/publication/russia-iran/">
  <script>window.dataLayer = window.dataLayer || []; var menu = "Research Programs";</script>
  <style>.site-nav { color: red; }</style>
</head>
<body class="single-post has-sidebar">
  <header class="site-header">
    <div class="logo"><a href="/">INSS</a></div>
    <nav class="main-nav">
      <ul><li><a href="/">Home</a></li><li><a href="/research">Research Programs</a></li><li><a href="/about">About Us</a></li></ul>
    </nav>
  </header>
  <div class="page-wrapper">
    <div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/publications">Publications</a></div>
    <main id="content">
      <article class="post">
        <header class="entry-header">
          <h1 class="content-header-title">Russia and Iran: A Partnership Under Strain</h1>
          <p class="byline">By <a rel="author" href="/experts/zvi-magen">Zvi Magen</a> and
             <a rel="author" href="/experts/eldad-shavit">Eldad Shavit</a></p>
          <time datetime="2024-03-05">March 5, 2024</time>
        </header>
        <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
        <div class="entry-content">
          <p>Moscow and Tehran have <a href="/topics/cooperation">deepened their cooperation</a>
             since 2022, but the relationship is <em>far from</em> an alliance.</p>
          <h2>Military ties</h2>
          <p>Iranian drones have been supplied to Russia in large numbers.</p>
          <blockquote><p>“We are partners, not allies,” a Russian official said.</p></blockquote>
          <ul>
            <li>Drone deliveries</li>
            <li>Talks on <strong>ballistic missiles</strong></li>
          </ul>
          <p>The outlook remains uncertain.</p>
          <figure><img src="/img/putin-raisi.jpg" alt="Putin and Raisi"><figcaption>Photo: Reuters</figcaption></figure>
        </div>
        <div class="newsletter-signup"><p>Get our weekly newsletter in your inbox.</p></div>
      </article>
      <section id="comments" class="comments-area">
        <h3>Leave a comment</h3>
        <form class="comment-form" action="/comment"><textarea name="c">Your comment</textarea><button>Post Comment</button></form>
      </section>
    </main>
    <aside class="sidebar">
      <h3>Related articles</h3>
      <ul><li><a href="/a">Iran’s nuclear program in 2024</a></li><li><a href="/b">Russia’s war economy</a></li></ul>
    </aside>
  </div>
  <footer class="site-footer"><p>© 2024 INSS. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer>
  <script>console.log("footer script");</script>
</body>
</html>
"""

@Suite("HTMLReader")
struct HTMLReaderTests {
    // MARK: - Main content

    @Test func newsPageTextIsTheArticleBodyInBlocks() throws {
        let article = try read(newsPage)
        let expected = """
        Moscow and Tehran have deepened their cooperation since 2022, but the relationship is far from an alliance.

        Military ties

        Iranian drones have been supplied to Russia in large numbers.

        “We are partners, not allies,” a Russian official said.

        Drone deliveries

        Talks on ballistic missiles

        The outlook remains uncertain.
        """
        #expect(article.text == expected)
    }

    @Test func newsPageTextHasNoBoilerplate() throws {
        let text = try read(newsPage).text
        let boilerplate = [
            "Home", "Research Programs", "About Us", "Publications", "Share on Facebook", "Tweet this",
            "Leave a comment", "Your comment", "Post Comment", "Related articles", "nuclear program",
            "war economy", "All rights reserved", "Privacy Policy", "newsletter", "Photo: Reuters",
            "dataLayer", "color: red", "footer script", "March 5, 2024",
        ]
        for string in boilerplate {
            #expect(!text.contains(string), "text should not contain \(string)")
        }
    }

    @Test func newsPageMetadata() throws {
        let article = try read(newsPage)
        #expect(article.title == "Russia and Iran: A Partnership Under Strain")   // the article's h1
        #expect(article.published == "2024-03-05T09:30:00+02:00")                  // article:published_time
        #expect(article.authors == ["Zvi Magen", "Eldad Shavit"])                  // meta author, split on " and "
        #expect(article.publisher == "INSS")                                       // the <title> suffix
        #expect(article.url == "https://www.inss.org.il/publication/russia-iran/")
        #expect(article.language == "en-GB")
    }

    @Test func headingsAndParagraphsDoNotRunTogether() throws {
        let article = try read("""
        <html><body><div class="story"><h2>Background</h2>The talks began in May.<h3>Outlook</h3><p>Uncertain.</p>Closing words</div></body></html>
        """)
        #expect(article.text == "Background\n\nThe talks began in May.\n\nOutlook\n\nUncertain.\n\nClosing words")
    }

    @Test func lineBreaksAndInlineWhitespace() throws {
        let article = try read("""
        <html><body><article><p>First   line,
            still the <b>first</b>  line<br>Second line<br/>
            Third line</p><p>  Spaced\tout  </p></article></body></html>
        """)
        #expect(article.text == "First line, still the first line\nSecond line\nThird line\n\nSpaced out")
    }

    @Test func tableRowsAndPreformattedText() throws {
        let article = try read("""
        <html><body><article>
        <p>Results by year:</p>
        <table><thead><tr><th>Year</th><th>Votes</th></tr></thead>
        <tbody><tr><td>2022</td><td>1,204</td></tr><tr><td>2023</td><td>1,577</td></tr></tbody></table>
        <pre>let x = 1
          let y = 2</pre>
        </article></body></html>
        """)
        #expect(article.text == "Results by year:\n\nYear | Votes\n\n2022 | 1,204\n\n2023 | 1,577\n\nlet x = 1\n  let y = 2")
    }

    @Test func classMatchesRemoveOnlyTheirOwnElement() throws {
        // "content-header-title" and "ad-slot" go; a body wrapper whose class
        // mentions "share" holds the article's paragraphs and stays;
        // "lead-paragraph" is not an "ad-" match.
        let article = try read("""
        <html><body><article>
          <div class="content-header-title">World News</div>
          <div class="body-wrapper with-share-bar">
            <p class="lead-paragraph">The lead paragraph of the story.</p>
            <div class="ad-slot">Advertisement</div>
            <p>The second paragraph of the story.</p>
          </div>
        </article></body></html>
        """)
        #expect(article.text == "The lead paragraph of the story.\n\nThe second paragraph of the story.")
    }

    @Test func inlineElementsInRunningTextAreKeptWhateverTheirClass() throws {
        let article = try read("""
        <html><body><article>
          <h2><a class="header" href="#background">Background</a></h2>
          <p>He said <span class="share-quote">“we will not wait”</span> and left.</p>
          <div class="share-bar"><a class="share-link" href="#">Share</a></div>
        </article></body></html>
        """)
        #expect(article.text == "Background\n\nHe said “we will not wait” and left.")
    }

    @Test func upperCaseTagsAndAttributes() throws {
        let article = try read("""
        <HTML LANG="fr"><HEAD><META NAME="Author" CONTENT="Marie Curie"><TITLE>Radium</TITLE></HEAD>
        <BODY><DIV CLASS="Sidebar">Menu</DIV><ARTICLE><P>Le radium est radioactif.</P></ARTICLE></BODY></HTML>
        """)
        #expect(article.text == "Le radium est radioactif.")
        #expect(article.authors == ["Marie Curie"])
        #expect(article.language == "fr")
        #expect(article.title == "Radium")
    }

    @Test func pageWithoutArticleUsesTheDensestContainer() throws {
        let article = try read("""
        <html><head><title>Rain expected all week - Weather Daily</title></head><body>
        <div id="top"><a href="/">Front page</a> <a href="/world">World</a> <a href="/sport">Sport</a></div>
        <div class="layout">
          <div class="headline"><h1>Rain expected all week</h1></div>
          <div class="story">
            <p>Forecasters said on Monday that heavy rain would fall across the north for the rest of the week.</p>
            <p>Residents near rivers were told to prepare sandbags and to follow local warnings.</p>
            <p>Temperatures will stay below the seasonal average until Sunday.</p>
          </div>
          <div class="col-right"><p>Most read today</p><a href="/x">Cat elected mayor</a></div>
        </div>
        <div class="site-info">Copyright Weather Daily</div>
        </body></html>
        """)
        #expect(article.text == """
        Forecasters said on Monday that heavy rain would fall across the north for the rest of the week.

        Residents near rivers were told to prepare sandbags and to follow local warnings.

        Temperatures will stay below the seasonal average until Sunday.
        """)
        #expect(article.title == "Rain expected all week")   // <title> without " - Weather Daily"
        #expect(article.publisher == "Weather Daily")
    }

    @Test func paragraphsWrittenAsSpansInsideDivsAreTheArticle() throws {
        // A blog engine's post: each paragraph a <div><span>, inside a "widget" wrapper.
        let article = try read("""
        <html><body><div class="widget Blog"><div class="post-body">
          <div><span><span>Photos released online show the actress looking stunning in new make-up photos.</span></span></div>
          <div><span><span>The veteran actress, who won an award in 2008, has taken to social media to share them.</span></span></div>
        </div></div>
        <div class="sidebar"><div class="widget PopularPosts"><a href="/a">Most read</a></div></div>
        </body></html>
        """)
        #expect(article.text == """
        Photos released online show the actress looking stunning in new make-up photos.

        The veteran actress, who won an award in 2008, has taken to social media to share them.
        """)
    }

    @Test func aCommentThreadLongerThanTheArticleStaysOut() throws {
        let comment = "<div class=\"comment\"><div class=\"content\">I think we will see similar updates to what the larger model received, and a bigger display makes sense.</div></div>"
        let article = try read("""
        <html><body><div id="content">
          <div class="article"><div class="content">Apple plans to release a new notebook with a scissor switch keyboard in the first half of 2020.<br><br>The display size will remain the same, according to the report.</div></div>
          <div id="comments">\(String(repeating: comment, count: 4))</div>
        </div></body></html>
        """)
        #expect(article.text == """
        Apple plans to release a new notebook with a scissor switch keyboard in the first half of 2020.

        The display size will remain the same, according to the report.
        """)
    }

    @Test func aPageWideWrapperNamedForAdsIsReadWhenItHoldsTheHeadline() throws {
        let article = try read("""
        <html><body><div class="advertisement-off-canvas-pusher"><section>
          <h1>Banks open early</h1>
          <div><p>Banks across the region opened two hours early on Monday to meet demand for cash.</p>
          <p>Queues formed before dawn outside branches in the capital, witnesses said.</p></div>
        </section></div></body></html>
        """)
        #expect(article.text.contains("Banks across the region opened two hours early on Monday to meet demand for cash."))
        #expect(article.text.contains("Queues formed before dawn outside branches in the capital, witnesses said."))
    }

    @Test func listItemsOfAnHTMLArticleSurviveCleaning() throws {
        // Numbered lines read as menu entries in a saved text; in an HTML article they are its own.
        let html = """
        <html><body><article><h1>Deals of the week</h1>
          <p>Here are the offers that collectors should not miss this Black Friday, picked by our editors.</p>
          <p>1) Lego Star Wars 75188<br>2) Polistil 960574 electric track<br>3) Blade Runner The Final Cut</p>
          <ul><li>Ghostbusters Collection</li></ul>
          <p>Prices were checked on Thursday morning and may change at any time.</p>
        </article></body></html>
        """
        let doc = try #require(try DocumentReader.read(bytes: Array(html.utf8), path: "/in/deals.html").first?.get())
        let processed = try ArticleProcessor(resources: Resources()).process(doc, supplied: nil)
        #expect(processed.cleanText == """
        Here are the offers that collectors should not miss this Black Friday, picked by our editors.

        Lego Star Wars 75188

        Polistil 960574 electric track

        Blade Runner The Final Cut

        Ghostbusters Collection

        Prices were checked on Thursday morning and may change at any time.
        """)
    }

    @Test func classWordsComeFromTheDictionary() throws {
        let html = Array("""
        <html><body><div class="story"><p>The council approved the budget on Monday after a long debate about schools.</p></div>
        <div class="box-extra"><p>Readers who liked this story also read the ones listed below, every single day.</p></div></body></html>
        """.utf8)
        #expect(try HTMLReader.read(html).text.contains("Readers who liked"))
        let words = try HTMLClassWords(tsv: "# test\nbox-extra\tpart\n")
        #expect(try HTMLReader.read(html, words: words).text == "The council approved the budget on Monday after a long debate about schools.")
        #expect(throws: KBError.dictionary(file: "reading/html-classes.tsv", line: 2, reason: "unknown kind 'junk' (use furniture, part or content)")) {
            try HTMLClassWords(tsv: "nav\tfurniture\nbox\tjunk\n")
        }
    }

    @Test func densestContainerKeepsALeadParagraphOutsideAnInnerWrapper() throws {
        // The inner wrapper holds over 80 % of the paragraph text and is the
        // densest container; the lead paragraph next to it is merged back in,
        // the credit line next to it and the copyright line are not.
        let article = try read("""
        <html><body><div class="wrap">
          <div class="story">
            <p>The lead: parliament passed the budget late on Wednesday night.</p>
            <div class="story-inner">
              <p>The vote was 64 to 56, after a debate that lasted eleven hours.</p>
              <p>Opposition members walked out before the final reading.</p>
              <p>The finance minister called the result a victory for stability.</p>
              <p>The budget takes effect on the first of January next year.</p>
              <p>Economists expect the deficit to narrow to three percent of output.</p>
              <p>Ratings agencies are due to review the country in the spring.</p>
              <p>Officials said the next budget debate would begin in the autumn.</p>
              <p>Unions welcomed the higher public sector wages in the new plan.</p>
            </div>
            <div class="credit">Reporting by Dana Levi</div>
          </div>
          <div class="foot-note">Copyright 2024 Example Daily News Ltd.</div>
        </div></body></html>
        """)
        #expect(article.text == """
        The lead: parliament passed the budget late on Wednesday night.

        The vote was 64 to 56, after a debate that lasted eleven hours.

        Opposition members walked out before the final reading.

        The finance minister called the result a victory for stability.

        The budget takes effect on the first of January next year.

        Economists expect the deficit to narrow to three percent of output.

        Ratings agencies are due to review the country in the spring.

        Officials said the next budget debate would begin in the autumn.

        Unions welcomed the higher public sector wages in the new plan.
        """)
    }

    @Test func smallArticleElementFallsBackToTheDensestContainer() throws {
        // The only <article> is a teaser card; the story itself is in a div.
        let article = try read("""
        <html><body>
        <div id="main-story">
          <p>The central bank raised its key interest rate by a quarter of a percentage point on Tuesday.</p>
          <p>It was the third increase this year, and economists expect one more before December.</p>
          <p>The shekel strengthened slightly after the announcement.</p>
        </div>
        <div class="more"><article><p>Also read: markets today</p></article></div>
        </body></html>
        """)
        #expect(article.text.hasPrefix("The central bank raised"))
        #expect(article.text.hasSuffix("after the announcement."))
        #expect(!article.text.contains("Also read"))
    }

    // MARK: - Metadata sources

    @Test func ogTitleJSONLDAndOgURL() throws {
        let article = try read("""
        <html lang="he"><head>
        <title>Ceasefire talks resume in Cairo - The Daily Example</title>
        <meta property="og:title" content="Ceasefire talks resume in Cairo">
        <meta property="og:site_name" content="The Daily Example">
        <meta property="og:url" content="https://example.com/news/ceasefire-talks">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","@id":"https://example.com/news/ceasefire-talks#webpage","name":"Ceasefire"},
          {"@type":"NewsArticle","headline":"Ceasefire talks resume","datePublished":"2024-05-01T08:00:00Z",
           "author":[{"@type":"Person","name":"Dana Levi"},{"@id":"https://example.com/#/person/amir"}],
           "publisher":{"@id":"https://example.com/#org"}},
          {"@type":"Person","@id":"https://example.com/#/person/amir","name":"Amir Cohen"},
          {"@type":"Organization","@id":"https://example.com/#org","name":"Example Media Group"}
        ]}
        </script>
        </head><body><article><h1>Talks resume</h1><p>Negotiators met again in Cairo.</p></article></body></html>
        """)
        #expect(article.title == "Ceasefire talks resume in Cairo")      // og:title beats h1 and <title>
        #expect(article.published == "2024-05-01T08:00:00Z")              // JSON-LD datePublished
        #expect(article.authors == ["Dana Levi", "Amir Cohen"])           // JSON-LD authors, @id resolved
        #expect(article.publisher == "The Daily Example")                 // og:site_name beats JSON-LD
        #expect(article.url == "https://example.com/news/ceasefire-talks")
        #expect(article.language == "he")
        #expect(article.text == "Talks resume\n\nNegotiators met again in Cairo.")
    }

    @Test func jsonLDPublisherAndAuthorStrings() throws {
        let article = try read("""
        <html><head>
        <script type="application/ld+json">
        [{"@type":"BreadcrumbList","itemListElement":[]},
         {"@type":["NewsArticle"],"datePublished":"2023-11-20","author":"Noa Bar &amp; Co","publisher":{"@type":"Organization","name":"Globes"},}]
        </script>
        </head><body><article><p>Body.</p></article></body></html>
        """)
        #expect(article.published == "2023-11-20")
        #expect(article.authors == ["Noa Bar & Co"])
        #expect(article.publisher == "Globes")
    }

    @Test func titleSuffixIsRemovedAndReportedAsPublisher() throws {
        let article = try read("""
        <html><head><title>Budget vote delayed again | Example Times</title></head>
        <body><div><p>The vote was postponed to next week.</p></div></body></html>
        """)
        #expect(article.title == "Budget vote delayed again")
        #expect(article.publisher == "Example Times")
        #expect(article.url == nil)
        #expect(article.language == nil)
        #expect(article.published == nil)
        #expect(article.authors == [])
    }

    @Test func knownPublisherIsStrippedFromOgTitleAndTitlePrefix() throws {
        let og = try read("""
        <html><head><meta property="og:title" content="Budget vote delayed | Example Times">
        <meta property="og:site_name" content="Example Times"></head><body><p>Text.</p></body></html>
        """)
        #expect(og.title == "Budget vote delayed")
        let prefixed = try read("""
        <html><head><title>Example Times - Budget vote delayed</title>
        <meta name="application-name" content="Example Times"></head><body><p>Text.</p></body></html>
        """)
        #expect(prefixed.title == "Budget vote delayed")
        #expect(prefixed.publisher == "Example Times")
    }

    @Test func twitterTitleWhenNoOgTitle() throws {
        let article = try read("""
        <html><head><title>Site | Something</title><meta name="twitter:title" content="Markets rally on rate cut"></head>
        <body><article><h1>Rally</h1><p>Stocks rose.</p></article></body></html>
        """)
        #expect(article.title == "Markets rally on rate cut")
    }

    @Test func publishedFromMetaNamesAndTimeElement() throws {
        let pubdate = try read("""
        <html><head><meta name="pubdate" content="20240102"></head><body><p>Text.</p></body></html>
        """)
        #expect(pubdate.published == "20240102")
        let parsely = try read("""
        <html><head><meta name="parsely-pub-date" content="2024-01-03T10:00:00Z"></head><body><p>Text.</p></body></html>
        """)
        #expect(parsely.published == "2024-01-03T10:00:00Z")
        let ogFirst = try read("""
        <html><head><meta name="date" content="2020-01-01"><meta property="og:published_time" content="2024-01-04"></head>
        <body><p>Text.</p></body></html>
        """)
        #expect(ogFirst.published == "2024-01-04")
        let time = try read("""
        <html><body><article><header><h1>Title</h1><time datetime="2024-01-05T07:00:00+02:00">5 Jan</time></header>
        <p>Text.</p></article></body></html>
        """)
        #expect(time.published == "2024-01-05T07:00:00+02:00")
        #expect(time.text == "Text.")
    }

    @Test func authorsFromSeveralSourcesAreSplitAndDeduplicated() throws {
        let article = try read("""
        <html><head>
        <meta name="author" content="Yossi Melman, Dan Raviv; Amos Harel">
        <meta property="article:author" content="https://www.facebook.com/haaretz">
        <meta property="article:author" content="Amos  Harel">
        <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"yossi melman"},{"@type":"Person","name":"Anshel Pfeffer"}]}</script>
        </head><body><p>Text.</p></body></html>
        """)
        #expect(article.authors == ["Yossi Melman", "Dan Raviv", "Amos Harel", "Anshel Pfeffer"])
    }

    @Test func relAuthorLinksWhenNoOtherAuthor() throws {
        let article = try read("""
        <html><body><article><p class="byline">By <a rel="author" href="/a/1">Ruth Margalit</a></p>
        <p>Text.</p></article>
        <section class="comments"><a rel="author" href="/u/9">Troll99</a> said: hi</section></body></html>
        """)
        #expect(article.authors == ["Ruth Margalit"])
    }

    @Test func canonicalBeatsOgURL() throws {
        let article = try read("""
        <html><head><meta property="og:url" content="https://example.com/og">
        <link rel="canonical" href="https://example.com/canonical"></head><body><p>Text.</p></body></html>
        """)
        #expect(article.url == "https://example.com/canonical")
    }

    // MARK: - Characters and encodings

    @Test func entitiesAreDecodedAndNoBreakSpacesBecomeSpaces() throws {
        let article = try read("""
        <html><body><p>Fish &amp; chips &rsquo;n&rsquo; peas&nbsp;&mdash;&nbsp;&quot;cheap&quot; at &pound;5&#8230;</p></body></html>
        """)
        #expect(article.text == "Fish & chips ’n’ peas — \"cheap\" at £5…")
    }

    @Test func windows1252DeclaredByMetaCharset() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8)
        bytes += [0xE9]                                      // é
        bytes += Array(" news</title></head><body><p>It".utf8)
        bytes += [0x92]                                      // ’
        bytes += Array("s a ".utf8) + [0x93] + Array("test".utf8) + [0x94]   // “test”
        bytes += Array("</p></body></html>".utf8)
        let article = try HTMLReader.read(bytes)
        #expect(article.text == "It’s a “test”")
        #expect(article.title == "Café news")
    }

    @Test func latin1LabelIsReadAsWindows1252AndUndeclaredBytesAreGuessed() throws {
        var declared = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>".utf8)
        declared += [0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0xE0]   // “A” – à
        declared += Array("</p></body></html>".utf8)
        #expect(try HTMLReader.read(declared).text == "“A” – à")
        var undeclared = Array("<html><body><p>Na".utf8)
        undeclared += [0xEF, 0x76, 0x65]                          // ï in Windows-1252, invalid UTF-8
        undeclared += Array("</p></body></html>".utf8)
        #expect(try HTMLReader.read(undeclared).text == "Naïve")
    }

    @Test func utf8WinsOverAWrongLegacyDeclarationAndBOMIsSkipped() throws {
        let wrong = try read("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Tel Aviv–Yafo, שלום</p></body></html>")
        #expect(wrong.text == "Tel Aviv–Yafo, שלום")
        let bom = try HTMLReader.read([0xEF, 0xBB, 0xBF] + Array("<p>Grüße</p>".utf8))
        #expect(bom.text == "Grüße")
    }

    @Test func mostlyUTF8WithAStrayByteIsRepaired() throws {
        var bytes = Array("<html><body><p>Café ".utf8)
        bytes += [0xFF]
        bytes += Array(" naïve</p></body></html>".utf8)
        #expect(try HTMLReader.read(bytes).text == "Café \u{FFFD} naïve")
    }

    @Test func undefinedWindows1252BytesDoNotCutTheDocument() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>a".utf8)
        bytes += [0x81, 0x80]                                  // undefined in Windows-1252 (a C1 control, dropped), then €
        bytes += Array("b</p><p>after</p></body></html>".utf8)
        #expect(try HTMLReader.read(bytes).text == "a€b\n\nafter")
    }

    @Test func deeplyNestedElementsAreRead() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 400) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: 400) + "<p>After the deep part.</p></body></html>"
        #expect(try read(html).text == "Deep text.\n\nAfter the deep part.")
    }

    // MARK: - Errors

    @Test func emptyInputIsAnError() {
        #expect(throws: HTMLReadError(reason: "no readable text in the HTML")) {
            try HTMLReader.read([])
        }
        #expect(throws: HTMLReadError(reason: "no readable text in the HTML")) {
            try HTMLReader.read(Array(" \n\t ".utf8))
        }
    }

    @Test func pageWithOnlyScriptsIsAnError() {
        let reason = "no readable text in the HTML: the page holds only scripts (38 bytes of JavaScript), which draw its text in a browser; save the page once it has loaded, or save its text"
        #expect(throws: HTMLReadError(reason: reason)) {
            try read("""
            <html><head><script>var a = "not text";</script></head>
            <body><script src="/app.js"></script><script>document.write("hello")</script><noscript>Enable JavaScript</noscript></body></html>
            """)
        }
    }

    @Test func errorDescriptionIsTheReason() {
        #expect(HTMLReadError(reason: "no readable text in the HTML").description == "no readable text in the HTML")
    }

    // MARK: - Concurrency

    @Test func readsInParallelGiveTheSameResult() async throws {
        let expected = try read(newsPage)
        let results = await withTaskGroup(of: [HTMLArticle?].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<25).map { _ in try? HTMLReader.read(Array(newsPage.utf8)) }
                }
            }
            var all: [HTMLArticle?] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == expected })
    }

    // MARK: - Helpers

    @Test func jsonLDValueIsLenient() {
        let value = JSONLDValue.parse("<!--\n{\"a\": \"line\nbreak\", \"b\": [1, 2.5, true, null,], \"c\": \"\\u00e9\\ud83d\\ude00\",}\n-->")
        #expect(value?["a"] == .string("line\nbreak"))
        #expect(value?["b"] == .array([.number("1"), .number("2.5"), .bool(true), .null]))
        #expect(value?["c"] == .string("é😀"))
        #expect(JSONLDValue.parse("not json") == nil)
    }

    @Test func nameSplitting() {
        #expect(HTMLReader.splitNames("By Zvi Magen and Eldad Shavit") == ["Zvi Magen", "Eldad Shavit"])
        #expect(HTMLReader.splitNames("A. Smith; B. Jones, C. Brown") == ["A. Smith", "B. Jones", "C. Brown"])
        #expect(HTMLReader.splitNames("https://twitter.com/someone") == [])
        #expect(HTMLReader.splitNames("Alexandra Andersen") == ["Alexandra Andersen"])   // "and" inside a word
    }
}
