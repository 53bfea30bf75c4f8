/// The token-window roles the stance extractor still uses until it reads the parse (#18); to be removed.
/// Codes events: a cue word (Dictionaries/events/cues.tsv) with an identifiable doer, not
/// hypothetical, negated, habitual or merely referred back to; dated by the nearest date in its
/// sentence, else its paragraph's, else the publication date (marked). The same event told twice
/// in a source becomes one event with two mentions.
public struct LegacyRoles: Sendable {
    public let cues: EventCues
    let dictionary: ActorDictionary
    let places: Gazetteer

    public init(cues: EventCues, dictionary: ActorDictionary, places: Gazetteer) {
        self.cues = cues
        self.dictionary = dictionary
        self.places = places
    }

    static let boundaries: WordSet = [";", ":", "—", "–", "(", ")", "?", "!"]
    static let prepositions: WordSet = ["of", "on", "in", "to", "for", "with", "about", "against", "from", "toward", "towards", "at", "by",
                                            "between", "over", "into", "under", "regarding", "than", "among", "amid", "across", "near", "vis-à-vis", "like",
                                            "after", "before", "since", "during", "following", "despite", "unlike", "including", "within", "throughout"]
    static let determiners: WordSet = ["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those", "such", "any", "every", "each"]
    /// Words opening a sentence-initial adverbial clause whose doer is the main clause's subject.
    static let subordinators: WordSet = ["after", "before", "following", "upon", "while", "when", "during", "since", "by", "on"]
    static let passiveAux: WordSet = ["was", "were", "been", "being", "is", "are", "be"]
    static let lightVerbs: WordSet = ["carried", "carry", "carries", "carrying", "conducted", "conduct", "conducts", "conducting", "launched", "launch",
                                          "launches", "launching", "made", "make", "making", "staged", "stage", "held", "hold", "holding", "sent", "send",
                                          "imposed", "impose", "imposing", "established", "establish", "set", "signed", "reached", "began", "begun", "mounted",
                                          "extended", "issued", "paid", "pay", "paying"]
    static let targetPrepositions: WordSet = ["of", "against", "on", "into", "to", "with", "toward", "towards", "upon"]

    public func extract(_ contexts: [SentenceContext], publication: KBDate?) -> [ExtractedEvent] {
        var events: [ExtractedEvent] = []
        let paragraphDates = contexts.paragraphDates()
        for (n, c) in contexts.enumerated() {
            if c.span.text.hasSuffix("?") { continue }
            var used = Set<Int>()
            var i = 0
            while i < c.tokens.count {
                guard c.tokens[i].kind == .word, !used.contains(i) else { i += 1; continue }
                let found = cues.cues(c.tokens, at: i)
                guard !found.isEmpty else { i += 1; continue }
                if let event = code(found, at: i, in: c, previous: paragraphDates[n], publication: publication, used: &used) {
                    events.append(event)
                }
                i += 1
            }
        }
        return Self.merge(events)
    }

