import ArgumentParser
import Foundation
import KBCore

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tag, lemmatize and parse text, printing CoNLL-U.",
        discussion: """
        Reads raw text (the argument, a file, or - for standard input) and prints each sentence \
        in CoNLL-U with its parts of speech (UPOS), lemmas, features and dependency tree \
        (Universal Dependencies v2), as kb's extractors see it. With --input conllu, the file's \
        own sentences and words are kept (multiword-token lines and empty nodes carried over) \
        and LEMMA, UPOS, FEATS, HEAD and DEPREL are filled in: this is how the parser is \
        scored against a treebank. The model is trained on UD English EWT (CC BY-SA 4.0).
        """
    )

    enum Input: String, ExpressibleByArgument, CaseIterable { case text, conllu }

    @Option(name: .long, help: "What the input is: text (default) or conllu.")
    var input: Input = .text

    @Argument(help: ArgumentHelp("Text to parse, a file, or - for standard input.", valueName: "TEXT|FILE|-"))
    var source: String

    func run() throws {
        try reportingErrors {
            let model = try SyntaxModel.builtIn.get()
            let (text, name) = try read()
            var out = ""
            switch input {
            case .conllu:
                for s in try CoNLLU.read(text, file: name) { out += model.fill(s).text }
            case .text:
                let resources = try Resources()
                for s in model.conllu(text: text, splitter: resources.splitter) { out += s.text }
            }
            write(out)
        }
    }

    /// The argument's text: standard input, a file's contents, or (text input only) the argument itself.
    func read() throws -> (String, String) {
        if source == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let s = String(data: data, encoding: .utf8) else { throw KBError.unreadable(path: "-", reason: "not UTF-8 text") }
            return (s, "-")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDir) {
            guard !isDir.boolValue else { throw KBError.unreadable(path: source, reason: "a folder; give a file") }
            guard let data = FileManager.default.contents(atPath: source), let s = String(data: data, encoding: .utf8) else {
                throw KBError.unreadable(path: source, reason: "not UTF-8 text")
            }
            return (s, source)
        }
        if input == .conllu { throw KBError.notFound(path: source) }
        return (source, "-")
    }
}
