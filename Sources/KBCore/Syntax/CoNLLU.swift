/// CoNLL-U (https://universaldependencies.org/format.html): sentences of ten tab-separated
/// fields a word, with comments, multiword-token lines ("1-2 don't") and empty nodes ("8.1").
/// Lines that are not syntactic words are carried over as they are.
public struct CoNLLUSentence: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        /// A comment, a multiword-token line or an empty node, kept verbatim.
        case other(String)
        /// The n-th syntactic word.
        case word(Int)
    }
    public var lines: [Line] = []
    /// The ten fields of each syntactic word (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).
    public var words: [[String]] = []

    public init() {}

    public var forms: [String] { words.map { $0[1] } }

    /// The sentence as CoNLL-U lines, ending with the blank line that closes it.
    public var text: String {
        var out = ""
        for line in lines {
            switch line {
            case .other(let s): out += s
            case .word(let n): out += words[n].joined(separator: "\t")
            }
            out += "\n"
        }
        return out + "\n"
    }
}

public enum CoNLLU {
    /// Reads CoNLL-U text. A word line must have ten fields and an integer ID counting up from 1.
    public static func read(_ text: String, file: String = "-") throws -> [CoNLLUSentence] {
        var out: [CoNLLUSentence] = []
        var current = CoNLLUSentence()
        var lineNumber = 0
        func close() {
            if !current.lines.isEmpty { out.append(current) }
            current = CoNLLUSentence()
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { close(); continue }
            if line.hasPrefix("#") { current.lines.append(.other(line)); continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 10 else {
                throw KBError.malformedRecord(path: file, line: lineNumber, reason: "a CoNLL-U line has 10 tab-separated fields, this one \(fields.count)")
            }
            let id = fields[0]
            if id.contains("-") || id.contains(".") { current.lines.append(.other(line)); continue }
            guard let n = Int(id), n == current.words.count + 1 else {
                throw KBError.malformedRecord(path: file, line: lineNumber, reason: "word ID '\(id)' should be \(current.words.count + 1)")
            }
            current.lines.append(.word(current.words.count))
            current.words.append(fields)
        }
        close()
        return out
    }
}
