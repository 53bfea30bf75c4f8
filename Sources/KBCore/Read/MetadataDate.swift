import Foundation

/// Parses a publication date given as metadata (front matter, meta tags, a scraper's record, the
/// manifest, a byline): ISO dates and timestamps, "February 21, 2019", "21 January 2019",
/// "Mar 22, 2025", "2019/02/21", "December 2018", "2018". The whole string must be a date.
public enum MetadataDate {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    public static func parse(_ raw: String) -> KBDate? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return nil }
        // ISO: 2019, 2019-02, 2019-02-21, 2019-02-21T10:00:00Z, 2019/02/21
        let isoPart = s.prefix { $0 != "T" && $0 != " " }.replacingOccurrences(of: "/", with: "-")
        if isoPart.first?.isNumber == true, isoPart.count <= 10, isoPart.split(separator: "-").first?.count == 4 {
            if let d = KBDate(iso: String(isoPart)) { return d }
            // 2019-2-1
            let p = isoPart.split(separator: "-").compactMap { Int($0) }
            if p.count == 3, let d = KBDate(iso: String(format: "%04d-%02d-%02d", p[0], p[1], p[2])) { return d }
            return nil
        }
        // Words: month names, day numbers, a year.
        var tokens: [String] = []
        var cur = ""
        for ch in s {
            if ch.isLetter || ch.isNumber { cur.append(ch) } else if !cur.isEmpty { tokens.append(cur); cur = "" }
        }
        if !cur.isEmpty { tokens.append(cur) }
        var year: Int?, month: Int?, day: Int?
        for t in tokens {
            let lower = t.lowercased()
            if let m = months[lower] {
                if month != nil { return nil }
                month = m
            } else if let n = Int(t) {
                if t.count == 4, year == nil { year = n }
                else if t.count <= 2, day == nil, (1...31).contains(n) { day = n }
                else { return nil }
            } else if ["st", "nd", "rd", "th", "of", "the", "on", "published", "updated"].contains(lower) || weekday(lower) {
                continue
            } else if lower.hasSuffix("st") || lower.hasSuffix("nd") || lower.hasSuffix("rd") || lower.hasSuffix("th"), let n = Int(lower.dropLast(2)) {
                if day != nil { return nil }
                day = n
            } else {
                return nil
            }
        }
        guard let y = year else { return nil }
        guard let m = month else { return day == nil ? KBDate(year: y) : nil }
        if let d = day { return KBDate(iso: String(format: "%04d-%02d-%02d", y, m, d)) }
        return KBDate(year: y, month: m)
    }

    static func weekday(_ s: String) -> Bool {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].contains(s)
    }
}
