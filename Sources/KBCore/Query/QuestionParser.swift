import Foundation

/// Turns a question into a plan. Forms:
///   <holder> positions|stances|statements|views on <topic> [in YEAR|since YEAR|between YEAR and YEAR] [by year|holder|source]
///   <initiator> <event noun> [in <place>] [on|against <target>] [by year]
///   meetings between A and B [by year]
///   who condemned|criticized|blamed|supported|welcomed|met|struck|attacked <actor> [in YEAR]
///   what did <person> say [about <topic>]
///   timeline of A [and B]
struct QuestionParser {
    let vocabulary: Vocabulary

    static let stanceNouns: Set<String> = ["positions", "position", "stances", "stance", "statements", "statement", "views", "view", "reactions", "reaction"]
    static let whoVerbs: Set<String> = ["condemned", "criticized", "criticised", "blamed", "accused", "denounced", "supported", "welcomed", "praised",
                                        "backed", "met", "visited", "struck", "attacked", "bombed", "sanctioned", "warned", "threatened"]

    func parse(_ question: String) throws -> QueryPlan {
        var trimmed = Substring(question).trimmed()
        while let c = trimmed.first, "?.!".contains(c) { trimmed = trimmed.dropFirst() }
        while let c = trimmed.last, "?.!".contains(c) { trimmed = trimmed.dropLast() }
        var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard !words.isEmpty else { throw KBError.query("empty question. " + Self.help) }
        var understood: [String] = []

        // Trailing "by year|holder|source".
        var group: Grouping? = nil
        if words.count >= 2, words[words.count - 2].lowercased() == "by", let g = Grouping(rawValue: words.last!.lowercased()) {
            group = g
            words.removeLast(2)
            understood.append("grouped by \(g.rawValue)")
        }
        // Years: "in 2018", "since 2017", "between 2015 and 2019", "from 2015 to 2019".
        var years: YearRange? = nil
        func year(_ s: String) -> Int? { s.count == 4 ? Int(s).flatMap { (1900...2100).contains($0) ? $0 : nil } : nil }
        if let k = words.indices.first(where: { ["between", "from"].contains(words[$0].lowercased()) && $0 + 3 < words.count && year(words[$0 + 1]) != nil && year(words[$0 + 3]) != nil }) {
            years = YearRange(from: year(words[k + 1]), to: year(words[k + 3]))
            words.removeSubrange(k...(k + 3))
        } else if let k = words.indices.first(where: { ["in", "since", "during", "until", "before", "after"].contains(words[$0].lowercased()) && $0 + 1 < words.count && year(words[$0 + 1]) != nil }) {
            let y = year(words[k + 1])!
            switch words[k].lowercased() {
            case "since", "after": years = YearRange(from: words[k].lowercased() == "after" ? y + 1 : y, to: nil)
            case "until", "before": years = YearRange(from: nil, to: words[k].lowercased() == "before" ? y - 1 : y)
            default: years = YearRange(from: y, to: y)
            }
            words.removeSubrange(k...(k + 1))
        }
        if let y = years { understood.append("years \(y)") }
        let lower = words.map { $0.lowercased() }

        // meetings between A and B
        if lower.first.map({ $0.hasPrefix("meeting") || $0 == "talks" || $0 == "visits" }) == true, lower.count >= 4, ["between", "of", "with"].contains(lower[1]),
           let and = lower.firstIndex(of: "and") {
            let a = try need(words[2..<and], "first party", understood)
            let b = try need(words[(and + 1)...], "second party", understood + ["first party \(a)"])
            return .meetings(a: a, b: b, years: years, group: group)
        }
        // who condemned X
        if lower.first == "who", lower.count >= 3, Self.whoVerbs.contains(lower[1]) {
            let object = try need(words[2...], "actor after '\(words[1])'", understood)
            return .who(verb: lower[1], object: object, years: years, group: group)
        }
        // what did P say [about T]
        if lower.count >= 4, lower[0] == "what", ["did", "has", "does"].contains(lower[1]), let say = lower.firstIndex(where: { $0 == "say" || $0 == "said" }) {
            let person = try need(words[2..<say], "speaker", understood)
            var topic: TopicRef? = nil
            if say + 2 < words.count, ["about", "on", "regarding"].contains(lower[say + 1]) {
                topic = try needTopic(words[(say + 2)...], understood + ["speaker \(person)"])
            }
            return .said(person: person, topic: topic, years: years, group: group)
        }
        // timeline of A [and B]
        if lower.first == "timeline", lower.count >= 3, ["of", "for"].contains(lower[1]) {
            if let and = lower.firstIndex(of: "and") {
                let a = try need(words[2..<and], "first actor", understood)
                let b = try need(words[(and + 1)...], "second actor", understood)
                return .timeline(a: a, b: b, years: years)
            }
            return .timeline(a: try need(words[2...], "actor", understood), b: nil, years: years)
        }
        // <holder> positions on <topic>
        if let k = lower.firstIndex(where: { Self.stanceNouns.contains($0) }), k > 0 {
            let holder = try need(words[..<k], "holder", understood)
            var topic: TopicRef? = nil
            if k + 1 < words.count {
                guard ["on", "about", "toward", "towards", "regarding", "of"].contains(lower[k + 1]), k + 2 < words.count else {
                    throw unknown(Array(words[(k + 1)...]), understood + ["holder \(holder)", "stance statements"])
                }
                topic = try needTopic(words[(k + 2)...], understood + ["holder \(holder)", "stance statements"])
            }
            return .positions(holder: holder, topic: topic, years: years, group: group)
        }
        // <initiator> <event noun> [in <place>] [on|against <target>]
        if let k = lower.firstIndex(where: { vocabulary.eventNouns[$0] != nil }) {
            let initiator: ActorRef? = k > 0 ? try need(words[..<k], "who acted", understood) : nil
            let (type, cameo) = vocabulary.eventNouns[lower[k]]!
            var place: ActorRef? = nil, target: ActorRef? = nil
            var i = k + 1
            while i < words.count {
                let prep = lower[i]
                let end = words[(i + 1)...].firstIndex { ["in", "on", "against", "into", "of"].contains($0.lowercased()) } ?? words.count
                guard i + 1 < end else { throw unknown(Array(words[i...]), understood) }
                let who = try need(words[(i + 1)..<end], prep == "in" ? "place" : "target", understood)
                if prep == "in" { place = who } else if ["on", "against", "into", "of"].contains(prep) { target = who } else { throw unknown([words[i]], understood) }
                i = end
            }
            var cameos: [String]? = nil
            if type == .CONSULT { cameos = lower[k].hasPrefix("call") ? ["041"] : nil }
            _ = cameo
            return .events(initiator: initiator, types: [type], cameos: cameos, place: place, target: target, years: years, group: group)
        }
        throw unknown(words, understood)
    }

