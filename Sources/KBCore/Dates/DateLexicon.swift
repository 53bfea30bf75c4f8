/// Time units the resolver counts in.
enum DateUnit: Sendable, Hashable {
    case day, week, month, year
    /// morning, afternoon, evening, night: a part of a day (counted as days).
    case partOfDay
    case weekend
}

/// Function words and cues the resolver looks for. Words not listed have no lexeme.
enum DateWord: Sendable, Hashable {
    // relative deictics
    case today, tonight, yesterday, tomorrow, recently, lately, recent
    case last, next, this, past, previous, preceding, following, same, that, every, each
    case earlier, later, prior, before, after, afterwards, ago
    // modifiers
    case early, mid, late, end, beginning, start, middle, turn
    case first, second, third, fourth, half, quarter
    // prepositions / cues
    case of, since, `in`, by, until, till, during, from, through, throughout, back, over, within, `for`, on, at
    case the, a, and, or, to, but, `while`, although, though, because, whereas, who, which
    // future cues
    case will, shall, be, isVerb, was, scheduled, set, expected, due, slated, poised, going, planning, planned
    case plans, intends, aims, hopes, wants, upcoming
    // quantity words
    case few, several, couple, some, more, additional, extra, fewer, other
    case than, nearly, almost, roughly, approximately, least, another, estimated
    case pre, post
}

/// The lexeme of a word (lower-cased ASCII letters, at most 13 of them).
enum DateLex: Sendable, Hashable {
    case month(Int, abbrev: Bool)
    case weekday(Int)
    /// The season's representative month: spring 4, summer 7, autumn 10, winter 1.
    case season(Int)
    case unit(DateUnit, plural: Bool)
    /// one ... twelve
    case count(Int)
    /// A noun that makes a preceding number a count or measure ("2000 troops", "1500 km").
    case countNoun
    /// A noun that makes a following number a label ("No. 1115", "Resolution 1973").
    case labelNoun
    case word(DateWord)

    /// Words that can start or carry a date expression; a sentence without any of these and without
    /// a digit is skipped.
    var isTrigger: Bool {
        switch self {
        case .month, .weekday, .season, .unit: return true
        case .word(let w):
            switch w {
            case .today, .tonight, .yesterday, .tomorrow, .recently, .lately: return true
            default: return false
            }
        default: return false
        }
    }
}

/// Word table keyed by a base-27 packing of the lower-cased letters (see `DateLexicon.key`).
enum DateLexicon {
    /// Packs up to 13 ASCII letters; 0 for anything longer or non-ASCII.
    static func key(_ s: String) -> UInt64 {
        var k: UInt64 = 0
        var n = 0
        for c in s.utf8 {
            let l = c | 0x20
            guard l >= 97, l <= 122, n < 13 else { return 0 }
            k = k &* 27 &+ UInt64(l - 96)
            n += 1
        }
        return k
    }

    static let st = key("st"), nd = key("nd"), rd = key("rd"), th = key("th"), s = key("s")
    static let ll = key("ll"), t = key("t"), won = key("won")

    static func lookup(_ key: UInt64) -> DateLex? { packed[key] }

    /// `table` in an open-addressing table: every word of every sentence is looked up, and a
    /// Dictionary hashes its key with SipHash.
    static let packed = PackedKeyTable(table)

    static let table: [UInt64: DateLex] = {
        var t: [UInt64: DateLex] = [:]
        func add(_ words: [String], _ lex: DateLex) { for w in words { t[key(w)] = lex } }

        let months = ["january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december"]
        for (i, m) in months.enumerated() { add([m], .month(i + 1, abbrev: false)) }
        let abbrevs: [(String, Int)] = [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
                                        ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10),
                                        ("nov", 11), ("dec", 12)]
        for (a, m) in abbrevs { add([a], .month(m, abbrev: true)) }
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in days.enumerated() { add([d], .weekday(i + 1)) }
        add(["spring"], .season(4)); add(["summer"], .season(7))
        add(["autumn", "fall"], .season(10)); add(["winter"], .season(1))

        add(["day"], .unit(.day, plural: false)); add(["days"], .unit(.day, plural: true))
        add(["week"], .unit(.week, plural: false)); add(["weeks"], .unit(.week, plural: true))
        add(["month"], .unit(.month, plural: false)); add(["months"], .unit(.month, plural: true))
        add(["year"], .unit(.year, plural: false)); add(["years"], .unit(.year, plural: true))
        add(["morning", "afternoon", "evening", "night"], .unit(.partOfDay, plural: false))
        add(["weekend"], .unit(.weekend, plural: false))

