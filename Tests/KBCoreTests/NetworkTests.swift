import Foundation
import GRDB
import Testing
@testable import KBCore

/// `kb network`: the networks' logic on statements made by hand, and the seed corpus's network as
/// networkx reads it (GraphML and GEXF) and as the CSV files hold it, against SQL of the test's own.
@Suite("Stance network")
struct NetworkTests {
    typealias Statement = NetworkBuilder.Statement

    static let actors: [Int64: NetworkBuilder.Entity] = [
        1: .init(id: "state:AAA", label: "A", type: "actor", kind: "state", iso: "AAA"),
        2: .init(id: "state:BBB", label: "B", type: "actor", kind: "state", iso: "BBB"),
        3: .init(id: "org:CCC", label: "C", type: "actor", kind: "organization", iso: nil),
    ]
    static let topics: [Int64: NetworkBuilder.Entity] = [
        11: .init(id: "topic:t1", label: "T1", type: "topic", kind: "concept", iso: nil),
        12: .init(id: "topic:t2", label: "T2", type: "topic", kind: "concept", iso: nil),
        13: .init(id: "topic:t3", label: "T3", type: "topic", kind: "concept", iso: nil),
        14: .init(id: "topic:t4", label: "T4", type: "topic", kind: "event_class", iso: "AAA"),
    ]
    /// A supports t1 twice, opposes t2, supports t3; B supports t1, opposes t2, opposes t3, is
    /// neutral on t4; C opposes t1 and is neutral on t4.
    static let statements: [Statement] = [
        .init(holder: 1, topic: 11, polarity: "support", date: "2018-03"),
        .init(holder: 1, topic: 11, polarity: "support", date: "2019-01-02"),
        .init(holder: 1, topic: 12, polarity: "oppose", date: nil),
        .init(holder: 1, topic: 13, polarity: "support", date: "2017"),
        .init(holder: 2, topic: 11, polarity: "support", date: "2016-05-01"),
        .init(holder: 2, topic: 12, polarity: "oppose", date: "2020-02"),
        .init(holder: 2, topic: 13, polarity: "oppose", date: "2015"),
        .init(holder: 2, topic: 14, polarity: "neutral", date: "2021"),
        .init(holder: 3, topic: 11, polarity: "oppose", date: "2018"),
        .init(holder: 3, topic: 14, polarity: "neutral", date: "2022"),
    ]