    /// Tries the cues found at token i; the first that yields an event wins.
    func code(_ found: [EventCues.Cue], at i: Int, in c: SentenceContext, previous: SentenceContext?, publication: KBDate?, used: inout Set<Int>) -> ExtractedEvent? {
        let t = c.tokens
        let prev = i > 0 ? t[i - 1].lower : ""
        // A determiner, possessive or actor right before makes the word a noun ("a meeting", "Israel's strike").
        // After a determiner or possessive the word is a noun ("a meeting", "Israel's strike"); after an actor's name it is
        // a noun only if it has a noun reading ("Israeli strikes"), else a verb ("Russia deployed").
        let hasNounReading = found.contains { $0.part == .noun }
        let nounContext = Self.determiners.contains(prev) || (i > 0 && t[i - 1].kind == .possessive)
            || c.mention(at: i - 1).map { $0.form == .adjective && !t[i - 1].text.hasSuffix("s") } == true   // "Iranian targets"
            || (hasNounReading && c.mention(at: i - 1).map { $0.tokens.upperBound == i && i + 1 < t.count && Self.prepositions.contains(t[i + 1].lower) } == true)
            || cues.has("plan", prev) || prev == "new" || prev == "formal" || prev == "short"
        let ordered = found.sorted { a, b in
            if a.words.count != b.words.count { return a.words.count > b.words.count }
            return (a.part == .noun) == nounContext && (b.part == .noun) != nounContext
        }
        for cue in ordered {
            if nounContext && cue.part == .verb && cue.words.count == 1 { continue }  // "a meeting", "the pressures": a noun here
            let range = i..<(i + cue.words.count)
            if range.contains(where: { c.mention(at: $0) != nil }) { continue }  // "Operation Northern Shield" etc. are names
            if isFiltered(cue, range, c) { continue }
            var predicated = cue.part == .verb
            guard let roles = cue.part == .verb ? verbRoles(range, c) : nounRoles(range, c, predicated: &predicated) else { continue }
            for k in range { used.insert(k) }
            // A nominal reference ("Russia's invasion") names an act the text may not date: no publication stand-in.
            // A noun the sentence predicates ("carried out a strike", "agreed in a telephone call") reports it, like a verb.
            let (date, basis, phrase, approx) = dateFor(range, c, previous: previous, publication: predicated ? publication : nil)
            let place = location(range, c)
            // "spoke with Putin over the phone": a consultation by telephone (CAMEO 041), not a meeting.
            var cameo = cue.cameo
            if cue.type == .CONSULT, cameo == "040",
               c.tokens[range.upperBound..<min(c.tokens.count, range.upperBound + 8)].contains(where: { ["phone", "telephone", "videoconference"].contains($0.lower) }) {
                cameo = "041"
            }
            return ExtractedEvent(type: cue.type, cameo: cameo, initiator: roles.0, target: roles.1, date: date, dateBasis: basis,
                                  datePhrase: phrase, dateApproximate: approx, location: place?.0, locationCountry: place?.1, mode: cue.mode ?? mode(c),
                                  cue: c.text(range), mentions: [(c.span.ordinal, t[range.lowerBound].start, t[range.upperBound - 1].end)])
        }
        return nil
    }

    // MARK: - Filters

    /// Start of the cue's clause: after the last boundary before it.
    func clauseStart(_ i: Int, _ t: [Token]) -> Int {
        var k = i - 1
        while k >= 0 {
            if t[k].kind == .punct && Self.boundaries.contains(t[k].text) { return k + 1 }
            k -= 1
        }
        return 0
    }

    func isFiltered(_ cue: EventCues.Cue, _ r: Range<Int>, _ c: SentenceContext) -> Bool {
        let t = c.tokens
        let i = r.lowerBound
        let start = clauseStart(i, t)
        let clause = t[start..<i].map(\.lower)
        // The cue's own segment: the few words before it, not across a comma.
        var segStart = i
        while segStart > start && i - segStart < 6 && t[segStart - 1].text != "," { segStart -= 1 }
        let before = t[segStart..<i].map(\.lower)
        // Hypothetical or future, unless reported as announced ("announced that America would withdraw").
        if let m = before.lastIndex(where: { cues.has("modal", $0) }) {
            let reported = clause.contains { cues.has("report", $0) } && ["would", "will"].contains(before[m])
            if !reported { return true }
        }
        // Hearsay: "many reports are claiming that …", "is alleged to have …".
        if clause.contains(where: { cues.has("hedge", $0) }) { return true }
        if before.first == "if" || t.first?.lower == "if" && !t[..<i].contains(where: { $0.text == "," }) { return true }
        if before.suffix(3).contains(where: { cues.has("negation", $0) || $0.hasSuffix("n't") }) { return true }
        if clause.contains(where: { $0 == "refrained" || $0 == "refusing" || $0 == "refused" || $0 == "declined" }) { return true }
        if clause.suffix(8).contains(where: { cues.has("habit", $0) }) { return true }
        if cue.part == .verb {
            // An infinitive ("the ability to strike", "agreed to meet") states a purpose or plan.
            if i > 0, t[i - 1].lower == "to", !(cue.words.first == "to") { return true }
        } else {
            let near = before.suffix(3)
            if near.contains(where: { cues.has("plan", $0) }) { return true }
            // "those strikes", "such Israeli attacks": an act already told, pointed back to.
            if let d = near.last(where: { Self.determiners.contains($0) }), cues.has("anaphora", d) { return true }
            // "The two countries also established …": no single doer; "no agreement": negated.
            if near.last == "no" { return true }
        }
        return false
    }

    // MARK: - Roles

    func participant(_ m: ActorMention) -> Participant {
        let name = dictionary.actor(key: m.actorKey)?.name ?? m.surface
        return Participant(key: m.actorKey, name: name, country: m.country, surface: m.surface)
    }

