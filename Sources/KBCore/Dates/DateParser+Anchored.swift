/// Modifiers wrapping another expression ("mid-2018", "late November", "since 2017",
/// "the first half of 2019") and expressions counted from another date ("a day prior", "days later",
/// "the next day", "two weeks ago").
extension DateParser {
    // MARK: modifiers

    func prefixed(at i: Int, allowSince: Bool) -> Match? {
        guard let w = word(i) else { return nil }
        switch w {
        case .early, .mid, .late, .end:
            var j = i + 1
            let glued = j < n && t[j].isDash && !t[j].spaceBefore
            if glued { j += 1 }
            if w == .end && !glued { return theOf(at: i) }               // "end of 2018"
            guard var m = core(at: j) else { return nil }
            if m.date.precision != .day { m.approximate = true }
            return m
        case .since:
            guard allowSince, var m = prefixed(at: i + 1, allowSince: false) ?? core(at: i + 1) else { return nil }
            m.approximate = true
            return m
        case .the, .beginning, .start, .middle, .turn:
            return theOf(at: i)
        default:
            return nil
        }
    }

    /// "(the) beginning/start/end/middle/turn of X", "the first/second half of X",
    /// "the first/.../last quarter of X", "the first/last week of X", "the end of the year".
    func theOf(at i: Int) -> Match? {
        var j = i
        if word(j) == .the { j += 1 }
        guard let w = word(j) else { return nil }
        switch w {
        case .beginning, .start, .end, .middle, .turn:
            j += 1
        case .first, .second, .third, .fourth, .last:
            guard j > i else { return nil }
            switch lex(j + 1) {
            case .word(.half)?, .word(.quarter)?, .unit(.week, _)?, .unit(.day, plural: true)?,
                 .unit(.month, plural: true)?:
                j += 2
            default: return nil
            }
        default:
            return nil
        }
        guard word(j) == .of else { return nil }
        j += 1
        // "the end of the year / month / week": the publication's
        if word(j) == .the, case .unit(let u, plural: false)? = lex(j + 1), let p = pub {
            let fut = futureCue(before: i)
            switch u {
            case .year:
                return Match(end: j + 2, date: KBDate(year: p.year), kind: .relative, approximate: true, future: fut)
            case .month where p.month != nil:
                return Match(end: j + 2, date: p.truncated(to: .month), kind: .relative, approximate: true, future: fut)
            case .week:
                guard let ws = p.startOfWeek else { return nil }
                return Match(end: j + 2, date: ws, kind: .relative, approximate: true, future: fut)
            default: return nil
            }
        }
        guard var m = core(at: j) else { return nil }
        m.approximate = true
        return m
    }

    // MARK: anchored

    /// Numbers of units: ("a day", 1, exact), ("two days", 2), ("days", 2, vague), ("a few days", 3, vague).
    func countedUnit(at i: Int) -> (unit: DateUnit, count: Int, vague: Bool, next: Int)? {
        var j = i
        var count = 1
        var vague = false
        var needPlural: Bool? = nil
        switch t[i].kind {
        case .number:
            let k = t[i]
            guard k.digits <= 2, k.suffix == .none, !k.grouped, k.value >= 1 else { return nil }
            count = k.value; j += 1; needPlural = k.value != 1
        case .word:
            switch t[i].lex {
            case .count(let c)?:
                count = c; j += 1; needPlural = c != 1
            case .word(.a)?:
                j += 1
                if word(j) == .few { count = 3; vague = true; j += 1; needPlural = true }
                else if word(j) == .couple {
                    count = 2; vague = true; j += 1; needPlural = true
                    if word(j) == .of { j += 1 }
                } else { needPlural = false }
            case .word(.few)?, .word(.several)?, .word(.some)?:
                count = 3; vague = true; j += 1; needPlural = true
            case .word(.couple)?:
                count = 2; vague = true; j += 1; needPlural = true
                if word(j) == .of { j += 1 }
            case .unit(_, plural: true)?:
                count = 2; vague = true; needPlural = true
            default:
                return nil
            }
        case .punct:
            return nil
        }
        guard case .unit(let u, let plural)? = lex(j), u != .weekend, needPlural == nil || needPlural == plural
        else { return nil }
        return (u, count, vague, j + 1)
    }

