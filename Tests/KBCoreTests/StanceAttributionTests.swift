import Testing
@testable import KBCore

/// Who holds a statement, read from the parse and the document's structure.
@Suite("Stance attribution")
struct StanceAttributionTests {
    func stances(_ text: String, published: String = "2019-02-21") throws -> [ExtractedStance] {
        try Support.process(text, published: published).stances
    }

    @Test("an adverbial between the subject and the predicate")
    func adverbialBetween() throws {
        let s = try stances("Turkey on Monday condemned the Israeli strikes on Damascus.")
        #expect(s.count == 1)
        #expect(s.first?.holder.country == "TUR" && s.first?.polarity == "oppose" && s.first?.act == .ACCUSE && s.first?.cue == "condemn")
        let t = try stances("The Kremlin, in a rare rebuke, on Tuesday sharply criticized Israel.")
        #expect(t.first?.holder.country == "RUS" && t.first?.polarity == "oppose")
    }

    @Test("a pronoun speaker after a quotation, through coreference")
    func pronounSpeaker() throws {
        let s = try stances("Iranian Foreign Minister Mohammad Javad Zarif spoke to reporters in Tehran on Sunday. \u{201C}We will not accept these sanctions,\u{201D} he said.")
        let quoted = s.filter { $0.quote != nil }
        #expect(quoted.count == 1)
        #expect(quoted.first?.holder.country == "IRN" && quoted.first?.speaker?.name == "Mohammad Javad Zarif")
        #expect(quoted.first?.quote == "We will not accept these sanctions,")
    }

    @Test("a transcript: every statement of a turn is its speaker's")
    func transcriptTurn() throws {
        let p = try Support.process("""
            Vladimir Putin: We want to strengthen our relations with Iran. Our cooperation in Syria was successful.

            Ebrahim Raisi: We welcome closer cooperation with Russia.
            """, published: "2022-01-19")
        let rus = p.stances.filter { $0.holder.country == "RUS" }
        let irn = p.stances.filter { $0.holder.country == "IRN" }
        #expect(rus.count == 2 && irn.count == 1)
        #expect(rus.allSatisfy { $0.speaker?.name == "Vladimir Putin" && $0.date?.iso == "2022-01-19" })
        #expect(rus.last?.polarity == "support")
    }

    @Test("a joint statement: one position per member state")
    func jointStatement() throws {
        let s = try stances("Iran, Russia and Turkey condemned the American sanctions on Syria.")
        #expect(Set(s.map { $0.holder.country ?? "" }) == ["IRN", "RUS", "TUR"])
        #expect(s.allSatisfy { $0.polarity == "oppose" && $0.act == .ACCUSE })
    }

    @Test("a readout's 'the leaders', 'the parties' and 'they' are the two sides it names")
    func readoutSides() throws {
        for line in ["The leaders affirmed the need to address the risks of advanced AI systems.",
                     "The parties underlined a mutual commitment to continue mutually beneficial trade.",
                     "They welcomed recent positive discussions between their envoys for climate."] {
            let s = try stances("President Joe Biden held a summit with President Xi Jinping of China in Woodside. " + line)
            #expect(Set(s.map(\.holder.country)) == ["USA", "CHN"], "\(line)")
            #expect(s.allSatisfy { $0.polarity == "support" }, "\(line)")
        }
        // "the leaders of Lebanon and Israel" name their own states, not the pair before.
        let s = try stances("Biden spoke with Putin on Monday. I applaud the decision by the leaders of Lebanon and Israel, Biden said.")
        #expect(!s.contains { $0.holder.country == "RUS" })
    }

