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
        return root.displayName(of: relativePath)
    }

    public var isStandardInput: Bool { root == nil }

    /// Whether the input was named on the command line (a file or "-"), not found in a folder.
    public var isGivenExplicitly: Bool { root.map { !$0.isDirectory } ?? true }

    /// Whether a file name has an input extension: `.txt` or `.docx`, in any case ("A.TXT", "b.Docx").
    public static func isTextName(_ name: String) -> Bool {
        (name.utf8.count > 4 && name.lowercased().hasSuffix(".txt")) || DocxDraft.isDocxName(name)
    }

    /// Whether the input is a Word document (by its extension, in any case).
    public var isDocx: Bool { DocxDraft.isDocxName(relativePath) }

    /// The relative path without its extension: the stem outputs are named after.
    var stem: String { (relativePath as NSString).deletingPathExtension }
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

    func displayName(of relativePath: String) -> String {
        relativePath.isEmpty ? displayName : (displayName.hasSuffix("/") ? displayName : displayName + "/") + relativePath
    }

    static func == (lhs: InputRoot, rhs: InputRoot) -> Bool {
        lhs.url == rhs.url && lhs.displayName == rhs.displayName && lhs.isDirectory == rhs.isDirectory
    }
}

/// The inputs of a run, found once, before anything is processed: files as given,
/// directories to every `.txt` below them (extension in any case; sorted by relative path;
/// hidden entries skipped; linked folders followed, a link back to a folder being walked
/// refused as a loop), "-" to standard input.
///
/// A run works from this snapshot only, so a file it writes (or anyone adds) while it runs is
/// never read, and a file removed meanwhile fails on its own, by name. Whatever is left out
/// is counted in `skipped`, so a summary can say so.
public struct InputSet: Sendable {
    public let files: [InputFile]
    public let skipped: SkippedInputs
    private let fileIdentities: Set<FileIdentity>
    private let directoryIdentities: Set<FileIdentity>

    /// What a run writes, left out of its inputs: folders below an input folder (`--out-dir`)
    /// are skipped whole; files are skipped where the walk finds them.
    public struct Exclusions: Sendable {
        public var directories: [URL] = []
        public var files: [URL] = []
        public init(directories: [URL] = [], files: [URL] = []) {
            self.directories = directories
            self.files = files
        }
    }

    public init(_ paths: [String], excluding exclusions: Exclusions = .init()) throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw InputError(path: "-", problem: "standard input can be read only once")
        }
        for path in paths where path != "-" {
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
        }
        var walk = InputWalk(exclusions: exclusions)
        for path in paths {
            if path == "-" {
                walk.files.append(InputFile(standardInput: ()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, problem: "no such file or directory")
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                try walk.walk(InputRoot(url: url, displayName: path, isDirectory: true))
            } else {
                walk.add(file: url, givenAs: path)
            }
        }
        files = walk.files
        skipped = walk.skipped
        fileIdentities = walk.fileIdentities
        directoryIdentities = walk.directoryIdentities
    }

    /// Whether a path leads to one of the inputs (through any link or spelling).
    public func isInput(_ url: URL) -> Bool {
        FileIdentity(url).map(fileIdentities.contains) ?? false
    }

    /// Whether a path is inside a folder walked for inputs: a `.txt` written there would be
    /// read as a draft by the next run over that folder. A path whose folder does not exist
    /// yet is judged by its nearest existing ancestor.
    public func isInsideInputFolder(_ url: URL) -> Bool {
        var directory = url.standardizedFileURL.deletingLastPathComponent()
        while true {
            if let identity = FileIdentity(directory) { return directoryIdentities.contains(identity) }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return false }
            directory = parent
        }
    }

    /// Every input at once (for tests and tools that need only the files).
    public static func expand(_ paths: [String]) throws -> [InputFile] {
        try InputSet(paths).files
    }
}

