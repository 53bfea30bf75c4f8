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
    /// What the writer stores, worked out here, on the extraction threads (the writer, one
    /// thread, is the pipeline's limit).
    public var storage: StoragePlan
}

/// The parts of a source's actor rows that need no database: mentions de-duplicated with their
/// offsets in the clean text, and the per-actor summary for `source_actors`. (Made from `actors`
/// and `sentences`: whoever changes those makes a new plan.)
public struct StoragePlan: Sendable {
    /// An actor mention at its place in the clean text (code points).
    public struct Mention: Sendable { public let start: Int, end: Int, mention: ActorMention }
    /// One per actor key and place in a sentence, the first of each, in order.
    public var mentions: [Mention] = []
    /// Each actor named as an actor (not as a place, not by a bare title), in order of first
    /// mention: how often, and the country said most often (ties: the first alphabetically).
    public var named: [(key: String, mentions: Int, country: String?)] = []

    public init(sentences: [SentenceSpan], actors: ActorResolution) {
        struct Key: Hashable { let sentence: Int, start: Int, end: Int, actor: String }
        var seen = Set<Key>()
        var index: [String: Int] = [:]
        var counts: [(key: String, mentions: Int, countries: [String: Int])] = []
        for m in actors.mentions {
            let base = sentences[m.sentence].start
            guard seen.insert(Key(sentence: m.sentence, start: base + m.start, end: base + m.end, actor: m.actorKey)).inserted else { continue }
            mentions.append(Mention(start: base + m.start, end: base + m.end, mention: m))
            guard !m.isLocation && m.form != .title else { continue }
            if index[m.actorKey] == nil {
                index[m.actorKey] = counts.count
                counts.append((m.actorKey, 0, [:]))
            }
            let k = index[m.actorKey]!
            counts[k].mentions += 1
            if let c = m.country { counts[k].countries[c, default: 0] += 1 }
        }
        named = counts.map { c in
            (c.key, c.mentions, c.countries.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key)
        }
    }
}

/// The stages an article goes through: clean → metadata → segment (→ actors, dates, events,
/// stances). Pure: the same document and resources always give the same result.
public struct ArticleProcessor: Sendable {
    public let resources: Resources
    let cleaner: Cleaner
    let finder: MetadataFinder
    let actorResolver: ActorResolver
    let eventExtractor: EventExtractor
    let bodies: Set<String>
    let stanceExtractor: StanceExtractor
    let dateResolver = DateResolver()

    public init(resources: Resources) {
        self.resources = resources
        cleaner = Cleaner(rules: resources.debris)
        finder = MetadataFinder(publishers: resources.publishers)
        actorResolver = ActorResolver(dictionary: resources.actors)
        eventExtractor = EventExtractor(lexicon: resources.eventLexicon, grammar: resources.grammar, dictionary: resources.actors, places: resources.places)
        stanceExtractor = StanceExtractor(lexicon: resources.stanceLexicon, grammar: resources.grammar, dictionary: resources.actors)
        bodies = resources.stanceLexicon.bodies
    }

    /// Why a text holds no article: a login or subscription wall, an index page (many short
    /// lines and no prose), or only a few short lines.
    static func emptyReason(_ cleaned: CleanedArticle, walls: [String]) -> String {
        let lines = cleaned.header + cleaned.trailer
        for line in lines {
            let lower = line.lowercased()
            if let phrase = walls.first(where: { lower.contains($0) }) {
                return "no article text found: the page is a login or subscription wall ('\(phrase)'); save it from a signed-in browser, or its text"
            }
        }
        if lines.count >= 12 {
            return "no article text found: an index page (\(lines.count) short lines such as links, headings and menus, and no paragraph of prose)"
        }
        return "no article text found (only short lines such as menus or headings)"
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
        var cleaned = cleaner.clean(doc.body, extracted: doc.format == .html)
        let publishers = resources.publishers
        let (blocks, inText) = resources.credits.extract(from: cleaned.blocks) { publishers.canonical($0) != nil }
        cleaned.blocks = blocks
        // Credit lines the cleaner left around the article (short lines) are metadata all the same.
        var credits = resources.credits.extract(from: cleaned.header + cleaned.trailer) { publishers.canonical($0) != nil }.credits
        credits.writers = inText.writers + credits.writers
        credits.agencies = inText.agencies + credits.agencies
        guard !cleaned.blocks.isEmpty else {
            throw KBError.noText(path: doc.record.isEmpty ? doc.path : "\(doc.path)#\(doc.record)", reason: Self.emptyReason(cleaned, walls: resources.walls))
        }
        var metadata = doc.metadata
        metadata.fill(from: finder.find(in: cleaned))
        metadata.fill(from: finder.metadata(from: credits))
        // A wire dateline: the place, the date (its year, if it has none, from the publication
        // date known otherwise) and a known agency; the text keeps what follows it.
        if let first = cleaned.blocks.first,
           let dateline = Dateline.find(in: first, year: (metadata.published ?? doc.fallback.published).flatMap { Int($0.value.iso.prefix(4)) }) {
            cleaned.blocks[0] = dateline.rest
            metadata.datelinePlace = dateline.place
            if metadata.published == nil, let date = dateline.date { metadata.published = Sourced(date, .text) }
            if metadata.publisher == nil || metadata.publisher?.origin == .inferred, let agency = dateline.agency.flatMap(publishers.canonical) {
                metadata.publisher = Sourced(agency, .text)
            }
        }
        metadata.fill(from: doc.fallback)
        if let user = supplied { metadata.override(with: user) }
        let sentences = resources.splitter.split(blocks: cleaned.blocks)
        let published = metadata.published?.value
        let actors = actorResolver.resolve(sentences: sentences, date: published)
        let contexts = SentenceContexts.build(sentences: sentences, actors: actors, publication: published, resolver: dateResolver, syntax: resources.syntax)
        let reference = ActorReference(dictionary: resources.actors, coreference: Coreference(contexts: contexts, bodies: bodies), contexts: contexts)
        let events = eventExtractor.extract(contexts, publication: published, reference: reference)
        let stances = stanceExtractor.extract(contexts, events: events, publication: published, reference: reference)
        // The tokens served the stages above; freed here rather than by the writer with its batch.
        var resolved = actors
        resolved.tokens = []
        return ProcessedSource(document: doc, fingerprint: fingerprint(doc, supplied: supplied), metadata: metadata,
                               cleanText: cleaned.text, sentences: sentences, actors: resolved, events: events, stances: stances,
                               storage: StoragePlan(sentences: sentences, actors: actors))
    }
}
