import Testing
@testable import KBCore

/// Polarity from the predicate and its content, topics from the content's own arguments.
@Suite("Stance polarity and topic")
struct StancePolarityTopicTests {
    func stances(_ text: String, published: String = "2019-02-21") throws -> [ExtractedStance] {
        try Support.process(text, published: published).stances
    }

    @Test("negation in the content: 'will not dislodge' is not support")
    func negatedContent() throws {
        // As 001 has it: "The Russian government, meanwhile, has made clear that it cannot and will not dislodge this presence".
        let s = try stances("Russia has made clear that it cannot and will not dislodge the Iranian presence in Syria.")
        #expect(s.count == 1 && s.first?.holder.country == "RUS" && s.first?.polarity == "neutral")
        withKnownIssue("#18: 'the Iranian presence in Syria', the object of the content's negated 'dislodge' under 'made clear', gives the statement no topic, not iran_presence_syria") {
            #expect(s.first?.topicKey == "iran_presence_syria")
        }
    }

    @Test("praise of an act against X is opposition to X")
    func praiseOfAnAct() throws {
        let s = try stances("Netanyahu hailed the decertification of the Iran nuclear deal.", published: "2017-10-14")
        #expect(s.first?.holder.country == "ISR" && s.first?.polarity == "oppose" && s.first?.act == .SUPPORT)
        #expect(s.first?.topicKey == "iran_nuclear_deal")
        let t = try stances("Turkey welcomed the end of the Russian strikes.")
        #expect(t.first?.polarity == "oppose" && t.first?.topicKey == "strikes:RUS")
    }

    @Test("an invert word turns the words that govern it, not those inside its phrase or beside it", arguments: [
        ("Erdogan said Israel must cease its aggressive actions.", "oppose"),
        ("\u{201C}We condemn the attack carried out by Israel against Iran,\u{201D} Erdogan said.", "oppose"),
        ("Turkey said Israel must stop the attacks on Gaza.", "oppose"),
        ("Russia said it welcomed the end of the Israeli strikes.", "oppose"),
        ("The Kremlin said the two leaders welcomed the resumption of cooperation to combat drug trafficking.", "support"),
    ])
    func scopedInversion(text: String, polarity: String) throws {
        let s = try stances(text, published: "2025-06-14")
        #expect(!s.isEmpty)
        #expect(s.allSatisfy { $0.polarity == polarity }, "\(s.map { "\($0.holder.name) \($0.polarity)" })")
    }

    @Test("a modal inside a reporting predicate's content is still a statement")
    func modalInContent() throws {
        let s = try stances("Lavrov said Russia could respond to any new sanctions.")
        #expect(s.count == 1 && s.first?.holder.country == "RUS")
    }

    @Test("the topic is the content's argument, not the nearest name")
    func topicFromContent() throws {
        let s = try stances("After talks with Israel, Hamas said it was studying the proposal.")
        #expect(s.first?.holder.country != nil || s.first?.holder.key.isEmpty == false)
        #expect(s.first?.topicKey != "actor:state:ISR")
        let t = try stances("Russia condemned Israel.")
        #expect(t.first?.topic == .actor(key: "state:ISR", name: "Israel", country: "ISR") && t.first?.target?.country == "ISR")
        let u = try stances("Iran welcomed the lifting of the U.S. sanctions.")
        #expect(u.first?.topic?.kind == "event_class" && u.first?.topic?.eventType == .SANCTION && u.first?.topic?.country == "USA")
        #expect(u.first?.polarity == "oppose")
    }
}
