import Foundation

/// The report's chart as inline SVG: one stacked bar per year (or month), a legend that names
/// every category with its fill, counts on the segments tall enough to hold them and each bar's
/// total above it, and a `<title>` per segment. No script, no font fetched.
enum TimelineChart {
    static let width = 960.0
    static let height = 360.0

    static func svg(_ data: TimelineData, title: String) -> String {
        let e = Markup.escape
        let fills = ReportPalette.fills(data.categories)
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-title\">"
        out += "<title id=\"chart-title\">\(e(title))</title><defs>"
        for (k, f) in fills.enumerated() { out += ReportPalette.definition(f, id: "fill-\(k)") }
        out += "</defs>"
        if data.total == 0 {
            return out + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\" class=\"empty\">No \(data.noun) to draw.</text></svg>"
        }
        // The legend: a row of swatches with names and totals.
        var x = 56.0, y = 18.0
        for (k, c) in data.categories.enumerated() {
            let n = data.counts.reduce(0) { $0 + $1[k] }
            let label = "\(c) (\(n))"
            let w = 22 + Double(label.count) * 7.2 + 18
            if x + w > width - 16 { x = 56; y += 22 }
            out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y - 11))\" width=\"14\" height=\"14\" fill=\"url(#fill-\(k))\" stroke=\"#000\" stroke-width=\"0.6\"/>"
            out += "<text x=\"\(fmt(x + 20))\" y=\"\(fmt(y))\" class=\"legend\">\(e(label))</text>"
            x += w
        }
        let top = y + 22, bottom = height - 40, left = 56.0, right = width - 16
        // The y axis: a round maximum and up to six gridlines.
        let peak = data.counts.map { $0.reduce(0, +) }.max() ?? 1
        let step = niceStep(peak)
        let axisMax = Double(((peak + step - 1) / step) * step)
        let scale = (bottom - top) / axisMax
        for v in stride(from: 0, through: Int(axisMax), by: step) {
            let gy = bottom - Double(v) * scale
            out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(gy))\" x2=\"\(fmt(right))\" y2=\"\(fmt(gy))\" class=\"grid\"/>"
            out += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(gy + 4))\" text-anchor=\"end\" class=\"tick\">\(v)</text>"
        }
        out += "<text x=\"14\" y=\"\(fmt((top + bottom) / 2))\" transform=\"rotate(-90 14 \(fmt((top + bottom) / 2)))\" text-anchor=\"middle\" class=\"axis\">\(e(data.noun)) per \(data.unit)</text>"
        // The bars.
        let slot = (right - left) / Double(data.buckets.count)
        let barWidth = min(64, slot * 0.72)
        let labelEvery = max(1, Int((54 / slot).rounded(.up)))
        for (b, bucket) in data.buckets.enumerated() {
            let bx = left + slot * Double(b) + (slot - barWidth) / 2
            var base = bottom
            for (k, n) in data.counts[b].enumerated() where n > 0 {
                let h = Double(n) * scale
                out += "<rect x=\"\(fmt(bx))\" y=\"\(fmt(base - h))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\" fill=\"url(#fill-\(k))\" stroke=\"#000\" stroke-width=\"0.6\">"
                out += "<title>\(e(bucket)): \(n) \(e(data.categories[k]))</title></rect>"
                if h >= 15 && barWidth >= 18 {
                    out += "<text x=\"\(fmt(bx + barWidth / 2))\" y=\"\(fmt(base - h / 2 + 4))\" text-anchor=\"middle\" class=\"count\">\(n)</text>"
                }
                base -= h
            }
            let total = data.counts[b].reduce(0, +)
            if total > 0 && slot >= 16 {
                out += "<text x=\"\(fmt(bx + barWidth / 2))\" y=\"\(fmt(base - 4))\" text-anchor=\"middle\" class=\"total\">\(total)</text>"
            }
            if b % labelEvery == 0 || bucket == "undated" {
                out += "<text x=\"\(fmt(bx + barWidth / 2))\" y=\"\(fmt(bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(e(bucket))</text>"
            }
        }
        out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(bottom))\" x2=\"\(fmt(right))\" y2=\"\(fmt(bottom))\" class=\"baseline\"/>"
        return out + "</svg>"
    }

    /// A gridline step of 1, 2 or 5 times a power of ten giving at most six lines.
    static func niceStep(_ peak: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where peak <= m * magnitude * 6 { return m * magnitude }
            magnitude *= 10
        }
    }

    static func fmt(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
