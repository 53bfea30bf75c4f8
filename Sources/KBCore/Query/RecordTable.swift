/// The terminal table of events and stance statements — `kb query`'s groups, `kb events`,
/// `kb stances` — with one column set per record type: the date (with `*` when the publication
/// date stands in), who, what, the evidence (the quote, else the sentence, elided around the cue)
/// and the file.
public enum RecordTable {
    /// The note under a table that marked a stand-in date.
    public static let standInNote = "\n* the text gives no date: the publication date stands in.\n"

    public enum Kind: Sendable { case stance, event, mixed }

    /// The kind of every record: a timeline's rows (`what`, `who`) are mixed; otherwise each
    /// carries a `type` of `stance` or `event`. Nil: not records of this table.
    public static func kind(_ records: [Record]) -> Kind? {
        guard !records.isEmpty else { return nil }
        if records.allSatisfy({ $0.contains { $0.0 == "what" } }) { return .mixed }
        let types = Set(records.map { $0.first { $0.0 == "type" }?.1.text ?? "" })
        return types == ["stance"] ? .stance : types == ["event"] ? .event : nil
    }

    public static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .stance: return ["date", "holder", "speaker", "polarity", "topic", "evidence", "file"]
        case .event: return ["date", "event_type", "initiator", "target", "location", "evidence", "file"]
        case .mixed: return ["date", "type", "what", "who", "target", "polarity", "evidence", "file"]
        }
    }

    /// The table, without the stand-in note (see `marksStandIn`).
    public static func render(_ records: [Record], width: Int?, maxWidth: Int = 60) -> String {
        let kind = kind(records) ?? .mixed
        let columns = columns(kind)
        func text(_ r: Record, _ key: String) -> String { r.first { $0.0 == key }?.1.text ?? "" }
        let cells: [[String]] = records.map { r in
            columns.map { c in
                switch c {
                case "evidence":
                    let q = text(r, "quote")
                    return q.isEmpty ? text(r, "sentence") : "“" + q + "”"
                case "date": return date(r)
                case "holder", "speaker", "initiator", "target":
                    // A party is a name, its country in a column of its own (or an object with both).
                    let (name, country) = party(r, c)
                    return name.isEmpty || country.isEmpty ? name : "\(name) (\(country))"
                default: return text(r, c)
                }
            }
        }
        let focus: [String?] = records.map { r in
            let cue = text(r, "cue")
            return cue.isEmpty ? nil : cue
        }
        // Squeezed, a party is its country code when it has one ("RUS"), a person their name.
        let compact: [[String?]] = records.map { r in
            columns.map { c in
                guard ["holder", "speaker", "initiator", "target"].contains(c) else { return nil }
                let (name, country) = party(r, c)
                return c != "speaker" && !country.isEmpty ? country : name
            }
        }
        return TextTable.render(columns: columns, rows: cells, maxWidth: maxWidth, width: width, focus: focus, compact: compact)
    }

    /// A party's name and country code: from `key` and `key_country`, or `key` as an object.
    static func party(_ r: Record, _ key: String) -> (String, String) {
        let value = r.first { $0.0 == key }?.1 ?? .null
        if case .object(let pairs) = value {
            return (pairs.first { $0.0 == "name" }?.1.text ?? "", pairs.first { $0.0 == "country" }?.1.text ?? "")
        }
        return (value.text, r.first { $0.0 == key + "_country" }?.1.text ?? "")
    }

    /// The date as the table shows it: `undated`, or the date with `*` when the publication date
    /// stands in for one the text does not give.
    static func date(_ r: Record) -> String {
        let d = r.first { $0.0 == "date" }?.1.text ?? ""
        return d.isEmpty ? "undated" : marksStandIn(r) ? d + "*" : d
    }

    public static func marksStandIn(_ r: Record) -> Bool {
        r.first { $0.0 == "date_basis" }?.1 == .string("publication")
    }

    /// The table and, when a date was marked, the note that says what `*` means.
    public static func renderWithNote(_ records: [Record], width: Int?) -> String {
        if records.isEmpty { return "(no rows)\n" }
        return render(records, width: width) + (records.contains(where: marksStandIn) ? standInNote : "")
    }
}
