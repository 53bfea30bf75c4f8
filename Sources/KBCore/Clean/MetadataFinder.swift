import Foundation

/// Finds what an article states about itself in the lines around its body: the title, the
/// byline (date, authors, publisher), a "| Site" title suffix, source and copyright lines.
public struct MetadataFinder: Sendable {
    let publishers: PublisherDictionary

    public init(publishers: PublisherDictionary) { self.publishers = publishers }

    public func find(in article: CleanedArticle) -> SourceMetadata {
        var meta = SourceMetadata()
        let header = article.header
        var dateLine: Int?
        for (i, line) in header.enumerated() where Self.words(line) <= 16 {
            if let found = BylineDate.find(in: line) {
                meta.published = Sourced(found.date, .text)
                dateLine = i
                break
            }
        }
        // Title: the first heading-like line that is not the byline.
        for (i, line) in header.enumerated() where i != dateLine {
            let n = Self.words(line)
            guard n >= 2 && n <= 30, !Self.lowercasedHasPrefix(line, "by ") else { continue }
            var title = line
            for sep in [" | ", " – ", " — ", " - "] {
                if let r = line.range(of: sep, options: .backwards) {
                    let suffix = String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces)
                    if Self.words(suffix) <= 5 && Self.words(String(line[..<r.lowerBound])) >= 2 {
                        title = String(line[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                        meta.publisher = Sourced(publishers.canonical(suffix) ?? suffix, .inferred)
                        break
                    }
                }
            }
            meta.title = Sourced(title, .text)
            break
        }
        // Byline: "By A and B", or what is left of the date line once the date and outlet are removed.
        if let d = dateLine {
            var rest = header[d]
            if let r = BylineDate.find(in: rest)?.range { rest.removeSubrange(r) }
            if let p = publishers.find(in: rest) {
                meta.publisher = Sourced(p.name, .text)
                rest.removeSubrange(p.range)
            }
            var authors: [String] = []
            let segments = rest.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            for seg in segments {
                var s = seg
                if Self.lowercasedHasPrefix(s, "by ") { s = String(s.dropFirst(3)) }
                let names = AuthorNames.split(s).filter(Self.isPersonName)
                authors += names
            }
            // Author names on the lines after the dateline, one a line.
            for line in header[(d + 1)...].prefix(6) {
                if !line.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) { continue }
                guard Self.isPersonName(line) else { break }
                authors.append(line)
            }
            if !authors.isEmpty { meta.authors = Sourced(authors, .text) }
        }
        if meta.authors == nil, let by = header.first(where: { $0.hasPrefix("By ") || $0.hasPrefix("by ") }) {
            let names = AuthorNames.split(String(by.split(separator: "|").first ?? "")).filter(Self.isPersonName)
            if !names.isEmpty { meta.authors = Sourced(names, .text) }
        }
        // Source and copyright lines after the article.
        if meta.publisher == nil || meta.publisher?.origin == .inferred {
            for line in article.trailer + header {
                if Self.lowercasedHasPrefix(line, "original source:") || Self.lowercasedHasPrefix(line, "source:") {
                    let value = String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmingCharacters(in: .whitespaces)
                    if let name = publishers.canonical(value) ?? publishers.find(in: value)?.name {
                        meta.publisher = Sourced(name, .text)
                        break
                    }
                }
            }
        }
        if meta.publisher == nil {
            for line in article.trailer where line.hasPrefix("©") || Self.lowercasedHasPrefix(line, "copyright") {
                var owner = Substring(line)
                if owner.lowercased().hasPrefix("copyright") { owner = owner.dropFirst("copyright".count) }
                let cleaned = owner.trimmingCharacters(in: CharacterSet(charactersIn: " ©-–—0123456789.,()"))
                if !cleaned.isEmpty && Self.words(cleaned) <= 8 {
                    meta.publisher = Sourced(publishers.canonical(cleaned) ?? cleaned, .inferred)
                    break
                }
            }
        }
        return meta
    }

    /// What an article's credit lines say: its writers as authors, a known agency as publisher.
    public func metadata(from credits: CreditLines.Credits) -> SourceMetadata {
        var meta = SourceMetadata()
        if !credits.writers.isEmpty { meta.authors = Sourced(credits.writers, .text) }
        if let agency = credits.agencies.lazy.compactMap(publishers.canonical).first { meta.publisher = Sourced(agency, .text) }
        return meta
    }

