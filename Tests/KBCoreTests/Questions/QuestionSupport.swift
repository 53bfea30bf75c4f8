import Foundation
import GRDB
import Testing
@testable import KBCore

/// Asking questions of a database, and reading answers as "column | column" lines.
enum Ask {
    static func answer(_ q: String, db: String = Support.corpusDB, _ options: AnswerOptions = .all) throws -> QueryAnswer {
        try QueryEngine(store: try KBStore.openReadOnly(path: db), resources: try QueryResources()).answer(q, options: options)
    }

    static func rows(_ a: QueryAnswer, _ keys: [String]) -> [String] { rows(a.records, keys) }

    static func rows(_ records: [KBCore.Record], _ keys: [String]) -> [String] {
        records.map { r in keys.map { k in r.first { $0.0 == k }?.1.text ?? "" }.joined(separator: " | ") }
    }

    static func ids(_ a: QueryAnswer) -> [String] { rows(a, ["type", "id"]) }

    /// The lines of the records whose evidence sentence contains `evidence`: a row named by the
    /// words of the article it comes from, not by its id (ids shift as extraction changes).
    static func rows(_ a: QueryAnswer, evidence: String, _ keys: [String]) -> [String] {
        rows(a.records.filter { r in r.first { $0.0 == "sentence" }?.1.text.contains(evidence) == true }, keys)
    }

    /// Whether some record's evidence contains `evidence` and its `keys` read `values`.
    static func has(_ a: QueryAnswer, evidence: String, _ keys: [String], _ values: String) -> Bool {
        rows(a, evidence: evidence, keys).contains(values)
    }

    /// The refusal a question gets (nil when it is answered).
    static func refusal(_ q: String, db: String = Support.corpusDB) -> String? {
        do { _ = try answer(q, db: db); return nil } catch { return (error as? LocalizedError)?.errorDescription ?? "\(error)" }
    }

    /// A copy of the corpus database with statements added by hand: `add` gets the connection, the
    /// first sentence's source and id (the evidence of each added statement), and inserts.
    static func corpusCopy(_ name: String, _ add: (Database, _ source: Int64, _ sentence: Int64) throws -> Void) -> String {
        let path = (Support.tempDir() as NSString).appendingPathComponent(name)
        try! FileManager.default.copyItem(atPath: Support.corpusDB, toPath: path)
        try! DatabaseQueue(path: path).write { db in
            let row = try Row.fetchOne(db, sql: "SELECT source_id, id FROM sentences ORDER BY id LIMIT 1")!
            try add(db, row[0], row[1])
        }
        return path
    }
}

/// Rows of the corpus database that kb still gets wrong, each checked by hand against its
/// sentence: one specific known issue each, shared by the tests whose answers show the row.
/// Each fails loudly once kb gets the row right (or drops it), so that it is checked again.
enum CorpusIssues {
    /// "with Israeli Prime Minister Benjamin Netanyahu making multiple, high-profile trips to the
    /// Russian capital" "in the three-and-a-half years since" September 2015 (001): visits over a
    /// span the text does not date.
    static func tripsUndated(_ a: QueryAnswer, sourceLocation: SourceLocation = #_sourceLocation) {
        withKnownIssue("#17: Netanyahu's 'multiple, high-profile trips to the Russian capital' (001), made over 'the three-and-a-half years since' September 2015, are dated 2015-09 from the sentence before; the text gives them no date", sourceLocation: sourceLocation) {
            #expect(Ask.rows(a, evidence: "high-profile trips to the Russian capital", ["date"]).allSatisfy { $0.isEmpty }, sourceLocation: sourceLocation)
            #expect(!a.groups.contains { $0.key == "2015" }, sourceLocation: sourceLocation)
        }
    }

    /// "In Paris there was also a short meeting between Putin and Prime Minister Benjamin
    /// Netanyahu, and at that opportunity Russia raised this proposal (hoping to persuade Israel to
    /// promote the proposal with the US)" (004): the proposal is to remove Iranian forces from
    /// Syria; Israel is whom it was put to, not what it takes a position on.
    static func noProposalOnIsrael(_ a: QueryAnswer, sourceLocation: SourceLocation = #_sourceLocation) {
        withKnownIssue("#18: 'Russia raised this proposal (hoping to persuade Israel to promote the proposal with the US)' (004, 2018-11) is stored as Russian support with Israel as its topic; Israel is the proposal's addressee, its topic the removal of Iranian forces from Syria", sourceLocation: sourceLocation) {
            #expect(Ask.rows(a, evidence: "hoping to persuade Israel", ["id"]).isEmpty, sourceLocation: sourceLocation)
        }
    }

    /// "Netanyahu received repeated assurances from the Kremlin that it was committed to
    /// protecting Israel's northern border" (001): Russia's support of Israel.
    static func assurances(_ a: QueryAnswer, sourceLocation: SourceLocation = #_sourceLocation) {
        withKnownIssue("#18: the parse does not attach 'from the Kremlin' to 'repeated assurances' (001): the Kremlin's assurances that it was committed to protecting Israel's northern border are no Russian statement", sourceLocation: sourceLocation) {
            #expect(Ask.has(a, evidence: "repeated assurances from the Kremlin", ["holder", "polarity"], "Russia (RUS) | support"), sourceLocation: sourceLocation)
        }
    }
}
