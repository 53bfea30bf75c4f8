/// A plain-text table for the terminal: columns padded, every line within `width` characters.
/// The flexible column (the evidence) gets what the others leave; when it must be cut, it is
/// elided around its focus (the cue, or a search's `[match]`) so that the word that matters stays
/// in view. Other columns are cut at `maxWidth`, and shrunk (widest first) when the line is still
/// too long.
public enum TextTable {
    /// The columns that carry evidence, in the order one is chosen as the flexible column.
    static let evidenceColumns = ["evidence", "snippet", "sentence", "quote", "text"]
    /// The fewest characters the flexible column is squeezed to before other columns shrink.
    static let minimumFlexible = 24

    /// - Parameters:
    ///   - width: the longest a line may be (nil: no limit, columns cut at `maxWidth` only).
    ///   - focus: for each row, a text to keep visible in the flexible column (nil: its start).
    ///   - compact: for each row, shorter cells ("RUS" for "Russia (RUS)"), used in a column that
    ///     would otherwise be cut.
    public static func render(columns: [String], rows: [[String]], maxWidth: Int = 60, width: Int? = nil,
                              focus: [String?]? = nil, compact: [[String?]]? = nil) -> String {
        if rows.isEmpty { return "(no rows)\n" }
        let flexible = evidenceColumns.lazy.compactMap { columns.firstIndex(of: $0) }.first
        var lines = rows.map { $0.map(oneLine) }
        // Natural widths: the longest cell (others capped at maxWidth; the evidence uncapped when
        // there is a width to fit).
        func natural() -> [Int] {
            var widths = columns.map(\.count)
            for r in lines {
                for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) }
            }
            for i in widths.indices where i != flexible || width == nil { widths[i] = min(widths[i], max(maxWidth, columns[i].count)) }
            return widths
        }
        var widths = natural()
        if let width {
            let wanted = widths
            fit(&widths, columns: columns, flexible: flexible, width: width)
            // A column that was cut shows its compact cells instead, and the widths are fitted again.
            if let compact, widths.indices.contains(where: { widths[$0] < wanted[$0] && $0 != flexible }) {
                for (k, alternatives) in compact.enumerated() {
                    for (i, short) in alternatives.enumerated() where widths[i] < wanted[i] && i != flexible {
                        if let short { lines[k][i] = short }
                    }
                }
                widths = natural()
                fit(&widths, columns: columns, flexible: flexible, width: width)
            }
        }
        let cells: [[String]] = lines.enumerated().map { k, r in
            r.enumerated().map { i, c in
                i == flexible ? elide(c, to: widths[i], around: focus?[k] ?? nil) : cut(c, to: widths[i])
            }
        }
        let counts = cells.map { $0.map(\.count) }
        var out = ""
        // Each line is built as bytes (appending padding to a String goes character by character).
        func line(_ r: [String], _ count: [Int]) {
            var bytes: [UInt8] = []
            for (i, cell) in r.enumerated() {
                if i > 0 { bytes.append(32); bytes.append(32) }
                bytes.append(contentsOf: cell.utf8)
                if count[i] < widths[i] { bytes.append(contentsOf: repeatElement(32, count: widths[i] - count[i])) }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // Without the white space at its end (what `\\s+$` matched: Unicode's White_Space).
            let u = text.unicodeScalars
            var end = u.endIndex
            while end > u.startIndex {
                let before = u.index(before: end)
                let c = u[before]
                guard c == " " || c.properties.isWhitespace else { break }
                end = before
            }
            out += end == u.endIndex ? text : String(u[..<end])
            out += "\n"
        }
        let header = columns.enumerated().map { cut($1, to: widths[$0]) }
        line(header, header.map(\.count))
        line(widths.map { String(repeating: "-", count: $0) }, widths)
        for (r, c) in zip(cells, counts) { line(r, c) }
        return out
    }

    /// Columns whose values are short and always whole: never shrunk.
    static let fixedColumns: Set<String> = ["date", "published", "polarity", "event_type", "year", "id", "sentence_id", "mentions", "kind"]

    /// Shrinks the widths until the line (columns and two spaces between each) fits `width`: the
    /// flexible column (the evidence) down to two fifths of the line, or `minimumFlexible`; then
    /// the widest of the others but the fixed ones, a character at a time, down to 6; then the
    /// flexible one again, then any.
    static func fit(_ widths: inout [Int], columns: [String], flexible: Int?, width: Int) {
        var total: Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
        if let f = flexible, total > width {
            widths[f] = max(min(widths[f], max(minimumFlexible, width * 2 / 5)), widths[f] - (total - width))
        }
        func shrink(floor: Int, _ eligible: (Int) -> Bool) {
            while total > width {
                guard let i = widths.indices.filter({ eligible($0) && widths[$0] > floor }).max(by: { widths[$0] < widths[$1] }) else { return }
                widths[i] -= 1
            }
        }
        shrink(floor: 6) { $0 != flexible && !fixedColumns.contains(columns[$0]) }
        if let f = flexible, total > width { widths[f] = max(8, widths[f] - (total - width)) }
        shrink(floor: 1) { _ in true }
    }

    /// A cell on one line: line breaks become spaces. Scalar by scalar, not with Foundation's
    /// replacing (a regular expression for the trailing white space cost 40% of a whole `kb query`).
    static func oneLine(_ s: String) -> String {
        guard s.utf8.contains(10) else { return s }
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars { scalars.append(u == "\n" ? " " : u) }
        return String(scalars)
    }

    /// The cell cut at `width` characters, with '…'.
    static func cut(_ s: String, to width: Int) -> String {
        guard s.count > width else { return s }
        var kept = s.prefix(max(0, width - 1))
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// `width` characters of `s` that show `focus` (its first occurrence, ignoring case) with a
    /// third of the room before it: '…' where text was left out at either end, cuts made between
    /// words when one is near.
    static func elide(_ s: String, to width: Int, around focus: String?) -> String {
        let chars = Array(s)
        guard chars.count > width else { return s }
        guard width > 2, let focus, !focus.isEmpty,
              let at = s.range(of: focus, options: .caseInsensitive).map({ s.distance(from: s.startIndex, to: $0.lowerBound) }),
              at + min(focus.count, width / 2) > width - 1 else {
            return cut(s, to: width)
        }
        let room = width - 2   // an ellipsis at each end
        var start = max(0, at - room / 3)
        // Start at a word when one begins within a few characters before the focus's context.
        if let space = chars[start..<min(at, start + 8)].firstIndex(of: " ") { start = space + 1 }
        if start + room >= chars.count { return "…" + String(chars[(chars.count - (width - 1))...]) }
        var middle = String(chars[start..<(start + room)])
        while middle.last == " " { middle.removeLast() }
        return "…" + middle + "…"
    }
}
