/// The report's style sheet: system fonts only (nothing fetched), readable from 1,000 px wide
/// down, and a print layout that keeps the fills and repeats the table's header on each page.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; padding: 24px; max-width: 1100px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; background: #fff; }
        h1 { font-size: 1.6em; margin: 0 0 4px; }
        h2 { font-size: 1.15em; margin: 28px 0 8px; }
        .meta { color: #444; margin: 0 0 16px; }
        figure { margin: 0 0 20px; break-inside: avoid; }
        figcaption { color: #444; font-size: 0.9em; margin-top: 4px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart text { font-family: inherit; font-size: 12px; fill: #111; }
        svg.chart .legend { font-size: 13px; }
        svg.chart .count { font-weight: 700; stroke: #fff; stroke-width: 3px; paint-order: stroke; }
        svg.chart .total { font-weight: 700; }
        svg.chart .grid { stroke: #ddd; stroke-width: 1; }
        svg.chart .baseline { stroke: #111; stroke-width: 1; }
        svg.chart .empty { font-size: 16px; }
        table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
        th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid #ddd; overflow-wrap: break-word; }
        thead th { border-bottom: 2px solid #111; background: #f4f4f4; }
        tr.group th { background: #eaeaea; font-size: 1.05em; padding-top: 10px; }
        td.date, td.polarity { white-space: nowrap; }
        td.evidence { min-width: 240px; }
        td.quote { min-width: 120px; }
        q { font-style: italic; }
        .source { color: #333; }
        .file { color: #666; font-size: 0.85em; }
        .swatch { vertical-align: -1px; margin-right: 4px; }
        .note { color: #444; font-size: 0.9em; }
        pre { background: #f6f6f6; padding: 8px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8em; }
        @media print {
          body { padding: 0; max-width: none; font-size: 10pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          pre { background: none; border: 1px solid #ccc; }
        }
        @page { margin: 14mm; }
        """
}
