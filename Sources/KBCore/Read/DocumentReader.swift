import Foundation

/// Reads one file into its articles (one, or one per JSON record), with what the file itself
/// says about them. Errors name the file (and line) and never stop the other files.
public enum DocumentReader {
    /// - Parameter words: the class words the HTML reader weighs (`Resources.htmlClasses`).
    public static func read(path: String, words: HTMLClassWords = .builtIn) -> [Result<RawDocument, KBError>] {
        let bytes: [UInt8]
        do {
            guard FileManager.default.fileExists(atPath: path) else { throw KBError.notFound(path: path) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KBError.unreadable(path: path, reason: "permission denied or vanished")
            }
            bytes = Array(data)
        } catch let error as KBError {
            return [.failure(error)]
        } catch {
            return [.failure(.unreadable(path: path, reason: "\(error)"))]
        }
        return read(bytes: bytes, path: path, words: words)
    }

    public static func read(bytes: [UInt8], path: String, words: HTMLClassWords = .builtIn) -> [Result<RawDocument, KBError>] {
        let format = SourceFormat.guess(fileName: path)
        let decoded: TextDecoding.Decoded
        if format == .html {
            // libxml2 decodes HTML itself, honouring <meta charset>.
            if bytes.isEmpty { return [.failure(.emptyFile(path: path))] }
            if TextDecoding.looksBinary(bytes) { return [.failure(.binaryFile(path: path))] }
            return [readHTML(bytes, path: path, words: words)]
        }
        do {
            decoded = try TextDecoding.decode(bytes, path: path)
        } catch let error as KBError {
            return [.failure(error)]
        } catch {
            return [.failure(.unreadable(path: path, reason: "\(error)"))]
        }
        if decoded.text.allSatisfy({ $0.isWhitespace }) { return [.failure(.emptyFile(path: path))] }
        var results: [Result<RawDocument, KBError>]
        switch format {
        case .jsonl: results = ScraperRecord.readLines(decoded.text, path: path)
        case .json: results = ScraperRecord.readJSON(decoded.text, path: path)
        case .markdown: results = [readMarkdown(decoded.text, bytes: bytes, path: path)]
        case .text, .html: results = [.success(document(path: path, format: .text, body: HardWrap.unwrap(InlineMarkup.strip(decoded.text)), bytes: bytes))]
        }
        if let warning = decoded.warning {
            results = results.map { r in r.map { var d = $0; d.warnings.append(warning); return d } }
        }
        return results
    }

    static func document(path: String, format: SourceFormat, body: String, bytes: [UInt8], metadata: SourceMetadata = SourceMetadata()) -> RawDocument {
        RawDocument(path: path, record: "", name: (path as NSString).lastPathComponent, format: format,
                    body: body, metadata: metadata, contentHash: SHA256.hex(bytes))
    }

    static func readMarkdown(_ text: String, bytes: [UInt8], path: String) -> Result<RawDocument, KBError> {
        let fm = FrontMatter.split(text)
        var meta = SourceMetadata()
        if let t = fm.first("title") { meta.title = Sourced(t, .text) }
        if let d = fm.first("date", "published", "pubdate", "date_published", "publish_date") {
            guard let date = MetadataDate.parse(d) else {
                return .failure(.badMetadata(path: path, field: "front matter date", value: d, reason: "not a calendar date (use YYYY-MM-DD, YYYY-MM or YYYY)"))
            }
            meta.published = Sourced(date, .text)
        }
        if let p = fm.first("publisher", "source", "site", "site_name", "outlet") { meta.publisher = Sourced(p, .text) }
        if let a = fm.list("authors", "author", "by") {
            let names = a.count == 1 ? AuthorNames.split(a[0]) : a
            meta.authors = Sourced(names, .text)
        }
        if let u = fm.first("url", "link", "canonical_url", "source_url") { meta.url = Sourced(u, .text) }
        meta.language = fm.first("lang", "language")
        return .success(document(path: path, format: .markdown, body: MarkdownText.plain(Substring(HardWrap.unwrap(InlineMarkup.strip(String(fm.body))))), bytes: bytes, metadata: meta))
    }

    static func readHTML(_ bytes: [UInt8], path: String, words: HTMLClassWords = .builtIn) -> Result<RawDocument, KBError> {
        let article: HTMLArticle
        do {
            article = try HTMLReader.read(bytes, words: words)
        } catch let error as HTMLReadError {
            return .failure(.noText(path: path, reason: error.reason))
        } catch {
            return .failure(.noText(path: path, reason: "\(error)"))
        }
        var meta = SourceMetadata()
        if let t = article.title { meta.title = Sourced(t, .text) }
        var warnings: [String] = []
        var fallback = SourceMetadata()
        for candidate in article.publishedCandidates {
            guard let stamp = MetadataDate.stamp(candidate.value) else {
                warnings.append(KBError.badMetadata(path: path, field: "published date", value: candidate.value,
                                                    reason: "not a date (from \(candidate.field)); dropped, the next source of the date is used")
                    .localizedDescription)
                continue
            }
            if candidate.field == HTMLReader.urlDateField {
                // The URL's date comes last: after a byline in the text, which cleaning finds.
                fallback.published = Sourced(stamp.date, .inferred)
            } else {
                meta.published = Sourced(stamp.date, .text)
                meta.publishedUTC = stamp.utc
            }
            break
        }
        if !article.authors.isEmpty { meta.authors = Sourced(article.authors, .text) }
        if let p = article.publisher { meta.publisher = Sourced(p, .text) }
        if let u = article.url { meta.url = Sourced(u, .text) }
        meta.language = article.language
        var doc = document(path: path, format: .html, body: article.text, bytes: bytes, metadata: meta)
        doc.warnings = warnings
        doc.fallback = fallback
        return .success(doc)
    }
}
