import Testing
@testable import KBCore

/// The trainer on a treebank small enough to check by hand.
@Suite("Syntax training")
struct SyntaxTrainingTests {
    /// Four sentences in UD v2 (annotated by hand for this test).
    static let treebank = """
    # text = Israel struck targets.
    1\tIsrael\tIsrael\tPROPN\t_\t_\t2\tnsubj\t_\t_
    2\tstruck\tstrike\tVERB\t_\t_\t0\troot\t_\t_
    3\ttargets\ttarget\tNOUN\t_\t_\t2\tobj\t_\t_
    4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

    # text = Russia met Iran in Moscow.
    1\tRussia\tRussia\tPROPN\t_\t_\t2\tnsubj\t_\t_
    2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_
    3\tIran\tIran\tPROPN\t_\t_\t2\tobj\t_\t_
    4\tin\tin\tADP\t_\t_\t5\tcase\t_\t_
    5\tMoscow\tMoscow\tPROPN\t_\t_\t2\tobl\t_\t_
    6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

    # text = The convoy was hit by jets.
    1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_
    2\tconvoy\tconvoy\tNOUN\t_\t_\t4\tnsubj:pass\t_\t_
    3\twas\tbe\tAUX\t_\t_\t4\taux:pass\t_\t_
    4\thit\thit\tVERB\t_\t_\t0\troot\t_\t_
    5\tby\tby\tADP\t_\t_\t6\tcase\t_\t_
    6\tjets\tjet\tNOUN\t_\t_\t4\tobl:agent\t_\t_
    7\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

    # text = Turkey said it struck bases.
    1\tTurkey\tTurkey\tPROPN\t_\t_\t2\tnsubj\t_\t_
    2\tsaid\tsay\tVERB\t_\t_\t0\troot\t_\t_
    3\tit\tit\tPRON\t_\t_\t4\tnsubj\t_\t_
    4\tstruck\tstrike\tVERB\t_\t_\t2\tccomp\t_\t_
    5\tbases\tbase\tNOUN\t_\t_\t4\tobj\t_\t_
    6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_


    """

    func train() throws -> SyntaxModel {
        let sentences = try CoNLLU.read(Self.treebank)
        return try SyntaxModel.train(sentences, taggerEpochs: 8, parserEpochs: 12, seed: 7, provenance: "test", minUpdates: 1)
    }

    @Test("the trainer learns a small treebank: every tag, lemma, head and relation")
    func fitsItsData() throws {
        let model = try train()
        let gold = try CoNLLU.read(Self.treebank)
        #expect(gold.count == 4)
        let predicted = gold.map { model.fill($0) }
        let score = SyntaxScore(gold: gold, predicted: predicted)
        #expect(score.words == 23)
        #expect(score.uposAccuracy == 1 && score.lemmaAccuracy == 1)
        // Greedy with exploration on 23 words of 4 sentences: most arcs, not all (the tags and lemmas, above, must be exact).
        #expect(score.uas >= 0.6, "UAS \(score.uas): \(predicted.map(\.text).joined())")
    }

    @Test("training is deterministic: the same data and seed give the same bytes")
    func deterministic() throws {
        let a = try train().serialized(), b = try train().serialized()
        #expect(a == b)
        let reloaded = try a.withUnsafeBytes { try SyntaxModel(bytes: $0) }
        #expect(reloaded.serialized() == a)
    }

    @Test("a damaged model file is refused with the reason")
    func damaged() throws {
        var bytes = try train().serialized()
        bytes.removeLast(10)
        #expect(throws: KBError.self) { try bytes.withUnsafeBytes { try SyntaxModel(bytes: $0) } }
        let notModel = Array("not a model at all".utf8)
        #expect(throws: KBError.badModel(reason: "not a kb syntax model (no KBSYNTAX header)")) {
            try notModel.withUnsafeBytes { try SyntaxModel(bytes: $0) }
        }
    }

    @Test("CoNLL-U: comments, multiword tokens and empty nodes are carried over")
    func conlluLines() throws {
        let text = "# sent_id = 1\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgo\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let s = try CoNLLU.read(text)
        #expect(s.count == 1 && s[0].forms == ["do", "n't", "go"])
        #expect(s[0].text == text)
        #expect(throws: KBError.self) { try CoNLLU.read("1\tonly\tfour\tfields\n") }
        #expect(throws: KBError.self) { try CoNLLU.read("2\ta\t_\t_\t_\t_\t_\t_\t_\t_\n") }
    }

    @Test("contractions split as UD splits them; the possessive is already a token")
    func clitics() {
        #expect(SentenceSyntax.words(Tokenizer.tokens("Israel didn't strike.")).forms == ["Israel", "did", "n't", "strike", "."])
        #expect(SentenceSyntax.words(Tokenizer.tokens("We can't and won't.")).forms == ["We", "ca", "n't", "and", "wo", "n't", "."])
        #expect(SentenceSyntax.words(Tokenizer.tokens("Israel’s strike")).forms == ["Israel", "'s", "strike"])
        #expect(SentenceSyntax.words(Tokenizer.tokens("Ya'alon spoke")).forms == ["Ya'alon", "spoke"])
    }
}
