/// A question read whole: its modifiers (years, grouping, "how many"), then one of the forms of
/// `QuestionForms.all`, every word part of the parse or a known filler. Otherwise the question is
/// refused with the words not understood, what was understood, and the nearest words and forms.
public struct ParsedQuestion: Sendable, Equatable {
    public var plan: QueryPlan
    public var modifiers: QuestionModifiers
    /// The form's syntax line: which form answered.
    public var form: String
}

struct QuestionParser {
    let vocabulary: Vocabulary

    static let groupWords: [String: Grouping] = [
        "year": .year, "years": .year, "month": .month, "months": .month, "holder": .holder, "holders": .holder,
        "country": .holder, "countries": .holder, "source": .source, "sources": .source,
    ]
    static let countOpeners: [[String]] = [["how", "many", "times"], ["how", "many"], ["how", "often"], ["number", "of"], ["count", "of"]]
    /// Words that may stand before "by year": "grouped by year", "broken down by month".
    static let groupLeads: [[String]] = [["grouped"], ["broken", "down"], ["split"], ["sorted"], ["listed"]]

    static func year(_ s: String) -> Int? {
        s.count == 4 && s.allSatisfy(\.isNumber) ? Int(s).flatMap { (1900...2100).contains($0) ? $0 : nil } : nil
    }

    func parse(_ question: String) throws -> ParsedQuestion {
        var text = QuestionText(question)
        guard !text.words.isEmpty else { throw KBError.query("The question is empty. Questions kb answers: \(QuestionForms.oneLine).") }
        var m = QuestionModifiers()
        var understood: [String] = []
        rewritePhrases(&text)
        stripOpeners(&text, &m)
        if m.countOnly { understood.append("counts only (how many)") }
        try extractModifiers(&text, &m, &understood)
        if text.words.isEmpty {
            throw KBError.query("The question says only \(understood.joined(separator: ", ")): it needs what to count or list, e.g. \(QuestionForms.all.map { "'\($0.examples[0])'" }.joined(separator: ", ")).")
        }
        var cache: [String: SlotValue?] = [:]
        func resolve(_ slot: String, _ r: Range<Int>) throws -> SlotValue? {
            let kind = QuestionPattern.kind(slot)
            let key = "\(kind) \(r.lowerBound) \(r.upperBound)"
            if let v = cache[key] { return v }
            let words = Array(text.words[r]), lower = Array(text.lower[r])
            let v: SlotValue?
            switch kind {
            case .actor: v = lower.contains("'s") && lower.last != "'s" ? nil : try vocabulary.actor(QuestionText.join(words)).map(SlotValue.actor)
            case .pair: v = try vocabulary.pair(words).map { SlotValue.pair($0.0, $0.1) }
            case .topic: v = try vocabulary.topic(words).map(SlotValue.topic)
            case .acts: v = vocabulary.acts(lower).map(SlotValue.acts)
            case .statementVerb: v = vocabulary.statementVerb(lower).map(SlotValue.statementVerb)
            case .eventVerb: v = vocabulary.eventVerb(lower).map(SlotValue.acts)
            }
            cache[key] = v
            return v
        }
        for form in QuestionForms.all {
            for pattern in form.patterns {
                if let parse = try pattern.parses(count: text.words.count, lower: text.lower, lenient: false, resolve: resolve).first {
                    let slots = QuestionSlots(values: parse.slots.compactMapValues(\.value))
                    return ParsedQuestion(plan: try form.plan(slots, m), modifiers: m, form: form.syntax)
                }
            }
        }
        throw try notUnderstood(question, text, understood, resolve)
    }

