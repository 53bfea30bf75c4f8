import Foundation

/// The dictionaries a question is read with, loaded in one place: the question side's own files
/// (`Dictionaries/query/`: acts, statement verbs, fillers) and what it shares with extraction (the
/// event nouns of `events/lexicon/`, the body nouns of `actors/bodies.txt`, the topic dictionary).
/// All are read without Foundation's string functions, whose first use costs a start-up every
/// question would pay; the topic dictionary is parsed only when a question needs it.
public final class QueryResources: @unchecked Sendable {
    public let eventNouns: [String: (EventType, String)]
    /// The event classes of `query/acts.tsv`, in file order.
    public let acts: [ActClass]
    /// The verbs of "who <verb> TOPIC" (`query/statements.tsv`), in file order.
    public let statementVerbs: [StatementAct]
    /// Openers, closers and words allowed anywhere (`query/fillers.tsv`), as lowercase token lists.
    public let openers: [[String]]
    public let closers: [[String]]
    /// Phrases read as a shorter word (`query/phrases.tsv`): "with regard to" → "regarding", longest first.
    public let phrases: [(phrase: [String], readAs: [String])]
    /// Nouns that make a state's adjective name the state: "Russian officials".
    public let bodies: Set<String>
    private let topicText: String
    private let lock = NSLock()
    private var parsedTopics: [StanceLexicon.Topic]?

    public init(resources files: [String: String] = EmbeddedResources.dictionaries) throws {
        topicText = files["stances/topics.tsv"] ?? ""
        eventNouns = Self.eventNouns(files)
        func file(_ name: String) throws -> String {
            guard let text = files[name] else { throw KBError.dictionary(file: name, line: 0, reason: "missing dictionary file") }
            return text
        }
        var acts: [ActClass] = []
        for (n, f) in TSV.rows(try file("query/acts.tsv")) {
            guard f.count >= 6, ["either", "target"].contains(f[3]) else {
                throw KBError.dictionary(file: "query/acts.tsv", line: n, reason: "expected name, nouns, verbs, who (either or target), types, cameos")
            }
            var types: [EventType] = []
            for t in TSV.list(f[4]) {
                guard let type = EventType(rawValue: t) else { throw KBError.dictionary(file: "query/acts.tsv", line: n, reason: "unknown PLOVER type '\(t)'") }
                types.append(type)
            }
            let cameos = f[5] == "*" ? nil : TSV.list(f[5])
            acts.append(ActClass(name: f[0], types: types, cameos: cameos, nouns: TSV.list(f[1]).map { $0.lowercased() },
                                 verbs: TSV.list(f[2]).map { $0.lowercased() }, eitherSide: f[3] == "either"))
        }
        self.acts = acts
        var verbs: [StatementAct] = []
        for (n, f) in TSV.rows(try file("query/statements.tsv")) {
            guard f.count >= 2 else { throw KBError.dictionary(file: "query/statements.tsv", line: n, reason: "expected verbs, predicates, polarity") }
            let polarity = f.count > 2 && !f[2].isEmpty ? f[2] : nil
            if f[1] == "*" && !["support", "oppose"].contains(polarity ?? "") {
                throw KBError.dictionary(file: "query/statements.tsv", line: n, reason: "a row for any predicate (*) needs a polarity: support or oppose")
            }
            let forms = TSV.list(f[0]).map { $0.lowercased() }
            verbs.append(StatementAct(verb: forms.first ?? "", forms: forms, predicates: f[1] == "*" ? [] : TSV.list(f[1]).map { $0.lowercased() },
                                      polarity: polarity))
        }
        statementVerbs = verbs
        var openers: [[String]] = [], closers: [[String]] = []
        for (n, f) in TSV.rows(try file("query/fillers.tsv")) {
            guard f.count >= 2, ["opens", "closes"].contains(f[0]) else { throw KBError.dictionary(file: "query/fillers.tsv", line: n, reason: "expected opens or closes, then the phrase") }
            let words = f[1].lowercased().split(separator: " ").map(String.init)
            if f[0] == "opens" { openers.append(words) } else { closers.append(words) }
        }
        // Longest first, so that "what are" is taken whole before "what".
        self.openers = openers.sorted { $0.count > $1.count }
        self.closers = closers.sorted { $0.count > $1.count }
        var phrases: [([String], [String])] = []
        for (n, f) in TSV.rows(try file("query/phrases.tsv")) {
            guard f.count >= 2, !f[0].isEmpty, !f[1].isEmpty else { throw KBError.dictionary(file: "query/phrases.tsv", line: n, reason: "expected a phrase, then what it is read as") }
            phrases.append((f[0].lowercased().split(separator: " ").map(String.init), f[1].lowercased().split(separator: " ").map(String.init)))
        }
        self.phrases = phrases.sorted { $0.0.count > $1.0.count }
        var bodies: Set<String> = []
        for (_, f) in TSV.rows(files["actors/bodies.txt"] ?? "") where !f[0].isEmpty { bodies.insert(f[0].lowercased()) }
        self.bodies = bodies
    }

    /// The topics of Dictionaries/stances/topics.tsv.
    public func topics() throws -> [StanceLexicon.Topic] {
        lock.lock()
        defer { lock.unlock() }
        if let parsedTopics { return parsedTopics }
        let topics = try StanceLexicon.topics(topicText)
        parsedTopics = topics
        return topics
    }

    /// The single-word nouns of the event lexicon (events/lexicon/TYPE.tsv: cue <tab> part <tab>
    /// cameo …), by lemma; a noun in two types' files belongs to the first in PLOVER's order.
    /// Read as bytes: the files are small, but Swift's Character-level splitting of them cost more than a query.
    static func eventNouns(_ files: [String: String]) -> [String: (EventType, String)] {
        var nouns: [String: (EventType, String)] = [:]
        func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var b = b
            while let f = b.first, f == 32 || f == 9 || f == 13 { b = b.dropFirst() }
            while let l = b.last, l == 32 || l == 9 || l == 13 { b = b.dropLast() }
            return b
        }
        for type in EventType.allCases {
            guard let text = files["events/lexicon/\(type.rawValue).tsv"] else { continue }
            for line in Array(text.utf8).split(separator: 10) where line.first != UInt8(ascii: "#") {
                let f = line.split(separator: 9, omittingEmptySubsequences: false).map(trimmed)
                guard f.count >= 3, f[1].elementsEqual("noun".utf8), !f[0].contains(32), !f[0].contains(UInt8(ascii: "+")) else { continue }
                let key = String(decoding: f[0], as: UTF8.self).lowercased()
                if nouns[key] == nil { nouns[key] = (type, String(decoding: f[2], as: UTF8.self)) }
            }
        }
        return nouns
    }

    /// The event type and CAMEO code of a noun of a question, in the singular or the plural ("strikes").
    public func eventNoun(_ word: String) -> (EventType, String)? {
        eventNouns[word] ?? Lemmatizer.regularStems(of: word, .NOUN).lazy.compactMap { self.eventNouns[$0] }.first
    }
}
