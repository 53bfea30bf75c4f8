/// Finds stance statements: positions a text attributes to an actor, quoted or reported —
/// "“…,” Vershinin told reporters", "Russia … blamed Israel", "assurances from the Kremlin",
/// "according to Tehran". The holder is the state (or organization) the speaker served that day.
/// The author's own analysis and forecasts are not statements: a cue needs an actor as its
/// subject, and a modal before it ("could", "may", "would") makes it speculation.
public struct StanceExtractor: Sendable {
    public let lexicon: StanceLexicon
    let roles: LegacyRoles
    let dictionary: ActorDictionary

    public init(lexicon: StanceLexicon, roles: LegacyRoles, dictionary: ActorDictionary) {
        self.lexicon = lexicon
        self.roles = roles
        self.dictionary = dictionary
    }

    /// Words that may stand between a subject and its verb: "Russia has also publicly declared".
    static let between: WordSet = ["has", "have", "had", "is", "was", "were", "be", "been", "also", "publicly", "repeatedly", "recently",
                                       "reportedly", "again", "then", "meanwhile", "officially", "formally", "strongly", "previously", "already",
                                       "later", "once", "consistently", "historically", "firmly", "openly", "quickly", "swiftly", "sharply",
                                       "himself", "herself", "itself", "themselves", "did", "does", "do", "would", "had", "back", "further", "explicitly"]
    static let modals: WordSet = ["could", "may", "might", "would", "should", "will", "can", "must", "predict", "predicts", "expect", "expects", "likely"]
    static let assaultWords: WordSet = ["strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids", "incursion",
                                            "incursions", "bombing", "bombings", "bombardment", "operations", "operation", "shelling"]

    public func extract(_ contexts: [SentenceContext], events: [ExtractedEvent], publication: KBDate?) -> [ExtractedStance] {
        let spans = contexts.map(\.span)
        let quotes = QuoteFinder.find(spans)
        var quotesBySentence: [Int: [QuoteSpan]] = [:]
        for q in quotes {
            quotesBySentence[q.firstSentence, default: []].append(q)
            if q.lastSentence != q.firstSentence { quotesBySentence[q.lastSentence, default: []].append(q) }
        }
        var eventsBySentence: [Int: [Int]] = [:]
        for (k, e) in events.enumerated() { for m in e.mentions where eventsBySentence[m.sentence]?.last != k { eventsBySentence[m.sentence, default: []].append(k) } }
        var out: [ExtractedStance] = []
        let paragraphDates = contexts.paragraphDates()
        var previousPeople: [ActorMention] = []   // people named in the sentence before, same paragraph: "He said …"
        for (n, c) in contexts.enumerated() {
            if n > 0 && contexts[n - 1].span.paragraph != c.span.paragraph { previousPeople = [] }
            defer { previousPeople = c.mentions.filter { $0.kind == .person && !$0.isLocation } }
            if c.span.text.hasSuffix("?") { continue }
            let here = quotesBySentence[c.span.ordinal] ?? []
            var found: [ExtractedStance] = []
            var i = 0
            while i < c.tokens.count {
                let tok = c.tokens[i]
                guard tok.kind == .word, !inside(tok, c, quotes: here) else { i += 1; continue }
                // Cue words are lowercase ("states" the verb, not "United States").
                let cues = Self.startsLowercase(tok.text) || (i == 0 && tok.text == "According") ? lexicon.cues(c.tokens, at: i) : []
                if let cue = cues.first, var s = statement(cue, at: i, c, quotes: here, previous: paragraphDates[n], publication: publication, previousPeople: previousPeople) {
                    s.events = linkedEvents(s, events, eventsBySentence)
                    found.append(s)
                    i += cue.words.count
                    continue
                }
                i += 1
            }
            // A quotation alone in its sentence continues the one attributed just before: same speaker.
            if found.isEmpty, let last = out.last, last.sentence == c.span.ordinal - 1, last.quote != nil,
               n > 0, contexts[n - 1].span.paragraph == c.span.paragraph,
               let q = here.first(where: { $0.firstSentence == c.span.ordinal && $0.lastSentence == c.span.ordinal }),
               q.text.unicodeScalars.count * 10 >= c.span.text.unicodeScalars.count * 8 {
                var s = last
                s.quote = q.text
                s.sentence = c.span.ordinal
                let r = tokenRange(q, c)
                s.polarity = polarity(fixed: "content", negated: false, c.tokens, r)
                s.start = q.start - c.span.start
                s.end = q.end - c.span.start
                s.events = linkedEvents(s, events, eventsBySentence)
                if let (key, label) = topic(c, r) { s.topicKey = key; s.topicLabel = label }
                found.append(s)
            }
            // One statement per holder and sentence: the quoted one, else the first.
            var kept: [ExtractedStance] = []
            for s in found {
                if let k = kept.firstIndex(where: { $0.holder.country == s.holder.country && $0.holder.key == s.holder.key }) {
                    if kept[k].quote == nil && s.quote != nil { kept[k] = s }
                } else { kept.append(s) }
            }
            out += kept
        }
        return out
    }

