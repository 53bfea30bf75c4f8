/// When a statement was made: a date in the predicate's own comma-delimited segment (nearest
/// first; dates inside its quotation are what was said, not when), else the paragraph's last
/// date, else the publication date (marked as such).
extension StanceExtractor {
    func dateFor(_ r: Range<Int>, _ c: SentenceContext, excluding quote: QuoteSpan?, previous: SentenceContext?, publication: KBDate?) -> (KBDate?, DateBasis?, String?, Bool) {
        let cueStart = c.tokens[r.lowerBound].start
        let cueEnd = c.tokens[r.upperBound - 1].end
        let usable = c.dates.filter { e in
            guard !e.future else { return false }
            guard let q = quote else { return true }
            let g = c.span.start + e.range.lowerBound
            return !(g >= q.start && g < q.end)
        }
        let commas = c.tokens.filter { $0.text == "," }.map(\.start)
        func crossesComma(_ e: TemporalExpression) -> Bool {
            let lo = min(e.range.lowerBound, cueStart), hi = max(e.range.upperBound, cueEnd)
            return commas.contains { $0 >= lo && $0 < hi }
        }
        func distance(_ e: TemporalExpression) -> Int {
            e.range.upperBound <= cueStart ? cueStart - e.range.upperBound : e.range.lowerBound >= cueEnd ? e.range.lowerBound - cueEnd : 0
        }
        if let best = usable.min(by: { a, b in (crossesComma(a) ? 1 : 0, distance(a)) < (crossesComma(b) ? 1 : 0, distance(b)) }) {
            return (best.date, .text, best.phrase, best.approximate)
        }
        if let p = previous, let d = p.dates.last(where: { !$0.future && $0.kind != .anchored }) {
            return (d.date, .context, d.phrase, d.approximate)
        }
        if let pub = publication { return (pub, .publication, nil, false) }
        return (nil, nil, nil, false)
    }
}