    static func words(_ s: String) -> Int { s.split(separator: " ").count }

    /// `s.lowercased().hasPrefix(prefix)` for a lowercase ASCII prefix, without lowercasing all
    /// of `s` when its first bytes are ASCII (then each byte is a Character).
    static func lowercasedHasPrefix<S: StringProtocol>(_ s: S, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        var bytes = s.utf8.makeIterator()
        for c in p {
            guard let b = bytes.next() else { return false }
            guard b < 0x80 else { return s.lowercased().hasPrefix(prefix) }
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != c { return false }
        }
        if let after = bytes.next(), after >= 0x80 { return s.lowercased().hasPrefix(prefix) }
        return true
    }

    static let notNames: Set<String> = ["News", "Latest", "International", "Publications", "Home", "Insight", "Relations",
                                        "Institute", "University", "Policy", "Center", "Centre", "Council", "Series", "Media",
                                        "Contact", "Comments", "Comment", "Share", "Staff", "Editorial", "Board", "Research",
                                        "Events", "Topics", "Analysis", "Opinion", "World", "Politics", "Middle", "East"]

    /// Two to four capitalized words (initials and particles allowed), no digits: "Ilan I. Berman",
    /// "Vera Michlin-Shapir", "Bashar al-Assad".
    static func isPersonName(_ s: String) -> Bool {
        let tokens = s.split(separator: " ")
        guard (2...4).contains(tokens.count) else { return false }
        let particles: Set<Substring> = ["al", "al-", "bin", "ibn", "van", "von", "de", "der", "da", "di", "la", "le", "du", "el"]
        var capitalized = 0
        for t in tokens {
            if t.contains(where: { $0.isNumber }) { return false }
            if notNames.contains(String(t)) { return false }
            guard t.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" }) else { return false }
            if particles.contains(t) || t.hasPrefix("al-") || t.hasPrefix("el-") { continue }
            guard let f = t.first, f.isUppercase else { return false }
            if t.count > 2 && t.allSatisfy({ $0.isUppercase }) { return false }  // acronyms: INSS
            capitalized += 1
        }
        return capitalized >= 2
    }
}

/// Finds a full calendar date in a byline or dateline: "February 21, 2019", "Mar 22, 2025",
/// "21 January 2019", "2019-02-21", "December 11, 2018".
enum BylineDate {
    static func find(in line: String) -> (date: KBDate, range: Range<String.Index>)? {
        // Tokens with their ranges.
        var tokens: [(String, Range<String.Index>)] = []
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c.isLetter || c.isNumber || c == "-" && !tokens.isEmpty {
                var j = i
                while j < line.endIndex && (line[j].isLetter || line[j].isNumber || line[j] == "-") { j = line.index(after: j) }
                tokens.append((String(line[i..<j]), i..<j))
                i = j
            } else { i = line.index(after: i) }
        }
        for (k, (t, r)) in tokens.enumerated() {
            if t.count == 10, let d = KBDate(iso: t), d.precision == .day { return (d, r) }
            if let m = MetadataDate.months[t.lowercased()] {
                // Month D, YYYY
                if k + 2 < tokens.count, let day = Int(tokens[k + 1].0), tokens[k + 1].0.count <= 2,
                   let year = Int(tokens[k + 2].0), tokens[k + 2].0.count == 4,
                   let d = KBDate(iso: String(format: "%04d-%02d-%02d", year, m, day)) {
                    return (d, r.lowerBound..<tokens[k + 2].1.upperBound)
                }
                // D Month YYYY
                if k >= 1, k + 1 < tokens.count, let day = Int(tokens[k - 1].0), tokens[k - 1].0.count <= 2,
                   let year = Int(tokens[k + 1].0), tokens[k + 1].0.count == 4,
                   let d = KBDate(iso: String(format: "%04d-%02d-%02d", year, m, day)) {
                    return (d, tokens[k - 1].1.lowerBound..<tokens[k + 1].1.upperBound)
                }
            }
        }
        return nil
    }
}