    func inside(_ t: Token, _ c: SentenceContext, quotes: [QuoteSpan]) -> Bool {
        let g = c.span.start + t.start
        return quotes.contains { g >= $0.start && g < $0.end }
    }

    func tokenRange(_ q: QuoteSpan, _ c: SentenceContext) -> Range<Int> {
        let lo = c.tokens.firstIndex { c.span.start + $0.end > q.start } ?? 0
        let hi = c.tokens.lastIndex { c.span.start + $0.start < q.end }.map { $0 + 1 } ?? c.tokens.count
        return lo..<max(lo, hi)
    }

    // MARK: - One statement

    func statement(_ cue: StanceLexicon.Cue, at i: Int, _ c: SentenceContext, quotes: [QuoteSpan], previous: SentenceContext?, publication: KBDate?,
                   previousPeople: [ActorMention] = []) -> ExtractedStance? {
        let t = c.tokens
        let r = i..<(i + cue.words.count)
        let start = roles.clauseStart(i, t)
        // Speculation: a modal before the cue in its segment.
        var seg = i
        while seg > start && i - seg < 5 && t[seg - 1].text != "," { seg -= 1 }
        if t[seg..<i].contains(where: { Self.modals.contains($0.lower) }) { return nil }
        let negated = t[max(start, i - 3)..<i].contains { StanceLexicon.isNegation($0.lower) }

        var who: ActorMention?
        var quote: QuoteSpan?
        switch cue.kind {
        case .according:
            who = c.mentions.first { $0.tokens.lowerBound >= r.upperBound && $0.tokens.lowerBound <= r.upperBound + 4 && roles.canActAfterPreposition($0, c) }
        case .nounFrom:
            guard let from = t[r.upperBound..<min(t.count, r.upperBound + 3)].firstIndex(where: { $0.lower == "from" }) else { return nil }
            who = c.mentions.first { $0.tokens.lowerBound > from && $0.tokens.lowerBound <= from + 3 && !$0.isLocation }
        case .verb:
            // "“…,” X said" / "“…,” said X": the speaker stands by the closing quotation mark.
            if let q = quotes.first(where: { $0.end <= c.span.start + t[i].start && c.span.start + t[i].start - $0.end <= 90 }) {
                let qEnd = q.end - c.span.start
                let between = c.mentions.filter { $0.start >= qEnd && $0.tokens.upperBound <= i && !$0.isLocation }
                who = between.last(where: { $0.kind == .person }) ?? between.last
                if who == nil { who = c.mentions.first { $0.tokens.lowerBound >= r.upperBound && $0.tokens.lowerBound <= r.upperBound + 5 && !$0.isLocation } }
                if who != nil { quote = q }
            }
            if who == nil { who = subject(before: i, c, previousPeople: previousPeople) }
            if quote == nil {
                // "stated that relations “have never been better”": a quotation after the cue, in the same sentence.
                quote = quotes.first { $0.start >= c.span.start + t[r.upperBound - 1].end && $0.firstSentence == c.span.ordinal }
            }
        }
        guard let holderMention = who, !holderMention.isLocation || cue.kind == .according else { return nil }

        // The words that carry the position: the quotation, else the rest of the clause.
        var scope: Range<Int>
        if let q = quote, q.end <= c.span.start + t[i].start {
            // "“…,” X said": the quotation carries the position.
            scope = tokenRange(q, c)
            if scope.isEmpty { scope = r.upperBound..<t.count }
        } else if quote != nil {
            // "X stated that relations “have never been better”": the words after the cue, quotation included.
            scope = r.upperBound..<t.count
        } else {
            var e = r.upperBound
            while e < t.count && !(t[e].kind == .punct && [";", ":", "—", "–"].contains(t[e].text)) { e += 1 }
            scope = r.upperBound..<e
        }
        let (holder, speaker) = holderAndSpeaker(holderMention, c, date: nil)
        let target = c.mentions.first { m in
            scope.contains(m.tokens.lowerBound) && !m.isLocation && m.country != holder.country && m.actorKey != holderMention.actorKey
        }.map(roles.participant)
        var topicKey: String?, topicLabel: String?
        if let (k, l) = topic(c, scope) { topicKey = k; topicLabel = l }
        else if let tg = target { topicKey = "actor:" + tg.key; topicLabel = tg.name }

        // Dates said outside the quotation.
        var dateContext = c
        if let q = quote { dateContext.dates = c.dates.filter { e in !(c.span.start + e.range.lowerBound >= q.start && c.span.start + e.range.lowerBound < q.end) } }
        let (date, basis, phrase, approx) = roles.dateFor(r, dateContext, previous: previous, publication: publication)
        let (h2, s2) = holderAndSpeaker(holderMention, c, date: date)
        return ExtractedStance(holder: h2.key.isEmpty ? holder : h2, speaker: s2 ?? speaker,
                               polarity: polarity(fixed: cue.polarity, negated: negated, t, scope),
                               topicKey: topicKey, topicLabel: topicLabel, target: target, date: date, dateBasis: basis,
                               datePhrase: phrase, dateApproximate: approx, quote: quote?.text, act: cue.act, cue: c.text(r),
                               negated: negated, sentence: c.span.ordinal, start: t[r.lowerBound].start, end: t[r.upperBound - 1].end)
    }