    @Test("congruence, worked by hand: A and B agree on t1 (support) and t2 (oppose), conflict on t3; C agrees with no one")
    func congruenceByHand() {
        let n = ActorActorNetwork.build(Self.statements, holders: [], actors: Self.actors, topics: Self.topics)
        #expect(n.nodes.map(\.id) == ["org:CCC", "state:AAA", "state:BBB"])
        #expect(n.nodes.map { $0.values["statements"] } == [.int(2), .int(4), .int(4)])
        #expect(n.edges.count == 1)
        let e = n.edges[0]
        #expect((e.source, e.target, e.weight) == ("state:AAA", "state:BBB", 2))
        // A's two t1 supports and t2 opposition, B's t1 support and t2 opposition: five statements,
        // dated 2016-05-01 … 2020-02 (one undated).
        #expect(e.values == ["weight": .int(2), "support": .int(1), "oppose": .int(1), "conflict": .int(1), "statements": .int(5),
                             "first": .string("2016-05-01"), "last": .string("2020-02"), "topics": .string("t1;t2")])
        // --holder C: C alone, no edge; --holder A: A and B.
        let c = ActorActorNetwork.build(Self.statements, holders: [3], actors: Self.actors, topics: Self.topics)
        #expect(c.nodes.map(\.id) == ["org:CCC"] && c.edges.isEmpty)
        let a = ActorActorNetwork.build(Self.statements, holders: [1], actors: Self.actors, topics: Self.topics)
        #expect(a.nodes.map(\.id) == ["state:AAA", "state:BBB"] && a.edges.count == 1)
    }

    @Test("actor-topic, worked by hand: one edge per holder and topic, its polarities counted")
    func bipartiteByHand() {
        let n = ActorTopicNetwork.build(Self.statements, holders: [], actors: Self.actors, topics: Self.topics)
        #expect(n.nodes.count == 7)
        #expect(n.edges.count == 9)
        let a1 = n.edges.first { $0.source == "state:AAA" && $0.target == "topic:t1" }
        #expect(a1?.values == ["weight": .int(2), "support": .int(2), "oppose": .int(0), "mixed": .int(0), "neutral": .int(0),
                               "first": .string("2018-03"), "last": .string("2019-01-02"), "years": .string("2018;2019")])
        let a2 = n.edges.first { $0.source == "state:AAA" && $0.target == "topic:t2" }
        #expect(a2?.values["first"] == nil && a2?.values["years"] == nil, "an undated edge has no dates")
        #expect(n.nodes.first { $0.id == "topic:t1" }?.values["statements"] == .int(4))
        #expect(n.nodes.first { $0.id == "org:CCC" }?.values["iso"] == nil)
        let b = ActorTopicNetwork.build(Self.statements, holders: [2], actors: Self.actors, topics: Self.topics)
        #expect(b.edges.map(\.target) == ["topic:t1", "topic:t2", "topic:t3", "topic:t4"])
    }

    @Test("dates are checked before anything is read")
    func filters() {
        #expect(NetworkFilter.isDate("2018") && NetworkFilter.isDate("2018-05") && NetworkFilter.isDate("2018-05-14"))
        #expect(!NetworkFilter.isDate("2018-13") && !NetworkFilter.isDate("18") && !NetworkFilter.isDate("2018-5") && !NetworkFilter.isDate("last year"))
        #expect(throws: KBError.self) { try NetworkFilter(since: "2019", until: "2018").validate() }
        #expect(throws: Never.self) { try NetworkFilter(since: "2018-05", until: "2018").validate() }
    }

    // The seed corpus, read by networkx.

    /// Reads a network file with networkx (GraphML or GEXF) or the two CSV files with Python's
    /// csv module, and prints it as JSON: directed, nodes {id: attributes}, edges {"source|target":
    /// attributes}, every value as text, and the Python types of the GraphML counts.
    static let reader = """
        import csv, json, sys
        import networkx as nx
        kind, path = sys.argv[1], sys.argv[2]
        def text(v):
            if isinstance(v, float) and v.is_integer(): v = int(v)
            return str(v)
        if kind == 'csv':
            nodes = {r['id']: {k: v for k, v in r.items() if k != 'id' and v != ''} for r in csv.DictReader(open(path + '.nodes.csv', newline=''))}
            edges = {}
            for r in csv.DictReader(open(path + '.edges.csv', newline='')):
                edges[r['source'] + '|' + r['target']] = {k: v for k, v in r.items() if k not in ('source', 'target') and v != ''}
            print(json.dumps({'nodes': nodes, 'edges': edges}, sort_keys=True)); sys.exit(0)
        g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
        nodes = {n: {k: text(v) for k, v in d.items()} for n, d in g.nodes(data=True)}
        edges, types = {}, set()
        for u, v, d in g.edges(data=True):
            if not g.is_directed(): u, v = sorted((u, v))
            edges[u + '|' + v] = {k: text(x) for k, x in d.items() if k != 'id'}
            types.add(type(d['weight']).__name__)
        print(json.dumps({'directed': g.is_directed(), 'nodes': nodes, 'edges': edges, 'weight_types': sorted(types)}, sort_keys=True))
        """

    struct Read: Equatable {
        var nodes: [String: [String: String]]
        var edges: [String: [String: String]]
    }

    static func read(_ kind: String, _ path: String) throws -> (Read, [String: Any]) {
        let r = try ExternalTools.python(reader, [kind, path])
        #expect(r.status == 0, "networkx: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (Read(nodes: json["nodes"] as? [String: [String: String]] ?? [:], edges: json["edges"] as? [String: [String: String]] ?? [:]), json)
    }

    /// Writes the corpus's network with `kb network` and reads it back.
    static func written(_ format: String, _ kind: String, _ extra: [String] = []) throws -> (Read, [String: Any]) {
        let out = (Support.tempDir() as NSString).appendingPathComponent(format == "csv" ? "net" : "net.\(format)")
        let r = try Support.run(["network", "--db", Support.corpusDB, "--format", format, "--kind", kind, "--out", out] + extra)
        #expect(r.status == 0, "kb network: \(r.stderr)")
        return try read(format, out)
    }

    /// Rows of this test's own SQL as text attributes, NULLs left out.
    static func rows(_ sql: String) throws -> [String: [String: String]] {
        let q = try Support.reader(Support.corpusDB)
        return try q.read { db in
            var out: [String: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                var values: [String: String] = [:]
                for (column, value) in row where column != "id" {
                    switch value.storage {
                    case .int64(let i): values[column] = String(i)
                    case .string(let s): values[column] = s
                    case .double(let d): values[column] = String(d)
                    case .null, .blob: break
                    }
                }
                out[row["id"]] = values
            }
            return out
        }
    }

    static let expectedNodes = """
        SELECT a.key AS id, a.name AS label, 'actor' AS type, a.kind, a.country AS iso, count(*) AS statements
        FROM stances st JOIN actors a ON a.id = st.holder_id WHERE st.topic_id IS NOT NULL GROUP BY a.id
        UNION ALL
        SELECT 'topic:' || t.key, t.label, 'topic', t.kind, t.country, count(*)
        FROM stances st JOIN topics t ON t.id = st.topic_id GROUP BY t.id
        """
    static let expectedEdges = """
        SELECT a.key || '|topic:' || t.key AS id, count(*) AS weight,
               sum(st.polarity = 'support') AS support, sum(st.polarity = 'oppose') AS oppose,
               sum(st.polarity = 'mixed') AS mixed, sum(st.polarity = 'neutral') AS neutral,
               min(st.date) AS first, max(st.date) AS last,
               (SELECT group_concat(y, ';') FROM (SELECT DISTINCT substr(s2.date, 1, 4) AS y FROM stances s2
                 WHERE s2.holder_id = st.holder_id AND s2.topic_id = st.topic_id AND s2.date IS NOT NULL ORDER BY y)) AS years
        FROM stances st JOIN actors a ON a.id = st.holder_id JOIN topics t ON t.id = st.topic_id
        GROUP BY st.holder_id, st.topic_id
        """

    @Test("the seed corpus's actor-topic network, read by networkx, is the stances table's",
          .enabled(if: ExternalTools.networkx.path != nil, "\(ExternalTools.networkx.reason)"))
    func corpusActorTopic() throws {
        let (graph, json) = try Self.written("graphml", "actor-topic")
        #expect(json["directed"] as? Bool == true)
        #expect(json["weight_types"] as? [String] == ["int"], "counts are integers")
        #expect(graph.nodes == (try Self.rows(Self.expectedNodes)))
        #expect(graph.edges == (try Self.rows(Self.expectedEdges)))
        // Checked by hand against the rows on 2026-12-06 (21 statements with a topic, 3 holders):
        // Israel, Russia and the United States hold statements; Israel's three on Iran's presence in
        // Syria (two opposed, one mixed) are one edge.
        let israel = graph.nodes["state:ISR"] ?? [:]
        #expect(israel["label"] == "Israel" && israel["type"] == "actor" && israel["kind"] == "state" && israel["iso"] == "ISR")
        #expect(graph.nodes["state:RUS"]?["label"] == "Russia")
        #expect(graph.nodes["topic:iran_presence_syria"]?["kind"] == "concept")
        #expect(graph.edges.count > 5 && graph.nodes.count > graph.edges.count / 2)
    }

    @Test("the seed corpus's congruence network, read by networkx, agrees with SQL over topic sides",
          .enabled(if: ExternalTools.networkx.path != nil, "\(ExternalTools.networkx.reason)"))
    func corpusActorActor() throws {
        let (graph, json) = try Self.written("graphml", "actor-actor")
        #expect(json["directed"] as? Bool == false)
        let sides = "SELECT DISTINCT holder_id AS h, topic_id AS t, polarity AS p FROM stances WHERE topic_id IS NOT NULL AND polarity IN ('support', 'oppose')"
        let expected = try Self.rows("""
            WITH sides AS (\(sides)),
            pairs AS (
              SELECT x.h AS a, y.h AS b, count(*) AS weight, sum(x.p = 'support') AS support, sum(x.p = 'oppose') AS oppose
              FROM sides x JOIN sides y ON y.t = x.t AND y.p = x.p AND y.h <> x.h
              WHERE (SELECT key FROM actors WHERE id = x.h) < (SELECT key FROM actors WHERE id = y.h)
              GROUP BY x.h, y.h
            )
            SELECT (SELECT key FROM actors WHERE id = a) || '|' || (SELECT key FROM actors WHERE id = b) AS id, weight, support, oppose,
                   (SELECT count(DISTINCT s.t) FROM sides s JOIN sides o ON o.t = s.t AND s.p = 'support' AND o.p = 'oppose'
                     WHERE (s.h = a AND o.h = b) OR (s.h = b AND o.h = a)) AS conflict,
                   (SELECT count(*) FROM stances st WHERE st.holder_id IN (a, b)
                     AND EXISTS (SELECT 1 FROM sides x JOIN sides y ON y.t = x.t AND y.p = x.p WHERE x.h = a AND y.h = b AND x.t = st.topic_id AND x.p = st.polarity)) AS statements,
                   (SELECT min(st.date) FROM stances st WHERE st.holder_id IN (a, b)
                     AND EXISTS (SELECT 1 FROM sides x JOIN sides y ON y.t = x.t AND y.p = x.p WHERE x.h = a AND y.h = b AND x.t = st.topic_id AND x.p = st.polarity)) AS first,
                   (SELECT max(st.date) FROM stances st WHERE st.holder_id IN (a, b)
                     AND EXISTS (SELECT 1 FROM sides x JOIN sides y ON y.t = x.t AND y.p = x.p WHERE x.h = a AND y.h = b AND x.t = st.topic_id AND x.p = st.polarity)) AS last,
                   (SELECT group_concat(k, ';') FROM (SELECT DISTINCT tp.key AS k FROM sides x JOIN sides y ON y.t = x.t AND y.p = x.p JOIN topics tp ON tp.id = x.t
                     WHERE x.h = a AND y.h = b ORDER BY k)) AS topics
            FROM pairs
            """)
        #expect(graph.edges == expected)
        let holders = try Support.strings(Support.corpusDB, "SELECT DISTINCT a.key FROM stances st JOIN actors a ON a.id = st.holder_id WHERE st.topic_id IS NOT NULL ORDER BY a.key")
        #expect(graph.nodes.keys.sorted() == holders)
        // Checked by hand on 2026-12-06: Israel and Russia both opposed Iran's presence in Syria.
        #expect(graph.edges["state:ISR|state:RUS"]?["topics"]?.contains("iran_presence_syria") == true)
    }

    @Test("the CSV files and the GEXF file hold what the GraphML holds; filters narrow it",
          .enabled(if: ExternalTools.networkx.path != nil, "\(ExternalTools.networkx.reason)"))
    func formatsAgree() throws {
        for kind in ["actor-topic", "actor-actor"] {
            let (graphml, _) = try Self.written("graphml", kind)
            let (csv, _) = try Self.written("csv", kind)
            #expect(csv == graphml, "\(kind): CSV")
            let (gexf, _) = try Self.written("gexf", kind)
            #expect(gexf == graphml, "\(kind): GEXF")
        }
        let (all, _) = try Self.written("graphml", "actor-topic")
        let (since, _) = try Self.written("graphml", "actor-topic", ["--since", "2019", "--holder", "Israel"])
        let expected = try Self.rows(Self.expectedEdges.replacingOccurrences(of: "GROUP BY", with: "WHERE st.date >= '2019' AND a.key = 'state:ISR' GROUP BY")
            .replacingOccurrences(of: "s2.date IS NOT NULL", with: "s2.date >= '2019'"))
        #expect(!expected.isEmpty)
        #expect(since.edges == expected)
        #expect(since.edges.count < all.edges.count)
        let (topic, _) = try Self.written("graphml", "actor-topic", ["--topic", "Iran's presence in Syria"])
        #expect(Set(topic.edges.keys.map { $0.components(separatedBy: "|")[1] }) == ["topic:iran_presence_syria"])
    }

    @Test("the output is the same twice, and bad filters are refused with the fix")
    func deterministicAndRefusals() throws {
        let a = try Support.run(["network", "--db", Support.corpusDB, "--kind", "actor-actor"])
        let b = try Support.run(["network", "--db", Support.corpusDB, "--kind", "actor-actor"])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout.hasPrefix("<?xml"))
        let topic = try Support.run(["network", "--db", Support.corpusDB, "--topic", "no such topic"])
        #expect(topic.status == 1 && topic.stderr.contains("SELECT key, label FROM topics"))
        let holder = try Support.run(["network", "--db", Support.corpusDB, "--holder", "Atlantis"])
        #expect(holder.status == 1 && holder.stderr.contains("kb actors"))
        let date = try Support.run(["network", "--db", Support.corpusDB, "--since", "2019-13"])
        #expect(date.status == 1 && date.stderr.contains("2018-05-14"))
        let csv = try Support.run(["network", "--db", Support.corpusDB, "--format", "csv"])
        #expect(csv.status == 1 && csv.stderr.contains("--out PREFIX"))
        for command in ["report", "network"] {
            let help = try Support.run(["help", command])
            #expect(help.status == 0 && help.stdout.contains("OVERVIEW:") && help.stdout.contains("--out"))
        }
    }
}
