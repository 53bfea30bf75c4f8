import Testing
@testable import KBCore

@Suite("Stance extraction")
struct StanceExtractionTests {
    func stances(_ text: String, published: String = "2019-02-21") throws -> [ExtractedStance] {
        try Support.process(text, published: published).stances
    }

    @Test("a quotation before its speaker: holder is the state the speaker served")
    func quoteThenSpeaker() throws {
        let s = try stances("\"Such arbitrary attacks on sovereign Syrian territory should be stopped,\" Russian Deputy Foreign Minister Sergei Vershinin told reporters.")
        withKnownIssue("#18: this quotation before its speaker is lost (the parse attaches the speech tag inside it)", isIntermittent: true) { () throws in
            #expect(s.count == 1)
            let first = try #require(s.first)
            #expect(first.holder.country == "RUS" && first.speaker?.name == "Sergei Vershinin")
            #expect(first.quote == "Such arbitrary attacks on sovereign Syrian territory should be stopped,")
            #expect(first.act == .CONSULT)
            #expect(first.polarity == "oppose")
        }
    }

    @Test("'said X' after a quotation, and a colon before one")
    func saidAndColon() throws {
        let a = try stances("\u{201C}We welcome the agreement,\u{201D} said Sergey Lavrov on Monday.")
        #expect(a.first?.speaker?.name == "Sergei Lavrov" && a.first?.holder.country == "RUS" && a.first?.polarity == "support")
        let b = try stances("Netanyahu declared: \u{201C}We will act against Iranian entrenchment in Syria.\u{201D}")
        #expect(b.first?.holder.country == "ISR" && b.first?.quote == "We will act against Iranian entrenchment in Syria.")
        #expect(b.first?.topicKey == "iran_presence_syria")
    }

    @Test("a quotation over several sentences belongs to the speaker named after it")
    func multiSentenceQuote() throws {
        let s = try stances("\u{201C}We have to be cautious. We need freedom of action in Syria,\u{201D} former Israeli Prime Minister Naftali Bennett explained.", published: "2025-03-22")
        #expect(s.count == 1)
        #expect(s[0].quote == "We have to be cautious. We need freedom of action in Syria,")
        #expect(s[0].speaker?.name == "Naftali Bennett" && s[0].holder.country == "ISR")
    }

    @Test("according to, assurances from")
    func accordingAndFrom() throws {
        let a = try stances("According to Tehran, the strike was an act of aggression against Syria.")
        #expect(a.first?.holder.country == "IRN")
        withKnownIssue("#18: 'according to' content is the head clause; 'aggression' there is not yet read as oppose") {
            #expect(a.first?.polarity == "oppose")
        }
        let b = try stances("Netanyahu received repeated assurances from the Kremlin that it was committed to protecting Israel's northern border.")
        withKnownIssue("#18: the parse does not attach 'from the Kremlin' to 'assurances'") {
            #expect(b.count == 1 && b.first?.holder.country == "RUS" && b.first?.polarity == "support")
        }
    }

    @Test("reported positions", arguments: [
        ("Russia blamed Israel for the incident on Tuesday.", "RUS", "oppose", EventType.ACCUSE),
        ("The Russian government has made clear that such Israeli strikes are unacceptable.", "RUS", "oppose", .CONSULT),
        // Praise of the decertification is opposition to the deal (#18).
        ("Netanyahu called Trump’s decertification of the Iran nuclear deal “courageous.”", "ISR", "oppose", .CONSULT),
        ("Israel urged Putin to limit Iran’s presence in Syria.", "ISR", "oppose", .REQUEST),
        ("Iran warned that it would deliver a crushing response to any further Israeli incursions.", "IRN", "oppose", .THREATEN),
        ("Israel condemned the invasion at the United Nations.", "ISR", "oppose", .ACCUSE),
        ("Turkey welcomed the ceasefire in Idlib.", "TUR", "support", .SUPPORT),
        ("Israeli officials expressed concern about the Iranian nuclear program.", "ISR", "oppose", .ACCUSE),
        ("The Russian Foreign Office spokeswoman mentioned Israel’s right to self-defense.", "RUS", "support", .CONSULT),
        ("Israel's government has vowed to roll back Iran's military presence in Syria.", "ISR", "oppose", .THREATEN),
    ])
    func reported(text: String, holder: String, polarity: String, act: EventType) throws {
        let s = try stances(text, published: "2018-12-11")
        #expect(s.count == 1)
        #expect(s.first?.holder.country == holder)
        #expect(s.first?.polarity == polarity)
        #expect(s.first?.act == act)
    }

    @Test("'he said' refers to the person named just before")
    func pronoun() throws {
        let s = try stances("Russian Foreign Minister Sergei Lavrov met Israeli officials in Moscow on Monday. He said that Israeli strikes in Syria were unacceptable.")
        #expect(s.count == 1)
        #expect(s.first?.speaker?.name == "Sergei Lavrov" && s.first?.holder.country == "RUS" && s.first?.polarity == "oppose")
        #expect(s.first?.topicKey == "strikes:ISR")
    }

    @Test("negation: 'did not condemn' and 'refused to criticize' are not opposition")
    func negation() throws {
        let a = try stances("Israel did not condemn the Russian strikes on Monday.")
        #expect(a.first?.polarity == "neutral" && a.first?.negated == true)
        let b = try stances("Russia has not welcomed the decision.")
        #expect(b.first?.polarity == "neutral")
    }

    @Test("the author's speculation and analysts' forecasts are not statements of the actors", arguments: [
        "However, an unrestrained Israeli policy in Syria could provoke unpredictable responses from Russia.",
        "If Donald Trump were to return to the White House, analysts predict that Israel’s relationship with Russia could strengthen further.",
        "Russia may condemn the strike in the coming days.",
        "Israel would likely welcome such a move.",
    ])
    func speculation(text: String) throws {
        #expect(try stances(text).isEmpty)
    }

    @Test("topics: a class of strikes with its doer, and a concept of the topic dictionary")
    func topics() throws {
        let a = try stances("\"With regard to the latest Israeli attacks, we said they should stop,\" Sergei Vershinin told reporters.")
        #expect(a.first?.topicKey == "strikes:ISR" && a.first?.topicLabel == "Israeli strikes")
        let b = try stances("\"We aren't prepared to accept the Iranian military entrenchment in Syria,\" Netanyahu declared back in December.")
        withKnownIssue("#18: 'entrenchment' with 'aren't prepared to accept' is not yet read as this concept, against") {
            #expect(b.first?.topicKey == "iran_presence_syria" && b.first?.polarity == "oppose" && b.first?.date?.iso == "2018-12")
        }
    }

    @Test("a statement is linked to the strikes it is about")
    func links() throws {
        let p = try Support.process("""
            Israel struck Iranian positions near Damascus on Monday. "Such Israeli attacks must stop," the Kremlin said on Tuesday.
            """, published: "2019-01-24")
        #expect(p.events.count == 1 && p.stances.count == 1)
        #expect(p.stances[0].events == [0])
        #expect(p.stances[0].date?.iso == "2019-01-22")
    }
}
