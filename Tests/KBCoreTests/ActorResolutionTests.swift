import Testing
@testable import KBCore

@Suite("Actor resolution")
struct ActorResolutionTests {
    func mentions(_ text: String, published: String = "2019-02-21") throws -> [ActorMention] {
        try Support.process(text, published: published).actors.mentions
    }

    @Test("longest match, possessives and plurals")
    func longestPossessivePlural() throws {
        let m = try mentions("Israel’s army told U.S. Central Command that the Russians had left. Israelis were relieved by this news today.")
        #expect(m.map(\.actorKey) == ["state:ISR", "org:CENTCOM", "state:RUS", "state:ISR"])
        #expect(m.map(\.surface) == ["Israel", "U.S. Central Command", "Russians", "Israelis"])
        #expect(m[2].form == .adjective)
    }

    @Test("titles in front of names")
    func titles() throws {
        let m = try mentions("Russian Deputy Foreign Minister Sergei Vershinin met Prime Minister Benjamin Netanyahu in Jerusalem yesterday.")
        let vershinin = try #require(m.first { $0.actorKey == "person:sergei-vershinin" })
        #expect(vershinin.title == "Deputy Foreign Minister" && vershinin.country == "RUS" && vershinin.surface == "Sergei Vershinin")
        let bibi = try #require(m.first { $0.actorKey == "person:benjamin-netanyahu" })
        #expect(bibi.title == "Prime Minister" && bibi.country == "ISR")
    }

    @Test("surname-only and title-only repeats after a first full mention")
    func repeats() throws {
        let m = try mentions("Prime Minister Benjamin Netanyahu spoke on Monday in the Knesset about Iran. Netanyahu said later that the prime minister would travel to Moscow soon.")
        let people = m.filter { $0.kind == .person }
        #expect(people.map(\.actorKey) == ["person:benjamin-netanyahu", "person:benjamin-netanyahu", "person:benjamin-netanyahu"])
        #expect(people.map(\.form) == [.name, .surname, .title])
    }

    @Test("unnamed officials resolve to their affiliation")
    func officials() throws {
        let m = try mentions("Israeli officials said a senior Iranian official had met the Russian Foreign Office spokeswoman in the capital last week.", published: "2018-12-11")
        #expect(m.filter { $0.kind == .state }.map(\.actorKey) == ["state:ISR", "state:IRN", "state:RUS"])
        // The spokeswoman is resolved by title, role and date: Russia's foreign-ministry spokeswoman in December 2018.
        let spokeswoman = try #require(m.first { $0.form == .title })
        #expect(spokeswoman.actorKey == "person:maria-zakharova" && spokeswoman.country == "RUS")
    }

    @Test("a person whose role changed: 'the Israeli prime minister' on two dates")
    func roleOverTime() throws {
        let text = "The Israeli prime minister flew to Washington for talks with the president about the war."
        let in2021 = try mentions(text, published: "2021-10-01").first { $0.kind == .person }
        let in2023 = try mentions(text, published: "2023-03-01").first { $0.kind == .person }
        #expect(in2021?.actorKey == "person:naftali-bennett")
        #expect(in2023?.actorKey == "person:benjamin-netanyahu")
        // And a named official's state is the one served on the date: Netanyahu between his terms is still Israeli.
        let between = try mentions("Benjamin Netanyahu spoke in Jerusalem.", published: "2022-01-10").first { $0.kind == .person }
        #expect(between?.country == "ISR")
    }

    @Test("places that are not actors")
    func places() throws {
        let m = try mentions("Israel struck a battery 50 kilometers east of Damascus and a depot near Quneitra, while Damascus protested.")
        let damascus = m.filter { $0.actorKey == "state:SYR" }
        #expect(damascus.map(\.isLocation) == [true, false])
        #expect(!m.contains { $0.surface == "Quneitra" })
    }

    @Test("people the dictionary lacks: learned with their affiliation, or kept as candidates")
    func learned() throws {
        let p = try Support.process("Russian Deputy Foreign Minister Ivan Petrokovsky told reporters in Moscow that talks had failed. Petrokovsky then left. Jonathan Smitherson, a writer, disagreed with him entirely.", published: "2019-02-21")
        let learned = try #require(p.actors.learned.first)
        #expect(learned.name == "Ivan Petrokovsky" && learned.country == "RUS" && learned.learned)
        #expect(p.actors.mentions.filter { $0.actorKey == learned.key }.map(\.surface) == ["Ivan Petrokovsky", "Petrokovsky"])
        #expect(p.actors.candidates.map(\.surface) == ["Jonathan Smitherson"])
    }

    @Test("an apposition that names an office and the state it serves teaches a person; an employer named with 'at' does not")
    func learnedFromApposition() throws {
        let p = try Support.process("Fahrettin Altunbas, Head of Communications of the Presidency of the Republic of Türkiye, strongly condemned the attack on Friday. Altunbas spoke again later.", published: "2025-06-13")
        let learned = try #require(p.actors.learned.first)
        #expect(learned.name == "Fahrettin Altunbas" && learned.country == "TUR")
        #expect(p.actors.mentions.filter { $0.actorKey == learned.key }.map(\.surface) == ["Fahrettin Altunbas", "Altunbas"])
        #expect(p.stances.first?.holder.country == "TUR")
        let q = try Support.process("Yuna Sunberg, director of the China program at the Stimson Center, said Beijing was watching closely.", published: "2024-07-17")
        #expect(q.actors.learned.isEmpty)
        let r = try Support.process("Olek Dravenko, a spokesman for the Russian foreign ministry, denied the report on Monday.", published: "2024-07-17")
        #expect(r.actors.learned.first?.country == "RUS")
    }

    @Test("a hyphenated modifier: 'Hamas-led militants' are Hamas's, 'Iranian-backed militias' are not Iran")
    func hyphenatedModifiers() throws {
        let led = try Support.process("Hamas-led militants attacked Israel on October 7, 2023.", published: "2024-01-01")
        #expect(led.events.first?.initiator.name == "Hamas" && led.events.first?.target?.country == "ISR")
        let backed = try Support.process("Iranian-backed militias attacked a US base in Syria on Monday.", published: "2024-01-01")
        #expect(!backed.events.contains { $0.initiator.country == "IRN" })
        #expect(!backed.actors.mentions.contains { $0.surface == "Iranian" })
    }
}

