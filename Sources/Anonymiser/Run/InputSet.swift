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

    init(standardInput: ()) {
        root = nil
        relativePath = "stdin.txt"
    }

    init(file url: URL, givenAs path: String) {
        root = InputRoot(url: url, displayName: path, isDirectory: false)
        relativePath = url.lastPathComponent
    }

    init(relativePath: String, below root: InputRoot) {
        self.root = root
        self.relativePath = relativePath
    }

    /// nil for standard input.
    public var url: URL? {
        guard let root else { return nil }
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
/// (sorted by relative path, hidden entries skipped, linked directories not followed),
/// "-" to standard input.
public enum InputSet {
    /// Every input at once (for small runs and tests; batches walk them one by one).
    public static func expand(_ paths: [String]) throws -> [InputFile] {
        var walk = try InputWalk(paths)
        var inputs: [InputFile] = []
        while let input = try walk.next() { inputs.append(input) }
        return inputs
    }
}

/// The inputs of a run, one at a time, in the order `InputSet.expand` lists them, holding
/// only the directories on the current path: an archive of any size costs the same memory.
/// Paths that do not exist (and "-" given twice) are refused when the walk is made.
public struct InputWalk {
    private struct Level {
        let relativeDirectory: String
        let entries: [(name: String, isDirectory: Bool)]
        var position = 0
    }

    private var paths: ArraySlice<String>
    private var root: InputRoot?
    private var levels: [Level] = []
    private var foundBelowRoot = 0

    public init(_ paths: [String]) throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw InputError(path: "-", problem: "standard input can be read only once")
        }
        for path in paths where path != "-" {
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
        }
        self.paths = paths[...]
    }

    /// The next input, or nil at the end. Throws for a directory that cannot be read or
    /// holds no `.txt` file.
    public mutating func next() throws -> InputFile? {
        while true {
            if let root, var level = levels.popLast() {
                guard level.position < level.entries.count else {
                    if levels.isEmpty && foundBelowRoot == 0 {
                        throw InputError(path: root.displayName, problem: "contains no .txt files")
                    }
                    continue
                }
                let entry = level.entries[level.position]
                level.position += 1
                levels.append(level)
                let relative = level.relativeDirectory.isEmpty ? entry.name : level.relativeDirectory + "/" + entry.name
                if entry.isDirectory {
                    levels.append(try InputWalk.level(relative, below: root))
                } else {
                    foundBelowRoot += 1
                    return InputFile(relativePath: relative, below: root)
                }
                continue
            }
            guard let path = paths.popFirst() else { return nil }
            if path == "-" { return InputFile(standardInput: ()) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else { return InputFile(file: url, givenAs: path) }
            let directory = InputRoot(url: url, displayName: path, isDirectory: true)
            root = directory
            foundBelowRoot = 0
            levels = [try InputWalk.level("", below: directory)]
        }
    }

    /// One directory's `.txt` files and subdirectories, sorted so that walking them depth
    /// first lists relative paths in order ("a.txt" before "a/b.txt": a directory sorts as "a/").
    private static func level(_ relativeDirectory: String, below root: InputRoot) throws -> Level {
        let directory = relativeDirectory.isEmpty ? root.url.path : root.url.appendingPathComponent(relativeDirectory).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            let shown = relativeDirectory.isEmpty ? root.displayName
                : (root.displayName.hasSuffix("/") ? root.displayName : root.displayName + "/") + relativeDirectory
            throw InputError(path: shown, problem: "cannot be read")
        }
        var entries: [(name: String, isDirectory: Bool)] = []
        for name in names where !name.hasPrefix(".") {
            var status = stat()
            guard lstat(directory + "/" + name, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            if kind == S_IFDIR {
                entries.append((name, true))
            } else if name.hasSuffix(".txt") && name.count > 4 {
                // A regular file, or a link to one (a linked directory is not followed).
                if kind == S_IFREG || (kind == S_IFLNK && stat(directory + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFREG) {
                    entries.append((name, false))
                }
            }
        }
        entries.sort { ($0.isDirectory ? $0.name + "/" : $0.name) < ($1.isDirectory ? $1.name + "/" : $1.name) }
        return Level(relativeDirectory: relativeDirectory, entries: entries)
    }
}
