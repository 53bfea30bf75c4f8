import Testing
@testable import KBCore

/// Forms of real readouts and wire reports that the parse-based roles must read: who acted and
/// upon whom, checked by hand against the sentences.
@Suite("Event roles in real-text forms")
struct EventRoleFormTests {
    func events(_ text: String, published: String = "2024-03-15") throws -> [ExtractedEvent] {
        try Support.process(text, published: published).events
    }

    @Test("'took place between' the people of two states: one meeting, both sides")
    func tookPlaceBetween() throws {
        let e = try events("On the evening of March 9, a telephone conversation took place between the Presidents of Russia and the US.")
        #expect(e.count == 1)
        let c = try #require(e.first)
        #expect(c.type == .CONSULT)
        #expect(Set([c.initiator.country, c.target?.country]) == ["RUS", "USA"])
        #expect(c.date?.iso == "2024-03-09")
    }

    @Test("officials 'of' conjoined states meet: one event between them")
    func ministersOf() throws {
        let e = try events("The foreign ministers of Ukraine and Russia met in Antalya on March 10.")
        let c = try #require(e.first)
        #expect(e.count == 1 && c.type == .CONSULT)
        #expect(Set([c.initiator.country, c.target?.country]) == ["UKR", "RUS"])
    }

    @Test("a common noun written with a capital under a light verb is an event ('held a Summit with')")
    func capitalizedNoun() throws {
        let e = try events("President Joe Biden today held a Summit with President Xi Jinping in Woodside, California.")
        let c = try #require(e.first)
        #expect(c.type == .CONSULT && c.initiator.country == "USA" && c.target?.country == "CHN")
    }

    @Test("a body's pronoun in what it said is the body; a possessed place stands for its owner")
    func reportedAct() throws {
        let e = try events("The Israeli military said it targeted Hezbollah's central intelligence headquarters around midnight.")
        let c = try #require(e.first)
        #expect(c.type == .ASSAULT && c.initiator.country == "ISR")
        #expect(c.target?.name == "Hezbollah")
    }

    @Test("the possessor of a killing or an arrest is its victim, not its doer")
    func possessorIsPatient() throws {
        #expect(try events("Abbas condemned Haniyeh's killing on Wednesday.").allSatisfy { $0.initiator.name != "Ismail Haniyeh" })
        #expect(try events("The order directs a review of Syria's designation as a State Sponsor of Terrorism.").isEmpty)
    }

    @Test("'you' in a quotation is the one addressed, never the speaker")
    func addressee() throws {
        let e = try events("\u{201C}You killed our dear guest in our house,\u{201D} Khamenei said in a statement.")
        #expect(!e.contains { $0.initiator.country == "IRN" })
    }

    @Test("the simple present tells habits and states, not acts", arguments: [
        "We closely cooperate in the international arena.",
        "Iran supplies the militias with drones and missiles.",
        "Russia and Turkey cooperate on trade.",
    ])
    func simplePresent(text: String) throws {
        #expect(try events(text).isEmpty)
    }

    @Test("what is called for, demanded or threatened has not happened", arguments: [
        "Zelenskyy called for Russia's withdrawal from all Ukrainian territory.",
        "The six Gulf monarchies called for an immediate cessation of hostilities and Israeli military operations.",
        "Iran threatened sanctions on European banks.",
    ])
    func wanted(text: String) throws {
        let e = try events(text)
        #expect(e.isEmpty, "\(e.map { "\($0.type) \($0.cue)" })")
    }

    @Test("a plan done in coordination is still done: only 'call for'-like obliques are wanted")
    func plannedInCoordination() throws {
        #expect(try events("Israel coordinated the operation with the United States in March.").contains { $0.type == .COOPERATE })
    }

    @Test("a verb whose past is its base form is read as past ('Israeli jets hit a depot')")
    func unchangedPast() throws {
        let e = try events("Israeli jets hit an arms depot near Damascus.")
        #expect(e.count == 1 && e.first?.type == .ASSAULT)
    }

    @Test("a light verb's subject does the act its noun names, and a seat stands for its state")
    func lightVerbAndSeat() throws {
        let e = try events("Salami paid his visit to Syria in July 2022.")
        #expect(e.count == 1 && e.first?.initiator.name == "Hossein Salami" && e.first?.target?.country == "SYR")
        #expect(e.first?.date?.iso == "2022-07")
        let k = try events("Netanyahu made a visit to the Kremlin on Monday.")
        #expect(k.first?.type == .CONSULT && k.first?.target?.country == "RUS")
    }

    @Test("'its' in a verb's oblique is the object named before it, not the subject: 'condemned Israel for its aggression'")
    func possessiveOfObject() throws {
        let p = try Support.process("Ankara condemned Israel for its aggression against Iran on Friday.", published: "2025-06-14")
        #expect(p.events.first?.type == .ASSAULT && p.events.first?.initiator.country == "ISR" && p.events.first?.target?.country == "IRN")
        #expect(p.stances.first?.holder.country == "TUR" && p.stances.first?.topic?.key == "strikes:ISR")
        // Without an object before it, "its" is still the subject's.
        let q = try Support.process("The Israeli army said its jets struck a depot near Damascus on Monday.", published: "2025-06-14")
        #expect(q.events.first?.initiator.country == "ISR")
    }

    @Test("in a transcript's turn, 'I' and 'we' are its speaker")
    func turnSpeaker() throws {
        let text = """
        President Vladimir Putin: Good afternoon. We met with President Erdogan in Sochi on Monday.

        Recep Tayyip Erdogan: Thank you. I spoke with President Zelensky on Sunday.
        """
        let e = try events(text)
        #expect(e.contains { $0.type == .CONSULT && $0.initiator.country == "RUS" && $0.target?.country == "TUR" })
        #expect(e.contains { $0.type == .CONSULT && $0.initiator.country == "TUR" && $0.target?.country == "UKR" })
    }
}
