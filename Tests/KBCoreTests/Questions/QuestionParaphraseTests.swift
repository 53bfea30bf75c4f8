import Testing
@testable import KBCore

/// Each form's phrasings give the rows of its canonical wording, on the corpus database.
@Suite("Questions: paraphrases")
struct QuestionParaphraseTests {
    @Test("paraphrases give the canonical question's rows", arguments: [
        ("Russian positions on Israel by year", ["Russia's positions on Israel by year", "What are Russia's positions on Israel, by year?", "Moscow's stance toward Israel by year",
                                                 "russian views about israel by year", "positions of Russia on Israel by year", "by year, Russian positions on Israel",
                                                 "what did Russia say about Israel by year", "RUS statements regarding Israel per year", "Russian officials' positions on Israel by year", "Russian positions on Israel, grouped by year",
                                                 "Russian positions with regard to Israel year by year"]),
        ("Russian positions on Israeli strikes by year", ["Russia's positions on Israel's strikes by year", "Russian stances on strikes by Israel by year",
                                                          "how did Russia react to the Israeli strikes, by year", "Russian reactions to Israeli attacks by year"]),
        ("Israeli positions on Iran's presence in Syria", ["Israel's views on the Iranian presence in Syria", "what did Israel say about iran_presence_syria", "Israeli positions on Iran's entrenchment in Syria"]),
        ("Israeli strikes in Syria by year", ["Israel's strikes in Syria by year", "strikes by Israel in Syria by year", "list Israeli airstrikes in Syria by year",
                                              "Israeli military strikes inside Syria each year"]),
        ("meetings between Israel and Russia by year", ["Israel's meetings with Russia by year", "summits between Israel and Russia by year", "meetings between the Israelis and the Russians by year",
                                                        "Israeli-Russian meetings by year", "meetings held between Israel and Russia by year"]),
        ("meetings between Putin and Netanyahu", ["did Putin meet Netanyahu?", "when did Netanyahu meet with Putin"]),
        ("phone calls between Putin and Netanyahu", ["phone conversations between Netanyahu and Putin", "Netanyahu's calls with Putin", "calls between Putin and Netanyahu",
                                                     "did Putin call Netanyahu", "Putin-Netanyahu phone calls"]),
        ("Israeli strikes on Syria", ["did Israel strike Syria"]),
        ("who blamed Israel", ["who has blamed Israel?", "which countries accused Israel", "Who blamed the Israelis"]),
        ("timeline of Israel and Russia", ["chronology of Israel and Russia", "timeline for Israel and Russia"]),
    ])
    func paraphrases(canonical: String, paraphrases: [String]) throws {
        let expected = Ask.ids(try Ask.answer(canonical))
        #expect(!expected.isEmpty, "\(canonical) answers nothing")
        for q in paraphrases {
            do { #expect(Ask.ids(try Ask.answer(q)) == expected, "\(q)") } catch { Issue.record("\(q): \(error)") }
        }
    }
}
