import Testing
@testable import KBCore

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    let splitter = Support.resources.splitter

    func texts(_ s: String) -> [String] { splitter.split(blocks: [s]).map(\.text) }

    @Test("month abbreviations do not end a sentence")
    func months() {
        #expect(texts("Israel's Jan. 21 incursion into Syria was a raid. It failed.") ==
                ["Israel's Jan. 21 incursion into Syria was a raid.", "It failed."])
        #expect(texts("On Feb. 12, Netanyahu confirmed it. Then he left.").count == 2)
    }

    @Test("U.S. and U.N. do not end a sentence unless a new one clearly starts")
    func dotted() {
        #expect(texts("The U.S. President met the U.N. envoy. They talked.") ==
                ["The U.S. President met the U.N. envoy.", "They talked."])
        #expect(texts("Relations with the U.S. The Kremlin disagreed.") ==
                ["Relations with the U.S.", "The Kremlin disagreed."])
    }

    @Test("titles, initials and decimals")
    func initials() {
        #expect(texts("Gen. Amos Yadlin spoke. Ilan I. Berman wrote about a 3.5 percent rise.") ==
                ["Gen. Amos Yadlin spoke.", "Ilan I. Berman wrote about a 3.5 percent rise."])
    }

    @Test("a sentence ends inside closing quotes, and the next starts at an opening quote")
    func quotes() {
        let s = "Dermer said relations \u{201C}have never been better.\u{201D} This came later. \"We will act,\" he said."
        #expect(texts(s) == ["Dermer said relations \u{201C}have never been better.\u{201D}", "This came later.", "\"We will act,\" he said."])
    }

    @Test("offsets are code points into the clean text, across blocks")
    func offsets() {
        let blocks = ["Israel\u{2019}s strike. Russia objected.", "Iran warned."]
        let spans = splitter.split(blocks: blocks)
        let clean = Array(blocks.joined(separator: "\n\n").unicodeScalars)
        #expect(spans.count == 3)
        for s in spans {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: clean[s.start..<s.end])
            #expect(String(v) == s.text)
        }
        #expect(spans.map(\.paragraph) == [0, 0, 1])
    }

    @Test("lowercase after a period does not start a sentence")
    func lowercase() {
        #expect(texts("He met officials in St. louis and approx. ten others.").count == 1)
    }
}
