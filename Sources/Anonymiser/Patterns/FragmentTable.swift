import Foundation

/// The named regex fragments of a pattern set (`fragments:` in any pattern file) and their
/// expansion: `{{name}}` in a rule's regex or in a fragment stands for that fragment's text,
/// pasted as written (no group is added), and `{{list:NAME}}` for the entries of the word list
/// `lists/NAME.txt` as an alternation. So a long rule is written as a short sentence of named
/// pieces, each piece once, and PCRE2 still compiles one plain regex (Patterns/SCHEMA.md).
struct FragmentTable {
    private struct Definition {
        let text: String
        let file: String
        let folder: PatternFolder
    }

    private var definitions: [String: Definition] = [:]
    /// Every fragment with its references replaced, once `resolve()` has run.
    private var expanded: [String: String] = [:]

    /// Adds the fragments of one pattern file; a name defined twice in the set is an error.
    mutating func add(_ fragments: [String: PatternFile.FragmentSpec], file: String, folder: PatternFolder) throws {
        for name in fragments.keys.sorted() {
            guard Reference.isName(name) else {
                throw PatternError(file: file, problem: "fragment `\(name)`: a name is lower-case letters, digits and hyphens, starting with a letter")
            }
            if let earlier = definitions[name] {
                throw PatternError(file: file, problem: "fragment `\(name)` is already defined in \(earlier.file)")
            }
            definitions[name] = Definition(text: fragments[name]!.text, file: file, folder: folder)
        }
    }

    /// Expands every fragment, so each is expanded once however many rules use it. An unknown
    /// reference or a fragment that refers back to itself is an error naming its file.
    mutating func resolve() throws {
        for name in definitions.keys.sorted() { _ = try expansion(of: name, chain: []) }
    }

    /// A rule's regex with every reference replaced (after `resolve()`).
    func expand(_ regex: String, file: String, rule: String, folder: PatternFolder) throws -> String {
        try FragmentTable.substitute(regex, folder: folder) { reference in
            guard let text = expanded[reference] else {
                throw PatternError(file: file, rule: rule, problem: "unknown fragment `{{\(reference)}}` in the regex")
            }
            return text
        }
    }

    private mutating func expansion(of name: String, chain: [String]) throws -> String {
        if let done = expanded[name] { return done }
        let definition = definitions[name]!
        let path = chain + [name]
        let text = try FragmentTable.substitute(definition.text, folder: definition.folder) { reference in
            if path.contains(reference) {
                let cycle = (path.drop { $0 != reference } + [reference]).joined(separator: " → ")
                throw PatternError(file: definition.file, problem: "fragments refer to themselves in a loop: \(cycle)")
            }
            guard definitions[reference] != nil else {
                throw PatternError(file: definition.file, problem: "fragment `\(name)`: unknown fragment `{{\(reference)}}`")
            }
            return try expansion(of: reference, chain: path)
        }
        expanded[name] = text
        return text
    }

    /// `text` with each `{{name}}` replaced by `fragment(name)` and each `{{list:NAME}}` by the
    /// word list of `folder`. Braces that do not enclose a name (`x{{2}}`) are left as written.
    private static func substitute(_ text: String, folder: PatternFolder, fragment: (String) throws -> String) throws -> String {
        guard text.contains("{{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}"), let reference = Reference(afterOpen[..<close.lowerBound]) else {
                result += "{{"
                rest = afterOpen
                continue
            }
            switch reference {
            case let .fragment(name): result += try fragment(name)
            case let .list(name): result += try WordListAlternation.read(name, folder: folder)
            }
            rest = afterOpen[close.upperBound...]
        }
        return result + rest
    }

    /// What stands between `{{` and `}}`.
    private enum Reference {
        case fragment(String)
        case list(String)

        init?(_ text: Substring) {
            if text.hasPrefix("list:") {
                let name = String(text.dropFirst(5))
                guard Reference.isName(name) else { return nil }
                self = .list(name)
            } else {
                guard Reference.isName(text) else { return nil }
                self = .fragment(String(text))
            }
        }

        static func isName<S: StringProtocol>(_ text: S) -> Bool {
            guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}

/// A word list (`lists/NAME.txt`) written into a regex as an alternation: entries as written
/// (not normalised), longest first so a longer name wins over its first word ("Sierra
/// Leonean" before "Sierra"), then in code point order; regex syntax characters escaped, and a
/// space matching a space or a no-break space.
enum WordListAlternation {
    static func read(_ name: String, folder: PatternFolder) throws -> String {
        let path = "lists/\(name).txt"
        guard (try? folder.listFiles())?.contains(path) == true else {
            throw PatternError(file: folder.displayPath(path), problem: "no such word list for `{{list:\(name)}}`")
        }
        let data = try folder.read(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw PatternError(file: folder.displayPath(path), problem: "is not valid UTF-8 text")
        }
        let entries = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return entries.sorted(by: longerFirst).map(written).joined(separator: "|")
    }

    private static func longerFirst(_ a: String, _ b: String) -> Bool {
        let (left, right) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        if left.count != right.count { return left.count > right.count }
        return left.lexicographicallyPrecedes(right) { $0.value < $1.value }
    }

    private static let syntax = Set(#"\^$.|?*+()[]{}"#.unicodeScalars)

    private static func written(_ entry: String) -> String {
        var regex = ""
        for scalar in entry.unicodeScalars {
            if scalar == " " { regex += #"[ \x{A0}]"# } else {
                if syntax.contains(scalar) { regex += "\\" }
                regex.unicodeScalars.append(scalar)
            }
        }
        return regex
    }
}
