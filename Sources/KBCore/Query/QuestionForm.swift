/// A kind of question kb answers: its phrasings, its help line and examples, and the plan it
/// makes (its SQL is in the same file, an extension of SQLBuilder). The registry (`QuestionForms.all`)
/// is what the parser tries, in order, and what the help text, the suggestions and the README's
/// list of questions are made from.
protocol QuestionForm {
    /// The form as help shows it: "<holder> positions on <topic>".
    static var syntax: String { get }
    /// What it answers, in a few words.
    static var summary: String { get }
    /// Questions it answers on the corpus database (the tests run each).
    static var examples: [String] { get }
    static var patterns: [QuestionPattern] { get }
    /// The plan for a strict parse: every slot resolved.
    static func plan(_ slots: QuestionSlots, _ modifiers: QuestionModifiers) throws -> QueryPlan
}

/// The slots of a strict parse, by name.
struct QuestionSlots {
    var values: [String: SlotValue]

    func actor(_ name: String) -> ActorRef? {
        if case .actor(let a)? = values[name] { return a }
        return nil
    }
    func pair(_ name: String = "pair") -> (ActorRef, ActorRef)? {
        if case .pair(let a, let b)? = values[name] { return (a, b) }
        return nil
    }
    func topic(_ name: String = "topic") -> TopicRef? {
        if case .topic(let t)? = values[name] { return t }
        return nil
    }
    func acts(_ name: String) -> ActClass? {
        if case .acts(let a)? = values[name] { return a }
        return nil
    }
    func statementVerb(_ name: String = "says") -> StatementAct? {
        if case .statementVerb(let s)? = values[name] { return s }
        return nil
    }
}

/// What a question says besides its form: years, grouping, and whether it asks for counts only.
public struct QuestionModifiers: Sendable, Equatable {
    public var years: YearRange?
    public var group: Grouping?
    public var countOnly = false
}

/// Word lists the forms share.
enum QuestionWords {
    static let stance = ["positions", "position", "stances", "stance", "views", "view", "statements", "statement", "reactions", "reaction", "remarks", "comments", "attitude", "attitudes"]
    /// "positions on", "reactions to", "views of".
    static let on = ["on", "toward", "towards", "about", "regarding", "concerning", "over", "to", "of", "re"]
    static let about = ["about", "on", "regarding", "concerning", "of"]
    static let aux = ["did", "does", "do", "has", "have", "had"]
    static let lists: [String: [String]] = ["stance": stance, "on": on, "about": about, "aux": aux]
}

/// Every form, in the order the parser tries them.
enum QuestionForms {
    static let all: [any QuestionForm.Type] = [BetweenForm.self, WhoForm.self, TimelineForm.self, PositionsForm.self, EventsForm.self]

    /// The help text's list: one line per form, and what a question may add to any of them.
    static var help: String {
        var out = all.map { "  " + $0.syntax + "\n      " + $0.summary }.joined(separator: "\n")
        out += "\n  Any of them: " + QuestionModifiers.syntax
        return out
    }

    /// The forms as one short line, for error messages.
    static var oneLine: String { all.map { "'\($0.syntax)'" }.joined(separator: ", ") }
}

extension QuestionModifiers {
    static let syntax = "in YEAR | since YEAR | before YEAR | until YEAR | between YEAR and YEAR; by year | by month | by holder | by source; \"how many …\" for the counts without the rows"
}

/// The registry as the command line and the README show it.
public enum QuestionCatalog {
    /// One line per form with what it answers, and the modifiers any form takes.
    public static var help: String { QuestionForms.help }

    /// Every form's examples, in registry order.
    public static var examples: [String] { QuestionForms.all.flatMap { $0.examples } }

    /// The README's list of questions: the syntax lines, then the modifiers.
    public static var readmeBlock: String {
        (QuestionForms.all.map { $0.syntax } + ["… " + QuestionModifiers.syntax]).joined(separator: "\n")
    }
}
