/// `kb report`: an answer as one self-contained HTML page — a timeline chart (inline SVG), the
/// answer's table with every row's evidence, and the plan and SQL that produced both. The page
/// has no script and fetches nothing (its Content-Security-Policy forbids it), so it works offline.
public enum HTMLReport {
    /// The question of a holder's profile: its statements, by year.
    public static func question(holder: String) -> String { "statements of \(holder) by year" }
    /// The question of an actor's profile: its events and statements in date order.
    public static func question(actor: String) -> String { "timeline of \(actor)" }

    /// The options a report answers with: every row (the chart counts them all), with polarity counts.
    public static let options = AnswerOptions(limit: nil, polarityCounts: true)

    /// The page. `database` names the file the answer came from (shown as given).
    public static func render(_ answer: QueryAnswer, question: String, database: String) -> String {
        let e = Markup.escape
        let data = TimelineData(answer)
        let fills = Dictionary(uniqueKeysWithValues: data.categories.enumerated().map { ($1, $0) })
        var summary = "\(answer.total.grouped) \(data.noun)"
        let parts = data.categories.enumerated().map { k, c in "\(c) \(data.counts.reduce(0) { $0 + $1[k] }.grouped)" }
        if !parts.isEmpty { summary += " · " + parts.joined(separator: ", ") }
        let caption = "\(data.noun.prefix(1).uppercased() + data.noun.dropFirst()) per \(data.unit), stacked by \(data.stackedBy); "
            + "each fill has its own pattern, and the legend gives its total. Counted from the rows below."
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="kb \(e(KBVersion.string))">
            <title>\(e(question))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(question))</h1>
            <p class="meta">\(e(summary)) — from \(e(database)), by kb \(e(KBVersion.string))</p>
            </header>
            <figure>
            \(TimelineChart.svg(data, title: question + ": " + summary))
            <figcaption>\(e(caption))</figcaption>
            </figure>
            <section>
            <h2>The answer</h2>

            """
        out += ReportTable.html(answer, fills: fills)
        if answer.records.contains(where: { $0.first { $0.0 == "date_basis" }?.1 == .string("publication") }) {
            out += "<p class=\"note\">* The text gives no date: the publication date stands in.</p>\n"
        }
        out += """
            </section>
            <section>
            <h2>How this was answered</h2>
            <p class="note">The plan and the SQL of <code>kb query</code>; the chart and the table both come from these rows.</p>
            <pre>\(e(answer.plan.explanation))</pre>
            <pre>\(e(answer.query.display))</pre>
            </section>
            </body>
            </html>

            """
        return out
    }
}
