/// The actor dictionaries (Dictionaries/actors/*.tsv) indexed for matching: every name, alias,
/// adjective, seat and derived surname, tokenized the way sentences are.
public struct ActorDictionary: Sendable {
    public struct Hit: Sendable, Equatable {
        public var actor: Int        // index into `actors`
        public var form: AliasForm
    }

    public private(set) var actors: [ActorEntry] = []
    public private(set) var roles: [String: [ActorRole]] = [:]   // by person key
    var index: [String: [Hit]] = [:]                              // joined token texts → hits
    var maxTokens: [String: Int] = [:]                            // first token → longest alias in tokens
    public private(set) var keyIndex: [String: Int] = [:]
    var adjectives: [Int: String] = [:]
    /// Titles, lowercased and tokenized, longest first; and by first word.
    public private(set) var titles: [[String]] = []
    var titlesByFirst: [String: [[String]]] = [:]
    let notSurnames: Set<String>
    /// Words naming an office in an apposition after a name (apposition-roles.txt).
    let appositionRoles: Set<String>
    /// Second halves of hyphenated modifiers that relate a thing to an actor ("-backed": hyphen-relations.txt).
    let hyphenRelations: Set<String>
    /// Nouns of bodies a state's name or adjective stands before ("the Russian foreign ministry": bodies.txt).
    let bodyNouns: Set<String>
    /// `index`, `maxTokens` and `titlesByFirst` for the look-ups of every token.
    var hitsByForm = WordIndex<[Hit]>([:])
    var longestByFirst = WordIndex<Int>([:])
    /// The first two, three, … words of every form of two or more words ("Prime Minister").
    var formStarts = WordSet([])
    var titlesByFirstWord = WordIndex<[[String]]>([:])
    /// What `longestByFirst`, `hitsByForm`, `titlesByFirstWord` and the plural look-up answer for a
    /// word, together: one look-up of `wordFacts` (an entry number into `facts`) instead of four.
    var wordFacts = WordIndex<Int>([:])
    var facts: [WordFacts] = []
    /// `roles` by actor index (`roles[actors[idx].key]`, empty for actors without roles).
    var rolesByActor: [[ActorRole]] = []
    /// The actors `keyIndex` gives for the keys of `roles`.
    var roleHolders: [Int] = []

    /// Everything actor resolution asks of one word. `longest`, `hits` and `titles` are what
    /// `longestByFirst`, `hitsByForm` and `titlesByFirstWord` answer for it (keys compare as
    /// Strings do); `plural` is what the plural look-up answers for an ASCII word: the adjective
    /// hits of the word without its final "s", for a word of four or more bytes.
    struct WordFacts: Sendable {
        var longest: Int?
        var hits: [Hit]?
        var titles: [[String]]?
        var plural: [Hit]?
    }

