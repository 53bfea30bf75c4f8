/// Expressions resolved against the publication date: weekdays, today/yesterday/tomorrow,
/// last/this/next + unit, month names without a year, seasons, "recently".
extension DateParser {
    enum Direction { case past, future, last, this, next }

    func relative(at i: Int) -> Match? {
        let k = t[i]
        guard k.kind == .word, let lx = k.lex else { return nil }
        switch lx {
        case .weekday(let wd): return weekdayAlone(wd, at: i)
        case .month: return monthAlone(at: i)
        case .season: return seasonAlone(at: i, start: i)
        case .word(let w):
            switch w {
            case .today, .tonight: return pubDay(0, end: i + 1)
            case .yesterday: return pubDay(-1, end: i + 1)
            case .tomorrow: return pubDay(1, end: i + 1, future: true)
            case .last, .next, .this: return lastNextThis(at: i)
            case .earlier, .later: return earlierLater(at: i)
            case .recently, .lately: return recent(end: i + 1, unit: .month)
            case .recent:
                if case .unit(let u, plural: true)? = lex(i + 1), u != .weekend, u != .partOfDay {
                    return recent(end: i + 2, unit: u == .year ? .year : .month)
                }
                return nil
            case .the: return theSeason(at: i)
            default: return nil
            }
        default: return nil
        }
    }

    // MARK: days

    func pubDay(_ offset: Int, end: Int, future: Bool = false, approximate: Bool = false) -> Match? {
        guard let p = pub, let d = p.adding(days: offset) else { return nil }
        return Match(end: end, date: d, kind: .relative, approximate: approximate, future: future)
    }

    /// "Monday", "on Monday", "Tuesday's meeting": the last such day on or before publication, or under a
    /// future cue the first such day after it.
    func weekdayAlone(_ wd: Int, at i: Int) -> Match? {
        guard t[i].capitalized else { return nil }
        if let w = word(i - 1), w == .every || w == .each { return nil }
        let fut = futureCue(before: i)
        return weekday(wd, fut ? .future : .past, end: i + 1)
    }

    func weekday(_ wd: Int, _ dir: Direction, end: Int) -> Match? {
        guard let p = pub, let pw = p.weekday, let ws = p.startOfWeek else { return nil }
        let date: KBDate?
        switch dir {
        case .past: date = p.adding(days: -((pw - wd + 7) % 7))
        case .last: date = p.adding(days: -((pw - wd + 6) % 7 + 1))
        case .future, .next: date = p.adding(days: (wd - pw + 6) % 7 + 1)
        case .this: date = ws.adding(days: wd - 1)
        }
        guard let date else { return nil }
        return Match(end: end, date: date, kind: .relative, future: dir == .future || dir == .next)
    }

    // MARK: last / this / next

    func lastNextThis(at i: Int) -> Match? {
        guard let w = word(i) else { return nil }
        if let b = word(i - 1), b == .the || b == .at { return nil }   // "the last year" is a duration
        var j = i + 1
        var dir: Direction
        switch w {
        case .last: dir = .last
        case .next: dir = .next
        default:
            dir = .this
            if word(j) == .past { dir = .last; j += 1 }              // "this past weekend"
        }
        guard j < n, let lx = t[j].lex else { return nil }
        switch lx {
        case .weekday(let wd):
            guard t[j].capitalized else { return nil }
            return weekday(wd, dir, end: j + 1)
        case .month(let m, _):
            guard let (_, _, e) = monthHead(j) else { return nil }
            return month(m, dir, end: e)
        case .season(let s):
            return season(s, dir, end: j + 1)
        case .unit(let u, plural: false):
            return unitRelative(u, dir, end: j + 1)
        default:
            return nil
        }
    }