    func anchored(at i: Int) -> Match? {
        if word(i) == .the { return theAnchored(at: i) }
        if word(i) == .that { return thatUnit(at: i) }
        guard let (u, count, vague, j) = countedUnit(at: i), let dir = word(j) else { return nil }
        var sign: Int
        var end = j + 1
        switch dir {
        case .later, .afterwards: sign = 1
        case .earlier: sign = -1
        case .prior: guard word(j + 1) != .to else { return nil }; sign = -1
        case .after, .before:
            guard boundary(at: j + 1) else { return nil }             // "two days before the vote": other anchor
            sign = dir == .after ? 1 : -1
        case .ago:
            guard let p = pub, let (d, approx) = shift(p, u, -count, vague: vague) else { return nil }
            return Match(end: end, date: d, kind: .relative, approximate: approx)
        default:
            return nil
        }
        if word(end) == .on, boundary(at: end + 1) { end += 1 }          // "later on"
        guard let a = anchor, let (d, approx) = shift(a, u, sign * count, vague: vague) else { return nil }
        return Match(end: end, date: d, kind: .anchored, approximate: approx)
    }

    /// "the day before", "the next day", "the following week", "the previous year", "the same day",
    /// "the day before yesterday", "the day after tomorrow".
    func theAnchored(at i: Int) -> Match? {
        if case .unit(let u, plural: false)? = lex(i + 1) {
            // "the day before/after", "the night before", "the day before yesterday"
            guard let dir = word(i + 2), dir == .before || dir == .after, u != .weekend else { return nil }
            let sign = dir == .after ? 1 : -1
            if u == .day, word(i + 3) == (dir == .before ? .yesterday : .tomorrow) {
                return pubDay(sign * 2, end: i + 4, future: dir == .after)
            }
            guard boundary(at: i + 3), let a = anchor, let (d, approx) = shift(a, u, sign, vague: false)
            else { return nil }
            return Match(end: i + 3, date: d, kind: .anchored, approximate: approx)
        }
        var j = i + 1
        guard let w = word(j) else { return nil }
        let sign: Int
        switch w {
        case .previous, .preceding: sign = -1
        case .next, .following:
            if let b = word(i - 1), [.over, .during, .within, .for, .throughout].contains(b) { return nil }
            sign = 1
        case .same: sign = 0
        default: return nil
        }
        j += 1
        guard case .unit(let u, plural: false)? = lex(j), u != .weekend, let a = anchor else { return nil }
        guard let (d, exact) = shift(a, u, sign, vague: false) else { return nil }
        let approx = exact || u == .week                                  // a whole week, dated by its first day
        return Match(end: j + 1, date: d, kind: .anchored, approximate: approx)
    }

    /// "that day", "that same night", "that year".
    func thatUnit(at i: Int) -> Match? {
        var j = i + 1
        if word(j) == .same { j += 1 }
        guard case .unit(let u, plural: false)? = lex(j), u != .weekend, let a = anchor else { return nil }
        if j + 1 < n, t[j + 1].isDash, !t[j + 1].spaceBefore { return nil }   // "that day-to-day"
        switch u {
        case .day, .partOfDay: return Match(end: j + 1, date: a, kind: .anchored, approximate: a.precision != .day)
        case .week: return Match(end: j + 1, date: a, kind: .anchored, approximate: true)
        case .month: return Match(end: j + 1, date: a.truncated(to: .month), kind: .anchored)
        default: return Match(end: j + 1, date: a.truncated(to: .year), kind: .anchored)
        }
    }

    /// `anchor` moved by `count` units. Days and weeks need a day-precision anchor (otherwise the anchor is
    /// returned, approximate); months give month precision; years give year precision.
    func shift(_ a: KBDate, _ u: DateUnit, _ count: Int, vague: Bool) -> (KBDate, Bool)? {
        switch u {
        case .day, .partOfDay:
            guard let d = a.adding(days: count) else { return (a, true) }
            return (d, vague)
        case .week:
            guard let d = a.adding(days: 7 * count) else { return (a, true) }
            return (d, vague)
        case .month:
            guard let d = a.truncated(to: .month).adding(months: count) else { return (a, true) }
            return (d, vague)
        case .year:
            return (KBDate(year: a.year + count), vague)
        case .weekend:
            return nil
        }
    }
}
