/// Explicit dates: "December 11, 2018", "Feb. 12", "21 January 2019", "February 2022", "2015",
/// "2019-02-21", "21/05/2019", "November 20–December 1, 2018", "2015–2017", "Monday, Dec. 17".
extension DateParser {
    func explicit(at i: Int) -> Match? {
        let k = t[i]
        switch k.kind {
        case .number:
            if k.digits == 4 { return iso(at: i) ?? yearLed(at: i) }
            return slashed(at: i) ?? dayLed(at: i)
        case .word:
            switch k.lex {
            case .month?: return monthLed(at: i)
            case .weekday?: return weekdayLed(at: i)
            case .season?: return seasonYear(at: i)
            default: return nil
            }
        case .punct:
            return nil
        }
    }

    /// A capitalised month name at `i`: (month, abbreviated, index after it and any glued period).
    func monthHead(_ i: Int) -> (month: Int, abbrev: Bool, next: Int)? {
        guard i < n, t[i].capitalized, case .month(let m, let abbrev)? = t[i].lex else { return nil }
        return (m, abbrev, abbrev ? skipPeriod(i + 1) : i + 1)
    }

    /// Month-first forms: "Sept. 17", "December 11, 2018", "November 20–December 1, 2018",
    /// "November 20–25, 2018", "February 2022", "July of 2018".
    func monthLed(at i: Int) -> Match? {
        guard let (m, _, j) = monthHead(i) else { return nil }
        if dayOK(j) {
            let d = t[j].value
            var e = j + 1
            var endMonth = m
            var isRange = false
            if e < n, t[e].isDash, t[e].char != "—" {
                if let (m2, _, j2) = monthHead(e + 1), dayOK(j2) {
                    endMonth = m2; e = j2 + 1; isRange = true
                } else if dayOK(e + 1), t[e + 1].value > d {
                    e += 2; isRange = true
                }
            }
            var k = e
            if isPunct(k, ",") { k += 1 }
            if let y = attachedYear(k) {
                let sy = isRange && endMonth < m ? y - 1 : y
                guard let date = KBDate.validated(year: sy, month: m, day: d) else { return nil }
                return Match(end: k + 1, date: date, kind: .explicit)
            }
            guard let (date, fut) = yearless(month: m, day: d, at: i) else { return nil }
            return Match(end: e, date: date, kind: .explicit, future: fut)
        }
        var k = j
        if isPunct(k, ",") || word(k) == .of { k += 1 }
        if let y = attachedYear(k) {
            return Match(end: k + 1, date: KBDate(year: y, month: m), kind: .explicit)
        }
        return nil
    }

    /// Day-first forms: "21 January 2019", "17th of September", "20–25 November 2018",
    /// "20 November–1 December 2018", "12 Feb".
    func dayLed(at i: Int) -> Match? {
        guard dayOK(i) else { return nil }
        let d = t[i].value
        var j = i + 1
        var isRange = false
        if j < n, t[j].isDash, dayOK(j + 1), t[j + 1].value > d, monthHead(j + 2) != nil {
            j += 2; isRange = true
        }
        if word(j) == .of { j += 1 }
        guard let (m, _, k0) = monthHead(j) else { return nil }
        var k = k0
        var endMonth = m
        if k < n, t[k].isDash, t[k].char != "—", dayOK(k + 1), let (m2, _, k2) = monthHead(k + 2) {
            endMonth = m2; isRange = true; k = k2
        }
        var y = k
        if isPunct(y, ",") { y += 1 }
        if let yr = attachedYear(y) {
            let sy = isRange && endMonth < m ? yr - 1 : yr
            guard let date = KBDate.validated(year: sy, month: m, day: d) else { return nil }
            return Match(end: y + 1, date: date, kind: .explicit)
        }
        guard let (date, fut) = yearless(month: m, day: d, at: i) else { return nil }
        return Match(end: k, date: date, kind: .explicit, future: fut)
    }

    /// "Monday, December 17, 2018", "Monday, Dec. 17", "Monday 17 December".
    func weekdayLed(at i: Int) -> Match? {
        guard t[i].capitalized else { return nil }
        var j = i + 1
        if isPunct(j, ",") { j += 1 }
        guard j < n, let m = monthLed(at: j) ?? dayLed(at: j), m.date.precision == .day else { return nil }
        return m
    }

