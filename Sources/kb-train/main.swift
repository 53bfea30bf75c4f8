import Foundation
import KBCore

// Usage: kb-train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--seed N]
// Trains the tagger, lemmatizer and parser on DIR/en_ewt-ud-train.conllu, scores them on
// DIR/en_ewt-ud-dev.conllu and writes the model (the same data and settings give the same bytes).
var treebank = "../shared/ud"
var out = "Models/en_ewt.kbsyntax"
var taggerEpochs = 8, parserEpochs = 15
var seed: UInt64 = 20_261_204
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
    default:
        FileHandle.standardError.write(Data("usage: kb-train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--seed N]\n".utf8))
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
do {
    let start = Date()
    let train = try load("en_ewt-ud-train.conllu", from: treebank)
    let dev = try load("en_ewt-ud-dev.conllu", from: treebank)
    let provenance = "UD English EWT (CC BY-SA 4.0), train split: \(train.count) sentences; kb-train, tagger \(taggerEpochs) epochs, parser \(parserEpochs) epochs, seed \(seed)"
    let model = try SyntaxModel.train(train, taggerEpochs: taggerEpochs, parserEpochs: parserEpochs, seed: seed, provenance: provenance, log: log)
    let bytes = model.serialized()
    try Data(bytes).write(to: URL(fileURLWithPath: out))
    log("wrote \(out): \(bytes.count) bytes in \(String(format: "%.0f", Date().timeIntervalSince(start))) s")
    let reloaded = try bytes.withUnsafeBytes { try SyntaxModel(bytes: $0) }
    let t0 = Date()
    let predicted = dev.map { reloaded.fill($0) }
    let seconds = Date().timeIntervalSince(t0)
    let score = SyntaxScore(gold: dev, predicted: predicted)
    log("dev: \(score.summary)  (\(String(format: "%.0f", Double(score.words) / seconds)) words/s)")
} catch {
    log("kb-train: \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
    exit(1)
}
