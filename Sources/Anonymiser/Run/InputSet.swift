import Foundation

/// One input to process: a file, or standard input.
///
/// Compact, because an archive has hundreds of thousands of them: the files found in one
/// directory share its root, and each keeps only its relative path (short enough, as a
/// rule, to be stored inline); the URL and the display name are made when asked for.
public struct InputFile: Sendable, Equatable {
    /// Where the input was found: nil for standard input.
    private let root: InputRoot?
    /// Path relative to the directory it was found in (for `--out-dir`), e.g. "2024/d1.txt".
    public let relativePath: String
    /// The file's own URL, kept only when it cannot be rebuilt from the root and the relative path.
    private let foundAt: URL?

    init(standardInput: ()) {
        root = nil
        relativePath = "stdin.txt"
        foundAt = nil
    }

    init(file url: URL, givenAs path: String) {
        root = InputRoot(url: url, displayName: path, isDirectory: false)
        relativePath = url.lastPathComponent
        foundAt = nil
    }

    init(relativePath: String, below root: InputRoot, foundAt url: URL? = nil) {
        self.root = root
        self.relativePath = relativePath
        foundAt = url
    }

    /// nil for standard input.
    public var url: URL? {
        guard let root else { return nil }
        if let foundAt { return foundAt }
        return root.isDirectory ? root.url.appendingPathComponent(relativePath) : root.url
    }

    /// How the input is named in messages and in the audit (the path as given).
    public var displayName: String {
        guard let root else { return "-" }
        guard root.isDirectory else { return root.displayName }
        return (root.displayName.hasSuffix("/") ? root.displayName : root.displayName + "/") + relativePath
    }

    public var isStandardInput: Bool { root == nil }
}

/// A path given on the command line: a file, or a directory whose `.txt` files are inputs.
final class InputRoot: Sendable, Equatable {
    let url: URL
    let displayName: String
    let isDirectory: Bool

    init(url: URL, displayName: String, isDirectory: Bool) {
        self.url = url
        self.displayName = displayName
        self.isDirectory = isDirectory
    }

    static func == (lhs: InputRoot, rhs: InputRoot) -> Bool {
        lhs.url == rhs.url && lhs.displayName == rhs.displayName && lhs.isDirectory == rhs.isDirectory
    }
}

/// Expands command-line inputs: files as given, directories to every `.txt` below them
/// (sorted, hidden entries skipped), "-" to standard input.
public enum InputSet {
    public static func expand(_ paths: [String]) throws -> [InputFile] {
        var inputs: [InputFile] = []
        let fileManager = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(InputFile(standardInput: ()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
            let url = URL(fileURLWithPath: path)
            if !isDirectory.boolValue {
                inputs.append(InputFile(file: url, givenAs: path))
                continue
            }
            let found = try texts(below: url, displayRoot: path)
            if found.isEmpty { throw InputError(path: path, problem: "contains no .txt files") }
            inputs += found
        }
        return inputs
    }

    private static func texts(below directory: URL, displayRoot: String) throws -> [InputFile] {
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            throw InputError(path: displayRoot, problem: "cannot be read")
        }
        let base = directory.standardizedFileURL.path
        let root = InputRoot(url: directory, displayName: displayRoot, isDirectory: true)
        var found: [InputFile] = []
        for case let url as URL in walker where url.pathExtension == "txt" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if full.hasPrefix(prefix) {
                found.append(InputFile(relativePath: String(full.dropFirst(prefix.count)), below: root))
            } else {
                // Reached through a link, say: named by its file name, read where it was found.
                found.append(InputFile(relativePath: url.lastPathComponent, below: root, foundAt: url))
            }
        }
        return found.sorted { $0.relativePath < $1.relativePath }
    }
}
