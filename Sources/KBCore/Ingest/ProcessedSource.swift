/// One article after every stage of extraction, ready to be stored.
public struct ProcessedSource: Sendable {
    public var document: RawDocument
    public var fingerprint: String
    public var metadata: SourceMetadata
    public var cleanText: String
    public var sentences: [SentenceSpan]
    public var actors: ActorResolution
    public var events: [ExtractedEvent]
    public var stances: [ExtractedStance]
}

/// The stages an article goes through: clean → metadata → segment (→ actors, dates, events,
/// stances). Pure: the same document and resources always give the same result.
public struct ArticleProcessor: Sendable {
    public let resources: Resources
    let cleaner: Cleaner
    let finder: MetadataFinder
    let actorResolver: ActorResolver
    let eventExtractor: EventExtractor
    let stanceExtractor: StanceExtractor
    let dateResolver = DateResolver()

    public init(resources: Resources) {
        self.resources = resources
        cleaner = Cleaner(rules: resources.debris)
        finder = MetadataFinder(publishers: resources.publishers)
        actorResolver = ActorResolver(dictionary: resources.actors)
        eventExtractor = EventExtractor(cues: resources.eventCues, dictionary: resources.actors, places: resources.places)
        stanceExtractor = StanceExtractor(lexicon: resources.stanceLexicon, roles: eventExtractor, dictionary: resources.actors)
    }

    /// The fingerprint decides whether a stored source must be extracted again.
    public func fingerprint(_ doc: RawDocument, supplied: SourceMetadata?) -> String {
        var s = doc.contentHash + "|" + resources.version + "|" + doc.format.rawValue
        if let m = supplied {
            s += "|\(m.title?.value ?? "")|\(m.published?.value.iso ?? "")|\(m.publisher?.value ?? "")"
            s += "|\(m.authors?.value.joined(separator: ";") ?? "")|\(m.url?.value ?? "")"
        }
        return String(SHA256.hex(s).prefix(32))
    }

    public func process(_ doc: RawDocument, supplied: SourceMetadata?) throws -> ProcessedSource {
        let cleaned = cleaner.clean(doc.body)
        guard !cleaned.blocks.isEmpty else {
            throw KBError.noText(path: doc.record.isEmpty ? doc.path : "\(doc.path)#\(doc.record)", reason: "no article text found (only short lines such as menus or headings)")
        }
        var metadata = doc.metadata
        metadata.fill(from: finder.find(in: cleaned))
        if let user = supplied { metadata.override(with: user) }
        let sentences = resources.splitter.split(blocks: cleaned.blocks)
        let published = metadata.published?.value
        let actors = actorResolver.resolve(sentences: sentences, date: published)
        let contexts = SentenceContexts.build(sentences: sentences, actors: actors, publication: published, resolver: dateResolver)
        let events = eventExtractor.extract(contexts, publication: published)
        let stances = stanceExtractor.extract(contexts, events: events, publication: published)
        return ProcessedSource(document: doc, fingerprint: fingerprint(doc, supplied: supplied), metadata: metadata,
                               cleanText: cleaned.text, sentences: sentences, actors: actors, events: events, stances: stances)
    }
}
