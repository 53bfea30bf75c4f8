import Foundation
import KBCore

// Usage: kb-train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--seed N]
// Trains the tagger, lemmatizer and parser on DIR/en_ewt-ud-train.conllu, scores them on
// DIR/en_ewt-ud-dev.conllu and writes the model (the same data and settings give the same bytes).
var treebank = "../shared/ud"
var out = "Models/en_ewt.kbsyntax"
var taggerEpochs = 8, parserEpochs = 15
var seed: UInt64 = 20_261_204
var evaluate: String? = nil
var split = "dev"
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    func value() -> String {
        guard let v = args.popFirst() else { FileHandle.standardError.write(Data("kb-train: \(a) needs a value\n".utf8)); exit(64) }
        return v
    }
    switch a {
    case "--treebank": treebank = value()
    case "--out": out = value()
    case "--tagger-epochs": taggerEpochs = Int(value()) ?? taggerEpochs
    case "--parser-epochs": parserEpochs = Int(value()) ?? parserEpochs
    case "--seed": seed = UInt64(value()) ?? seed
    case "--evaluate": evaluate = value()
    case "--split": split = value()
    default:
        FileHandle.standardError.write(Data("usage: kb-train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--seed N] | kb-train --evaluate MODEL [--split dev|test]\n".utf8))
        exit(64)
    }
}
func log(_ s: String) { FileHandle.standardError.write(Data("\(s)\n".utf8)) }
func load(_ name: String, from treebank: String) throws -> [CoNLLUSentence] {
    let path = (treebank as NSString).appendingPathComponent(name)
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw KBError.notFound(path: path)
    }
    return try CoNLLU.read(text, file: path)
}
func score(_ model: SyntaxModel, _ sentences: [CoNLLUSentence], _ name: String) {
    let t0 = Date()
    let predicted = sentences.map { model.fill($0) }
    let seconds = Date().timeIntervalSince(t0)
    let score = SyntaxScore(gold: sentences, predicted: predicted)
    log("\(name): \(score.summary)  (\(String(format: "%.0f", Double(score.words) / seconds)) words/s)")
}
do {
    if let path = evaluate {
        let t0 = Date()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let model = try data.withUnsafeBytes { try SyntaxModel(bytes: $0) }
        log("loaded \(path) in \(String(format: "%.0f", Date().timeIntervalSince(t0) * 1000)) ms: \(model.provenance)")
        let sentences = try load("en_ewt-ud-\(split).conllu", from: treebank)
        score(model, sentences, split)
        let forms = sentences.map(\.forms)
        var t = Date()
        for f in forms { _ = model.analyze(f) }
        let words = forms.reduce(0) { $0 + $1.count }
        log("analyze: \(String(format: "%.0f", Double(words) / Date().timeIntervalSince(t))) words/s")
        t = Date()
        for s in sentences { _ = model.fill(s) }
        log("fill: \(String(format: "%.0f", Double(words) / Date().timeIntervalSince(t))) words/s")
        log(model.timing(forms))
        exit(0)
    }
    let start = Date()
    let train = try load("en_ewt-ud-train.conllu", from: treebank)
    let dev = try load("en_ewt-ud-dev.conllu", from: treebank)
    let provenance = "UD English EWT (CC BY-SA 4.0), train split: \(train.count) sentences; kb-train, tagger \(taggerEpochs) epochs, parser \(parserEpochs) epochs, seed \(seed)"
    let model = try SyntaxModel.train(train, taggerEpochs: taggerEpochs, parserEpochs: parserEpochs, seed: seed, provenance: provenance, log: log)
    let bytes = model.serialized()
    try Data(bytes).write(to: URL(fileURLWithPath: out))
    log("wrote \(out): \(bytes.count) bytes in \(String(format: "%.0f", Date().timeIntervalSince(start))) s; \(model.sizes)")
    let reloaded = try bytes.withUnsafeBytes { try SyntaxModel(bytes: $0) }
    score(reloaded, dev, "dev")
} catch {
    log("kb-train: \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
    exit(1)
}