    /// The holder is the state (or organization) the speaker served on the date; the speaker is the person.
    func holderAndSpeaker(_ m: ActorMention, _ c: SentenceContext, date: KBDate?) -> (Participant, Participant?) {
        if m.kind == .person {
            let speaker = roles.participant(m)
            let key = m.actorKey
            var country = m.country
            var orgKey: String?
            if let idx = dictionary.keyIndex[key] {
                let held = dictionary.roles(of: key, on: date ?? KBDate(year: 0))
                if let role = held.first(where: { $0.country != nil }) { country = role.country }
                else if let org = held.first(where: { $0.organization != nil })?.organization { orgKey = org }
                else if date == nil { country = dictionary.country(of: idx, on: nil) ?? country }
            }
            if let o = orgKey, let org = dictionary.actor(key: o) {
                return (Participant(key: org.key, name: org.name, country: org.country, surface: m.surface), speaker)
            }
            if let cc = country, let state = dictionary.actor(key: "state:" + cc) {
                return (Participant(key: state.key, name: state.name, country: cc, surface: m.surface), speaker)
            }
            return (Participant(key: "", name: speaker.name, country: country, surface: m.surface), speaker)
        }
        // "the Russian Foreign Office spokeswoman": a person found by title right after the state's adjective.
        let titled = c.mentions.first { $0.form == .title && $0.tokens.lowerBound >= m.tokens.upperBound && $0.tokens.lowerBound <= m.tokens.upperBound + 1 }
        return (roles.participant(m), titled.map(roles.participant))
    }

    /// The subject of the cue at i: the actor just before it (over auxiliaries, adverbs and
    /// appositives), the antecedent of "which"/"who", a pronoun's referent, or — after "and" or a
    /// participle's comma — the clause's subject.
    func subject(before i: Int, _ c: SentenceContext, previousPeople: [ActorMention] = []) -> ActorMention? {
        let t = c.tokens
        var k = i - 1
        var commas = 0
        while k >= 0 {
            let w = t[k].lower
            if let m = c.mention(at: k) {
                if m.isLocation { return nil }
                // "Russia’s noted efforts": a possessive owns a noun; it is not the verb's subject.
                if m.tokens.upperBound < t.count && t[m.tokens.upperBound].kind == .possessive && m.tokens.upperBound >= i - 1 { return nil }
                return m
            }
            if Self.between.contains(w) || t[k].kind == .possessive || StanceLexicon.isNegation(w) { k -= 1; continue }
            if w == "," {
                // Skip an appositive: ", one of Israel's most astute military observers,".
                commas += 1
                if commas > 2 { return nil }
                if let prevComma = t[..<k].lastIndex(where: { $0.text == "," }), k - prevComma <= 12, t[prevComma + 1].lower != "which", t[prevComma + 1].lower != "who" {
                    // Participle after the main clause: "Netanyahu spoke with Putin …, conveying".
                    if t[k + 1].lower.hasSuffix("ing") { return mainSubject(before: k, c) }
                    k = prevComma - 1
                    continue
                }
                if t[k + 1].lower.hasSuffix("ing") { return mainSubject(before: k, c) }
                k -= 1
                continue
            }
            if w == "which" || w == "who" {
                var a = k - 1
                if a >= 0 && t[a].lower == "and", let firstRel = t[..<a].lastIndex(where: { $0.lower == "which" || $0.lower == "who" }) { a = firstRel - 1 }
                while a >= 0 && (t[a].text == "," || t[a].lower == "itself" || t[a].lower == "himself" || t[a].lower == "herself") { a -= 1 }
                if a >= 0, let m = c.mention(at: a), !m.isLocation { return m }
                return nil
            }
            if w == "and" { return mainSubject(before: k, c) }
            if w == "he" || w == "she" {
                // The last person named before it — in this sentence, else in the one before — of a fitting gender.
                let gender = w == "he" ? "m" : "f"
                let fits = { (m: ActorMention) in self.dictionary.actor(key: m.actorKey)?.gender.map { $0 == gender } ?? true }
                return c.mentions.last { $0.kind == .person && $0.tokens.upperBound <= k && fits($0) } ?? previousPeople.last(where: fits)
            }
            // A body noun: "The Russian government", "Israel's government", "the Russian Foreign Office spokeswoman".
            var b = k
            while b >= 0 && k - b < 5 {
                if let m = c.mention(at: b), !m.isLocation {
                    let hasBody = (m.tokens.upperBound...k).contains { roles.cues.bodyLength(t, at: $0) != nil }
                    return hasBody ? m : nil
                }
                if t[b].kind == .punct && t[b].kind != .possessive { return nil }
                b -= 1
            }
            return nil
        }
        return nil
    }

