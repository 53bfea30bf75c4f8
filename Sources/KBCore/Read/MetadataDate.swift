import Foundation

/// A publication date read from metadata: the calendar day as the page states it, and, when the
/// value gives a time and a zone, the moment in UTC.
public struct MetadataStamp: Sendable, Equatable {
    /// The day (or month, or year) as written, in the writer's own zone.
    public var date: KBDate
    /// "2019-11-18T22:07:38Z" when the value has a time with a zone; nil otherwise.
    public var utc: String?

    public init(date: KBDate, utc: String? = nil) {
        self.date = date
        self.utc = utc
    }
}

/// Parses a publication date given as metadata (front matter, meta tags, JSON-LD, a scraper's
/// record, the manifest, a byline), in the forms the web uses:
/// - ISO 8601 / RFC 3339: "2019", "2019-02", "2019-02-21", "2019/02/21", "2019-11-19T07:47:00.000-05:00";
/// - RFC 2822: "Mon, 18 Nov 2019 16:07:38 -0600";
/// - words: "February 21, 2019", "21 January 2019", "December 2018", "November 19, 2019, 07:47 PM EST",
///   "19 Nov 2019 07:09 GMT", "01:38:07 PM IST Nov 20, 2019", "Fri 6:45 PM, Feb 16, 2018";
/// - JavaScript's `Date.toString()`: "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)".
///
/// The whole string must be a date: a word that is not a month, weekday, zone or filler refuses it.
/// The day is kept as written; a time with a zone is also given in UTC.
public enum MetadataDate {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// Zone abbreviations seen in dates on news sites, as minutes east of UTC. ("IST" is India's:
    /// the pages that write it are Indian.)
    static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "utc": 0, "ut": 0, "wet": 0, "bst": 60, "ist": 330, "cet": 60, "cest": 120,
        "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "pht": 480, "wib": 420, "aest": 600,
        "aedt": 660, "acst": 570, "awst": 480, "nzst": 720, "nzdt": 780, "sast": 120, "wat": 60,
        "eat": 180, "pkt": 300, "et": -300, "pt": -480, "ct": -360,
    ]

    /// Words that may stand around a date without changing it.
    static let fillers: Set<String> = ["st", "nd", "rd", "th", "of", "the", "on", "at", "published", "updated", "posted", "last", "date"]

    public static func parse(_ raw: String) -> KBDate? { stamp(raw)?.date }

    public static func stamp(_ raw: String) -> MetadataStamp? {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        // Date.toString()'s zone name in parentheses, "(Coordinated Universal Time)".
        if s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            s = String(s[..<open]).trimmingCharacters(in: .whitespaces)
        }
        if s.isEmpty { return nil }
        if let iso = isoStamp(s) { return iso }
        if s.first?.isNumber == true, s.prefix(while: \.isNumber).count == 4,
           s.dropFirst(4).first.map({ $0 == "-" || $0 == "/" }) == true {
            return nil
        }
        return wordStamp(s)
    }

    /// "2019", "2019-02-21", "2019/2/1", with an optional "T10:00:00Z" or " 10:00:00 +0100".
    static func isoStamp(_ s: String) -> MetadataStamp? {
        let datePart = s.prefix { $0 != "T" && $0 != " " }
        let isoPart = datePart.replacingOccurrences(of: "/", with: "-")
        guard isoPart.first?.isNumber == true, isoPart.count <= 10, isoPart.split(separator: "-").first?.count == 4 else { return nil }
        var date = KBDate(iso: String(isoPart))
        if date == nil {
            // 2019-2-1
            let p = isoPart.split(separator: "-").compactMap { Int($0) }
            if p.count == 3, isoPart.split(separator: "-").count == 3 { date = KBDate.validated(year: p[0], month: p[1], day: p[2]) }
        }
        guard let date else { return nil }
        let rest = s.dropFirst(datePart.count).drop { $0 == "T" || $0 == " " }
        guard date.precision == .day, !rest.isEmpty, let (time, restAfterTime) = clock(rest) else { return MetadataStamp(date: date) }
        let zone = restAfterTime.trimmingCharacters(in: .whitespaces)
        guard let offset = zone.isEmpty ? nil : zoneOffset(zone.lowercased()) else { return MetadataStamp(date: date) }
        return MetadataStamp(date: date, utc: utc(date, seconds: time, offset: offset))
    }

    /// Seconds since midnight of a leading "HH:MM[:SS[.fff]]", and what follows it.
    static func clock<S: StringProtocol>(_ s: S) -> (Int, Substring)? {
        let text = Substring(s)
        var parts: [Int] = []
        var index = text.startIndex
        while parts.count < 3 {
            let digits = text[index...].prefix(while: { $0.isASCII && $0.isNumber })
            guard (1...2).contains(digits.count), let n = Int(digits) else { return nil }
            parts.append(n)
            index = digits.endIndex
            guard index < text.endIndex, text[index] == ":" else { break }
            index = text.index(after: index)
        }
        guard parts.count >= 2, parts[0] < 24, parts[1] < 60, parts.count < 3 || parts[2] < 61 else { return nil }
        if index < text.endIndex, text[index] == "." || text[index] == "," {
            index = text[text.index(after: index)...].drop(while: { $0.isASCII && $0.isNumber }).startIndex
        }
        return (parts[0] * 3600 + parts[1] * 60 + (parts.count == 3 ? parts[2] : 0), text[index...])
    }

    /// Minutes east of UTC of "Z", "+01:00", "-0600", "+05", "GMT+0000", "UTC-5", "EST".
    static func zoneOffset(_ zone: String) -> Int? {
        if let known = zones[zone] { return known }
        var z = Substring(zone)
        for prefix in ["gmt", "utc"] where z.hasPrefix(prefix) { z = z.dropFirst(prefix.count) }
        guard let sign = z.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
        let digits = z.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        let (hours, minutes) = digits.count <= 2 ? (n, 0) : (n / 100, n % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 60 + minutes)
    }

    /// "2019-11-18T22:07:38Z": `seconds` after midnight of `date` in a zone `offset` minutes east of UTC.
    static func utc(_ date: KBDate, seconds: Int, offset: Int) -> String? {
        guard let dayNumber = date.dayNumber else { return nil }
        var total = dayNumber * 86_400 + seconds - offset * 60
        let days = Int((Double(total) / 86_400).rounded(.down))
        total -= days * 86_400
        return KBDate(dayNumber: days).iso + String(format: "T%02d:%02d:%02dZ", total / 3600, total % 3600 / 60, total % 60)
    }

    /// Month names, day numbers, a year, and optionally a time ("07:47", "6:45 PM"), a zone and a weekday.
    static func wordStamp(_ s: String) -> MetadataStamp? {
        var year: Int?, month: Int?, day: Int?
        var seconds: Int?
        var meridiem: String?
        var offset: Int?
        // Pieces split on white space and commas; a piece may hold a time ("7:45pm") or a zone ("GMT+0000").
        let pieces = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" || $0 == "\t" || $0 == "\n" })
        for piece in pieces {
            var p = piece.lowercased()
            while let last = p.last, ".;|".contains(last) { p.removeLast() }
            if p.isEmpty || p == "-" || p == "\u{2013}" || p == "\u{2014}" || p == "|" { continue }
            if let (time, rest) = clock(p), seconds == nil {
                seconds = time
                let tail = String(rest)
                if tail == "am" || tail == "pm" || tail == "a.m" || tail == "p.m" { meridiem = String(tail.prefix(1)) }
                else if !tail.isEmpty {
                    guard let z = zoneOffset(tail), offset == nil else { return nil }
                    offset = z
                }
                continue
            }
            if p == "am" || p == "pm" || p == "a.m" || p == "p.m" {
                guard seconds != nil, meridiem == nil else { return nil }
                meridiem = String(p.prefix(1))
                continue
            }
            // Words and numbers inside the piece ("21st", "Feb.", "2019").
            var tokens: [String] = []
            var cur = ""
            for ch in p {
                if ch.isLetter || ch.isNumber { cur.append(ch) } else if !cur.isEmpty { tokens.append(cur); cur = "" }
            }
            if !cur.isEmpty { tokens.append(cur) }
            if seconds != nil, offset == nil, let z = zoneOffset(p) {
                offset = z
                continue
            }
            for t in tokens {
                if let m = months[t] {
                    if month != nil { return nil }
                    month = m
                } else if let n = Int(t) {
                    if t.count == 4, year == nil { year = n }
                    else if t.count <= 2, day == nil, (1...31).contains(n) { day = n }
                    else { return nil }
                } else if fillers.contains(t) || weekday(t) {
                    continue
                } else if t.hasSuffix("st") || t.hasSuffix("nd") || t.hasSuffix("rd") || t.hasSuffix("th"), let n = Int(t.dropLast(2)) {
                    if day != nil { return nil }
                    day = n
                } else {
                    return nil
                }
            }
        }
        guard let y = year else { return nil }
        guard let m = month else { return day == nil && seconds == nil ? MetadataStamp(date: KBDate(year: y)) : nil }
        guard let d = day else { return seconds == nil ? MetadataStamp(date: KBDate(year: y, month: m)) : nil }
        guard let date = KBDate.validated(year: y, month: m, day: d) else { return nil }
        guard var time = seconds else { return MetadataStamp(date: date) }
        if let meridiem {
            let hour = time / 3600
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "p" && hour != 12 { time += 12 * 3600 }
            if meridiem == "a" && hour == 12 { time -= 12 * 3600 }
        }
        guard let offset else { return MetadataStamp(date: date) }
        return MetadataStamp(date: date, utc: utc(date, seconds: time, offset: offset))
    }

    static func weekday(_ s: String) -> Bool {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].contains(s)
    }
}