/// What a walk left out, by reason: said in summaries, never silently dropped.
public struct SkippedInputs: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case notText = "not text"
        case hidden
        case notRegular = "not a regular file"
        case brokenLink = "broken link"
        case symlinkLoop = "symlink loop"
        case output = "written by this run"
    }

    public private(set) var counts: [Reason: Int] = [:]
    /// The extensions of files that are not text, e.g. ".pdf" ("" for none).
    public private(set) var extensions: Set<String> = []

    public init() {}

    public var total: Int { counts.values.reduce(0, +) }
    public var isEmpty: Bool { counts.isEmpty }

    mutating func add(_ reason: Reason, name: String? = nil) {
        counts[reason, default: 0] += 1
        if reason == .notText, let name {
            let ext = (name as NSString).pathExtension.lowercased()
            extensions.insert(ext.isEmpty ? "" : "." + ext)
        }
    }

    /// "2 skipped: 1 not text (.pdf), 1 hidden"; empty when nothing was skipped.
    public var summary: String {
        guard !isEmpty else { return "" }
        let parts = Reason.allCases.compactMap { reason -> String? in
            guard let count = counts[reason] else { return nil }
            guard reason == .notText else { return "\(count) \(reason.rawValue)" }
            let named = extensions.sorted().map { $0.isEmpty ? "no extension" : $0 }
            let shown = named.count > 4 ? named.prefix(4).joined(separator: ", ") + ", …" : named.joined(separator: ", ")
            return "\(count) \(reason.rawValue) (\(shown))"
        }
        return "\(total) skipped: " + parts.joined(separator: ", ")
    }
}

/// The depth-first walk behind `InputSet`: one directory listing at a time, identities of
/// the folders on the current path to refuse loops.
private struct InputWalk {
    typealias Identity = FileIdentity

    var files: [InputFile] = []
    var skipped = SkippedInputs()
    /// Every input file and every folder walked, by identity.
    var fileIdentities: Set<Identity> = []
    var directoryIdentities: Set<Identity> = []
    private let excludedDirectories: Set<Identity>
    private let excludedFiles: Set<Identity>

    init(exclusions: InputSet.Exclusions) {
        excludedDirectories = Set(exclusions.directories.compactMap(FileIdentity.init))
        excludedFiles = Set(exclusions.files.compactMap(FileIdentity.init))
    }

    mutating func add(file url: URL, givenAs path: String) {
        files.append(InputFile(file: url, givenAs: path))
        if let identity = FileIdentity(url) { fileIdentities.insert(identity) }
    }

    mutating func walk(_ root: InputRoot) throws {
        let before = files.count
        var status = stat()
        guard stat(root.url.path, &status) == 0 else { throw InputError(path: root.displayName, problem: "cannot be read") }
        directoryIdentities.insert(Identity(status))
        try walk("", below: root, ancestors: [Identity(status)])
        if files.count == before {
            let note = skipped.isEmpty ? "" : " (\(skipped.summary))"
            throw InputError(path: root.displayName, problem: "contains no .txt files" + note)
        }
    }

    /// One directory: its entries sorted so that walking depth first lists relative paths in
    /// order ("a.txt" before "a/b.txt": a directory sorts as "a/").
    private mutating func walk(_ relativeDirectory: String, below root: InputRoot, ancestors: [Identity]) throws {
        let directory = relativeDirectory.isEmpty ? root.url.path : root.url.appendingPathComponent(relativeDirectory).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw InputError(path: root.displayName(of: relativeDirectory), problem: "cannot be read")
        }
        var entries: [(name: String, directory: Identity?)] = []
        for name in names {
            guard !name.hasPrefix(".") else { skipped.add(.hidden); continue }
            let path = directory + "/" + name
            var link = stat(), status = stat()
            guard lstat(path, &link) == 0 else { continue }  // removed since the listing
            let isLink = link.st_mode & S_IFMT == S_IFLNK
            if isLink && stat(path, &status) != 0 {
                if errno == ELOOP { skipped.add(.symlinkLoop); continue }
                if InputFile.isTextName(name) {
                    throw InputError(path: root.displayName(of: relative(name, in: relativeDirectory)), problem: "is a broken symbolic link")
                }
                skipped.add(.brokenLink)
                continue
            }
            if !isLink { status = link }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = Identity(status)
                if ancestors.contains(identity) { skipped.add(.symlinkLoop); continue }
                if excludedDirectories.contains(identity) { skipped.add(.output); continue }
                entries.append((name, identity))
            case S_IFREG:
                guard InputFile.isTextName(name) else { skipped.add(.notText, name: name); continue }
                if excludedFiles.contains(Identity(status)) { skipped.add(.output); continue }
                fileIdentities.insert(Identity(status))
                entries.append((name, nil))
            default:
                skipped.add(.notRegular)
            }
        }
        entries.sort { ($0.directory != nil ? $0.name + "/" : $0.name) < ($1.directory != nil ? $1.name + "/" : $1.name) }
        for entry in entries {
            let path = relative(entry.name, in: relativeDirectory)
            if let identity = entry.directory {
                directoryIdentities.insert(identity)
                try walk(path, below: root, ancestors: ancestors + [identity])
            } else {
                files.append(InputFile(relativePath: path, below: root))
            }
        }
    }

    private func relative(_ name: String, in directory: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
