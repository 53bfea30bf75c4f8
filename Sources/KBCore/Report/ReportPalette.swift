/// The chart's fills: Okabe and Ito's colours, which readers with any common colour-vision
/// deficiency can tell apart, each with its own pattern, so that a category also shows in grey
/// print and the legend and labels name it.
enum ReportPalette {
    enum Pattern: String { case solid, diagonal, dots, cross, horizontal, backDiagonal, grid, vertical, ring, checker }

    struct Fill: Equatable {
        var color: String
        var pattern: Pattern
        /// The pattern's lines and dots, over the colour.
        var mark: String = "#ffffff"
    }

    static let polarity: [String: Fill] = [
        "support": Fill(color: "#0072B2", pattern: .solid),
        "oppose": Fill(color: "#D55E00", pattern: .diagonal),
        "mixed": Fill(color: "#CC79A7", pattern: .cross),
        "neutral": Fill(color: "#999999", pattern: .dots),
    ]

    /// Event types (and counts), in the order they are given out.
    static let others: [Fill] = [
        Fill(color: "#E69F00", pattern: .horizontal),
        Fill(color: "#56B4E9", pattern: .backDiagonal),
        Fill(color: "#009E73", pattern: .grid),
        Fill(color: "#F0E442", pattern: .vertical, mark: "#000000"),
        Fill(color: "#000000", pattern: .ring),
        Fill(color: "#DDDDDD", pattern: .checker, mark: "#555555"),
    ]

    /// Each category's fill, polarities by name, the rest in turn.
    static func fills(_ categories: [String]) -> [Fill] {
        var next = 0
        return categories.map { c in
            if let f = polarity[c] { return f }
            if c == TimelineData.otherTypes { return others[others.count - 1] }
            defer { next += 1 }
            return others[next % (others.count - 1)]
        }
    }

    /// The SVG `<pattern>` for a fill.
    static func definition(_ f: Fill, id: String) -> String {
        let open = "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"\(f.pattern == .diagonal ? " patternTransform=\"rotate(45)\"" : f.pattern == .backDiagonal ? " patternTransform=\"rotate(-45)\"" : "")>"
            + "<rect width=\"6\" height=\"6\" fill=\"\(f.color)\"/>"
        let line = { (x1: Int, y1: Int, x2: Int, y2: Int) in "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(f.mark)\" stroke-width=\"1.6\"/>" }
        let marks: String
        switch f.pattern {
        case .solid: marks = ""
        case .diagonal, .backDiagonal, .vertical: marks = line(3, 0, 3, 6)
        case .horizontal: marks = line(0, 3, 6, 3)
        case .grid: marks = line(3, 0, 3, 6) + line(0, 3, 6, 3)
        case .ring: marks = "<circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"none\" stroke=\"\(f.mark)\" stroke-width=\"1\"/>"
        case .checker: marks = "<rect width=\"3\" height=\"3\" fill=\"\(f.mark)\"/><rect x=\"3\" y=\"3\" width=\"3\" height=\"3\" fill=\"\(f.mark)\"/>"
        case .cross: marks = line(0, 0, 6, 6) + line(6, 0, 0, 6)
        case .dots: marks = "<circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"\(f.mark)\"/>"
        }
        return open + marks + "</pattern>"
    }
}
