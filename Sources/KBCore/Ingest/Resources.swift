import Foundation

/// Everything kb reads from its dictionaries, loaded once per run. The built-in dictionaries
/// are compiled in; a folder given with `--dictionaries` (or `KB_DICTIONARIES`) replaces any
/// file it holds, so an analyst can extend them without rebuilding.
public struct Resources: Sendable {
    /// A hash of the extraction code and the syntax model, made at build time: a kb whose
    /// extraction changed re-extracts sources an older one stored.
    public static let extractorVersion = EmbeddedData.codeHash

    public let files: [String: String]
    public let debris: DebrisRules
    /// Phrases of login and subscription walls (cleaning/walls.txt), lowercase.
    public let walls: [String]
    /// The class and id words the HTML reader weighs (reading/html-classes.tsv).
    public let htmlClasses: HTMLClassWords
    public let publishers: PublisherDictionary
    /// Credit lines (cleaning/credits.tsv): metadata, taken out of the text.
    public let credits: CreditLines
    public let splitter: SentenceSplitter
    public let actors: ActorDictionary
    public let eventLexicon: EventLexicon
    public let stanceLexicon: StanceLexicon
    public let places: Gazetteer
    public let syntax: SyntaxModel
    public let grammar: GrammarClasses
    /// A hash of every dictionary file and the extractor version: recorded in the database.
    public let version: String

    public init(overrideFolder: String? = nil) throws {
        var files = EmbeddedResources.dictionaries
        if let folder = overrideFolder {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw KBError.notFound(path: folder)
            }
            let base = URL(fileURLWithPath: folder).standardizedFileURL.path
            if let walker = FileManager.default.enumerator(atPath: base) {
                for case let relative as String in walker {
                    let full = (base as NSString).appendingPathComponent(relative)
                    var dir: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue else { continue }
                    guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
                        throw KBError.unreadable(path: full, reason: "not UTF-8 text")
                    }
                    files[relative] = text
                }
            }
        }
        self.files = files
        func file(_ name: String) throws -> String {
            guard let text = files[name] else { throw KBError.dictionary(file: name, line: 0, reason: "missing dictionary file") }
            return text
        }
        debris = try DebrisRules(tsv: file("cleaning/debris.tsv"))
        walls = try file("cleaning/walls.txt").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        htmlClasses = try HTMLClassWords(tsv: file("reading/html-classes.tsv"))
        publishers = try PublisherDictionary(tsv: file("cleaning/publishers.tsv"))
        credits = try CreditLines(tsv: file("cleaning/credits.tsv"))
        splitter = SentenceSplitter(abbreviationList: try file("segmenting/abbreviations.txt"))
        actors = try ActorDictionary(files: files)
        places = try Gazetteer(tsv: file("places/places.tsv"))
        stanceLexicon = try StanceLexicon(files: files)
        eventLexicon = try EventLexicon(files: files)
        syntax = try SyntaxModel.builtIn.get()
        grammar = try GrammarClasses(files: files)
        var all = "extractor \(Self.extractorVersion)\n"
        // The question side's dictionaries (query/) change no extracted record: not part of the fingerprint.
        for key in files.keys.sorted() where !key.hasPrefix("query/") { all += key + "\n" + files[key]! + "\n" }
        version = String(SHA256.hex(all).prefix(16))
    }
}