    /// The clause's subject: the first actor in it that can act, before position k.
    func mainSubject(before k: Int, _ c: SentenceContext) -> ActorMention? {
        let start = roles.clauseStart(k, c.tokens)
        // Prefer an actor followed by a verb-like word ("Netanyahu spoke", "Russia initiated").
        let candidates = c.mentions.filter { $0.tokens.upperBound <= k && $0.tokens.lowerBound >= start && roles.canAct($0, c) }
        if let m = candidates.first(where: { m in
            let e = m.tokens.upperBound
            guard e < c.tokens.count else { return false }
            let next = c.tokens[e]
            return next.kind == .word && Self.startsLowercase(next.text) && !LegacyRoles.prepositions.contains(next.lower) && next.lower != "and"
        }) { return m }
        return candidates.first
    }

    /// `text.first?.isLowercase == true`, without grapheme segmentation when the text starts with
    /// an ASCII character that is a Character of its own.
    static func startsLowercase(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        if let b0 = bytes.next(), b0 < 0x80 {
            let b1 = bytes.next()
            if b1 == nil || b1! < 0x80 { return b0 >= 0x61 && b0 <= 0x7A }
        }
        return text.first?.isLowercase == true
    }

    func polarity(fixed: String, negated: Bool, _ t: [Token], _ scope: Range<Int>) -> String {
        if fixed != "content" {
            return negated ? "neutral" : fixed
        }
        let (sup, opp) = lexicon.score(t, scope)
        if sup > opp { return negated ? "oppose" : "support" }
        if opp > sup { return negated ? "neutral" : "oppose" }
        return sup > 0 ? "mixed" : "neutral"
    }

    /// What the statement is about: a class of attacks with its doer ("Israeli strikes"), or a
    /// concept of the topic dictionary.
    func topic(_ c: SentenceContext, _ scope: Range<Int>) -> (String, String)? {
        let t = c.tokens
        for k in scope where Self.assaultWords.contains(t[k].lower) {
            var p = k - 1
            while p >= scope.lowerBound && p >= k - 3 {
                if let m = c.mention(at: p), let cc = m.country, m.kind == .state || m.form == .adjective {
                    let adjective = dictionary.adjective(of: cc) ?? dictionary.actor(key: "state:" + cc)?.name ?? cc
                    return ("strikes:" + cc, adjective + " strikes")
                }
                p -= 1
            }
        }
        let words = t[scope].map(\.lower)
        let actors = Set(c.mentions.filter { scope.contains($0.tokens.lowerBound) }.compactMap(\.country))
        func has(_ phrase: [String]) -> Bool {
            guard let first = phrase.first else { return false }
            for (k, w) in words.enumerated() where w == first && k + phrase.count <= words.count {
                if words[k..<(k + phrase.count)].elementsEqual(phrase) { return true }
            }
            return false
        }
        for topic in lexicon.topics {
            guard topic.words.contains(where: has), topic.actors.allSatisfy(actors.contains) else { continue }
            if !topic.also.isEmpty && !topic.also.contains(where: has) { continue }
            return (topic.key, topic.label)
        }
        return nil
    }

    /// Events of the source named in the statement's sentence or the ones next to it, and fitting its topic.
    func linkedEvents(_ s: ExtractedStance, _ events: [ExtractedEvent], _ bySentence: [Int: [Int]]) -> [Int] {
        var out: [Int] = []
        let near = Set((s.sentence - 1...s.sentence + 1).flatMap { bySentence[$0] ?? [] }).sorted()
        for k in near {
            let e = events[k]
            if let key = s.topicKey, key.hasPrefix("strikes:"), e.type == .ASSAULT, e.initiator.country == String(key.dropFirst(8)) { out.append(k); continue }
            if let tg = s.target, tg.country != nil, e.initiator.country == tg.country || e.target?.country == tg.country,
               bySentence[s.sentence]?.contains(k) == true { out.append(k) }
        }
        return out
    }
}
