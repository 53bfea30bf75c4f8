/// "Russian positions on Israeli strikes by year": stance statements of a holder, on a topic.
///
/// The holder is a state (its statements and those of everyone who spoke for it), an organization,
/// or a person (what they said). The topic is a class of events, a concept of the topic dictionary,
/// or an actor (statements aimed at it, or about what it does).
enum PositionsForm: QuestionForm {
    static let syntax = "<holder> positions|stances|views|statements|reactions on|toward|about <topic>"
    static let summary = "stance statements of a state, organization or person; also \"<holder>'s statements on <topic>\", \"what did <holder> say about <topic>\", \"how did <holder> react to <topic>\""
    static let examples = [
        "Russian positions on Israeli strikes by year",
        "What are Russia's positions on Israeli strikes?",
        "Moscow's stance toward Israel by year",
        "what did Netanyahu say about Iran's presence in Syria",
        "how did Iran react to Israeli strikes",
        "Russia's statements on Israel since 2018 by month",
    ]
    static let patterns = [
        "<holder> ['s] $stance [$on <topic>]",
        "$stance of|by|from <holder> [$on <topic>]",
        "what $aux <holder> say|said|think|thought [$about <topic>]",
        "how $aux <holder> react|reacted|respond|responded [to <topic>]",
        "where $aux <holder> stand [on <topic>]",
    ].map { QuestionPattern($0, lists: QuestionWords.lists) }

    static func plan(_ slots: QuestionSlots, _ m: QuestionModifiers) throws -> QueryPlan {
        .positions(holder: slots.actor("holder")!, topic: slots.topic(), years: m.years, group: m.group)
    }
}

extension SQLBuilder {
    /// The holder's statements (a state's by its country, a person's as speaker, another actor's
    /// as holder), on the topic.
    static func positions(_ holder: ActorRef, _ topic: TopicRef?, _ y: YearRange?, _ p: inout Parameters) -> Selection {
        var c = [holderCondition(holder, &p)]
        if let topic { c.append(topicCondition(topic, holder: holder, &p)) }
        return Selection(stance: true, branches: [c + years("st", y, &p)])
    }
}