    /// Whether a mention can be a doer: not a place, not inside a prepositional phrase, and an
    /// adjective only when a body noun follows ("Israeli forces") or as a plural ("the Russians").
    func canAct(_ m: ActorMention, _ c: SentenceContext) -> Bool {
        if m.isLocation { return false }
        let t = c.tokens
        let s = m.tokens.lowerBound
        var p = s - 1
        while p >= 0 && (t[p].lower == "the" || t[p].lower == "former" || t[p].lower == "then") { p -= 1 }
        if p >= 0 && Self.prepositions.contains(t[p].lower) { return false }
        // "Moscow’s 2022 invasion …": a possessive names whose thing follows, not who does the verb —
        // unless the thing is a body that acts ("Israel’s government has vowed").
        if m.tokens.upperBound < t.count && t[m.tokens.upperBound].kind == .possessive {
            return cues.bodyLength(t, at: m.tokens.upperBound + 1) != nil
        }
        if m.form == .adjective {
            let e = m.tokens.upperBound
            if t[s].text.hasSuffix("s") && !t[s].text.hasSuffix("ss") { return true }  // "the Russians", "Israelis"
            var k = e
            while k < t.count && k < e + 3 && t[k].kind == .word && cues.bodyLength(t, at: k) == nil && t[k].lower != "and" { k += 1 }
            return k < t.count && cues.bodyLength(t, at: k) != nil
        }
        return true
    }

    /// After "according to": an actor (an adjective only before a body noun).
    func canActAfterPreposition(_ m: ActorMention, _ c: SentenceContext) -> Bool {
        if m.isLocation && m.form != .seat { return false }   // "according to Tehran": the seat speaks
        if m.form == .adjective {
            let e = m.tokens.upperBound
            return e < c.tokens.count && cues.bodyLength(c.tokens, at: e) != nil
        }
        return true
    }

    /// The doer of a verb: the nearest actor before it in its clause (or after "by" in the
    /// passive), else the subject of the main clause after it ("After meeting X, Netanyahu …").
    func verbRoles(_ r: Range<Int>, _ c: SentenceContext) -> (Participant, Participant?)? {
        let t = c.tokens
        let i = r.lowerBound
        let start = clauseStart(i, t)
        let passive = t[max(start, i - 3)..<i].contains { Self.passiveAux.contains($0.lower) }
        if passive, let by = byAgent(after: r.upperBound, c) {
            let patient = c.mentions.last { $0.tokens.upperBound <= i && $0.tokens.lowerBound >= start && !$0.isLocation }
            return (participant(by), patient.map(participant))
        }
        var subject = c.mentions.last { $0.tokens.upperBound <= i && $0.tokens.lowerBound >= start && canAct($0, c) }
        if subject == nil, t[i].lower.hasSuffix("ing"), let first = t.first?.lower, Self.subordinators.contains(first) {
            // "After meeting with X in Israel on Tuesday, Netanyahu spoke …": the main clause's subject.
            if let comma = t[r.upperBound...].firstIndex(where: { $0.text == "," }) {
                subject = c.mentions.first { $0.tokens.lowerBound > comma && canAct($0, c) }
            }
        }
        guard let doer = subject else { return nil }
        let target = targetAfter(r.upperBound, c, excluding: doer)
        return (participant(doer), target.map(participant))
    }

