import Testing
@testable import KBCore

/// How a question becomes words: punctuation off, possessives words of their own, abbreviations kept.
@Suite("Questions: words")
struct QuestionTextTests {
    @Test("possessives, quotation marks, the question's punctuation; 'U.S.' keeps its points", arguments: [
        ("What are Russia's positions on Israeli strikes?", ["What", "are", "Russia", "'s", "positions", "on", "Israeli", "strikes"]),
        ("Moscow’s stance toward “Israel”, by year.", ["Moscow", "'s", "stance", "toward", "Israel", "by", "year"]),
        ("the United States' calls with the U.S.", ["the", "United", "States", "'s", "calls", "with", "the", "U.S."]),
        ("  meetings\tbetween Israel and Russia!  ", ["meetings", "between", "Israel", "and", "Russia"]),
    ])
    func words(question: String, words: [String]) {
        #expect(QuestionText(question).words == words)
    }

    @Test("a phrase is joined back with its possessive")
    func join() {
        #expect(QuestionText.join(["Iran", "'s", "presence", "in", "Syria"]) == "Iran's presence in Syria")
    }
}
