import Foundation

/// Credit lines (Dictionaries/cleaning/credits.tsv): "Reporting by …; Editing by …", "Writing
/// by …", photo credits, "(Mehr)"-style agency credits, "Source: … News Agency". They are taken
/// out of an article's blocks before its sentences are read — so their names become neither
/// actors nor evidence — and give the source its authors (the writers and reporters) and its
/// publisher (a known agency) when it has none.
public struct CreditLines: Sendable {
    public enum Kind: String, Sendable { case writers, editors, photo, agency }
    struct Rule: @unchecked Sendable { let kind: Kind; let pattern: NSRegularExpression }
    let rules: [Rule]

    public init(tsv: String, file: String = "cleaning/credits.tsv") throws {
        var rules: [Rule] = []
        for (n, fields) in TSV.rows(tsv) {
            guard fields.count >= 2, let kind = Kind(rawValue: fields[0]) else {
                throw KBError.dictionary(file: file, line: n, reason: "expected: kind (writers|editors|photo|agency) <tab> pattern")
            }
            // The agency's bare form ("(Mehr)", "/MNA/") is matched as written: its capitals matter.
            let options: NSRegularExpression.Options = kind == .agency && !fields[1].contains(":") ? [] : [.caseInsensitive]
            do {
                rules.append(Rule(kind: kind, pattern: try NSRegularExpression(pattern: "^(?:" + fields[1] + ")$", options: options)))
            } catch {
                throw KBError.dictionary(file: file, line: n, reason: "not a regular expression: \(fields[1])")
            }
        }
        self.rules = rules
    }

    /// What the credit lines of an article said.
    public struct Credits: Sendable, Equatable {
        public var writers: [String] = []
        public var agencies: [String] = []
        /// The lines (or parts) taken out, as they were.
        public var lines: [String] = []
    }

    /// The kind of a part, and its captured names or agency.
    func match(_ part: String) -> (Kind, String?)? {
        let ns = part as NSString
        for r in rules {
            guard let m = r.pattern.firstMatch(in: part, range: NSRange(location: 0, length: ns.length)) else { continue }
            let captured = m.numberOfRanges > 1 && m.range(at: 1).location != NSNotFound ? ns.substring(with: m.range(at: 1)) : nil
            return (r.kind, captured)
        }
        return nil
    }

    /// Each ';'-separated part of `text`, when every one of them is a credit.
    func creditParts(in text: String) -> [(Kind, String?)]? {
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ()")) }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.count <= 6, text.count <= 300 else { return nil }
        // A bare "(Mehr)" keeps its parentheses: they are what make it a credit.
        if parts.count == 1, let whole = match(text.trimmingCharacters(in: .whitespaces)) { return [whole] }
        let found = parts.compactMap(match)
        return found.count == parts.count ? found : nil
    }

    /// The blocks without their credit lines (and without a credit in parentheses at a block's
    /// end: "… said. (Reporting by …)"), and what the credits said.
    /// - Parameter isAgency: whether a name is a known agency: only then is a short parenthesized
    ///   name after a block's last sentence ("… said. (Mehr)") a credit, not an abbreviation.
    public func extract(from blocks: [String], isAgency: (String) -> Bool) -> (blocks: [String], credits: Credits) {
        var out: [String] = []
        var credits = Credits()
        func record(_ found: [(Kind, String?)], _ line: String) {
            credits.lines.append(line)
            for (kind, captured) in found {
                guard let captured else { continue }
                switch kind {
                case .writers: credits.writers += Self.names(captured)
                case .agency: credits.agencies.append(captured)
                case .editors, .photo: break
                }
            }
        }
        for block in blocks {
            if let found = creditParts(in: block) { record(found, block); continue }
            if block.hasSuffix(")"), let open = block.range(of: "(", options: .backwards), open.lowerBound > block.startIndex {
                let tail = String(block[open.lowerBound...])
                let kept = block[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
                if let found = creditParts(in: tail),
                   found.allSatisfy({ $0.0 != .agency || ($0.1.map(isAgency) ?? false) && Cleaner.endsLikeSentence(kept, marks: ".!?") }) {
                    record(found, tail)
                    if !kept.isEmpty { out.append(kept) }
                    continue
                }
            }
            out.append(block)
        }
        return (out, credits)
    }

    /// "Jane Doe and John Smith in Moscow, Ali Reza" → the names, without "in PLACE".
    static func names(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",").map { part in
            var p = part.trimmingCharacters(in: .whitespaces)
            if let r = p.range(of: " in ") ?? p.range(of: " from ") { p = String(p[..<r.lowerBound]) }
            return p.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        }.filter { MetadataFinder.isPersonName($0) }
    }
}
