import Foundation
import Testing
@testable import KBCore

/// A question is understood whole or refused: misspelt keywords, extra words, an unknown party,
/// a stray year, a second grouping. Each refusal names the words it did not understand.
@Suite("Questions: refused, naming the words")
struct QuestionRefusalTests {
    @Test("each malformed question is refused, naming the word", arguments: [
        ("Russian positons on Israel", "'positons'"),
        ("Russian positions on Isreal", "the topic 'Isreal'"),
        ("Russian positions on Israel by yaer", "'yaer'"),
        ("Russian positions on Israel by month by year", "'by month' and 'by year'"),
        ("Russian positions on Israel blah blah", "'blah blah' after 'Russian positions on Israel'"),
        ("Russian positions on Israel in Syria", "'in Syria' after 'Russian positions on Israel'"),
        ("Russian positions on Israel since 2018 in 2019", "'in 2019'"),
        ("meetings between Israel and Russia and Iran", "'and Iran' after 'meetings between Israel and Russia'"),
        ("meetings between Israel and Wakanda", "the second party 'Wakanda'"),
        ("meetngs between Israel and Russia", "'meetngs'"),
        ("phone calls between Putin and Netanyahu yesterday", "'yesterday'"),
        ("who condemed Israel", "'condemed'"),
        ("who condemned Israeli strikes in Syria", "'in Syria' after 'who condemned Israeli strikes'"),
        ("who condemned Israel and Wakanda", "'Wakanda'"),
        ("Israeli strikes in Syria 2019", "'2019'"),
        ("Israeli strikes in Syria by year lol", "'lol'"),
        ("what did Russia sya about Israel", "'sya'"),
        ("timelin of Israel and Russia", "'timelin'"),
        ("timeline of Israel and Russia and Turkey", "'and Turkey'"),
    ])
    func refused(question: String, named: String) {
        let message = Ask.refusal(question)
        #expect(message?.contains(named) == true, "\(question): \(message ?? "answered")")
    }

    @Test("a refusal says what was understood and suggests the nearest words and forms")
    func suggestions() throws {
        let m = Ask.refusal("Russian positons on Israel") ?? ""
        #expect(m.contains("Did you mean: positions") && m.contains("Nearest questions kb answers: '<holder> positions"))
        let w = Ask.refusal("meetings between Israel and Wakanda") ?? ""
        #expect(w.contains("Understood: a question of the form '<acts> between <A> and <B>'") && w.contains("first party Israel (ISR)"))
        #expect(Ask.refusal("Russian positions on Israel by yaer")?.contains("Did you mean: year") == true)
    }

    @Test("the command line: exit 1, nothing on standard output, the refusal on standard error")
    func commandLine() throws {
        let r = try Support.run(["query", "--db", Support.corpusDB, "meetings between Israel and Russia and Iran"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("kb: error: I did not understand 'and Iran'"))
    }
}
