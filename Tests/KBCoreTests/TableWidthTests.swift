import Foundation
import Testing
@testable import KBCore

/// Tables fit the terminal: `COLUMNS`, else the terminal's width, else 100; the evidence gets the
/// room the other columns leave and keeps its cue (or a search's match) in view.
@Suite("Table width")
struct TableWidthTests {
    static let db = Support.corpusDB

    func table(_ args: [String], columns: String?) throws -> [String] {
        var env: [String: String] = [:]
        if let columns { env["COLUMNS"] = columns }
        let r = try Support.run(args + ["--db", Self.db, "--format", "table"], environment: env)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func jsonl(_ args: [String]) throws -> [[String: Any]] {
        let r = try Support.run(args + ["--db", Self.db, "--format", "jsonl"])
        return r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    static let commands: [[String]] = [
        ["query", "Russian positions on Israel by year"], ["query", "timeline of Israel and Russia"],
        ["query", "meetings between Israel and Russia by year"],
        ["events"], ["stances"], ["search", "Putin"], ["actors"],
    ]

    @Test("with COLUMNS=80 no line of a table is longer than 80 characters; without it (not a terminal), 100", arguments: commands)
    func fits(_ args: [String]) throws {
        let narrow = try table(args, columns: "80")
        #expect(narrow.count > 3)
        #expect(narrow.allSatisfy { $0.count <= 80 }, "\(narrow.filter { $0.count > 80 })")
        let unset = try table(args, columns: nil)
        #expect(unset.allSatisfy { $0.count <= 100 })
        // Wide enough, nothing is cut: a 300-column table is wider than 100.
        if args[0] != "actors" { #expect(try table(args, columns: "300").contains { $0.count > 100 }) }
    }

    @Test("an evidence cell cut to fit shows the record's cue", arguments: [["events"], ["stances"]])
    func cueStaysVisible(_ args: [String]) throws {
        let rows = Array(try table(args, columns: "80").dropFirst(2)).filter { !$0.isEmpty && !$0.hasPrefix("*") }
        let records = try jsonl(args)
        #expect(rows.count == records.count && !rows.isEmpty)
        var checked = 0
        for (row, r) in zip(rows, records) {
            let cue = (r["cue"] as? String) ?? ""
            let evidence = (r["quote"] as? String) ?? (r["sentence"] as? String) ?? ""
            guard !cue.isEmpty, cue.count <= 12, evidence.range(of: cue, options: .caseInsensitive) != nil else { continue }
            #expect(row.range(of: cue, options: .caseInsensitive) != nil, "cue '\(cue)' not shown in: \(row)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("kb search's table keeps the match marked and in view")
    func searchMatch() throws {
        let rows = Array(try table(["search", "Netanyahu"], columns: "80").dropFirst(2)).filter { !$0.isEmpty }
        #expect(rows.count >= 5)
        #expect(rows.allSatisfy { $0.contains("[Netanyahu]") }, "\(rows)")
    }

    @Test("kb events and kb stances mark a stand-in date with * and explain it, as kb query does")
    func standInMark() throws {
        for args in [["stances"], ["events"], ["query", "Russian positions on Israel by year"]] {
            let lines = try table(args, columns: "120")
            let marked = try jsonl(args).contains { ($0["date_basis"] as? String) == "publication" }
            #expect(lines.contains { $0.range(of: #"^\d{4}(-\d\d){0,2}\* "#, options: .regularExpression) != nil } == marked, "\(args)")
            #expect(lines.contains("* the text gives no date: the publication date stands in.") == marked, "\(args)")
        }
    }

    @Test("elision keeps the focus in view, with an ellipsis on each side it cut")
    func elide() {
        let s = "The ministry said on Tuesday that it had condemned the strike on the airport near Damascus."
        #expect(TextTable.elide(s, to: 30, around: "airport") == "…on the airport near Damascus…")
        #expect(TextTable.elide(s, to: 30, around: "ministry") == "The ministry said on Tuesday…")
        #expect(TextTable.elide(s, to: 30, around: "Damascus.") == "…on the airport near Damascus.")
        #expect(TextTable.elide(s, to: 30, around: "absent") == "The ministry said on Tuesday…")
        #expect(TextTable.elide("short", to: 30, around: "x") == "short")
    }

    @Test("a squeezed party column shows country codes, and the evidence keeps the most room")
    func squeeze() {
        let rec: Record = [("type", .string("stance")), ("date", .string("2019-02-21")), ("date_basis", .string("text")),
                           ("holder", .object([("name", .string("Russian Federation")), ("country", .string("RUS"))])),
                           ("speaker", .string("Sergei Vershinin")), ("polarity", .string("oppose")), ("topic", .string("Israeli strikes")),
                           ("cue", .string("condemned")),
                           ("sentence", .string(String(repeating: "word ", count: 30) + "Moscow condemned it.")), ("file", .string("001_48da0eb1e26231e5.txt"))]
        let lines = RecordTable.render([rec], width: 80).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[2].contains("RUS ") && !lines[2].contains("Russian"))
        #expect(lines[2].contains("condemned"))
        // The evidence is the widest column: what the others leave, at least 24 characters.
        let rule = lines[1].split(separator: " ").map(\.count)
        #expect(rule[5] == rule.max()! && rule[5] >= 24)
    }
}
