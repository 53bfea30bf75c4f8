import Testing
@testable import KBCore

/// "who condemned / criticized / welcomed / supported TOPIC": statements by the predicate that
/// carried them, whatever act they were filed under; "who met / called / struck X": events.
@Suite("Questions: who")
struct WhoFormTests {
    /// The corpus database with three statements on Israeli strikes added by hand: a condemnation
    /// filed under CONSULT with neutral polarity (the act and polarity must not matter), one under
    /// ACCUSE, and a negated one ("did not condemn").
    static let db = Ask.corpusCopy("who.db") { db, source, sentence in
        for (cue, act, polarity, negated, date) in [("strongly condemned", "CONSULT", "neutral", 0, "2019-03-01"), ("condemnation", "ACCUSE", "oppose", 0, "2019-03-02"),
                                                   ("did not condemn", "ACCUSE", "oppose", 1, "2019-03-03")] {
            try db.execute(sql: """
                INSERT INTO stances(source_id, sentence_id, holder_id, holder_country, polarity, topic_id, act, cue, negated, date, date_precision, date_basis)
                VALUES (?, ?, (SELECT id FROM actors WHERE key = 'state:TUR'), 'TUR', ?, (SELECT id FROM topics WHERE key = 'strikes:ISR'), ?, ?, ?, ?, 'day', 'text')
                """, arguments: [source, sentence, polarity, act, cue, negated, date])
        }
    }

    @Test("who condemned: the predicate condemns, whatever the act and polarity; never a negated one")
    func condemned() throws {
        let a = try Ask.answer("who condemned Israeli strikes", db: Self.db)
        #expect(a.query.sql.contains("(' ' || st.cue LIKE ?1 OR ") && a.query.sql.contains("st.negated = 0"))
        #expect(Ask.rows(a, ["holder", "cue", "act"]) == ["Turkey (TUR) | strongly condemned | CONSULT", "Turkey (TUR) | condemnation | ACCUSE"])
        // Criticism includes condemnation; warnings are not condemnations.
        #expect(Ask.rows(try Ask.answer("who criticized Israeli strikes", db: Self.db), ["cue"]) == ["strongly condemned", "condemnation"])
        // "Iran itself, ... which warned recently that it is prepared to deliver a 'crushing and proportional
        // response' to any further Israeli incursions" (001): the corpus's one warning to Israel.
        let warned = try Ask.answer("who warned Israel", db: Self.db)
        #expect(Ask.rows(warned, ["holder"]) == ["Iran (IRN)"] && Ask.rows(warned, evidence: "crushing and proportional response", ["holder"]) == ["Iran (IRN)"])
        for q in ["which countries condemned Israeli strikes", "who has condemned the Israeli strikes?", "who denounced Israeli strikes in 2019"] {
            #expect(Ask.ids(try Ask.answer(q, db: Self.db)) == Ask.ids(a), "\(q)")
        }
    }

    @Test("who blamed, who supported: a predicate, or a polarity with any predicate")
    func blamedSupported() throws {
        // "Russia initiated a crisis with Israel ... and blamed Israel for the incident" (2018; 004): the one blame of Israel.
        let blamed = try Ask.answer("who blamed Israel")
        #expect(Ask.rows(blamed, ["holder"]) == ["Russia (RUS)"] && Ask.rows(blamed, evidence: "blamed Israel for the incident", ["holder"]) == ["Russia (RUS)"])
        #expect(Ask.ids(try Ask.answer("who accused Israel?")) == Ask.ids(blamed))
        // "the Russian Foreign Office spokeswoman mentioned Israel’s right to self-defense" (004) and the
        // Kremlin's "repeated assurances" that it was committed to protecting Israel's northern border (001).
        let supported = try Ask.answer("who supported Israel")
        #expect(Ask.has(supported, evidence: "right to self-defense", ["holder", "polarity"], "Russia (RUS) | support"))
        #expect(Ask.rows(supported, ["polarity"]).allSatisfy { $0 == "support" })
        CorpusIssues.assurances(supported)
        CorpusIssues.noProposalOnIsrael(supported)
        // Not support: "The Russian government ... has made clear that it cannot and will not dislodge this presence" (001).
        #expect(Ask.rows(supported, evidence: "will not dislodge", ["id"]).isEmpty)
    }

    @Test("who met (in person), who called (phone), who struck (the target)")
    func events() throws {
        // "Netanyahu spoke with Putin over the phone on Wednesday" (2017-10-18; 000) and "Putin and
        // Netanyahu agreed in a telephone call to meet" (December 2018; 004); not the meeting with Shoigu.
        let called = try Ask.answer("who called Putin")
        #expect(Ask.rows(called, ["cameo", "initiator", "target"]) == ["041 | Benjamin Netanyahu (ISR) | Vladimir Putin (RUS)", "041 | Vladimir Putin (RUS) | Benjamin Netanyahu (ISR)"])
        #expect(Ask.rows(called, evidence: "spoke with Putin over the phone", ["date"]) == ["2017-10-18"])
        #expect(Ask.rows(called, evidence: "agreed in a telephone call", ["date"]).allSatisfy { $0.hasPrefix("2018-12") })
        // "Israel’s Monday bombing of a Syrian anti-aircraft battery" (2017-10-16; 000); not Syria's
        // "downing of the Russian reconnaissance plane" (004), where Syria struck.
        let struck = try Ask.answer("who struck Syria")
        #expect(Ask.rows(struck, evidence: "bombing of a Syrian anti-aircraft battery", ["initiator", "target", "date"]) == ["Israel (ISR) | Syria (SYR) | 2017-10-16"])
        #expect(Ask.rows(struck, ["target"]).allSatisfy { $0 == "Syria (SYR)" } && Ask.rows(struck, evidence: "downing", ["id"]).isEmpty)
    }
}
