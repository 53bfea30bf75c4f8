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
    /// `index`, `maxTokens` and `titlesByFirst` for the look-ups of every token.
    var hitsByForm = WordIndex<[Hit]>([:])
    var longestByFirst = WordIndex<Int>([:])
    /// The first two, three, … words of every form of two or more words ("Prime Minister").
    var formStarts = WordSet([])
    var titlesByFirstWord = WordIndex<[[String]]>([:])

    public init(files: [String: String]) throws {
        func file(_ name: String) throws -> String {
            guard let t = files["actors/" + name] else { throw KBError.dictionary(file: "actors/" + name, line: 0, reason: "missing dictionary file") }
            return t
        }
        notSurnames = Set(try file("not-surnames.txt").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
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
        guard let longest = longestByFirst[tokens[i].text] else { return nil }
        var best = hitsByForm[tokens[i].text].map { (1, $0) }
        let most = min(longest, tokens.count - i)
        guard most > 1, tokens[i + 1].kind != .possessive else { return best }
        // Longer forms, as long as some form starts with these words: "Prime Minister", "Prime Minister Benjamin", ….
        var key = Array(tokens[i].text.utf8)
        for k in (i + 1)..<(i + most) {
            if tokens[k].kind == .possessive { break }
            key.append(0x20)
            key += tokens[k].text.utf8
            guard formStarts.contains(utf8: key[...]) else { break }
            if let hits = hitsByForm[utf8: key[...]] { best = (k - i + 1, hits) }
        }
        return best
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

    /// The state a person served on `date`, else their home country.
    public func country(of actorIndex: Int, on date: KBDate?) -> String? {
        let a = actors[actorIndex]
        guard a.kind == .person else { return a.country }
        if let role = roles(of: a.key, on: date).first(where: { $0.country != nil }) { return role.country }
        return a.country
    }
}