    public init(files: [String: String]) throws {
        func file(_ name: String) throws -> String {
            guard let t = files["actors/" + name] else { throw KBError.dictionary(file: "actors/" + name, line: 0, reason: "missing dictionary file") }
            return t
        }
        notSurnames = Set(try file("not-surnames.txt").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
        appositionRoles = GrammarClasses.lemmas(try file("apposition-roles.txt"))
        bodyNouns = GrammarClasses.lemmas(try file("bodies.txt"))
        hyphenRelations = GrammarClasses.lemmas(try file("hyphen-relations.txt"))
        titles = try file("titles.txt").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { Tokenizer.tokens($0.lowercased()).map(\.text) }
            .sorted { $0.count > $1.count }
        for t in titles { titlesByFirst[t[0], default: []].append(t) }

        for (n, f) in TSV.rows(try file("states.tsv")) {
            guard f.count >= 2, f[0].count == 3 else { throw KBError.dictionary(file: "actors/states.tsv", line: n, reason: "expected: code <tab> name <tab> aliases <tab> adjectives <tab> seats") }
            let a = add(ActorEntry(key: "state:" + f[0], name: f[1], kind: .state, country: f[0]))
            register(f[1], a, .name)
            if f.count > 2 { for x in TSV.list(f[2]) { register(x, a, .name) } }
            if f.count > 3 { for x in TSV.list(f[3]) { register(x, a, .adjective) }; adjectives[a] = TSV.list(f[3]).first }
            if f.count > 4 { for x in TSV.list(f[4]) { register(x, a, .seat) } }
        }
        for (n, f) in TSV.rows(try file("organizations.tsv")) {
            guard f.count >= 3, let kind = ActorKind(rawValue: f[2]) else { throw KBError.dictionary(file: "actors/organizations.tsv", line: n, reason: "expected: id <tab> name <tab> kind <tab> country <tab> aliases") }
            let country = f.count > 3 && !f[3].isEmpty ? f[3] : nil
            let a = add(ActorEntry(key: "org:" + f[0], name: f[1], kind: kind, country: country))
            register(f[1], a, .name)
            if f.count > 4 { for x in TSV.list(f[4]) { register(x, a, .name) } }
        }
        for (n, f) in TSV.rows(try file("people.tsv")) {
            guard f.count >= 2 else { throw KBError.dictionary(file: "actors/people.tsv", line: n, reason: "expected: id <tab> name <tab> aliases <tab> country <tab> gender") }
            let country = f.count > 3 && !f[3].isEmpty ? f[3] : nil
            let gender = f.count > 4 && !f[4].isEmpty ? f[4] : nil
            let a = add(ActorEntry(key: "person:" + f[0], name: f[1], kind: .person, country: country, gender: gender))
            register(f[1], a, .name)
            var surnames: Set<String> = []
            if let last = Tokenizer.tokens(f[1]).last(where: { $0.kind == .word })?.text { surnames.insert(last) }
            if f.count > 2 {
                for x in TSV.list(f[2]) {
                    let words = Tokenizer.tokens(x).filter { $0.kind == .word }
                    // A one-word alias is a surname-like short form ("Assad", "Bibi").
                    if words.count == 1 { surnames.insert(words[0].text) } else { register(x, a, .name) }
                }
            }
            for s in surnames { register(s, a, .surname) }
        }
        for (n, f) in TSV.rows(try file("roles.tsv")) {
            guard f.count >= 4 else { throw KBError.dictionary(file: "actors/roles.tsv", line: n, reason: "expected: person <tab> country <tab> title <tab> start <tab> end <tab> organization") }
            let key = "person:" + f[0]
            guard keyIndex[key] != nil else { throw KBError.dictionary(file: "actors/roles.tsv", line: n, reason: "unknown person '\(f[0])' (add them to people.tsv)") }
            let start = f[3].isEmpty ? nil : KBDate(iso: f[3])
            let end = f.count > 4 && !f[4].isEmpty ? KBDate(iso: f[4]) : nil
            if !f[3].isEmpty && start == nil { throw KBError.dictionary(file: "actors/roles.tsv", line: n, reason: "bad start date '\(f[3])'") }
            let org = f.count > 5 && !f[5].isEmpty ? "org:" + f[5] : nil
            roles[key, default: []].append(ActorRole(person: key, country: f[1].isEmpty ? nil : f[1], title: f[2], start: start, end: end, organization: org))
        }
        hitsByForm = WordIndex(index)
        longestByFirst = WordIndex(maxTokens)
        formStarts = WordSet(index.keys.flatMap { key -> [String] in
            let words = key.split(separator: " ", omittingEmptySubsequences: false)
            return words.count < 2 ? [] : (2...words.count).map { words[..<$0].joined(separator: " ") }
        })
        titlesByFirstWord = WordIndex(titlesByFirst)
        (wordFacts, facts) = Self.wordFacts(index: index, maxTokens: maxTokens, titlesByFirst: titlesByFirst)
        rolesByActor = actors.map { roles[$0.key] ?? [] }
        roleHolders = actors.indices.filter { !rolesByActor[$0].isEmpty && keyIndex[actors[$0].key] == $0 }
    }

    /// The facts of every word some look-up knows. Keys equal as Strings (canonically equivalent)
    /// are one key in each Dictionary, so each word finds the entry holding what every index
    /// answers for it. Plural entries are made for ASCII words only: the resolver asks them only
    /// of ASCII words (and a form beyond ASCII that equals ASCII text, such as "\u{212A}GB",
    /// is found by its ASCII spelling, as `hitsByForm` finds it).
    static func wordFacts(index: [String: [Hit]], maxTokens: [String: Int], titlesByFirst: [String: [[String]]]) -> (WordIndex<Int>, [WordFacts]) {
        var byWord: [String: WordFacts] = [:]
        for (key, hits) in index { byWord[key, default: WordFacts()].hits = hits }
        for (key, n) in maxTokens { byWord[key, default: WordFacts()].longest = n }
        for (key, titles) in titlesByFirst { byWord[key, default: WordFacts()].titles = titles }
        for (key, hits) in index {
            let ascii = UTF8Text.isASCII(key.utf8) ? key : key.precomposedStringWithCanonicalMapping
            guard UTF8Text.isASCII(ascii.utf8), ascii.utf8.count + 1 > 3 else { continue }
            let adjectives = hits.filter { $0.form == .adjective }
            if !adjectives.isEmpty { byWord[ascii + "s", default: WordFacts()].plural = adjectives }
        }
        var facts: [WordFacts] = []
        var numbers: [String: Int] = [:]
        for (key, f) in byWord {
            numbers[key] = facts.count
            facts.append(f)
        }
        return (WordIndex(numbers), facts)
    }

    private mutating func add(_ e: ActorEntry) -> Int {
        actors.append(e)
        keyIndex[e.key] = actors.count - 1
        return actors.count - 1
    }

    /// Adds a surface form. A leading "the" is dropped: "the Kremlin" is found as "Kremlin".
    private mutating func register(_ surface: String, _ actor: Int, _ form: AliasForm) {
        var words = Tokenizer.tokens(surface).map(\.text)
        if words.first == "the" || words.first == "The" { words.removeFirst() }
        guard !words.isEmpty else { return }
        if form == .surname && notSurnames.contains(words.joined(separator: " ")) { return }
        let key = words.joined(separator: " ")
        let hit = Hit(actor: actor, form: form)
        if index[key]?.contains(hit) == true { return }
        // A full name beats a derived surname for the same string.
        index[key, default: []].append(hit)
        maxTokens[words[0]] = max(maxTokens[words[0]] ?? 0, words.count)
    }

    public func actor(key: String) -> ActorEntry? { keyIndex[key].map { actors[$0] } }

    /// A state's first adjective ("Israeli" for ISR), for labels such as "Israeli strikes".
    public func adjective(of country: String) -> String? {
        guard let idx = keyIndex["state:" + country] else { return nil }
        return adjectives[idx]
    }

    /// The longest dictionary form starting at token `i`: (tokens used, hits). A form never runs
    /// over a possessive ("Israel 's army" is not a name).
    func longestMatch(_ tokens: [Token], at i: Int) -> (Int, [Hit])? {
        longestMatch(tokens, at: i, facts: wordFacts[tokens[i].text])
    }

    /// `longestMatch(tokens, at: i)`, given the `wordFacts` entry of token i's text.
    func longestMatch(_ tokens: [Token], at i: Int, facts entry: Int?) -> (Int, [Hit])? {
        guard let entry, let longest = facts[entry].longest else { return nil }
        var best = facts[entry].hits.map { (1, $0) }
        let most = min(longest, tokens.count - i)
        guard most > 1, tokens[i + 1].kind != .possessive else { return best }
        // Longer forms, as long as some form starts with these words: "Prime Minister", "Prime Minister Benjamin", ….
        var key: [UInt8] = []
        key.reserveCapacity(64)
        Self.append(tokens[i].text, to: &key)
        for k in (i + 1)..<(i + most) {
            if tokens[k].kind == .possessive { break }
            key.append(0x20)
            Self.append(tokens[k].text, to: &key)
            guard formStarts.contains(utf8: key[...]) else { break }
            if let hits = hitsByForm[utf8: key[...]] { best = (k - i + 1, hits) }
        }
        return best
    }

    /// Appends the UTF-8 bytes of `word` (copied at once from its storage when it is contiguous).
    @inline(__always)
    static func append(_ word: String, to key: inout [UInt8]) {
        if word.utf8.withContiguousStorageIfAvailable({ key.append(contentsOf: $0) }) == nil { key += word.utf8 }
    }

    /// A single word's hits, trying a plural or possessive-less form ("Russians" → "Russian").
    func wordHits(_ word: String) -> [Hit]? {
        if let h = hitsByForm[word], longestByFirst[word] != nil { return h }
        if word.hasSuffix("s"), let h = hitsByForm[String(word.dropLast())] { return h.filter { $0.form == .adjective } }
        return nil
    }

    /// The roles a person held on `date`.
    public func roles(of person: String, on date: KBDate?) -> [ActorRole] {
        guard let all = roles[person] else { return [] }
        guard let date else { return [] }
        return all.filter { $0.covers(date) }
    }

    /// The roles actor `idx` held on `date`.
    func roles(ofActor idx: Int, on date: KBDate?) -> [ActorRole] {
        let all = rolesByActor[idx]
        guard !all.isEmpty, let date else { return [] }
        return all.filter { $0.covers(date) }
    }

    /// Whether actor `idx` held some role on `date`.
    func holdsRole(_ idx: Int, on date: KBDate?) -> Bool {
        guard let date else { return false }
        return rolesByActor[idx].contains { $0.covers(date) }
    }

    /// The state a person served on `date`, else their home country.
    public func country(of actorIndex: Int, on date: KBDate?) -> String? {
        guard actors[actorIndex].kind == .person else { return actors[actorIndex].country }
        if let date, let role = rolesByActor[actorIndex].first(where: { $0.country != nil && $0.covers(date) }) { return role.country }
        return actors[actorIndex].country
    }
}