    @Test("a statement under a heading of its own runs to the next heading; a quotation it opens, to its close")
    func introducedParagraphs() throws {
        let text = """
        Statements by the Turkish Foreign Minister Hakan Fidan Regarding Israel's Attack on Iran:

        We condemn in the strongest terms the Israeli airstrike on Iran.

        Israel must immediately cease its aggressive actions that could lead to broader conflicts.

        We call on the international community to take urgent action to prevent the spread of war.

        Other news:

        Markets fell sharply on Friday after the attack.
        """
        let s = try stances(text, published: "2025-06-13")
        let turns = s.filter { $0.cue == "turn" || $0.holder.country == "TUR" }
        #expect(turns.count >= 3, "\(s.map { "\($0.holder.name) \($0.cue) \($0.sentence)" })")
        #expect(turns.allSatisfy { $0.holder.country == "TUR" && $0.polarity == "oppose" })
        #expect(!s.contains { $0.sentence == 5 }, "the next heading ends the statement")

        let quoted = """
        Foreign Minister Hakan Fidan spoke on Friday. In his message, Fidan stated:

        \u{201C}We strongly condemn the attack carried out by Israel against Iran last night.

        This attack has demonstrated how dangerously destabilising the Netanyahu government has become for regional peace.

        We will stand against Israel's reckless disregard for international law.\u{201D}

        Oil prices rose by four percent on Friday, traders said.
        """
        let q = try stances(quoted, published: "2025-06-13")
        #expect(q.filter { $0.holder.country == "TUR" && $0.polarity == "oppose" }.count >= 3, "\(q.map { "\($0.holder.name) \($0.polarity) \($0.sentence)" })")
        #expect(!q.contains { $0.holder.country == "TUR" && $0.sentence == 5 })
    }

    @Test("a speech tag that introduces the next paragraph, with the subject the parse missed and a learned name after a title")
    func introducerWithoutSubject() throws {
        let text = """
        Fahrettin Altunbas, Head of Communications of the Presidency of the Republic of Türkiye, strongly condemned the attack in a post on Friday.

        In his message, Head of Communications Altunbas stated:

        \u{201C}We strongly condemn the attack carried out by Israel against Iran last night.

        This attack has demonstrated how dangerously destabilising the Netanyahu government has become for regional peace.\u{201D}
        """
        let s = try stances(text, published: "2025-06-13")
        let quoted = s.filter { $0.sentence >= 2 }
        #expect(quoted.count >= 2, "\(s.map { "\($0.holder.name) \($0.cue) \($0.sentence)" })")
        #expect(quoted.allSatisfy { $0.holder.country == "TUR" && ($0.speaker?.name ?? "").contains("Altunbas") && $0.polarity == "oppose" }, "\(quoted.map { "\($0.holder.name) \($0.speaker?.name ?? "-") \($0.polarity) \($0.sentence)" })")
    }

    @Test("noun and light-verb predicates")
    func nounAndLightVerb() throws {
        let a = try stances("Israeli officials voiced deep concern over the Iranian nuclear program.")
        #expect(a.first?.holder.country == "ISR" && a.first?.polarity == "oppose" && a.first?.cue == "voice+concern" && a.first?.act == .ACCUSE)
        let b = try stances("The two leaders expressed interest in expanding trade.")
        #expect(b.isEmpty)
        let c = try stances("Russia issued a statement condemning the strike.")
        #expect(c.first?.holder.country == "RUS" && c.first?.cue == "issue+statement")
        let d = try stances("Netanyahu received repeated assurances from the Kremlin that it was committed to protecting Israel's northern border.")
        withKnownIssue("#18: the parse does not attach 'from the Kremlin' to 'assurances'") {
            #expect(d.count == 1 && d.first?.holder.country == "RUS" && d.first?.polarity == "support" && d.first?.cue == "assurance")
        }
    }

    @Test("according to X, and X's office said")
    func reportedAttribution() throws {
        let a = try stances("According to the Turkish Foreign Ministry, the operation violated Syrian sovereignty.")
        withKnownIssue("#18: 'According to the Turkish Foreign Ministry, ...' yields no statement, where 'According to Turkey, ...' and 'The Turkish Foreign Ministry said ...' yield Turkey's") {
            #expect(a.first?.holder.country == "TUR" && a.first?.cue.hasPrefix("accord") == true)
        }
        // The same content, 'according to' a state: its statement.
        let t = try stances("According to Turkey, the operation violated Syrian sovereignty.")
        #expect(t.count == 1 && t.first?.holder.country == "TUR" && t.first?.cue.hasPrefix("accord") == true)
        // An office speaks for its state: Netanyahu's office is Israel's.
        let b = try stances("Netanyahu's office said the talks with Putin had been productive.")
        #expect(b.count == 1 && b.first?.holder.country == "ISR" && b.first?.polarity == "support")
    }

    @Test("a passive: 'was condemned by X'")
    func passive() throws {
        let s = try stances("The strike was condemned by Qatar on Sunday.")
        #expect(s.first?.holder.country == "QAT" && s.first?.polarity == "oppose")
    }
}
