import Foundation

/// Files a command writes (`kb report --out`, `kb network --out`): written whole, atomically.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw KBError.unwritable(path: path, reason: reason)
        }
    }
}