        let counts = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                      "ten", "eleven", "twelve"]
        for (i, c) in counts.enumerated() { add([c], .count(i + 1)) }

        add(["troops", "soldiers", "men", "women", "children", "people", "persons", "civilians",
             "refugees", "migrants", "fighters", "militants", "militiamen", "members", "officers",
             "police", "policemen", "personnel", "workers", "students", "families", "households",
             "homes", "houses", "buildings", "residents", "prisoners", "detainees", "hostages",
             "casualties", "deaths", "dead", "killed", "wounded", "injured", "victims", "rockets",
             "missiles", "shells", "mortars", "drones", "bombs", "tanks", "vehicles", "aircraft",
             "planes", "jets", "ships", "vessels", "boats", "rounds", "weapons", "guns", "rifles",
             "km", "kms", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "ft",
             "m", "mi", "nm", "tons", "tonnes", "kg", "kilograms", "pounds", "lbs", "barrels",
             "bpd", "dollars", "euros", "usd", "shekels", "rubles", "roubles", "units", "sorties",
             "strikes", "airstrikes", "attacks", "incidents", "cases", "votes", "seats",
             "signatures", "pages", "words", "hours", "hrs", "minutes", "seconds", "gmt", "utc",
             "local", "percent", "points", "sq", "square", "acres", "hectares", "dunams",
             "positions", "targets", "sites", "facilities", "bases", "posts", "villages", "towns",
             "strong", "old", "million", "billion", "thousand", "hundred", "mw", "gw", "mph"],
            .countNoun)
        add(["no", "nos", "number", "resolution", "resolutions", "article", "articles", "flight",
             "route", "highway", "road", "chapter", "section", "page", "paragraph", "room", "code",
             "decree", "model", "unit", "brigade", "division", "regiment", "squadron", "battalion",
             "insight", "vol", "volume", "issue", "edition", "rule", "regulation", "annex", "exit",
             "gate", "platform", "bus", "line", "channel", "frequency", "height", "elevation",
             "hill", "point", "phone", "tel", "fax", "ext", "box", "suite", "apt", "block", "plot",
             "lot", "item", "bill", "file", "vision", "agenda", "doc", "document", "serial",
             "batch", "tail", "hull", "pennant"],
            .labelNoun)

        let words: [(String, DateWord)] = [
            ("today", .today), ("tonight", .tonight), ("yesterday", .yesterday),
            ("tomorrow", .tomorrow), ("recently", .recently), ("lately", .lately),
            ("recent", .recent), ("last", .last), ("next", .next), ("this", .this), ("past", .past),
            ("previous", .previous), ("preceding", .preceding), ("following", .following),
            ("same", .same), ("that", .that), ("every", .every), ("each", .each),
            ("earlier", .earlier), ("later", .later), ("prior", .prior), ("before", .before),
            ("after", .after), ("afterwards", .afterwards), ("afterward", .afterwards), ("ago", .ago),
            ("early", .early), ("mid", .mid), ("late", .late), ("end", .end),
            ("beginning", .beginning), ("start", .start), ("middle", .middle), ("turn", .turn),
            ("first", .first), ("second", .second), ("third", .third), ("fourth", .fourth),
            ("half", .half), ("quarter", .quarter),
            ("of", .of), ("since", .since), ("in", .in), ("by", .by), ("until", .until),
            ("till", .till), ("during", .during), ("from", .from), ("through", .through),
            ("throughout", .throughout), ("back", .back), ("over", .over), ("within", .within),
            ("for", .for), ("on", .on), ("at", .at),
            ("the", .the), ("a", .a), ("an", .a), ("and", .and), ("or", .or), ("to", .to),
            ("but", .but), ("while", .while), ("although", .although), ("though", .though),
            ("because", .because), ("whereas", .whereas), ("who", .who), ("which", .which),
            ("will", .will), ("shall", .shall), ("be", .be), ("is", .isVerb), ("are", .isVerb),
            ("am", .isVerb), ("was", .was), ("were", .was), ("scheduled", .scheduled),
            ("set", .set), ("expected", .expected), ("due", .due), ("slated", .slated),
            ("poised", .poised), ("planned", .planned), ("going", .going), ("planning", .planning), ("plans", .plans),
            ("plan", .plans), ("intends", .intends), ("intend", .intends), ("aims", .aims),
            ("aim", .aims), ("hopes", .hopes), ("hope", .hopes), ("wants", .wants),
            ("want", .wants), ("upcoming", .upcoming),
            ("few", .few), ("several", .several), ("couple", .couple), ("some", .some),
            ("more", .more), ("additional", .additional), ("extra", .extra), ("fewer", .fewer),
            ("other", .other), ("than", .than), ("nearly", .nearly), ("almost", .almost),
            ("roughly", .roughly), ("approximately", .approximately), ("least", .least),
            ("another", .another), ("estimated", .estimated), ("pre", .pre), ("post", .post),
        ]
        for (w, d) in words { add([w], .word(d)) }
        return t
    }()
}

/// A read-only map from packed word keys (`DateLexicon.key`) to lexemes: open addressing with
/// linear probing and a multiplicative hash.
struct PackedKeyTable: Sendable {
    private let keys: [UInt64]
    private let values: [DateLex?]
    private let shift: UInt64
    private static let empty = UInt64.max

    init(_ entries: [UInt64: DateLex]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 3 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var values = [DateLex?](repeating: nil, count: capacity)
        shift = 64 - bits
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(key, shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> DateLex? {
        var slot = Self.slot(key, shift)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == Self.empty { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
