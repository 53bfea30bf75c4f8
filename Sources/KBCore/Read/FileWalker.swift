import Foundation

/// Expands the paths given to `kb ingest` into files: folders are walked recursively, in name
/// order; symlinks are followed, but a folder already visited (a loop, or a link to a parent)
/// is not entered twice. Hidden files and the manifest are not articles.
public struct FileWalker {
    public struct Found: Sendable { public var path: String; public var folder: String }

    public var files: [Found] = []
    public var errors: [KBError] = []
    private var visitedFolders: Set<String> = []
    private var seenFiles: Set<String> = []

    public init(paths: [String]) {
        for p in paths { add(Self.absolute(p), shown: p, explicit: true) }
    }

    private mutating func add(_ absolute: String, shown path: String, explicit: Bool) {
        var st = stat()
        guard stat(absolute, &st) == 0 else {
            if explicit {
                var lst = stat()
                if lstat(absolute, &lst) == 0 { errors.append(.unreadable(path: path, reason: "broken or looping symbolic link")) }
                else { errors.append(.notFound(path: path)) }
            } else {
                errors.append(.unreadable(path: absolute, reason: "broken or looping symbolic link"))
            }
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            let key = "\(st.st_dev):\(st.st_ino)"
            guard visitedFolders.insert(key).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else {
                errors.append(.unreadable(path: path, reason: "cannot list the folder"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") && name != Manifest.fileName {
                let child = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
                add(child, shown: child, explicit: false)
            }
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            let key = "\(st.st_dev):\(st.st_ino):\(absolute)"
            guard seenFiles.insert(key).inserted else { return }
            files.append(Found(path: absolute, folder: (absolute as NSString).deletingLastPathComponent))
        } else if explicit {
            errors.append(.unreadable(path: path, reason: "not a regular file"))
        }
    }

    /// The absolute form of a path given by the user, with '.' and '..' folded lexically (links
    /// are never resolved here: Foundation's standardizingPath does, and could leave the tree).
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
