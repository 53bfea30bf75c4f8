import Foundation

/// Finds the actors of each sentence of a source: dictionary names by longest match (possessives
/// and plurals included), titles in front of names, surnames after a first mention, titles
/// alone ("the Russian president"), people the dictionary lacks when the text gives their role
/// and affiliation, and places that are locations rather than actors.
public struct ActorResolver: Sendable {
    public let dictionary: ActorDictionary
    /// `normalizeTitle` of every title the dictionary knows (titles.txt and roles.tsv), lowercased,
    /// computed once: resolution compares them for every title it reads.
    let normalizedTitles: [String: String]
    /// `normalizedTitle` of the title of each of an actor's roles (`dictionary.rolesByActor`).
    let roleTitles: [[String]]
    /// The last word of each actor's name, which `remember` records as well.
    let lastNames: [String?]

    public init(dictionary: ActorDictionary) {
        self.dictionary = dictionary
        var normalized: [String: String] = [:]
        for title in dictionary.titles.map({ $0.joined(separator: " ") }) + dictionary.roles.values.joined().map(\.title) {
            let lower = title.lowercased()
            if normalized[lower] == nil { normalized[lower] = Self.normalizeTitle(lower) }
        }
        normalizedTitles = normalized
        roleTitles = dictionary.rolesByActor.map { roles in
            roles.map { role in
                let lower = role.title.lowercased()
                return normalized[lower] ?? Self.normalizeTitle(lower)
            }
        }
        lastNames = dictionary.actors.map { a in a.name.split(separator: " ").last.map(String.init) }
    }