    /// Phrases of `query/phrases.tsv` replaced by what they are read as.
    func rewritePhrases(_ text: inout QuestionText) {
        var words = text.words, lower = text.lower
        var i = 0
        while i < lower.count {
            if let (phrase, readAs) = vocabulary.resources.phrases.first(where: { Array(lower[i...].prefix($0.phrase.count)) == $0.phrase }) {
                words.replaceSubrange(i..<(i + phrase.count), with: readAs)
                lower.replaceSubrange(i..<(i + phrase.count), with: readAs)
                i += readAs.count
            } else {
                i += 1
            }
        }
        text = QuestionText(words: words)
    }

    /// "how many", then openers ("what are", "show me", "the"); closers ("please") at the end.
    func stripOpeners(_ text: inout QuestionText, _ m: inout QuestionModifiers) {
        var changed = true
        while changed {
            changed = false
            for o in Self.countOpeners where text.lower.starts(with: o) && text.lower.count > o.count {
                text = QuestionText(words: Array(text.words.dropFirst(o.count))); m.countOnly = true; changed = true
            }
            for o in vocabulary.resources.openers where text.lower.starts(with: o) && text.lower.count > o.count {
                text = QuestionText(words: Array(text.words.dropFirst(o.count))); changed = true
                break
            }
        }
        changed = true
        while changed {
            changed = false
            for c in vocabulary.resources.closers where text.lower.count > c.count && Array(text.lower.suffix(c.count)) == c {
                text = QuestionText(words: Array(text.words.dropLast(c.count))); changed = true
                break
            }
        }
    }

    /// Years ("in 2018", "since 2017", "between 2015 and 2019", "from 2015 to 2019", "before 2020")
    /// and grouping ("by year", "per month"), wherever they stand; each at most once.
    func extractModifiers(_ text: inout QuestionText, _ m: inout QuestionModifiers, _ understood: inout [String]) throws {
        var i = 0
        var words = text.words, lower = text.lower
        func remove(_ k: Int, _ n: Int) { words.removeSubrange(k..<(k + n)); lower.removeSubrange(k..<(k + n)) }
        while i < lower.count {
            let w = lower[i]
            if let lead = Self.groupLeads.first(where: { Array(lower[i...].prefix($0.count)) == $0 }), i + lead.count + 1 < lower.count,
               ["by", "per"].contains(lower[i + lead.count]), Self.groupWords[lower[i + lead.count + 1]] != nil {
                remove(i, lead.count)
                continue
            }
            if ["by", "per"].contains(w), i + 1 < lower.count, let g = Self.groupWords[lower[i + 1]] {
                if let old = m.group {
                    throw KBError.query("The question groups twice ('by \(old.rawValue)' and '\(words[i]) \(words[i + 1])'): kb groups an answer one way. Keep one of them.")
                }
                m.group = g
                understood.append("grouped by \(g.rawValue)")
                remove(i, 2)
                continue
            }
            if i + 1 < lower.count, let y = Self.year(lower[i + 1]) {
                var range: YearRange? = nil, n = 2
                switch w {
                case "between", "from":
                    if i + 3 < lower.count, ["and", "to", "until", "through", "till"].contains(lower[i + 2]), let y2 = Self.year(lower[i + 3]) {
                        range = YearRange(from: min(y, y2), to: max(y, y2)); n = 4
                    } else if w == "from" { range = YearRange(from: y, to: nil) }
                case "in", "during": range = YearRange(from: y, to: y)
                case "since": range = YearRange(from: y, to: nil)
                case "after": range = YearRange(from: y + 1, to: nil)
                case "until", "till", "through": range = YearRange(from: nil, to: y)
                case "before": range = YearRange(from: nil, to: y - 1)
                default: break
                }
                if let range {
                    if let old = m.years {
                        throw KBError.query("The question gives the years twice ('\(old)' and '\(words[i..<(i + n)].joined(separator: " "))'). Give one span: 'in YEAR', 'since YEAR', 'before YEAR' or 'between YEAR and YEAR'.")
                    }
                    m.years = range
                    understood.append("years \(range)")
                    remove(i, n)
                    continue
                }
            }
            i += 1
        }
        text = QuestionText(words: words)
    }
}