    func unitRelative(_ u: DateUnit, _ dir: Direction, end: Int) -> Match? {
        guard let p = pub else { return nil }
        let step = dir == .last ? -1 : dir == .next ? 1 : 0
        let fut = dir == .next
        switch u {
        case .day:
            return nil
        case .week:
            guard let d = p.startOfWeek?.adding(days: 7 * step) else { return nil }
            return Match(end: end, date: d, kind: .relative, approximate: true, future: fut)
        case .weekend:
            guard let ws = p.startOfWeek, let pw = p.weekday else { return nil }
            let sat: KBDate?
            if dir == .last {
                sat = p.adding(days: -((pw - 6 + 6) % 7 + 1))          // latest Saturday before publication
            } else {
                sat = ws.adding(days: 5 + 7 * step)
            }
            guard let sat else { return nil }
            return Match(end: end, date: sat, kind: .relative, approximate: true, future: fut)
        case .month:
            guard let d = p.truncated(to: .month).adding(months: step) else { return nil }
            return Match(end: end, date: d, kind: .relative, future: fut)
        case .year:
            return Match(end: end, date: KBDate(year: p.year + step), kind: .relative, future: fut)
        case .partOfDay:
            switch dir {
            case .last: return pubDay(-1, end: end)                     // "last night"
            case .this: return pubDay(0, end: end)                      // "this morning"
            default: return nil
            }
        }
    }

    // MARK: earlier / later

    /// "earlier this week", "later this year", "earlier in the month", "later today", "later that day".
    func earlierLater(at i: Int) -> Match? {
        let later = word(i) == .later
        var j = i + 1
        if word(j) == .today { return pubDay(0, end: j + 1, future: later) }
        let anchoredForm: Bool
        switch word(j) {
        case .this?: anchoredForm = false; j += 1
        case .in?: guard word(j + 1) == .the else { return nil }; anchoredForm = false; j += 2
        case .that?: anchoredForm = true; j += 1; if word(j) == .same { j += 1 }
        default: return nil
        }
        guard case .unit(let u, plural: false)? = lex(j) else { return nil }
        if anchoredForm {
            guard let a = anchor else { return nil }
            switch u {
            case .day, .partOfDay: return Match(end: j + 1, date: a, kind: .anchored, approximate: a.precision != .day)
            case .week, .weekend: return Match(end: j + 1, date: a, kind: .anchored, approximate: true)
            case .month: return Match(end: j + 1, date: a.truncated(to: .month), kind: .anchored, approximate: true)
            case .year: return Match(end: j + 1, date: a.truncated(to: .year), kind: .anchored, approximate: true)
            }
        }
        guard let p = pub else { return nil }
        switch u {
        case .week:
            if later { return pubDay(1, end: j + 1, future: true, approximate: true) }
            guard let ws = p.startOfWeek else { return nil }
            return Match(end: j + 1, date: ws, kind: .relative, approximate: true)
        case .month:
            guard p.month != nil else { return nil }
            return Match(end: j + 1, date: p.truncated(to: .month), kind: .relative, approximate: true, future: later)
        case .year:
            return Match(end: j + 1, date: KBDate(year: p.year), kind: .relative, approximate: true, future: later)
        default:
            return nil
        }
    }

    func recent(end: Int, unit: DateUnit) -> Match? {
        guard let p = pub else { return nil }
        let d = unit == .year ? p.truncated(to: .year) : p.truncated(to: .month)
        return Match(end: end, date: d, kind: .relative, approximate: true)
    }

    // MARK: months without a year

    /// "in December", "December announcement", "back in December", "mid-March", "in May".
    /// May, March and abbreviations need a cue word before them (Theresa May, Great March of Return).
    func monthAlone(at i: Int) -> Match? {
        guard case .month(let m, let abbrev)? = t[i].lex, t[i].capitalized else { return nil }
        let e = abbrev ? skipPeriod(i + 1) : i + 1
        if abbrev && e == i + 1 { return nil }
        if abbrev || m == 5 || m == 3 {
            guard monthCue(before: i) else { return nil }
        }
        if let w = word(i - 1), w == .every || w == .each { return nil }
        return month(m, futureCue(before: i) ? .future : .past, end: e)
    }

