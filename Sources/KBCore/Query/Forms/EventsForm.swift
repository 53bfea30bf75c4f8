/// "Israeli strikes in Syria by year": events of a class, by an initiator, in a place, against a target.
enum EventsForm: QuestionForm {
    static let syntax = "<initiator> <acts> [in <place>] [on|against <target>]"
    static let summary = "events of a class (strikes, meetings, phone calls, sanctions, or any event noun) by an initiator, where, against whom; also \"<acts> by <initiator>\""
    static let examples = [
        "Israeli strikes in Syria by year",
        "Israel's strikes in Syria by year",
        "strikes by Israel in Syria",
    ]
    static let patterns = [
        "[<initiator> ['s]] <acts> [in|inside|within <place>] [on|against|into|targeting|of <target>] [in|inside|within <place>]",
        "<acts> by <initiator> [in|inside|within <place>] [on|against|into|targeting|of <target>] [in|inside|within <place>]",
    ].map { QuestionPattern($0, lists: QuestionWords.lists) }

    static func plan(_ slots: QuestionSlots, _ m: QuestionModifiers) throws -> QueryPlan {
        .events(initiator: slots.actor("initiator"), acts: slots.acts("acts")!, place: slots.actor("place"), target: slots.actor("target"), years: m.years, group: m.group)
    }
}

extension SQLBuilder {
    static func events(_ initiator: ActorRef?, _ acts: ActClass, _ place: ActorRef?, _ target: ActorRef?, _ y: YearRange?, _ p: inout Parameters) -> Selection {
        var c = actConditions(acts, &p)
        if let i = initiator { c.append(eventParty("initiator", i, &p)) }
        if let t = target { c.append(eventParty("target", t, &p)) }
        if let pl = place {
            if let cc = pl.country {
                // Where it happened, or, when the text names no place, the target's state.
                let v = p.bind(cc)
                c.append(Condition("(e.location_country = \(v) OR (e.location IS NULL AND e.target_country = \(v)))",
                                   tally: "(e.location_country = \(v) OR (e.located = 0 AND e.target_country = \(v)))"))
            } else {
                c.append(Condition("e.location = " + p.bind(pl.name), tally: nil))
            }
        }
        return Selection(stance: false, branches: [c + years("e", y, &p)])
    }
}
