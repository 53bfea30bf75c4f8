import Foundation

/// One article as scrapers write it (news-please, trafilatura, newspaper): a JSON object with
/// `text`/`maintext`, `title`, `date`/`date_publish`, `authors`, `url`, `id`, ….
struct ScraperRecord {
    static let textKeys = ["text", "maintext", "content", "body", "article", "raw_text", "fulltext"]
    static let titleKeys = ["title", "headline"]
    static let dateKeys = ["date", "date_publish", "published", "date_published", "datePublished", "pubdate", "publish_date", "published_at", "filedate"]
    static let authorKeys = ["authors", "author", "byline"]
    static let publisherKeys = ["publisher", "source_domain", "sitename", "site_name", "source", "hostname", "outlet"]
    static let urlKeys = ["url", "link", "source_url", "canonical_url"]
    static let idKeys = ["id", "_id", "uuid", "guid"]

    /// Reads a record into a document; throws a reason (without file or line) when it has no text.
    static func document(_ object: Any, path: String, line: Int?, index: Int, rawBytes: [UInt8], format: SourceFormat) throws -> RawDocument {
        let base = (path as NSString).lastPathComponent
        guard let dict = object as? [String: Any] else {
            throw KBError.malformedRecord(path: path, line: line ?? index + 1, reason: "expected a JSON object with a \"text\" or \"maintext\" field")
        }
        func string(_ keys: [String]) -> String? {
            for k in keys {
                if let s = dict[k] as? String, !isBlank(s) { return s }
                if let n = dict[k] as? NSNumber, k == "id" || k == "_id" { return n.stringValue }
                if let d = dict[k] as? [String: Any], let s = d["name"] as? String { return s }
            }
            return nil
        }
        guard let text = string(textKeys) else {
            throw KBError.malformedRecord(path: path, line: line ?? index + 1, reason: "no article text (expected one of: \(textKeys.prefix(3).joined(separator: ", ")))")
        }
        var meta = SourceMetadata()
        if let t = string(titleKeys) { meta.title = Sourced(t.trimmingCharacters(in: .whitespacesAndNewlines), .text) }
        if let d = string(dateKeys) {
            guard let date = MetadataDate.parse(d) else {
                throw KBError.malformedRecord(path: path, line: line ?? index + 1, reason: "the date '\(d)' is not a date")
            }
            meta.published = Sourced(date, .text)
        }
        var authors: [String] = []
        for k in authorKeys {
            if let list = dict[k] as? [Any] {
                authors = list.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
            } else if let s = dict[k] as? String {
                authors = AuthorNames.split(s)
            }
            if !authors.isEmpty { break }
        }
        if !authors.isEmpty { meta.authors = Sourced(authors, .text) }
        if let p = string(publisherKeys) { meta.publisher = Sourced(p, .text) }
        if let u = string(urlKeys) { meta.url = Sourced(u, .text) }
        if let l = string(["language", "lang"]) { meta.language = l }
        let id = string(idKeys)
        let record = id ?? String(line ?? index + 1)
        return RawDocument(path: path, record: record, name: "\(base)#\(record)", format: format, body: text,
                           metadata: meta, contentHash: SHA256.hex(rawBytes))
    }

    /// Whether the text is empty or white space and newlines only (what
    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty` says, without copying the text).
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Whether every Character of the line is white space. A line that starts with an ASCII
    /// character other than white space is not (a record starts with "{").
    static func isBlankLine(_ bytes: [UInt8]) -> Bool {
        if let b0 = bytes.first, b0 < 0x80, b0 != 0x20, !(0x09...0x0D).contains(b0) { return false }
        return UTF8Text.string(bytes).allSatisfy { $0.isWhitespace }
    }

    /// JSON Lines: one record a line; a malformed line is an error of its own and costs no other line.
    static func readLines(_ text: String, path: String) -> [Result<RawDocument, KBError>] {
        var out: [Result<RawDocument, KBError>] = []
        var lineNumber = 0
        // Split on the byte "\n" (a code point: "\r\n" is a single Character and would not match "\n").
        let all = Array(text.utf8)
        var next = 0
        while next <= all.count {
            let start = next
            let end = all[start...].firstIndex(of: 0x0A) ?? all.count
            next = end + 1
            lineNumber += 1
            let bytes = Array(all[start..<(end > start && all[end - 1] == 0x0D ? end - 1 : end)])
            if isBlankLine(bytes) { continue }
            do {
                let object = try JSONSerialization.jsonObject(with: Data(bytes))
                out.append(.success(try document(object, path: path, line: lineNumber, index: lineNumber - 1, rawBytes: bytes, format: .jsonl)))
            } catch let error as KBError {
                out.append(.failure(error))
            } catch {
                out.append(.failure(.malformedRecord(path: path, line: lineNumber, reason: "not valid JSON")))
            }
        }
        if out.isEmpty { out.append(.failure(.emptyFile(path: path))) }
        return out
    }

    /// A JSON file: one record, or an array of records.
    static func readJSON(_ text: String, path: String) -> [Result<RawDocument, KBError>] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            // Some tools write JSON Lines into .json files.
            if text.split(separator: "\n").count > 1 { return readLines(text, path: path) }
            return [.failure(.malformedRecord(path: path, line: 1, reason: "not valid JSON"))]
        }
        let records = (object as? [Any]) ?? [object]
        if records.isEmpty { return [.failure(.emptyFile(path: path))] }
        return records.enumerated().map { index, record in
            let bytes = (try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])).map(Array.init) ?? Array(text.utf8)
            do {
                var doc = try document(record, path: path, line: nil, index: index, rawBytes: bytes, format: .json)
                if records.count == 1, (record as? [String: Any]).map({ d in ScraperRecord.idKeys.allSatisfy { d[$0] == nil } }) == true {
                    doc.record = ""
                    doc.name = (path as NSString).lastPathComponent
                }
                return .success(doc)
            } catch let error as KBError {
                return .failure(error)
            } catch {
                return .failure(.malformedRecord(path: path, line: index + 1, reason: "\(error)"))
            }
        }
    }
}

/// Splits a byline into names: "Zvi Magen, Eldad Shavit and Vera Michlin-Shapir".
enum AuthorNames {
    static func split(_ byline: String) -> [String] {
        var s = byline.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["By ", "by ", "BY "] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        let parts = s.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