    func monthCue(before i: Int) -> Bool {
        var k = i - 1
        if k >= 0, t[k].isDash, !t[k].spaceBefore, !t[i].spaceBefore { k -= 1 }
        guard let w = word(k) else { return false }
        switch w {
        case .in, .since, .by, .until, .till, .during, .from, .through, .before, .after, .of,
             .early, .mid, .late, .end, .last, .next, .this, .throughout:
            return true
        default:
            return false
        }
    }

    /// Month `m` without a year: past = latest on or before the publication month, future = earliest on
    /// or after it, last/next = strictly before/after, this = in the publication year.
    func month(_ m: Int, _ dir: Direction, end: Int) -> Match? {
        if let p = pub {
            var y = p.year
            if let pm = p.month {
                switch dir {
                case .past: if m > pm { y -= 1 }
                case .future: if m < pm { y += 1 }
                case .last: if m >= pm { y -= 1 }
                case .next: if m <= pm { y += 1 }
                case .this: break
                }
            }
            return Match(end: end, date: KBDate(year: y, month: m), kind: .relative,
                         future: dir == .future || dir == .next)
        }
        guard let c = context else { return nil }
        var y = c.year
        if let cm = c.month {
            if m - cm > 6 { y -= 1 } else if cm - m > 6 { y += 1 }
        }
        return Match(end: end, date: KBDate(year: y, month: m), kind: .relative)
    }

    // MARK: seasons

    /// Representative, first and last month of a season (winter belongs to the year of its January).
    func seasonMonths(_ s: Int) -> (rep: Int, first: Int, last: Int) {
        switch s {
        case 4: return (4, 3, 5)
        case 7: return (7, 6, 8)
        case 10: return (10, 9, 11)
        default: return (1, 12, 2)
        }
    }

    /// A season resolved at month precision (its middle month), approximate.
    func season(_ s: Int, _ dir: Direction, end: Int) -> Match? {
        let (rep, first, last) = seasonMonths(s)
        let winter = rep == 1
        let y: Int
        if let p = pub {
            guard let pm = p.month else {
                return Match(end: end, date: KBDate(year: p.year, month: rep), kind: .relative, approximate: true)
            }
            switch dir {
            case .past, .last:
                y = last < pm ? p.year : p.year - 1
            case .future, .next:
                if winter { y = pm < 12 ? p.year + 1 : p.year + 2 } else { y = first > pm ? p.year : p.year + 1 }
            case .this:
                y = winter && pm >= 9 ? p.year + 1 : p.year
            }
        } else if let c = context {
            y = c.year
        } else {
            return nil
        }
        return Match(end: end, date: KBDate(year: y, month: rep), kind: .relative, approximate: true,
                     future: dir == .future || dir == .next)
    }

    /// "summer 2016", "summer of 2016" (winter + year gives the year only).
    func seasonYear(at i: Int) -> Match? {
        guard case .season(let s)? = lex(i) else { return nil }
        var j = i + 1
        if word(j) == .of { j += 1 }
        guard let y = attachedYear(j) else { return nil }
        let rep = seasonMonths(s).rep
        let date = rep == 1 ? KBDate(year: y) : KBDate(year: y, month: rep)
        return Match(end: j + 1, date: date, kind: .explicit, approximate: true)
    }

    /// A bare season after a preposition: "in summer", "over the summer" (via `theSeason`).
    func seasonAlone(at i: Int, start: Int) -> Match? {
        guard case .season(let s)? = lex(i) else { return nil }
        if let y = seasonYear(at: i) { return y }
        guard let w = word(start - 1) else { return nil }
        switch w {
        case .in, .over, .during, .through, .throughout, .since, .until, .by: break
        default: return nil
        }
        if word(i + 1) == .of { return nil }                             // "the fall of Aleppo"
        if s == 10, start == i { return nil }                            // bare "fall" is a verb
        return season(s, futureCue(before: start) ? .future : .past, end: i + 1)
    }

    /// "the summer", "the summer of 2016".
    func theSeason(at i: Int) -> Match? {
        guard case .season? = lex(i + 1) else { return nil }
        return seasonAlone(at: i + 1, start: i)
    }
}
