/// Where a metadata value came from.
public enum Origin: String, Sendable, Codable {
    /// Stated in the article or its own markup (front matter, meta tags, the scraper's record).
    case text
    /// Supplied by the user beside the files (kb-manifest.csv).
    case user
    /// Inferred by kb (e.g. a publisher guessed from a title suffix).
    case inferred
}

/// A value with its origin.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var origin: Origin
    public init(_ value: Value, _ origin: Origin) { self.value = value; self.origin = origin }
}

/// What is known about an article besides its text.
public struct SourceMetadata: Sendable, Equatable {
    public var title: Sourced<String>?
    public var published: Sourced<KBDate>?
    /// The moment of publication in UTC ("2019-11-18T22:07:38Z"), when the date that gave
    /// `published` had a time and a zone.
    public var publishedUTC: String?
    public var publisher: Sourced<String>?
    public var authors: Sourced<[String]>?
    public var url: Sourced<String>?
    public var language: String?
    /// The place a wire dateline names ("Ankara").
    public var datelinePlace: String?

    public init() {}

    /// Fills every field this one lacks from `other`.
    public mutating func fill(from other: SourceMetadata) {
        if title == nil { title = other.title }
        if published == nil {
            published = other.published
            publishedUTC = other.publishedUTC
        }
        if publisher == nil { publisher = other.publisher }
        if authors == nil || authors?.value.isEmpty == true { authors = other.authors ?? authors }
        if url == nil { url = other.url }
        if language == nil { language = other.language }
        if datelinePlace == nil { datelinePlace = other.datelinePlace }
    }

    /// Fields of `other` that are set replace this one's.
    public mutating func override(with other: SourceMetadata) {
        var merged = other
        merged.fill(from: self)
        self = merged
    }
}

/// The input formats kb reads.
public enum SourceFormat: String, Sendable, Codable {
    case text, markdown, html, jsonl, json

    /// The format a file's name implies; anything unrecognized is read as plain text.
    public static func guess(fileName: String) -> SourceFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        return .text
    }
}

/// One article as read from a file (or one record of a JSON file), before cleaning.
public struct RawDocument: Sendable {
    public var path: String
    /// '' for a whole file; the record's id or line number for JSON.
    public var record: String
    /// The name used in exports: base name, plus '#ID' or '#LINE'.
    public var name: String
    public var format: SourceFormat
    /// The article text as read (for HTML: the main content already extracted).
    public var body: String
    public var metadata: SourceMetadata
    /// SHA-256 of the article as read.
    public var contentHash: String
    /// Warnings to show the user (e.g. an encoding fallback).
    public var warnings: [String] = []
    /// Metadata used only when neither the document nor the lines around its text give the field
    /// (a date read from the URL).
    public var fallback = SourceMetadata()
}
