/// "timeline of Israel and Russia": the events and statements of one actor (involving another), in date order.
enum TimelineForm: QuestionForm {
    static let syntax = "timeline of <A> [and <B>]"
    static let summary = "events and statements of an actor (involving another), in date order"
    static let examples = ["timeline of Israel and Russia", "chronology of Iran"]
    static let patterns = [
        "timeline|chronology|history of|for <a> [and|with <b>]",
    ].map { QuestionPattern($0, lists: QuestionWords.lists) }

    static func plan(_ slots: QuestionSlots, _ m: QuestionModifiers) throws -> QueryPlan {
        if let g = m.group {
            throw KBError.query("A timeline is in date order and cannot be grouped: leave out 'by \(g.rawValue)', or ask another question (\(QuestionForms.oneLine)).")
        }
        return .timeline(a: slots.actor("a")!, b: slots.actor("b"), years: m.years)
    }
}
