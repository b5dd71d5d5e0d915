import Crypto
import Foundation
import PCRE2
import Yams

/// Every rule and word list the tool runs with: the built-in `Patterns/` folder plus
/// any folders the user adds with `--patterns`. Compiled once per process and shared.
public final class PatternSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon
    /// SHA-256 of every pattern and list file, in load order: recorded in the audit so
    /// a run can be tied to the exact pattern set that produced it.
    public let fingerprint: String
    public let directories: [URL]

    public init(rules: [Rule], lexicon: Lexicon, fingerprint: String, directories: [URL] = []) {
        self.rules = rules
        self.lexicon = lexicon
        self.fingerprint = fingerprint
        self.directories = directories
    }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Loads the built-in patterns, then each extra directory in order.
    public static func load(extraDirectories: [URL] = []) throws -> PatternSet {
        try load(directories: [try builtInDirectory()] + extraDirectories)
    }

    public static func load(directories: [URL]) throws -> PatternSet {
        var rules: [Rule] = []
        var lexicon = Lexicon()
        var hasher = SHA256()
        var seen: [String: String] = [:]
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw PatternError(file: directory.path, problem: "is not a pattern directory")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            for name in names {
                let url = directory.appendingPathComponent(name)
                let data = try readFile(url)
                hasher.update(data: data)
                for rule in try parse(data, file: url, directory: directory) {
                    if let earlier = seen[rule.id] {
                        throw PatternError(file: url.path, rule: rule.id, problem: "the id is already used in \(earlier)")
                    }
                    seen[rule.id] = url.path
                    rules.append(rule)
                }
            }
            let lists = directory.appendingPathComponent("lists")
            if FileManager.default.fileExists(atPath: lists.path) {
                for name in try FileManager.default.contentsOfDirectory(atPath: lists.path).sorted() where name.hasSuffix(".txt") {
                    hasher.update(data: try readFile(lists.appendingPathComponent(name)))
                }
                try lexicon.add(from: lists)
            }
        }
        let digest = Digest.hex(hasher.finalize())
        return PatternSet(rules: rules, lexicon: lexicon, fingerprint: digest, directories: directories)
    }

    private static func readFile(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw PatternError(file: url.path, problem: "cannot be read")
        }
    }

    static func parse(_ data: Data, file: URL, directory: URL) throws -> [Rule] {
        let spec: PatternFile
        do {
            spec = try YAMLDecoder().decode(PatternFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw PatternError(file: file.path, problem: "missing `\(key.stringValue)` at \(path(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw PatternError(file: file.path, problem: "\(context.debugDescription) at \(path(context))")
        } catch {
            throw PatternError(file: file.path, problem: "is not a valid pattern file: \(error)")
        }
        return try spec.rules.map { try compile($0, file: file, directory: directory) }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func compile(_ spec: PatternFile.RuleSpec, file: URL, directory: URL) throws -> Rule {
        func fail(_ problem: String) -> PatternError { PatternError(file: file.path, rule: spec.id, problem: problem) }
        let matcher: Rule.Matcher
        let fullRegex = spec.regex.map { regex in spec.startsWith.map { "(?=\($0))" + regex } ?? regex }
        // Without `requires` the regex is read for the literals it cannot match without;
        // `requires: []` turns the pre-filter off.
        let derived = spec.requires == nil ? fullRegex.flatMap { RequiredLiterals.derive(from: $0) } : nil
        let requires = spec.requires ?? derived ?? []
        let scansLines = !requires.isEmpty && fullRegex.map(LineBound.isLineBound) == true
        switch (spec.regex, spec.list) {
        case let (regex?, nil):
            do {
                // `starts-with` lets PCRE2 skip, at once, every position where no match can begin.
                let anchored = fullRegex ?? regex
                var options: Regex.Options = spec.caseless == true ? .caseless : []
                if scansLines { options.insert(.offsetLimit) }
                matcher = .regex(try Regex(anchored, options: options))
            } catch let error as PCRE2Error {
                throw fail("the regex does not compile \(error)")
            }
        case let (nil, list?):
            let url = directory.appendingPathComponent(list)
            let ambiguous = spec.ambiguous.map { directory.appendingPathComponent($0) }
            do {
                matcher = .list(try PhraseList.load(url, ambiguous: ambiguous))
            } catch {
                throw fail("cannot read the word list \(list)")
            }
        default:
            throw fail("needs exactly one of `regex` and `list`")
        }
        var validator: Validator?
        if let name = spec.validator {
            guard let known = Validator(rawValue: name) else {
                throw fail("unknown validator `\(name)` (known: \(Validator.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            validator = known
        }
        guard (0...1).contains(spec.confidence) else { throw fail("confidence must be between 0 and 1") }
        if spec.requires?.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) == true {
            throw fail("a `requires` literal is empty (it would match everywhere, or nowhere on a line)")
        }
        switch spec.action {
        case .replace where spec.placeholder == nil && spec.category != Rule.personCategory:
            throw fail("a replace rule needs a `placeholder`")
        case .flag where spec.reason == nil || spec.suggestion == nil:
            throw fail("a flag rule needs a `reason` and a `suggestion`")
        case .replace where spec.generalise != nil, .allow where spec.generalise != nil:
            throw fail("only a flag rule can `generalise`")
        case .replace where spec.wholeName != nil, .allow where spec.wholeName != nil:
            throw fail("only a flag rule can be `whole-name`")
        default: break
        }
        guard !spec.examples.match.isEmpty else { throw fail("needs at least one `match` example") }
        let source: String
        if let fullRegex { source = fullRegex } else { source = "list: \(spec.list ?? "")" }
        return Rule(
            id: spec.id, category: spec.category, description: spec.description, matcher: matcher,
            validator: validator, caseless: spec.caseless == true, confidence: spec.confidence, action: spec.action, placeholder: spec.placeholder,
            reason: spec.reason, suggestion: spec.suggestion, generalisation: spec.generalise, wholeName: spec.wholeName == true,
            requires: requires.map { Array($0.lowercased().utf8) }, requiresDerived: derived != nil, scansLines: scansLines,
            examples: RuleExamples(
                match: spec.examples.match.map { .init(text: $0.text, value: $0.value) },
                noMatch: spec.examples.noMatch ?? []
            ),
            file: file.path, source: source
        )
    }

    /// The built-in `Patterns/` folder: `$ANONYMISE_PATTERNS`, else the first
    /// `Patterns/` (or `share/anonymise/Patterns/`) found walking up from the executable.
    public static func builtInDirectory() throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["ANONYMISE_PATTERNS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent().standardizedFileURL
        while true {
            for candidate in ["Patterns", "share/anonymise/Patterns"] {
                let url = directory.appendingPathComponent(candidate)
                if fileManager.fileExists(atPath: url.appendingPathComponent("names.yaml").path) { return url }
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        throw PatternError(
            file: "Patterns",
            problem: "cannot find the built-in pattern folder; set ANONYMISE_PATTERNS to the project's Patterns directory"
        )
    }
}
