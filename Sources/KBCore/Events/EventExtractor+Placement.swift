/// Where and when an event happened, its mode, and one event told twice.
extension EventExtractor {
    static let boundaries: WordSet = [";", ":", "—", "–", "(", ")", "?", "!"]
    static let prepositions: WordSet = ["of", "on", "in", "to", "for", "with", "about", "against", "from", "toward", "towards", "at", "by",
                                        "between", "over", "into", "under", "regarding", "than", "among", "amid", "across", "near", "vis-à-vis", "like",
                                        "after", "before", "since", "during", "following", "despite", "unlike", "including", "within", "throughout"]

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

    /// Events of a source that agree on type and actors, with the same date, or one of them dated
    /// only by context or publication and told with the same word, are one event told twice.
    static func merge(_ events: [ExtractedEvent]) -> [ExtractedEvent] {
        var out: [ExtractedEvent] = []
        for e in events {
            if let k = out.firstIndex(where: { o in
                // The same act: type, doer and target alike, and the same date (a telling without a date of
                // its own joins one with the same cue, as "the meeting" joins "met").
                o.type == e.type && o.cameo == e.cameo && o.initiator.country == e.initiator.country && o.initiator.key == e.initiator.key
                    && o.target?.country == e.target?.country
                    && (o.date == e.date && o.dateBasis == .text && e.dateBasis == .text
                        || (o.dateBasis != .text || e.dateBasis != .text) && o.cue.lowercased() == e.cue.lowercased())
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