    func need(_ words: ArraySlice<String>, _ role: String, _ understood: [String]) throws -> ActorRef {
        let phrase = words.joined(separator: " ")
        if let a = try vocabulary.actor(phrase) { return a }
        // "Russian officials", "the Israeli government": an adjective with a body noun.
        if words.count >= 2, let a = try vocabulary.actor(words.first!) { return a }
        throw unknown(Array(words), understood, role: role)
    }

    func needTopic(_ words: ArraySlice<String>, _ understood: [String]) throws -> TopicRef {
        if let t = try vocabulary.topic(words.joined(separator: " ")) { return t }
        throw unknown(Array(words), understood, role: "topic")
    }

    func unknown(_ words: [String], _ understood: [String], role: String? = nil) -> KBError {
        let phrase = words.joined(separator: " ")
        var message = "I did not understand " + (role.map { "the \($0) " } ?? "") + "'\(phrase)'."
        if !understood.isEmpty { message += " Understood so far: " + understood.joined(separator: "; ") + "." }
        let names = ((try? vocabulary.allNames()) ?? []) + Array(Self.stanceNouns) + Array(Self.whoVerbs)
            + ["meetings", "between", "timeline", "what did", "say about", "by year", "by holder", "by source"]
        var suggestions: [String] = []
        for w in [phrase] + words where w.count >= 3 {
            let lw = w.lowercased()
            let allowed = lw.count >= 5 ? 2 : 1
            let scored = names.compactMap { n -> (Int, String)? in
                let d = Self.distance(n.lowercased(), lw)
                return d > 0 && d <= allowed ? (d, n) : nil
            }.sorted { $0 < $1 }
            suggestions += scored.prefix(3).map(\.1)
        }
        if !suggestions.isEmpty {
            var seen = Set<String>()
            message += " Did you mean: " + suggestions.filter { seen.insert($0.lowercased()).inserted }.prefix(6).joined(separator: ", ") + "?"
        }
        return .query(message + " " + Self.help)
    }

    static let help = "Questions kb answers: '<holder> positions on <topic> [by year]', '<initiator> strikes in <place> [by year]', 'meetings between A and B [by year]', 'who condemned <actor>', 'what did <person> say about <topic>', 'timeline of A and B'."

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var before = prev
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
            }
            before = prev
            prev = cur
        }
        return prev[b.count]
    }
}
