/// What a report's chart draws: records per year (or month), stacked by category — a statement's
/// polarity, an event's type. Counted from the answer's own records (or, for "how many …", its
/// groups' counts), so the chart and the table come from the same SQL.
public struct TimelineData: Sendable, Equatable {
    /// "year" or "month".
    public var unit: String
    /// Every year (month) from the first to the last, in order, then "undated" when some are.
    public var buckets: [String]
    /// The stacks' categories, bottom first.
    public var categories: [String]
    /// counts[bucket][category].
    public var counts: [[Int]]
    /// What is counted: "statements", "events", "events and statements".
    public var noun: String
    /// What the stacks are: "polarity", "type", "polarity or type".
    public var stackedBy: String

    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Event types beyond this many are drawn together as "other types".
    static let maxTypes = 6
    static let otherTypes = "other types"

    public init(_ answer: QueryAnswer) {
        let unit = answer.grouping == .month ? "month" : "year"
        var tally: [String: [String: Int]] = [:]
        var kinds: Set<String> = []
        func field(_ r: Record, _ name: String) -> String? {
            guard let v = r.first(where: { $0.0 == name })?.1, v != .null else { return nil }
            return v.text
        }
        if answer.isCountOnly {
            for g in answer.groups {
                let bucket = g.key ?? "all"
                if let polarity = g.polarity {
                    for (p, n) in polarity where n > 0 { tally[bucket, default: [:]][p, default: 0] += n }
                } else if g.total > 0 {
                    tally[bucket, default: [:]]["count", default: 0] += g.total
                }
            }
            kinds.insert(answer.query.sql.contains("'stance' AS type") ? "stance" : "event")
        } else {
            for r in answer.records {
                let type = field(r, "type") ?? "record"
                kinds.insert(type)
                let bucket = field(r, "date").map { String($0.prefix(unit == "month" ? 7 : 4)) } ?? "undated"
                let category = field(r, "polarity") ?? field(r, "event_type") ?? field(r, "what") ?? "other"
                tally[bucket, default: [:]][category, default: 0] += 1
            }
        }
        // Categories: polarities in their fixed order, then the commonest event types.
        var totals: [String: Int] = [:]
        for (_, row) in tally { for (c, n) in row { totals[c, default: 0] += n } }
        let polarities = SQLBuilder.polarities.filter { totals[$0] != nil }
        var others = totals.keys.filter { !SQLBuilder.polarities.contains($0) }.sorted { (totals[$1]!, $0) < (totals[$0]!, $1) }
        if others.count > Self.maxTypes {
            let folded = Set(others[(Self.maxTypes - 1)...])
            for b in tally.keys {
                let n = folded.reduce(0) { $0 + (tally[b]![$1] ?? 0) }
                for c in folded { tally[b]![c] = nil }
                if n > 0 { tally[b]![Self.otherTypes] = n }
            }
            others = Array(others[..<(Self.maxTypes - 1)]) + [Self.otherTypes]
        }
        let categories = polarities + others
        let buckets = Self.span(Array(tally.keys), unit: unit)
        self.unit = unit
        self.buckets = buckets
        self.categories = categories
        self.counts = buckets.map { b in categories.map { tally[b]?[$0] ?? 0 } }
        self.noun = kinds == ["stance"] ? "statements" : kinds == ["event"] ? "events" : "events and statements"
        self.stackedBy = kinds == ["stance"] ? "polarity" : kinds == ["event"] ? "type" : "polarity or type"
    }

    /// Every year or month from the first key to the last (a gap is a bar of zero, so that the
    /// axis is time), then the keys that are not dates.
    static func span(_ keys: [String], unit: String) -> [String] {
        let dated = keys.filter { Int($0.prefix(4)) != nil }.sorted()
        let rest = keys.filter { Int($0.prefix(4)) == nil }.sorted { ($0 == "undated" ? 1 : 0, $0) < ($1 == "undated" ? 1 : 0, $1) }
        func index(_ k: String) -> Int? {
            guard let y = Int(k.prefix(4)) else { return nil }
            if unit == "year" { return y }
            guard k.count >= 7, let m = Int(k.dropFirst(5).prefix(2)) else { return nil }
            return y * 12 + m - 1
        }
        func fourDigits(_ n: Int) -> String { let s = "\(n)"; return String(repeating: "0", count: max(0, 4 - s.count)) + s }
        let indexed = dated.compactMap(index)
        guard let a = indexed.min(), let b = indexed.max(), b - a < 600 else { return dated + rest }
        let all = (a...b).map { unit == "year" ? String($0) : fourDigits($0 / 12) + "-" + ($0 % 12 < 9 ? "0" : "") + String($0 % 12 + 1) }
        // Keys at another precision (a year in a month chart) keep their place after the span.
        return all + dated.filter { index($0) == nil } + rest
    }
}
