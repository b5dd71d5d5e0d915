import BuiltInPatterns
import Crypto
import Foundation

/// A folder of rules: its pattern files (`*.yaml`, `*.yml`) and word lists (`lists/*.txt`),
/// read from disk (`--patterns DIR`) or compiled into the binary (the built-in set, from the
/// repository's `Patterns/` at build time: an installed binary needs no folder beside it).
public struct PatternFolder: Sendable {
    /// How the folder is named in messages: its path, or "Patterns (built in)".
    public let name: String
    /// Where list rules' files are found on disk; nil for the built-in set.
    public let url: URL?
    /// Embedded files by their path inside the folder ("names.yaml", "lists/surnames.txt").
    private let embedded: [String: Data]

    /// The rules and word lists compiled into this binary.
    public static let builtIn = PatternFolder(
        name: "Patterns (built in)", url: nil,
        embedded: Dictionary(uniqueKeysWithValues: BuiltInPatterns.files.map { ($0.path, $0.contents) }))

    private init(name: String, url: URL?, embedded: [String: Data]) {
        self.name = name
        self.url = url
        self.embedded = embedded
    }

    /// A folder on disk.
    public init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PatternError(file: directory.path, problem: "is not a pattern directory")
        }
        self.init(name: directory.path, url: directory, embedded: [:])
    }

    /// The pattern files, sorted by name.
    public func ruleFiles() throws -> [String] {
        try names(in: "").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }

    /// The word lists (`lists/*.txt`), sorted by name, as paths inside the folder.
    public func listFiles() throws -> [String] {
        try names(in: "lists").filter { $0.hasSuffix(".txt") }.map { "lists/" + $0 }
    }

    /// A file's bytes, by its path inside the folder.
    public func read(_ path: String) throws -> Data {
        if let url {
            do { return try Data(contentsOf: url.appendingPathComponent(path)) } catch {
                throw PatternError(file: displayPath(path), problem: "cannot be read")
            }
        }
        guard let data = embedded[path] else { throw PatternError(file: displayPath(path), problem: "is not in the built-in set") }
        return data
    }

    /// How a file of the folder is named in messages and in `patterns explain`.
    public func displayPath(_ path: String) -> String {
        url.map { $0.appendingPathComponent(path).path } ?? "Patterns/" + path
    }

    /// SHA-256 of every pattern file, then every word list, in name order: the same for the
    /// built-in set and for the folder it was compiled from.
    public func fingerprint() throws -> String {
        var hasher = SHA256()
        for path in try ruleFiles() + listFiles() { hasher.update(data: try read(path)) }
        return Digest.hex(hasher.finalize())
    }

    private func names(in subfolder: String) throws -> [String] {
        guard let url else {
            let prefix = subfolder.isEmpty ? "" : subfolder + "/"
            return embedded.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
        }
        let directory = subfolder.isEmpty ? url : url.appendingPathComponent(subfolder)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        do { return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() } catch {
            throw PatternError(file: directory.path, problem: "cannot be read")
        }
    }
}
