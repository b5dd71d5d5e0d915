import Foundation

/// One input to process: a file, or standard input.
public struct InputFile: Sendable, Equatable {
    /// nil for standard input.
    public let url: URL?
    /// How the input is named in messages and in the audit (the path as given).
    public let displayName: String
    /// Path relative to the directory it was found in (for `--out-dir`), e.g. "2024/d1.txt".
    public let relativePath: String

    public var isStandardInput: Bool { url == nil }
}

/// Expands command-line inputs: files as given, directories to every `.txt` below them
/// (sorted, hidden entries skipped), "-" to standard input.
public enum InputSet {
    public static func expand(_ paths: [String]) throws -> [InputFile] {
        var inputs: [InputFile] = []
        let fileManager = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(InputFile(url: nil, displayName: "-", relativePath: "stdin.txt"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
            let url = URL(fileURLWithPath: path)
            if !isDirectory.boolValue {
                inputs.append(InputFile(url: url, displayName: path, relativePath: url.lastPathComponent))
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
        var found: [InputFile] = []
        for case let url as URL in walker where url.pathExtension == "txt" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            let display = (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relative
            found.append(InputFile(url: url, displayName: display, relativePath: relative))
        }
        return found.sorted { $0.relativePath < $1.relativePath }
    }
}