    /// The doer of a noun: "by X", "between A and B", "Israel's …", "Russian …", or the subject of a
    /// light verb ("Israel had carried out a new strike").
    func nounRoles(_ r: Range<Int>, _ c: SentenceContext, predicated: inout Bool) -> (Participant, Participant?)? {
        let t = c.tokens
        let i = r.lowerBound
        if let by = byAgent(after: r.upperBound, c) {
            let target = targetAfter(r.upperBound, c, excluding: by)
            return (participant(by), target.map(participant))
        }
        // "a meeting between A and B"
        var k = r.upperBound
        while k < t.count && k < r.upperBound + 3 && t[k].lower != "between" && t[k].kind == .word && c.mention(at: k) == nil { k += 1 }
        if k < t.count && t[k].lower == "between" {
            // The parties follow "between" directly: "between Putin and Prime Minister Netanyahu", not "between them, including …".
            let after = c.mentions.filter { $0.tokens.lowerBound > k && !$0.isLocation }
            if after.count >= 2, after[0].tokens.lowerBound <= k + 2, after[1].tokens.lowerBound <= after[0].tokens.upperBound + 6 {
                return (participant(after[0]), participant(after[1]))
            }
        }
        // Possessive or attributive actor right before: "Israel’s Jan. 21 incursion", "the Russian seizure", "U.S. sanctions".
        var p = i - 1
        var gap = 0
        while p >= 0 && gap <= 4 {
            if let m = c.mention(at: p) {
                if m.isLocation { break }
                let possessive = m.tokens.upperBound < t.count && t[m.tokens.upperBound].kind == .possessive
                let adjacent = m.tokens.upperBound == i
                if possessive || adjacent {
                    let target = targetAfter(r.upperBound, c, excluding: m)
                    return (participant(m), target.map(participant))
                }
                break
            }
            if t[p].kind == .punct && t[p].text != "." && t[p].text != "-" && t[p].text != "," { break }
            if [ "and", "or", "but", "that", "which", "who", "of", "in", "on", "to", "with"].contains(t[p].lower) { break }
            p -= 1
            gap += 1
        }
        // A light verb before the noun: "carried out a new strike", "making multiple trips".
        let start = clauseStart(i, t)
        if let lv = t[start..<i].lastIndex(where: { Self.lightVerbs.contains($0.lower) }), i - lv <= 6,
           !t[(lv + 1)..<i].contains(where: { Self.prepositions.contains($0.lower) || $0.kind == .punct && $0.text != "," && $0.text != "-" }) {
            predicated = true
            return verbRoles(lv..<(lv + 1), c)
        }
        // A call or visit in which the clause's subject took part: "Putin and Netanyahu agreed in a telephone call".
        if i >= 2, ["a", "an"].contains(t[i - 1].lower), ["in", "during", "by", "over"].contains(t[i - 2].lower) {
            let subject = c.mentions.last { $0.tokens.upperBound <= i - 2 && $0.tokens.lowerBound >= start && canAct($0, c) }
            if let s = subject {
                predicated = true
                let other = c.mentions.last { $0.tokens.upperBound <= s.tokens.lowerBound && $0.tokens.lowerBound >= start && canAct($0, c) && $0.actorKey != s.actorKey }
                return (participant(other ?? s), other.map { _ in participant(s) })
            }
        }
        return nil
    }

    /// The actor after "by" following a cue, within a few words.
    func byAgent(after e: Int, _ c: SentenceContext) -> ActorMention? {
        let t = c.tokens
        var k = e
        while k < t.count && k < e + 8 {
            if t[k].kind == .punct && Self.boundaries.contains(t[k].text) { return nil }
            // "The meeting was canceled by Trump": that "by" belongs to another verb's passive, not to the noun.
            if Self.passiveAux.contains(t[k].lower) || t[k].lower == "has" || t[k].lower == "had" { return nil }
            if t[k].lower == "by" {
                return c.mentions.first { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 4 && !$0.isLocation }
            }
            k += 1
        }
        return nil
    }

    /// The first actor acted upon after the cue, in its clause.
    func targetAfter(_ e: Int, _ c: SentenceContext, excluding doer: ActorMention) -> ActorMention? {
        let t = c.tokens
        var end = e
        while end < t.count && !(t[end].kind == .punct && (Self.boundaries.contains(t[end].text) || t[end].text == ",")) { end += 1 }
        return c.mentions.first { m in
            m.tokens.lowerBound >= e && m.tokens.lowerBound < end && m.actorKey != doer.actorKey
                && (!m.isLocation || m.kind == .state)
        }
    }

    // MARK: - Date, place, mode

    func dateFor(_ r: Range<Int>, _ c: SentenceContext, previous: SentenceContext?, publication: KBDate?) -> (KBDate?, DateBasis?, String?, Bool) {
        let cueStart = c.tokens[r.lowerBound].start
        let cueEnd = c.tokens[r.upperBound - 1].end
        let usable = c.dates.filter { !$0.future }
        // Prefer a date in the cue's own comma-delimited segment: in "After meeting X on Tuesday, Netanyahu spoke with
        // Putin on Wednesday", Tuesday belongs to the meeting.
        let commas = c.tokens.filter { $0.text == "," }.map(\.start)
        func crossesComma(_ e: TemporalExpression) -> Bool {
            let lo = min(e.range.lowerBound, cueStart), hi = max(e.range.upperBound, cueEnd)
            return commas.contains { $0 >= lo && $0 < hi }
        }
        if let best = usable.min(by: { a, b in
            (crossesComma(a) ? 1 : 0, distance(a, cueStart, cueEnd)) < (crossesComma(b) ? 1 : 0, distance(b, cueStart, cueEnd))
        }) {
            return (best.date, .text, best.phrase, best.approximate)
        }
        if let p = previous, let d = p.dates.last(where: { !$0.future && $0.kind != .anchored }) {
            return (d.date, .context, d.phrase, d.approximate)
        }
        if let pub = publication { return (pub, .publication, nil, false) }
        return (nil, nil, nil, false)
    }

