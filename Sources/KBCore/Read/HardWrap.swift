/// Paragraphs broken into lines of a fixed width ("hard-wrapped", as plain-text transcripts
/// and e-mailed readouts are) joined again, so that a sentence is not cut at each line end and
/// every line is not a paragraph of its own.
///
/// A text is hard-wrapped when nearly all its lines fit a width W of 60–100 columns and many
/// of its lines come close to W. A line then continues on the next when the next line's first
/// word would not have fitted on it (within a few columns): a writer (or program) wrapping at W broke the line only
/// for that reason. A shorter line ends its paragraph (a heading, a speaker's label, the last
/// line of a paragraph), and so do a blank line, a list item and a Markdown block mark.
enum HardWrap {
    /// The text with its wrapped paragraphs joined, or the text itself when it is not hard-wrapped.
    static func unwrap(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let width = width(of: lines) else { return text }
        var out: [String] = []
        var previous: Substring = ""
        for line in lines {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if !previous.isEmpty, !trimmed.isEmpty, !startsBlock(trimmed), wraps(previous, before: trimmed, width: width) {
                out[out.count - 1] = out[out.count - 1].trimmingTrailingSpaces() + " " + trimmed
            } else {
                out.append(String(line))
            }
            previous = line
        }
        return out.joined(separator: "\n")
    }

    /// The wrap width, if the text is hard-wrapped.
    static func width(of lines: [Substring]) -> Int? {
        let lengths = lines.map { $0.count }.filter { $0 > 0 }
        guard lengths.count >= 12 else { return nil }
        let sorted = lengths.sorted()
        // The width that 97 % of the lines fit (a URL or a table row may run over).
        let w = sorted[min(sorted.count - 1, sorted.count * 97 / 100)]
        guard (60...100).contains(w) else { return nil }
        let long = lengths.filter { $0 > w / 2 }
        let near = long.filter { $0 >= w - 15 && $0 <= w }
        guard near.count >= 8, near.count * 2 >= long.count else { return nil }
        return w
    }

    /// Wrappers differ by a few columns (a trailing space, a curly quote counted as three): a
    /// line that came within this many columns of the width was full.
    static let slack = 10

    /// Whether `line` was broken only because `next`'s first word did not fit within `width`.
    static func wraps(_ line: Substring, before next: Substring, width: Int) -> Bool {
        let length = line.trimmingTrailingSpaces().count
        let word = next.prefix { $0 != " " }.count
        return length + 1 + word > width - slack
    }

    /// A Markdown block or a list item begins on this line.
    static func startsBlock(_ line: Substring) -> Bool {
        guard let first = line.first else { return true }
        if "#>|".contains(first) { return true }
        if "-*+•".contains(first), line.dropFirst().first == " " { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, let after = line.dropFirst(digits.count).first, after == "." || after == ")",
           line.dropFirst(digits.count + 1).first == " " { return true }
        return false
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
