import Foundation

/// The built-in rules and word lists — every `Patterns/*.yaml` and `Patterns/lists/*.txt`
/// of the repository — compiled into the binary, so an installed `anonymise` needs no
/// folder beside it. The EmbedPatterns build-tool plugin generates `embeddedFiles` from the
/// `Patterns/` folder on every build in which a file there changed: the YAML stays the one
/// source of truth, and nothing is copied by hand.
public enum BuiltInPatterns {
    /// Every embedded file: its path inside `Patterns/` ("names.yaml", "lists/surnames.txt")
    /// and its exact bytes.
    public static var files: [(path: String, contents: Data)] {
        embeddedFiles.map { path, base64 in
            let encoded = base64.withUTF8Buffer { Data($0) }
            guard let contents = Data(base64Encoded: encoded) else { preconditionFailure("the embedded \(path) is not base64") }
            return (path, contents)
        }
    }
}