    func distance(_ e: TemporalExpression, _ s: Int, _ end: Int) -> Int {
        e.range.upperBound <= s ? s - e.range.upperBound : e.range.lowerBound >= end ? e.range.lowerBound - end : 0
    }

    /// "50 kilometers east of Damascus", "in Quneitra", "into Syria": the place named after the cue.
    func location(_ r: Range<Int>, _ c: SentenceContext) -> (String, String?)? {
        let t = c.tokens
        var end = r.upperBound
        while end < t.count && !(t[end].kind == .punct && (Self.boundaries.contains(t[end].text) || t[end].text == ",")) { end += 1 }
        if let m = c.mentions.first(where: { $0.isLocation && $0.tokens.lowerBound >= r.upperBound && $0.tokens.lowerBound < end }) {
            // Reach back over "50 kilometers east of" / "near the".
            var s = m.tokens.lowerBound
            while s > r.upperBound, s > m.tokens.lowerBound - 5, !(t[s - 1].kind == .punct), !["in", "into", "near", "at", "inside", "outside"].contains(t[s - 1].lower),
                  !Self.prepositions.contains(t[s - 1].lower) || t[s - 1].lower == "of" { s -= 1 }
            if s < m.tokens.lowerBound, let firstNumber = t[s..<m.tokens.lowerBound].firstIndex(where: { $0.kind == .number }) { s = firstNumber }
            else { s = m.tokens.lowerBound }
            return (c.text(s..<m.tokens.upperBound), m.country)
        }
        // A capitalized place the dictionary does not know: "in Quneitra", "near the Kerch Strait".
        var k = r.upperBound
        while k < end {
            if ["in", "near", "at", "outside", "inside"].contains(t[k].lower) {
                var s = k + 1
                if s < end && t[s].lower == "the" { s += 1 }
                var e = s
                while e < end && t[e].kind == .word && t[e].isCapitalized && c.mention(at: e) == nil
                        && !c.dates.contains(where: { $0.range.contains(t[e].start) }) { e += 1 }
                if e > s {
                    let name = c.text(s..<e)
                    return (name, places.country(of: name))
                }
            }
            k += 1
        }
        return nil
    }

    /// Words that make an act aerial, naval, cyber or on the ground, in that order of precedence.
    static let modes: [(String, WordSet)] = [
        ("aerial", ["air", "aerial", "jets", "warplanes", "airstrike", "airstrikes", "drone", "drones", "helicopter", "helicopters"]),
        ("naval", ["ships", "ship", "naval", "navy", "vessel", "vessels", "warship", "warships"]),
        ("cyber", ["cyber", "cyberattack", "hackers", "hacking"]),
        ("ground", ["troops", "ground", "tanks", "infantry", "soldiers"]),
    ]

    func mode(_ c: SentenceContext) -> String? {
        Self.modes.first { _, words in c.tokens.contains { words.contains($0.lower) } }?.0
    }

    // MARK: - One event, several mentions

    /// Events of a source that agree on type and actors, with the same date or one of them dated
    /// only by context or publication, are one event told twice.
    static func merge(_ events: [ExtractedEvent]) -> [ExtractedEvent] {
        var out: [ExtractedEvent] = []
        for e in events {
            if let k = out.firstIndex(where: { o in
                o.type == e.type && o.cameo == e.cameo && o.initiator.country == e.initiator.country && o.initiator.key == e.initiator.key
                    && (o.target?.country == e.target?.country || o.target == nil || e.target == nil)
                    && (o.date == e.date || o.dateBasis != .text || e.dateBasis != .text)
            }) {
                var o = out[k]
                if o.dateBasis != .text && e.dateBasis == .text {
                    // The telling that dates the event becomes its evidence.
                    o.date = e.date; o.dateBasis = e.dateBasis; o.datePhrase = e.datePhrase; o.dateApproximate = e.dateApproximate
                    o.cue = e.cue
                    o.mentions = e.mentions + o.mentions
                } else {
                    o.mentions += e.mentions
                }
                if o.target == nil { o.target = e.target }
                if o.location == nil { o.location = e.location; o.locationCountry = e.locationCountry }
                out[k] = o
            } else {
                out.append(e)
            }
        }
        return out
    }
}
