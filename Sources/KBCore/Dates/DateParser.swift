/// Left-to-right matcher over the tokens of one sentence. At each token every pattern that can start
/// there is tried and the longest match wins; matching resumes after it, so results are in text order
/// and never overlap. Anchored expressions count from the latest earlier result (or the context date).
struct DateParser {
    let text: UTF8Scalars
    let t: [DateToken]
    let pub: KBDate?
    let context: KBDate?
    var out: [TemporalExpression] = []

    struct Match {
        /// Token index just past the match.
        var end: Int
        var date: KBDate
        var kind: TemporalExpression.Kind
        var approximate = false
        var future = false
    }

    init(text: UTF8Scalars, tokens: [DateToken], publication: KBDate?, context: KBDate?) {
        self.text = text
        self.t = tokens
        self.pub = publication
        self.context = context
    }

    var n: Int { t.count }

    mutating func run() -> [TemporalExpression] {
        var i = 0
        while i < n {
            if let m = best(at: i) {
                emit(m, from: i)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    func best(at i: Int) -> Match? {
        let k = t[i]
        guard k.kind == .number || k.lex != nil else { return nil }
        var b = prefixed(at: i, allowSince: true)
        if let m = explicit(at: i), m.end > (b?.end ?? i) { b = m }
        if let m = relative(at: i), m.end > (b?.end ?? i) { b = m }
        if let m = anchored(at: i), m.end > (b?.end ?? i) { b = m }
        return b
    }

    /// Explicit or relative expression starting at `i` (what a modifier such as "mid-" or "since" may wrap).
    func core(at i: Int) -> Match? {
        guard i < n else { return nil }
        let e = explicit(at: i), r = relative(at: i)
        if let e, let r { return r.end > e.end ? r : e }
        return e ?? r
    }

    private mutating func emit(_ m: Match, from i: Int) {
        let last = t[m.end - 1]
        let phrase = text.string(t[i].lo..<last.hi)
        var future = m.future
        if let p = pub, m.date.isAfter(p) { future = true }
        out.append(TemporalExpression(range: t[i].start..<last.end, phrase: phrase, date: m.date,
                                      kind: m.kind, approximate: m.approximate, future: future))
    }

    // MARK: token helpers

    func word(_ i: Int) -> DateWord? { i >= 0 && i < n ? t[i].word : nil }
    func lex(_ i: Int) -> DateLex? { i >= 0 && i < n ? t[i].lex : nil }
    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool { i >= 0 && i < n && t[i].isPunct(c) }

    /// Index after an optional abbreviation period glued to token `i - 1`.
    func skipPeriod(_ i: Int) -> Int {
        i < n && t[i].isPunct(".") && !t[i].spaceBefore ? i + 1 : i
    }

    /// Sentence end or punctuation other than an apostrophe or hyphen follows at `i`.
    func boundary(at i: Int) -> Bool {
        guard i < n else { return true }
        let k = t[i]
        if k.kind == .punct { return k.char != "'" && !(k.char == "-" && !k.spaceBefore) }
        return k.word == .that || k.word == .this
    }

    /// A number of days of the month: 1–31, at most two digits, optionally ordinal, not a count or time.
    func dayOK(_ i: Int) -> Bool {
        guard i < n else { return false }
        let k = t[i]
        guard k.kind == .number, k.digits <= 2, k.value >= 1, k.value <= 31, !k.grouped, !k.attachedLeft,
              k.suffix == .none || k.suffix == .ordinal else { return false }
        if i + 1 < n, t[i + 1].kind == .punct, !t[i + 1].spaceBefore,
           t[i + 1].char == ":" || t[i + 1].char == "%" || t[i + 1].char == "/" { return false }
        return !countFollows(i + 1)
    }

    /// A four-digit year glued to a month ("December 2018", "Feb. 12, 2019"): 1800–2199.
    func attachedYear(_ i: Int) -> Int? {
        guard i < n else { return nil }
        let k = t[i]
        guard k.kind == .number, k.digits == 4, k.value >= 1800, k.value <= 2199, !k.grouped,
              !k.attachedLeft, k.suffix == .none else { return nil }
        if i + 1 < n, t[i + 1].kind == .punct, !t[i + 1].spaceBefore,
           t[i + 1].char == ":" || t[i + 1].char == "%" { return nil }
        return k.value
    }

    /// The words at `i` make a preceding number a count: "troops", "more troops", "to 3,000 troops", "days".
    func countFollows(_ i0: Int, depth: Int = 0) -> Bool {
        var i = i0
        while let w = word(i), w == .more || w == .additional || w == .extra || w == .fewer { i += 1 }
        guard i < n else { return false }
        switch t[i].lex {
        case .countNoun?: return true
        case .unit(_, plural: true)?: return true
        default: break
        }
        if depth == 0, t[i].word == .to || t[i].word == .and || t[i].word == .or || t[i].isDash,
           i + 1 < n, t[i + 1].kind == .number {
            return countFollows(i + 2, depth: 1)
        }
        return false
    }

    /// A 1900–2099 number that reads as a year on its own ("in 2015", "the 2022 invasion", "mid-2018").
    func yearOK(_ i: Int) -> Bool {
        guard i < n else { return false }
        let k = t[i]
        guard k.kind == .number, k.digits == 4, k.suffix == .none, !k.grouped, !k.attachedLeft,
              k.value >= 1900, k.value <= 2099 else { return false }
        if k.possessive, k.value % 10 == 0, word(i - 1) == .the { return false }   // "the 1990’s"
        var strong = false
        if i > 0 {
            let p = t[i - 1]
            switch p.kind {
            case .punct:
                if !k.spaceBefore {
                    if p.isDash {
                        if !p.spaceBefore {
                            // glued both sides: "mid-2018" yes, "S-1900" / "1-2000" no
                            guard let w = word(i - 2), [.mid, .early, .late, .end, .pre, .post].contains(w)
                            else { return false }
                            strong = true
                        }
                    } else if p.char == "/" || p.char == ":" || p.char == "." || p.char == "#"
                                || p.char == "$" || p.char == "€" || p.char == "£" || p.char == "¥" {
                        return false
                    }
                }
                if p.char == "." || p.char == "#", lex(i - 2) == .labelNoun { return false }  // "No. 1115"
                if p.char == "$" || p.char == "€" || p.char == "£" || p.char == "№" { return false }
            case .word:
                switch p.lex {
                case .labelNoun?: return false
                case .month?: strong = true
                case .word(let w)?:
                    switch w {
                    case .than, .some, .nearly, .almost, .roughly, .approximately, .least, .another,
                         .estimated, .additional, .extra, .fewer:
                        return false
                    case .in, .since, .by, .until, .till, .during, .from, .through, .early, .mid, .late:
                        strong = true
                    default: break
                    }
                default: break
                }
            case .number:
                return false
            }
        }
        if i + 1 < n {
            let q = t[i + 1]
            if q.kind == .punct, !q.spaceBefore {
                if q.char == "%" || q.char == ":" || q.char == "/" { return false }
                if q.isDash, i + 2 < n, t[i + 2].kind == .word, !t[i + 2].spaceBefore {
                    switch t[i + 2].lex {
                    case .countNoun?, .unit?: return false   // "2000-strong", "2000-year-old"
                    default: break
                    }
                }
            }
            if !strong, countFollows(i + 1) { return false }
        }
        return true
    }

    /// Future-tense cue in the same clause before token `i`: will, shall, 'll, won't,
    /// "is/are (scheduled|set|expected|due|slated|poised|going|planning) to", "is to", "plans to", "upcoming",
    /// "is (scheduled|set|slated|due|planned) for".
    func futureCue(before i: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 14 {
            let x = t[k]
            if x.kind == .punct {
                switch x.char {
                case ",", ";", ":", "!", "?", "(", ")", "\"", "—", "[", "]":
                    return false
                case "–":
                    if x.spaceBefore { return false }
                case ".":
                    // an abbreviation's period ("U.S.", "Mr.", "Feb.") does not end the clause
                    if k == 0 || t[k - 1].kind != .word || (t[k - 1].letters > 3 && !t[k - 1].capitalized) {
                        return false
                    }
                default: break
                }
            } else if x.kind == .word {
                if x.willClitic { return true }
                if let w = x.word {
                    switch w {
                    case .will, .shall, .upcoming: return true
                    case .but, .while, .although, .though, .because, .whereas, .who, .which: return false
                    case .to, .for:
                        if let v = word(k - 1) {
                            if w == .for, v != .scheduled, v != .set, v != .slated, v != .due, v != .planned {
                                break
                            }
                            switch v {
                            case .isVerb: return true
                            case .plans, .intends, .aims, .hopes, .wants: return true
                            case .scheduled, .set, .expected, .due, .slated, .poised, .going, .planning, .planned:
                                if let b = word(k - 2), b == .isVerb || b == .be { return true }
                                if k >= 2, t[k - 2].willClitic { return true }
                            default: break
                            }
                        }
                    default: break
                    }
                }
            }
            steps += 1
            k -= 1
        }
        return false
    }

    /// The date anchored expressions count from: the nearest earlier result, else the context date.
    var anchor: KBDate? { out.last?.date ?? context }
}
