import Foundation

/// A problem with something the user gave the tool: a missing file, a binary file,
/// an unwritable output location. Always names the file. The command line turns it
/// into one line on standard error and exit code 2.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }

    /// A short, readable reason for a failed file-system operation.
    static func describe(_ error: Error, reading url: URL) -> String {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) { return "no such file or directory" }
        if isDirectory.boolValue { return "is a directory, not a file" }
        if !fileManager.isReadableFile(atPath: url.path) { return "permission denied" }
        return "cannot be read (\((error as NSError).localizedDescription))"
    }
}