    /// "2019-02-21", "2019/02/21".
    func iso(at i: Int) -> Match? {
        guard i + 4 < n else { return nil }
        let sep = t[i + 1]
        guard sep.kind == .punct, sep.char == "-" || sep.char == "/", !sep.spaceBefore,
              t[i + 3].isPunct(sep.char), !t[i + 3].spaceBefore else { return nil }
        let a = t[i], b = t[i + 2], c = t[i + 4]
        guard a.value >= 1800, a.value <= 2199, a.suffix == .none, !a.grouped,
              b.kind == .number, b.digits == 2, !b.spaceBefore, b.suffix == .none, !b.grouped,
              c.kind == .number, c.digits == 2, !c.spaceBefore, c.suffix == .none, !c.grouped
        else { return nil }
        if i + 5 < n, !t[i + 5].spaceBefore, t[i + 5].kind == .number || t[i + 5].isDash { return nil }
        guard let date = KBDate.validated(year: a.value, month: b.value, day: c.value) else { return nil }
        return Match(end: i + 5, date: date, kind: .explicit)
    }

    /// "21/05/2019" (day first) or "05/21/2019" (month first), only when the day is over 12
    /// (or both numbers are equal); "05/06/2019" and two-digit years are ambiguous and skipped.
    func slashed(at i: Int) -> Match? {
        guard i + 4 < n else { return nil }
        let a = t[i], b = t[i + 2], c = t[i + 4]
        guard t[i + 1].isPunct("/"), !t[i + 1].spaceBefore, t[i + 3].isPunct("/"), !t[i + 3].spaceBefore,
              a.digits <= 2, a.suffix == .none, !a.grouped,
              b.kind == .number, b.digits <= 2, !b.spaceBefore, b.suffix == .none, !b.grouped,
              c.kind == .number, c.digits == 4, !c.spaceBefore, c.suffix == .none, !c.grouped
        else { return nil }
        let day: Int, month: Int
        if a.value > 12, b.value <= 12 { day = a.value; month = b.value }
        else if b.value > 12, a.value <= 12 { day = b.value; month = a.value }
        else if a.value == b.value { day = a.value; month = a.value }
        else { return nil }
        guard let date = KBDate.validated(year: c.value, month: month, day: day) else { return nil }
        return Match(end: i + 5, date: date, kind: .explicit)
    }

    /// A bare year, or a year range "2015–2017" / "2018-19" resolved to its first year.
    func yearLed(at i: Int) -> Match? {
        guard yearOK(i) else { return nil }
        let y = t[i].value
        var e = i + 1
        if e + 1 < n, t[e].isDash, t[e].char != "—" || t[e].spaceBefore == false {
            let b = t[e + 1]
            if b.kind == .number, b.suffix == .none, !b.grouped {
                if b.digits == 4, b.value > y, b.value <= y + 100 { e += 2 }
                else if b.digits == 2, !b.spaceBefore, b.value > y % 100 { e += 2 }
            }
            // "2019-02-30", "2019-02": a malformed numeric date, not a year
            if e == i + 1, !t[e].spaceBefore, !b.spaceBefore, b.kind == .number { return nil }
        }
        return Match(end: e, date: KBDate(year: y), kind: .explicit)
    }

    /// The year of a month-day given without one: the latest on or before publication, or the earliest
    /// on or after it under a future cue; without publication, the one nearest the context date.
    func yearless(month m: Int, day d: Int, at i: Int) -> (KBDate, Bool)? {
        if let p = pub {
            let fut = futureCue(before: i)
            let pm = p.month ?? (fut ? 1 : 12)
            let pd = p.day ?? (fut ? 1 : 31)
            var y = p.year
            if fut {
                if (m, d) < (pm, pd) { y += 1 }
            } else if (m, d) > (pm, pd) {
                y -= 1
            }
            guard let date = KBDate.validated(year: y, month: m, day: d) else { return nil }
            return (date, fut)
        }
        guard let c = context else { return nil }
        let ref = KBDate(year: c.year, month: c.month ?? 7, day: c.day ?? 1).dayNumber ?? 0
        var best: KBDate?
        var bestGap = Int.max
        for y in [c.year, c.year - 1, c.year + 1] {
            guard let date = KBDate.validated(year: y, month: m, day: d), let dn = date.dayNumber else { continue }
            let gap = abs(dn - ref)
            if gap < bestGap { bestGap = gap; best = date }
        }
        return best.map { ($0, false) }
    }
}
