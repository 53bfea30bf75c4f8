/// Which statements a network is drawn from: `kb network --since --until --topic --holder`.
public struct NetworkFilter: Sendable, Equatable {
    /// Statements dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.
    public var since: String?
    /// Statements dated on or before this (the whole year or month when it names one).
    public var until: String?
    /// Topics by key ('strikes:ISR') or label ("Israeli strikes"), any letter case; empty: every topic.
    public var topics: [String]
    /// Holders named as a question names them ("Russia", "Hezbollah"); empty: every holder.
    /// Only edges that touch one of them are kept.
    public var holders: [String]

    public init(since: String? = nil, until: String? = nil, topics: [String] = [], holders: [String] = []) {
        self.since = since
        self.until = until
        self.topics = topics
        self.holders = holders
    }

    /// Refuses a date that is not YYYY, YYYY-MM or YYYY-MM-DD, and a range that ends before it starts.
    public func validate() throws {
        for (option, value) in [("--since", since), ("--until", until)] {
            if let value, !Self.isDate(value) {
                throw KBError.usage("\(option) \(value): give a year, a month or a day (2018, 2018-05 or 2018-05-14)")
            }
        }
        if let since, let until, since.prefix(until.count) > until {
            throw KBError.usage("--since \(since) is after --until \(until): no statement can be in between")
        }
    }

    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              zip(parts, [4, 2, 2]).allSatisfy({ p, w in p.count == w && p.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let numbers = parts.map { Int($0)! }
        return (numbers.count < 2 || (1...12).contains(numbers[1])) && (numbers.count < 3 || (1...31).contains(numbers[2]))
    }

    /// The filters in words, for the files' descriptions: "since 2018, until 2019, topic strikes:ISR".
    var summary: String {
        var parts: [String] = []
        if let since { parts.append("since \(since)") }
        if let until { parts.append("until \(until)") }
        parts += topics.map { "topic \($0)" }
        parts += holders.map { "holder \($0)" }
        return parts.isEmpty ? "every statement with a topic" : parts.joined(separator: ", ")
    }
}
