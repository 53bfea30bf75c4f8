import Testing
@testable import KBCore

@Suite("Event extraction")
struct EventExtractionTests {
    func events(_ text: String, published: String = "2019-02-21") throws -> [ExtractedEvent] {
        try Support.process(text, published: published).events
    }

    func one(_ text: String, published: String = "2019-02-21") throws -> ExtractedEvent {
        let e = try events(text, published: published)
        #expect(e.count == 1, "events: \(e.map { "\($0.type) \($0.cue)" })")
        return try #require(e.first)
    }

    @Test("date forms resolve to when it happened", arguments: [
        ("Israel’s Jan. 21 incursion into Syria angered Moscow.", "2019-02-21", "2019-01-21"),
        ("Israel struck Iranian targets near Damascus on Monday, the army said.", "2019-02-21", "2019-02-18"),
        ("Russia deployed troops to Syria in September 2015, officials recalled.", "2019-02-21", "2015-09"),
        ("Turkey invaded northern Syria in 2019 after weeks of warnings.", "2021-06-01", "2019"),
        ("On Feb. 12, officials said Israel had carried out a strike on Iranian assets a day prior.", "2019-02-21", "2019-02-11"),
        ("Israel bombed a convoy in Syria last month, according to monitors.", "2019-02-21", "2019-01"),
        ("Russia expelled two Israeli diplomats in December over the affair.", "2019-02-21", "2018-12"),
        ("Moscow’s 2022 invasion of Ukraine changed everything for Israel.", "2025-03-22", "2022"),
        ("Netanyahu met Putin in Moscow on September 17, 2018, for three hours.", "2019-02-21", "2018-09-17"),
    ])
    func dates(text: String, published: String, expected: String) throws {
        let e = try one(text, published: published)
        #expect(e.date?.iso == expected)
        #expect(e.dateBasis == .text)
    }

    @Test("no date in the text: a reported act takes the publication date, marked as such")
    func publicationFallback() throws {
        let e = try one("Putin and Netanyahu agreed in a telephone call to meet soon, the Kremlin said.", published: "2018-12-11")
        #expect(e.type == .CONSULT && e.cameo == "041")
        #expect(e.date?.iso == "2018-12-11" && e.dateBasis == .publication)
    }

    @Test("cue classes give PLOVER types", arguments: [
        ("Israeli jets bombed an arms depot near Damascus on Sunday.", EventType.ASSAULT, "ISR"),
        ("Russian forces seized three Ukrainian ships near the Kerch Strait on Sunday.", .COERCE, "RUS"),
        ("Russia deployed S-400 batteries to Syria on Monday.", .MOBILIZE, "RUS"),
        ("The United States imposed sanctions on Iranian banks on Monday.", .SANCTION, "USA"),
        ("Netanyahu met Putin in Moscow on Monday.", .CONSULT, "ISR"),
        ("Israel and Russia signed an agreement on Monday.", .AGREE, "ISR"),   // mutual: the first conjunct initiates, the second is the target
        ("Israel established a deconfliction mechanism with Russia in 2015.", .COOPERATE, "ISR"),
        ("Israel sent humanitarian aid to Ukraine on Monday.", .AID, "ISR"),
        ("The United States withdrew its forces from Syria on Monday.", .RETREAT, "USA"),
        ("President Donald Trump canceled the meeting with Putin on Thursday.", .REJECT, "USA"),
    ])
    func cueClasses(text: String, type: EventType, initiator: String) throws {
        let e = try one(text)
        #expect(e.type == type)
        #expect(e.initiator.country == initiator)
    }

    @Test("nominal forms: doer by possessive, adjective, 'by' and 'between'")
    func nominal() throws {
        let a = try one("The downing of the Russian reconnaissance plane by Syrian air defense on September 17, 2018 angered Moscow.")
        #expect(a.type == .ASSAULT && a.initiator.country == "SYR" && a.target?.country == "RUS")
        let b = try one("Israel’s Monday bombing of a Syrian anti-aircraft battery 50 kilometers east of Damascus was a warning.", published: "2017-10-19")
        #expect(b.initiator.country == "ISR" && b.date?.iso == "2017-10-16" && b.location == "50 kilometers east of Damascus" && b.locationCountry == "SYR")
        let c = try one("In Paris there was a short meeting between Putin and Prime Minister Benjamin Netanyahu in November 2018.")
        #expect(c.initiator.name == "Vladimir Putin" && c.target?.name == "Benjamin Netanyahu" && c.date?.iso == "2018-11")
    }

    @Test("hypotheticals, negations, habits, plans and references back are not events", arguments: [
        "Israel could strike Iranian sites in Syria next year.",
        "Israel may expand its operations and bomb Hezbollah depots.",
        "If Russia invaded Ukraine again, Europe would respond.",
        "Israel did not attack the convoy on Monday.",
        "Israel refrained from imposing sanctions on Russia.",
        "Israeli forces regularly conduct airstrikes in Syria.",
        "A planned meeting between Putin and Trump was discussed.",
        "In the wake of those strikes, Israel received a message from Moscow.",
        "Reports are claiming that Iran withdrew from Syria last week.",
    ])
    func notEvents(text: String) throws {
        #expect(try events(text).isEmpty)
    }

    @Test("the same event told twice in a source is one event with two mentions")
    func duplicates() throws {
        let p = try Support.process("""
            President Donald Trump canceled a meeting with Putin at the G20, officials said.

            The meeting was canceled by President Donald Trump on November 29, 2018, after the naval incident.
            """, published: "2018-12-11")
        #expect(p.events.count == 1)
        let e = try #require(p.events.first)
        #expect(e.mentions.count == 2)
        #expect(e.date?.iso == "2018-11-29" && e.dateBasis == .text)
        #expect(e.mentions.first?.sentence == 1)   // the telling that dates it is the evidence
    }
}
