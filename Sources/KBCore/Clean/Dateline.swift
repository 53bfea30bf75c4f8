import Foundation

/// A wire dateline at the start of an article's first block: "ANKARA, March 4, 2024 (Reuters) –",
/// "MOSCOW (AP) —", "TEHRAN, Jan. 5 (Mehr) -", "BEIRUT, Lebanon, 4 March 2024 –". The place is in
/// capitals; a date (with or without its year), an agency in parentheses, or both follow; a dash
/// ends it. The text keeps what follows the dash.
public struct Dateline: Sendable, Equatable {
    /// The place, in title case ("Ankara", "Tel Aviv").
    public var place: String
    /// The date when the dateline gives its year (or a year to complete it is known).
    public var date: KBDate?
    /// The agency in parentheses, as written ("Reuters", "AP").
    public var agency: String?
    /// Where the block's text begins after the dateline.
    public var rest: String

    static let pattern = try! NSRegularExpression(pattern: #"""
        ^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:,\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?))?\
        (?:,\s*((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?))?\
        \s*(?:\(([A-Za-z][A-Za-z .&-]{0,30})\))?\s*(?:[–—]|--?)\s+(\S.*)$
        """#.replacingOccurrences(of: "\\\n", with: ""), options: [.dotMatchesLineSeparators])

    /// A place in capitals run into the first sentence, as pages print the dateline's span
    /// without its dash: "BEIRUT/MUNICH The Turkish army …", "MOSCOW The Kremlin …".
    static let bare = try! NSRegularExpression(pattern: #"^([A-Z][A-Z'.\-]{2,}(?:[ /][A-Z][A-Z'.\-]{2,}){0,3}) +((?:The|A|An) \S.*)$"#,
                                               options: [.dotMatchesLineSeparators])

    /// The dateline of `block`, if it starts with one. `year` completes a date written without one.
    public static func find(in block: String, year: Int? = nil) -> Dateline? {
        guard let first = block.first, first.isUppercase else { return nil }
        let ns = block as NSString
        if let b = bare.firstMatch(in: block, range: NSRange(location: 0, length: ns.length)) {
            let places = ns.substring(with: b.range(at: 1)).split(separator: "/")
            let place = places[0].split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
            return Dateline(place: place, date: nil, agency: nil, rest: ns.substring(with: b.range(at: 2)))
        }
        guard let m = pattern.firstMatch(in: block, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ k: Int) -> String? { m.range(at: k).location == NSNotFound ? nil : ns.substring(with: m.range(at: k)) }
        let dateText = group(3), agency = group(4)
        // A capitalized word and a dash alone ("NATO – the alliance …") is no dateline.
        guard dateText != nil || agency != nil, let rest = group(5) else { return nil }
        var date: KBDate?
        if let d = dateText {
            let withYear = d.range(of: #"\d{4}$"#, options: .regularExpression) != nil
            let full = withYear ? d : year.map { d + ", \($0)" }
            if let full, let found = BylineDate.find(in: full.replacingOccurrences(of: ".", with: "")) { date = found.date }
        }
        let place = group(1)!.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        return Dateline(place: place, date: date, agency: agency, rest: rest)
    }
}
