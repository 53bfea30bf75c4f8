import Foundation

/// The class and id words the HTML reader weighs (Dictionaries/reading/html-classes.tsv, loaded
/// by `Resources`): page furniture, parts that are never the story, and the story's body.
public struct HTMLClassWords: Sendable, Equatable {
    /// Furniture: boilerplate, unless the element holds most of the text around it.
    var furniture: [[UInt8]] = []
    /// Parts that are never the story (comments, teasers), unless they hold the headline or an article body.
    var parts: [[UInt8]] = []
    /// The story's body: outweighs the other two, and marks a candidate for the article.
    var content: [[UInt8]] = []

    public init(tsv: String, file: String = "reading/html-classes.tsv") throws {
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            let columns = text.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == 2, !columns[0].isEmpty else {
                throw KBError.dictionary(file: file, line: number + 1, reason: "expected two tab-separated columns: word, kind")
            }
            let word = HTMLContentExtractor.lowercasedBytes(columns[0])
            switch columns[1] {
            case "furniture": furniture.append(word)
            case "part": parts.append(word)
            case "content": content.append(word)
            default:
                throw KBError.dictionary(file: file, line: number + 1, reason: "unknown kind '\(columns[1])' (use furniture, part or content)")
            }
        }
    }

    /// The built-in file, for readers called without `Resources` (tests, tools); `kb ingest`
    /// passes the one `Resources` loaded, which `--dictionaries` may replace.
    public static let builtIn: HTMLClassWords = {
        (try? HTMLClassWords(tsv: EmbeddedResources.dictionaries["reading/html-classes.tsv"] ?? "")) ?? HTMLClassWords()
    }()

    private init() {}
}
