/// How much of a `KBDate` is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, year
}

/// A calendar date (proleptic Gregorian) known to day, month or year precision.
///
/// `month` is nil for year precision; `day` is nil for year and month precision.
/// The memberwise initialiser does not validate; use `KBDate.validated(year:month:day:)`
/// or `init?(iso:)` when the components come from untrusted input.
///
/// Ordering is lexicographic on (year, month, day) with a missing component sorting
/// before any present one, so `2019 < 2019-01 < 2019-01-01 < 2019-01-02 < 2019-02`.
public struct KBDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// A date only if its components form a real calendar date (month 1–12, day within the month).
    public static func validated(year: Int, month: Int? = nil, day: Int? = nil) -> KBDate? {
        let d = KBDate(year: year, month: month, day: day)
        return d.isValid && (day == nil || month != nil) ? d : nil
    }

    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly those digit counts). Nil for anything else
    /// or for impossible dates (month 13, February 30, February 29 in a common year...).
    public init?(iso: String) {
        let u = Array(iso.utf8)
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard u.count == 4 || u.count == 7 || u.count == 10, let y = num(0..<4) else { return nil }
        var m: Int?
        var d: Int?
        if u.count >= 7 {
            guard u[4] == 45, let mm = num(5..<7) else { return nil }
            m = mm
        }
        if u.count == 10 {
            guard u[7] == 45, let dd = num(8..<10) else { return nil }
            d = dd
        }
        guard let v = KBDate.validated(year: y, month: m, day: d) else { return nil }
        self = v
    }

    public var precision: DatePrecision {
        if month == nil { return .year }
        return day == nil ? .month : .day
    }

    /// "2019", "2019-02" or "2019-02-21".
    public var iso: String {
        var s = KBDate.pad(year, 4)
        if let m = month {
            s += "-" + KBDate.pad(m, 2)
            if let d = day { s += "-" + KBDate.pad(d, 2) }
        }
        return s
    }

    public var description: String { iso }

    public var isValid: Bool {
        guard let m = month else { return true }
        guard (1...12).contains(m) else { return false }
        guard let d = day else { return true }
        return d >= 1 && d <= KBDate.daysIn(year: year, month: m)
    }

    public static func < (a: KBDate, b: KBDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        let am = a.month ?? 0, bm = b.month ?? 0
        if am != bm { return am < bm }
        return (a.day ?? 0) < (b.day ?? 0)
    }

    // MARK: Calendar arithmetic

    public static func isLeap(_ y: Int) -> Bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    public static func daysIn(year y: Int, month m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a day-precision date (nil otherwise).
    public var dayNumber: Int? {
        guard let m = month, let d = day else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day-precision date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday; nil unless day precision.
    public var weekday: Int? {
        guard let n = dayNumber else { return nil }
        // 1970-01-01 was a Thursday (4).
        return ((n % 7) + 7 + 3) % 7 + 1
    }

    /// Shifts a day-precision date by `days`; nil for month or year precision.
    public func adding(days: Int) -> KBDate? {
        guard let n = dayNumber else { return nil }
        return KBDate(dayNumber: n + days)
    }

    /// Shifts a month- or day-precision date by `months`, clamping the day to the target
    /// month's length (Jan 31 + 1 month = Feb 28/29); nil for year precision.
    public func adding(months: Int) -> KBDate? {
        guard let m = month else { return nil }
        let total = year * 12 + (m - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - y * 12 + 1
        let nd = day.map { min($0, KBDate.daysIn(year: y, month: nm)) }
        return KBDate(year: y, month: nm, day: nd)
    }

    /// Shifts by `years` at the same precision (Feb 29 becomes Feb 28 in a common year).
    public func adding(years: Int) -> KBDate {
        let y = year + years
        guard let m = month else { return KBDate(year: y) }
        return KBDate(year: y, month: m, day: day.map { min($0, KBDate.daysIn(year: y, month: m)) })
    }

    /// The same date reduced to at most `precision`.
    public func truncated(to p: DatePrecision) -> KBDate {
        switch p {
        case .year: return KBDate(year: year)
        case .month: return KBDate(year: year, month: month)
        case .day: return self
        }
    }

    /// The Monday starting the (ISO, Monday-first) week of a day-precision date.
    public var startOfWeek: KBDate? {
        guard let w = weekday else { return nil }
        return adding(days: 1 - w)
    }

    /// True when this date lies wholly after `other`, comparing at the coarser of the two precisions
    /// (2019 is after 2018-12-11; 2018 is not; 2018-12 is not after 2018-12-11).
    public func isAfter(_ other: KBDate) -> Bool {
        if year != other.year { return year > other.year }
        guard let m = month, let om = other.month else { return false }
        if m != om { return m > om }
        guard let d = day, let od = other.day else { return false }
        return d > od
    }

    /// True when this date lies wholly before `other`, at the coarser precision.
    public func isBefore(_ other: KBDate) -> Bool { other.isAfter(self) }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
