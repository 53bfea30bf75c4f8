/// "meetings between Israel and Russia by year", "phone calls between Putin and Netanyahu",
/// "events of type AGREE between Russia and Turkey": events of a class between two parties,
/// either side first.
enum BetweenForm: QuestionForm {
    static let syntax = "<acts> between <A> and <B>"
    static let summary = "meetings (in person), phone calls, or events of type T between two parties, either side first; also \"<A>'s <acts> with <B>\", \"did <A> meet|call <B>\", \"Russia-US phone calls\""
    static let examples = [
        "meetings between Israel and Russia by year",
        "phone calls between Putin and Netanyahu",
        "events of type CONSULT between Israel and Russia",
        "Israel's meetings with Russia",
    ]
    static let patterns = [
        "<acts> between <a> and|&|with <b>",
        "<acts> of <a> with|and <b>",
        "<a> ['s] <acts> with <b>",
        "[when] did|has|have <a> <does> [with] <b>",
        "<pair> <acts>",
    ].map { QuestionPattern($0, lists: QuestionWords.lists) }

    static func plan(_ slots: QuestionSlots, _ m: QuestionModifiers) throws -> QueryPlan {
        if let (a, b) = slots.pair() { return .between(a: a, b: b, acts: slots.acts("acts")!, years: m.years, group: m.group) }
        let a = slots.actor("a")!, b = slots.actor("b")!
        if let acts = slots.acts("does") {
            // "did Putin meet Netanyahu": either side; "did Israel strike Syria": A acted on B.
            if acts.eitherSide { return .between(a: a, b: b, acts: acts, years: m.years, group: m.group) }
            return .events(initiator: a, acts: acts, place: nil, target: b, years: m.years, group: m.group)
        }
        return .between(a: a, b: b, acts: slots.acts("acts")!, years: m.years, group: m.group)
    }
}

extension SQLBuilder {
    /// Either side first: two branches, each an index range (type, initiator, target).
    static func between(_ a: ActorRef, _ b: ActorRef, _ acts: ActClass, _ y: YearRange?, _ p: inout Parameters) -> Selection {
        let first = actConditions(acts, &p) + [eventParty("initiator", a, &p), eventParty("target", b, &p)]
        var branches = [first + years("e", y, &p)]
        let second = actConditions(acts, &p) + [eventParty("initiator", b, &p), eventParty("target", a, &p)]
        if second.map(\.row) != first.map(\.row) {
            // Two states (or two other actors) differ in the initiator column, so no event is in
            // both branches; a state and a person might be: leave out the first branch's events
            // (IS never gives NULL, so NOT never drops a row it should keep).
            let byCountry = { (x: ActorRef) in x.isState && x.country != nil }
            let disjoint = byCountry(a) == byCountry(b) && (byCountry(a) ? a.country != b.country : a.id != b.id)
            var overlap: [Condition] = []
            if !disjoint {
                let i = eventParty("initiator", a, &p, op: "IS"), t = eventParty("target", b, &p, op: "IS")
                overlap = [Condition("NOT (\(i.row) AND \(t.row))", tally: i.tally.flatMap { i in t.tally.map { "NOT (\(i) AND \($0))" } })]
            }
            branches.append(second + overlap + years("e", y, &p))
        }
        return Selection(stance: false, branches: branches)
    }
}
