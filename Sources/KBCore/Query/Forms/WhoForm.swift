/// "who condemned Israeli strikes", "who welcomed the Iran nuclear deal", "who met Putin":
/// statements carried by a predicate, on a topic; or events of a class involving an actor.
enum WhoForm: QuestionForm {
    static let syntax = "who condemned|criticized|welcomed|supported|… <topic> | who met|called|struck|… <actor>"
    static let summary = "statements whose predicate condemns (criticizes, welcomes, …) the topic, whatever act they were filed under; or events involving the actor"
    static let examples = [
        "who blamed Israel",
        "which countries criticized Israel in 2018",
        "who warned Israel",
        "who met Putin",
    ]
    static let patterns = [
        "who [$aux] <says> <topic>",
        "which countries|states|governments|actors|leaders|officials [$aux] <says> <topic>",
        "who [$aux] <does> <object>",
        "which countries|states|governments|actors|leaders|officials [$aux] <does> <object>",
    ].map { QuestionPattern($0, lists: QuestionWords.lists) }

    static func plan(_ slots: QuestionSlots, _ m: QuestionModifiers) throws -> QueryPlan {
        if let act = slots.statementVerb(), let topic = slots.topic() { return .whoSaid(act: act, topic: topic, years: m.years, group: m.group) }
        return .whoDid(acts: slots.acts("does")!, object: slots.actor("object")!, years: m.years, group: m.group)
    }
}

extension SQLBuilder {
    /// The statements a predicate carried (any word of the cue starts with one of its stems; not
    /// negated), or of a polarity, on the topic.
    static func whoSaid(_ act: StatementAct, _ topic: TopicRef, _ y: YearRange?, _ p: inout Parameters) -> Selection {
        var c: [Condition] = []
        if act.predicates.isEmpty {
            c.append(Condition("st.polarity = " + p.bind(act.polarity ?? "oppose")))
        } else {
            let stems = act.predicates.map { "' ' || st.cue LIKE " + p.bind("% " + $0 + "%") }
            c.append(Condition("(" + stems.joined(separator: " OR ") + ")", tally: nil))
            c.append(Condition("st.negated = 0", tally: nil))
        }
        c.append(topicCondition(topic, holder: nil, &p))
        return Selection(stance: true, branches: [c + years("st", y, &p)])
    }

    /// Events of the class with the actor on either side (met, called) or as the target (struck).
    static func whoDid(_ acts: ActClass, _ object: ActorRef, _ y: YearRange?, _ p: inout Parameters) -> Selection {
        var c = actConditions(acts, &p)
        if acts.eitherSide {
            let i = eventParty("initiator", object, &p), t = eventParty("target", object, &p)
            c.append(Condition("(\(i.row) OR \(t.row))", tally: i.tally.flatMap { i in t.tally.map { "(\(i) OR \($0))" } }))
        } else {
            c.append(eventParty("target", object, &p))
        }
        return Selection(stance: false, branches: [c + years("e", y, &p)])
    }
}
