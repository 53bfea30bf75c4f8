/// Dictionaries/places/places.tsv: places that are not states or capitals, with their state.
public struct Gazetteer: Sendable {
    var countries: [String: String] = [:]   // lowercased name → ISO alpha-3

    public init(tsv: String) throws {
        for (n, f) in TSV.rows(tsv) {
            guard f.count >= 2, f[1].count == 3 else { throw KBError.dictionary(file: "places/places.tsv", line: n, reason: "expected: place <tab> country <tab> aliases") }
            countries[f[0].lowercased()] = f[1]
            if f.count > 2 { for a in TSV.list(f[2]) { countries[a.lowercased()] = f[1] } }
        }
    }

    /// The state a place lies in: the whole name, or its last words ("the southern Quneitra province").
    public func country(of place: String) -> String? {
        let words = place.lowercased().split(separator: " ")
        for k in 0..<words.count {
            if let c = countries[words[k...].joined(separator: " ")] { return c }
        }
        return nil
    }
}