    /// Words before a place name that make it a location: "in Damascus", "east of Damascus".
    static let locatives: WordSet = ["in", "into", "near", "inside", "across", "throughout", "within", "around", "outside", "at", "toward", "towards", "outskirts"]
    static let directions: WordSet = ["east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "outskirts", "kilometers", "kilometres", "miles", "km"]
    /// Words after a place name that make it a location: "the Israel-Lebanon border".
    static let placeNouns: WordSet = ["border", "borders", "frontier", "boundary", "coast", "airspace"]
    /// Words after an organization's name that make it the name of an event or venue: "the G20 Summit".
    static let venueNouns: WordSet = ["summit", "summits", "conference", "meeting", "session", "sidelines", "forum", "ministerial"]
    /// Capitalized words that do not belong to a person's name (sentence starters, calendar words, geography).
    static let notCandidate: WordSet = ["On", "In", "At", "A", "An", "The", "As", "By", "For", "From", "Of", "To", "With", "After", "Before",
        "Since", "Until", "Over", "Under", "More", "Less", "Most", "New", "Old", "Possible", "Potential", "Strategic", "Strained", "Closer",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Sea", "Strait", "Ocean", "Gulf", "River", "Treaty", "Operation", "Act", "Europe", "Asia",
        "Africa", "America", "Force", "Forces", "Army", "Party", "Council", "Ministry", "Agreement", "Accord", "War", "Campaign",
        "Eastern", "Western", "Northern", "Southern", "Middle"]
    static let motion: WordSet = ["to", "visit", "visited", "visiting", "visits"]
    /// Geographic modifiers: "southern Syria" is a region, so "from southern Syria" is a place.
    static let regions: WordSet = ["southern", "northern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern"]

    final class State {
        var seenPeople: [String: Int] = [:]            // surname or name → actor index (dictionary)
        var learnedByName: [String: Int] = [:]          // surname/full name → index into learned
        var learned: [ActorEntry] = []
        var lastPeople: [Int] = []                      // recently mentioned dictionary people, newest last
    }

    public func resolve(sentences: [SentenceSpan], date: KBDate?) -> ActorResolution {
        var out = ActorResolution()
        let state = State()
        for s in sentences {
            let tokens = Tokenizer.tokens(s.text)
            out.tokens.append(tokens)
            resolveSentence(s, tokens, date: date, state: state, into: &out)
        }
        out.learned = state.learned
        return out
    }

    func resolveSentence(_ s: SentenceSpan, _ t: [Token], date: KBDate?, state: State, into out: inout ActorResolution) {
        var i = 0
        var pendingTitle: (title: String, range: Range<Int>, affiliation: ActorMention?)? = nil
        // A heading ("Security Calculations in Syria Drive Israel’s Policy") is capitalized throughout: no candidate names from it.
        let isSentence = Cleaner.endsLikeSentence(s.text, marks: ".!?…")
        while i < t.count {
            guard t[i].kind == .word else { i += 1; continue }
            // What the dictionary knows of the word (as written, and lowercased), looked up once.
            let entry = dictionary.wordFacts[t[i].text]
            let lowerEntry = t[i].lower == t[i].text ? entry : dictionary.wordFacts[t[i].lower]

            // A title ("Deputy Foreign Minister", "commander", "the prime minister").
            if let n = titleLength(t, at: i, lowerEntry: lowerEntry, entry: entry) {
                let title = t[i..<(i + n)].map(\.text).joined(separator: " ")
                let affiliation = out.mentions.last.flatMap { m -> ActorMention? in
                    guard m.sentence == s.ordinal, m.kind != .person else { return nil }
                    // Adjacent, or separated by a possessive: "Israel’s Ambassador", "Russian Deputy Foreign Minister".
                    var k = m.tokens.upperBound
                    while k < i && (t[k].kind == .possessive || ["former", "then", "senior", "top", "retired", "acting"].contains(t[k].lower)) { k += 1 }
                    return k == i ? m : nil
                }
                let next = i + n
                if next < t.count, t[next].kind == .word, t[next].isCapitalized, titleLength(t, at: next) == nil {
                    pendingTitle = (title, i..<next, affiliation)
                    i = next
                    continue
                }
                // A title alone refers to a person: resolve by affiliation and role, or to the last such person.
                // (Unresolved, "the Russian Foreign Office spokeswoman" still names Russia through its adjective.)
                if let person = personByTitle(title, affiliation: affiliation?.country, date: date, state: state, tokens: t, at: i) {
                    out.mentions.append(mention(s, t, i..<next, actor: person, form: .title, date: date))
                }
                i = next
                continue
            }

            // A dictionary form, longest first.
            if let (n, hits) = dictionary.longestMatch(t, at: i, facts: entry) ?? pluralMatch(t, at: i, entry: entry) {
                if let chosen = choose(hits, t, i, n, title: pendingTitle?.title, date: date, state: state) {
                    var m = mention(s, t, i..<(i + n), actor: chosen.actor, form: mentionForm(chosen.form), date: date)
                    if pendingTitle != nil { m.title = pendingTitle?.title }
                    if dictionary.actors[chosen.actor].kind == .person {
                        if chosen.form == .name || pendingTitle != nil { remember(chosen.actor, state) }
                        state.lastPeople.append(chosen.actor)
                    }
                    m.isLocation = isLocation(m, t, i, n) || continuesLocation(m, t, i, out.mentions)
                    out.mentions.append(m)
                } else if let learned = learnedPerson(t, i..<(i + n), state: state) {
                    out.mentions.append(learnedMention(s, t, i..<(i + n), learned, state: state))
                } else {
                    out.candidates.append(ActorCandidate(sentence: s.ordinal, start: t[i].start, end: t[i + n - 1].end,
                                                         surface: span(s, t, i..<(i + n)), reason: "ambiguous name"))
                }
                if pendingTitle != nil { pendingTitle = nil }
                i += n
                continue
            }

            // Hyphenated compounds: "U.S.-Israel", "Israel-Russia", "Russo-Israeli".
            if Self.contains(t[i].text, "-"), let parts = hyphenParts(s, t[i], i, t, date: date) {
                out.mentions += parts
                i += 1
                if pendingTitle != nil { pendingTitle = nil }
                continue
            }

            // Capitalized words the dictionary lacks: a person learned from the text, or a candidate.
            if t[i].isCapitalized {
                // Token i passes the test below: it is a capitalized word, neither a title nor a dictionary form.
                var j = i + 1
                while j < t.count, t[j].kind == .word, t[j].isCapitalized || t[j].text.hasPrefix("al-") || t[j].text == "bin", j - i < 4,
                      dictionary.longestMatch(t, at: j) == nil, titleLength(t, at: j) == nil { j += 1 }
                let name = t[i..<j].map(\.text).joined(separator: " ")
                if let learned = learnedPerson(t, i..<j, state: state) {
                    out.mentions.append(learnedMention(s, t, i..<j, learned, state: state))
                } else if let k = (i + 1..<j).first(where: { learnedPerson(t, $0..<j, state: state) != nil }), let learned = learnedPerson(t, k..<j, state: state) {
                    // "Head of Communications Altun", "Prof Fahrettin Altun": a learned name at the run's end.
                    out.mentions.append(learnedMention(s, t, k..<j, learned, state: state))
                } else if j - i >= 2, let p = pendingTitle, let aff = p.affiliation?.country ?? p.affiliation.flatMap({ dictionary.actor(key: $0.actorKey)?.country }),
                          MetadataFinder.isPersonName(name) {
                    // "Russian Deputy Foreign Minister Sergei Vershinin": a new person with that affiliation.
                    out.mentions.append(learn(name, country: aff, title: p.title, s, t, i..<j, state: state))
                } else if isSentence, j - i >= 2, j - i <= 3, pendingTitle == nil, MetadataFinder.isPersonName(name),
                          t[i..<j].allSatisfy({ !Self.notCandidate.contains($0.text) && !Self.contains($0.text, "-") || $0.text.hasPrefix("al-") }),
                          let aff = appositiveAffiliation(t, after: j, date: date) {
                    // "Fahrettin Altun, Head of Communications of the Presidency of the Republic of Türkiye":
                    // a new person whose apposition names a role and the state it serves.
                    out.mentions.append(learn(name, country: aff.country, title: aff.title, s, t, i..<j, state: state))
                } else if isSentence, j - i >= 2, j - i <= 3, t[i..<j].allSatisfy({ !Self.notCandidate.contains($0.text) && !Self.contains($0.text, "-") || $0.text.hasPrefix("al-") }),
                          j == t.count || t[j].kind != .word || !t[j].isCapitalized, MetadataFinder.isPersonName(name) {
                    out.candidates.append(ActorCandidate(sentence: s.ordinal, start: t[i].start, end: t[j - 1].end, surface: name,
                                                         reason: pendingTitle == nil ? "name with no affiliation" : "title with no affiliation"))
                }
                if pendingTitle != nil { pendingTitle = nil }
                i = max(j, i + 1)
                continue
            }
            if pendingTitle != nil { pendingTitle = nil }
            i += 1
        }
    }

    // MARK: - Pieces

    /// A person learned from the text, known from here on by the full name and the surname.
    func learn(_ name: String, country: String, title: String, _ s: SentenceSpan, _ t: [Token], _ r: Range<Int>, state: State) -> ActorMention {
        let entry = ActorEntry(key: "learned:" + Self.slug(name), name: name, kind: .person, country: country, gender: nil, learned: true)
        state.learned.append(entry)
        let idx = state.learned.count - 1
        state.learnedByName[name] = idx
        state.learnedByName[t[r.upperBound - 1].text] = idx
        var m = learnedMention(s, t, r, idx, state: state)
        m.title = title
        return m
    }

    /// The role and state of an apposition right after a name: ", TITLE … STATE" up to the next
    /// comma or the sentence's end, within a short reach ("…, Head of Communications of the
    /// Presidency of the Republic of Türkiye,", "…, Iran's deputy foreign minister,"). The title
    /// is a dictionary title or a word of apposition-roles.txt ("head", "spokesman", "adviser");
    /// the state one the dictionary names as a state.
    func appositiveAffiliation(_ t: [Token], after j: Int, date: KBDate?) -> (country: String, title: String)? {
        guard j < t.count, t[j].text == "," else { return nil }
        var title: String? = nil
        var k = j + 1
        while k < t.count, k - j <= 14, t[k].text != ",", t[k].text != ".", t[k].text != ";", t[k].text != "(" {
            if title == nil, let n = titleLength(t, at: k) {
                title = t[k..<(k + n)].map(\.text).joined(separator: " ")
                k += n
                continue
            }
            if title == nil, dictionary.appositionRoles.contains(t[k].lower) { title = t[k].text }
            // "director of the China program at the Stimson Center": an institution named with "at"
            // is the employer, and no state's.
            if t[k].lower == "at", k + 1 < t.count, t[k + 1].isCapitalized || t[k + 1].lower == "the" { return nil }
            if let (n, hits) = dictionary.longestMatch(t, at: k) {
                if title != nil, let state = hits.lazy.map({ self.dictionary.actors[$0.actor] }).first(where: { $0.kind == .state }), let cc = state.country {
                    // The state itself, or its body ("the Russian foreign ministry"), not a thing named after it ("the China program").
                    let after = k + n
                    let modifies = after < t.count && t[after].kind == .word && !t[after].isCapitalized && t[after].lower != "and"
                    if !modifies || dictionary.bodyNouns.contains(t[after].lower) || after + 1 < t.count && dictionary.bodyNouns.contains(t[after].lower + " " + t[after + 1].lower) {
                        return (cc, title!)
                    }
                    return nil
                }
                k += n
                continue
            }
            k += 1
        }
        return nil
    }


    func mentionForm(_ f: AliasForm) -> ActorMention.Form {
        switch f { case .name: return .name; case .adjective: return .adjective; case .seat: return .seat; case .surname: return .surname }
    }

    func span(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>) -> String {
        if r.count == 1 && t[r.lowerBound].kind == .word && !Self.contains(t[r.lowerBound].text, "'") { return t[r.lowerBound].text }
        return Self.scalars(s.text, t[r.lowerBound].start..<t[r.upperBound - 1].end)
    }

    /// The text of the scalars `r` (code-point offsets) of `text`: `String(u[a..<b])` of its
    /// `unicodeScalars`, found by counting the lead bytes of its UTF-8.
    static func scalars(_ text: String, _ r: Range<Int>) -> String {
        var text = text
        return text.withUTF8 { b in
            var k = 0, scalar = 0
            while scalar < r.lowerBound { k += UTF8Text.length(lead: b[k]); scalar += 1 }
            let from = k
            while scalar < r.upperBound { k += UTF8Text.length(lead: b[k]); scalar += 1 }
            return UTF8Text.string(UnsafeBufferPointer(rebasing: b[from..<k]))
        }
    }

    func mention(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>, actor: Int, form: ActorMention.Form, date: KBDate?) -> ActorMention {
        ActorMention(sentence: s.ordinal, tokens: r, start: t[r.lowerBound].start, end: t[r.upperBound - 1].end,
                     surface: span(s, t, r), actorKey: dictionary.actors[actor].key, form: form, country: dictionary.country(of: actor, on: date),
                     kind: dictionary.actors[actor].kind, isLocation: false, title: nil)
    }

    func learnedMention(_ s: SentenceSpan, _ t: [Token], _ r: Range<Int>, _ idx: Int, state: State) -> ActorMention {
        let a = state.learned[idx]
        return ActorMention(sentence: s.ordinal, tokens: r, start: t[r.lowerBound].start, end: t[r.upperBound - 1].end,
                            surface: span(s, t, r), actorKey: a.key, form: r.count == 1 ? .surname : .name, country: a.country,
                            kind: .person, isLocation: false, title: nil)
    }

    func learnedPerson(_ t: [Token], _ r: Range<Int>, state: State) -> Int? {
        if state.learnedByName.isEmpty { return nil }
        let name = t[r].map(\.text).joined(separator: " ")
        return state.learnedByName[name]
    }

    func remember(_ actor: Int, _ state: State) {
        state.seenPeople[dictionary.actors[actor].name] = actor
        if let last = lastNames[actor] { state.seenPeople[last] = actor }
    }

    /// "Russians" → "Russian" (adjective forms only).
    func pluralMatch(_ t: [Token], at i: Int) -> (Int, [ActorDictionary.Hit])? {
        let w = t[i].text
        // A word that ends with "s" ends with the byte "s": asked first, it is cheap.
        guard Self.lastByte(w) == 0x73, w.hasSuffix("s"), w.count > 3,
              let hits = dictionary.hitsByForm[Self.droppingLastByte(w)] else { return nil }
        let adj = hits.filter { $0.form == .adjective }
        return adj.isEmpty ? nil : (1, adj)
    }

    /// `pluralMatch(t, at: i)`, given the `wordFacts` entry of token i's text: for an ASCII word,
    /// the entry's `plural` answers.
    func pluralMatch(_ t: [Token], at i: Int, entry: Int?) -> (Int, [ActorDictionary.Hit])? {
        let w = t[i].text
        guard Self.lastByte(w) == 0x73 else { return nil }
        guard UTF8Text.isASCII(w.utf8) else { return pluralMatch(t, at: i) }
        guard let entry, let adj = dictionary.facts[entry].plural else { return nil }
        return (1, adj)
    }

    static func lastByte(_ w: String) -> UInt8? {
        w.utf8.withContiguousStorageIfAvailable { $0.last } ?? w.utf8.last
    }

    /// The word without its last byte: `String(w.dropLast())` for a word whose last Character is
    /// a single ASCII byte (as a word ending in "s" has), without Character segmentation.
    static func droppingLastByte(_ w: String) -> String {
        w.utf8.withContiguousStorageIfAvailable { String(decoding: $0.dropLast(), as: UTF8.self) } ?? String(w.dropLast())
    }

    /// Picks the actor a form names here. Surnames need a first full mention, a title, or to be unique.
    func choose(_ hits: [ActorDictionary.Hit], _ t: [Token], _ i: Int, _ n: Int, title: String?, date: KBDate?, state: State) -> ActorDictionary.Hit? {
        // The first full form naming something other than a person, else the first full form.
        var firstFull: ActorDictionary.Hit? = nil
        for h in hits where h.form != .surname {
            if dictionary.actors[h.actor].kind != .person { return h }
            if firstFull == nil { firstFull = h }
        }
        if let firstFull { return firstFull }
        let surname = t[i..<(i + n)].map(\.text).joined(separator: " ")
        if let seen = state.seenPeople[surname], let h = hits.first(where: { $0.actor == seen }) { return h }
        if hits.count == 1 { return hits[0] }
        // Several people share the surname: the one whose role on the date fits the title, or the only one in office.
        let inOffice = hits.filter { dictionary.holdsRole($0.actor, on: date) }
        if let title, let date {
            let wanted = normalizedTitle(title)
            let fit = inOffice.filter { h in
                dictionary.rolesByActor[h.actor].indices.contains { dictionary.rolesByActor[h.actor][$0].covers(date) && roleTitles[h.actor][$0].hasSuffix(wanted) }
            }
            if fit.count == 1 { return fit[0] }
        }
        return inOffice.count == 1 ? inOffice[0] : nil
    }

    /// Longest title at token i (case-insensitive), if any.
    func titleLength(_ t: [Token], at i: Int) -> Int? {
        titleLength(t, at: i, lowerEntry: dictionary.wordFacts[t[i].lower], entry: nil)
    }

    /// `titleLength(t, at: i)`, given the `wordFacts` entries of token i's lowercased text and
    /// (if known) of its text.
    func titleLength(_ t: [Token], at i: Int, lowerEntry: Int?, entry: Int??) -> Int? {
        guard let lowerEntry, let candidates = dictionary.facts[lowerEntry].titles else { return nil }
        for title in candidates where i + title.count <= t.count {
            var ok = true
            for (k, w) in title.enumerated() where t[i + k].lower != w { ok = false; break }
            if ok {
                // A capitalized title word that is also a dictionary name start ("General Assembly") is not a title.
                if title.count == 1, t[i].isCapitalized, i + 1 < t.count,
                   dictionary.longestMatch(t, at: i, facts: entry ?? dictionary.wordFacts[t[i].text]).map({ $0.0 > 1 }) == true { return nil }
                return title.count
            }
        }
        return nil
    }

    /// "the prime minister" / "Russia's foreign minister": the person holding that office on the date.
    func personByTitle(_ title: String, affiliation: String?, date: KBDate?, state: State, tokens t: [Token], at i: Int) -> Int? {
        let wanted = normalizedTitle(title)
        guard !["leader", "head", "chief", "commander", "director", "general", "minister", "official", "mr.", "mrs.", "ms.", "dr."].contains(wanted) else { return nil }
        // Only a reference: "the …" or an affiliation before it.
        let before = i > 0 ? t[i - 1].lower : ""
        guard affiliation != nil || before == "the" else { return nil }
        if let country = affiliation, let date {
            var found: Set<Int> = []
            for idx in dictionary.roleHolders {
                let roles = dictionary.rolesByActor[idx]
                if roles.indices.contains(where: { roles[$0].country == country && roles[$0].covers(date) && roleTitles[idx][$0] == wanted }) {
                    found.insert(idx)
                }
            }
            return found.count == 1 ? found.first : nil
        }
        guard let date else { return nil }
        for p in state.lastPeople.reversed() {
            let roles = dictionary.rolesByActor[p]
            if roles.indices.contains(where: { roles[$0].covers(date) && roleTitles[p][$0] == wanted }) { return p }
        }
        return nil
    }

    /// `normalizeTitle`, looked up for the titles the dictionary knows.
    func normalizedTitle(_ title: String) -> String {
        let lower = title.lowercased()
        return normalizedTitles[lower] ?? Self.normalizeTitle(lower)
    }

    /// Whether `text` contains the ASCII character `c`, as Foundation's `String.contains` answers it
    /// (for ASCII text: whether a byte is `c`; otherwise Foundation decides, since a match must not
    /// split a composed character).
    static func contains(_ text: String, _ c: Unicode.Scalar) -> Bool {
        let byte = UInt8(c.value)
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(byte) }) ?? text.utf8.contains(byte) else { return false }
        return UTF8Text.isASCII(text.utf8) || text.range(of: String(c)) != nil
    }

    /// Spellings of a title that mean the same office, replaced in this order.
    static let titleSpellings: [(String, String)] = [
        ("defence", "defense"), ("minister of foreign affairs", "foreign minister"), ("foreign affairs minister", "foreign minister"),
        ("minister of defense", "defense minister"), ("foreign office", "foreign ministry"), ("spokeswoman", "spokesperson"),
        ("spokesman", "spokesperson"), ("advisor", "adviser"), ("secretary general", "secretary-general"),
    ]

    static func normalizeTitle(_ title: String) -> String {
        let lower = title.lowercased()
        guard UTF8Text.isASCII(lower.utf8) else {
            // Foundation's matching (canonical equivalence) for text beyond ASCII.
            var t = lower
            for (a, b) in titleSpellings { t = t.replacingOccurrences(of: a, with: b) }
            return t
        }
        var t = Array(lower.utf8)
        for (a, b) in titleSpellings { t = UTF8Text.replacing(t, Array(a.utf8), with: Array(b.utf8)) }
        return UTF8Text.string(t)
    }

    /// A place named as a location rather than as an actor.
    func isLocation(_ m: ActorMention, _ t: [Token], _ i: Int, _ n: Int) -> Bool {
        let prev = i > 0 ? t[i - 1].lower : ""
        let prev2 = i > 1 ? t[i - 2].lower : ""
        let next = i + n < t.count ? t[i + n].lower : ""
        let nextIsPossessive = i + n < t.count && t[i + n].kind == .possessive
        if nextIsPossessive { return false }
        switch m.form {
        case .seat:
            let p = prev == "the" ? prev2 : prev
            if Self.locatives.contains(p) || Self.motion.contains(p) { return true }
            if Self.venueNouns.contains(next) || next == "talks" || next == "process" || next == "accords" { return true }
            if p == "of" && Self.directions.contains(prev == "the" ? (i > 2 ? t[i - 3].lower : "") : prev2) { return true }
            return Self.placeNouns.contains(next)
        case .name where m.kind == .state:
            let p = prev == "the" ? prev2 : prev
            if Self.locatives.contains(p) && p != "at" { return true }
            if Self.regions.contains(prev) && (Self.locatives.contains(prev2) || prev2 == "from") { return true }
            return Self.placeNouns.contains(next)
        case .name where m.kind == .international_organization || m.kind == .organization:
            if Self.venueNouns.contains(next) { return true }
            return prev == "at" || (prev == "the" && prev2 == "at")
        default:
            return false
        }
    }

    /// "Syria and Lebanon" after "in" or "from southern": a place joined to a place is a place.
    func continuesLocation(_ m: ActorMention, _ t: [Token], _ i: Int, _ previous: [ActorMention]) -> Bool {
        guard m.kind == .state || m.form == .seat, i > 0, ["and", "or", ","].contains(t[i - 1].lower),
              let last = previous.last, last.sentence == m.sentence, last.isLocation, last.tokens.upperBound == i - 1 else { return false }
        return true
    }

    /// "U.S.-Israel", "Israel-Russia", "Russo-Israeli": each part that names a state.
    func hyphenParts(_ s: SentenceSpan, _ tok: Token, _ i: Int, _ tokens: [Token], date: KBDate?) -> [ActorMention]? {
        var out: [ActorMention] = []
        var offset = tok.start
        let words = Self.hyphenSplit(tok.text)
        // "Iranian-backed militias": the compound is another's, related to the actor.
        if words.count == 2, dictionary.hyphenRelations.contains(words[1].lowercased()) { return nil }
        for word in words {
            let len = word.unicodeScalars.count
            if let hits = dictionary.wordHits(word) ?? dictionary.wordHits(word + "."),
               let h = hits.first(where: { dictionary.actors[$0.actor].kind != .person && $0.form != .surname }) {
                let a = dictionary.actors[h.actor]
                out.append(ActorMention(sentence: s.ordinal, tokens: i..<(i + 1), start: offset, end: offset + len, surface: word,
                                        actorKey: a.key, form: mentionForm(h.form), country: a.country, kind: a.kind, isLocation: false, title: nil))
            }
            offset += len + 1
        }
        if out.isEmpty { return nil }
        // "the Israel-Lebanon border": the parts are places.
        if i + 1 < tokens.count, Self.placeNouns.contains(tokens[i + 1].lower) {
            for j in out.indices { out[j].isLocation = true }
        }
        return out
    }

    /// `text.split(separator: "-", omittingEmptySubsequences: false)` as Strings. In ASCII text
    /// every Character but CR LF is one byte, and "-" is not part of CR LF: the bytes are split.
    static func hyphenSplit(_ text: String) -> [String] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            guard UTF8Text.isASCII(b) else { return nil }
            var out: [String] = []
            var from = 0
            for k in 0..<b.count where b[k] == 0x2D {
                out.append(UTF8Text.string(UnsafeBufferPointer(rebasing: b[from..<k])))
                from = k + 1
            }
            out.append(UTF8Text.string(UnsafeBufferPointer(rebasing: b[from..<b.count])))
            return out
        }
        if let ascii, let parts = ascii { return parts }
        return text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if ch == "'" || ch == "’" || ch == "." { continue } else if out.last != "-" { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
