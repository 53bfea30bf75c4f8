import Testing
@testable import KBCore

/// The shipped model (Models/en_ewt.kbsyntax) on sentences whose analyses were checked by hand
/// against the UD v2 guidelines, read through the roles seam the extractors use.
@Suite("Syntax model")
struct SyntaxModelTests {
    static let model = try! SyntaxModel.builtIn.get()

    func parse(_ text: String) -> SentenceSyntax {
        SentenceSyntax(tokens: Tokenizer.tokens(text), model: Self.model)
    }

    func word(_ s: SentenceSyntax, _ form: String) throws -> Int {
        try #require(s.words.firstIndex { $0.form == form }, "no word '\(form)'")
    }

    func form(_ s: SentenceSyntax, _ w: Int?) -> String? { w.map { s.words[$0].form } }

    @Test("a passive: the passive subject is the patient, 'by' the agent")
    func passive() throws {
        let s = parse("The convoy was hit by Israeli aircraft.")
        let hit = try word(s, "hit")
        #expect(s.isPassive(hit))
        #expect(form(s, s.subject(hit)) == "convoy")
        #expect(form(s, s.agent(hit)) == "aircraft")
        #expect(s.words[hit].lemma == "hit" && s.words[hit].upos == .VERB)
    }

    @Test("an adverbial between subject and verb: 'X on Tuesday condemned Y'")
    func adverbialBetween() throws {
        let s = parse("Turkish Foreign Minister Hakan Fidan on Tuesday condemned Israel.")
        let verb = try word(s, "condemned")
        #expect(s.words[verb].relation == "root" && s.words[verb].lemma == "condemn")
        let subject = try #require(s.subject(verb))
        #expect(["Minister", "Hakan", "Fidan"].contains(s.words[subject].form))
        #expect(form(s, s.object(verb)) == "Israel")
        let t = parse("Russia on Monday condemned the strikes.")
        let v = try word(t, "condemned")
        #expect(form(t, t.subject(v)) == "Russia" && form(t, t.object(v)) == "strikes")
    }

    @Test("coordination: conjuncts of a subject")
    func coordination() throws {
        let s = parse("Iran, Russia and Turkey agreed on a joint statement.")
        let agreed = try word(s, "agreed")
        let subject = try #require(s.subject(agreed))
        #expect(s.conjuncts(subject).map { s.words[$0].form } == ["Iran", "Russia", "Turkey"])
    }

    @Test("reported speech: the complement with its own subject, negation and modal")
    func reported() throws {
        let s = parse("Putin said that Russia would not dislodge Iran.")
        let said = try word(s, "said"), dislodge = try word(s, "dislodge")
        #expect(s.complement(said) == dislodge)
        #expect(form(s, s.subject(dislodge)) == "Russia" && form(s, s.object(dislodge)) == "Iran")
        #expect(s.isNegated(dislodge, by: ["not"]))
        #expect(s.modal(dislodge, in: ["would"]) == "would")
        #expect(form(s, s.subject(said)) == "Putin")
    }

    @Test("a relative clause's subject is the noun it modifies (a tree given by hand)")
    func relativeClause() throws {
        // "the army , which struck the depot , said": which → struck (nsubj), struck → army (acl:relcl).
        func w(_ f: String, _ l: String, _ u: UPOS, _ h: Int, _ r: String) -> ParsedWord { ParsedWord(form: f, lemma: l, upos: u, head: h, relation: r) }
        let words = [w("the", "the", .DET, 1, "det"), w("army", "army", .NOUN, 8, "nsubj"), w(",", ",", .PUNCT, 4, "punct"),
                     w("which", "which", .PRON, 4, "nsubj"), w("struck", "strike", .VERB, 1, "acl:relcl"), w("the", "the", .DET, 6, "det"),
                     w("depot", "depot", .NOUN, 4, "obj"), w(",", ",", .PUNCT, 4, "punct"), w("said", "say", .VERB, -1, "root")]
        let s = SentenceSyntax(parse: ParsedSentence(words: words), tokenOfWord: Array(0..<9), tokenCount: 9)
        #expect(form(s, s.subject(4)) == "army")
        #expect(form(s, s.subject(8)) == "army")
    }

    @Test("a nominal: possessor and 'on' argument")
    func nominal() throws {
        let s = parse("Israel's strike on the convoy killed four people.")
        let strike = try word(s, "strike")
        #expect(form(s, s.possessor(strike)) == "Israel")
        #expect(s.obliques(strike).contains { $0.preposition == "on" && s.words[$0.word].form == "convoy" })
        #expect(s.words[strike].relation == "nsubj")
    }

    @Test("an oblique with its preposition; an open complement shares its governor's subject")
    func obliqueAndControl() throws {
        let s = parse("Netanyahu met with Putin in Moscow on Monday.")
        let met = try word(s, "met")
        #expect(s.obliques(met).contains { $0.preposition == "with" && s.words[$0.word].form == "Putin" })
        let t = parse("Russia is planning to deploy troops.")
        let deploy = try word(t, "deploy")
        #expect(t.words[deploy].relation == "xcomp")
        #expect(form(t, t.subject(deploy)) == "Russia")
    }

    @Test("a contraction split as in UD, with its lemmas")
    func contraction() throws {
        let s = parse("Israel didn't strike.")
        #expect(s.words.map(\.form) == ["Israel", "did", "n't", "strike", "."])
        #expect(s.words[1].lemma == "do" && s.words[2].lemma == "not")
        #expect(s.isNegated(3, by: ["not"]))
        #expect(s.tokenOfWord == [0, 1, 1, 2, 3])
    }

    @Test("a quotation's speaker is the reporting verb's subject")
    func quotation() throws {
        let s = parse("“We will respond,” he said.")
        let said = try word(s, "said")
        #expect(form(s, s.subject(said)) == "he")
        let respond = try word(s, "respond")
        #expect(s.head(respond) == said)
        #expect(s.isFuture(respond))
    }

    @Test("lemmas of inflected forms", arguments: [
        ("Israel struck targets.", "struck", "strike"), ("They held talks.", "talks", "talk"),
        ("The sanctions were imposed.", "were", "be"), ("The sanctions were imposed.", "sanctions", "sanction"),
        ("He is visiting Moscow.", "visiting", "visit"), ("Troops withdrew.", "withdrew", "withdraw"),
    ])
    func lemmas(text: String, form: String, lemma: String) throws {
        let s = parse(text)
        #expect(s.words[try word(s, form)].lemma == lemma)
    }
}
