import Crypto
import Foundation
import PCRE2

/// Every rule and word list the tool runs with: the built-in set (compiled into the binary
/// from `Patterns/`) plus any folders the user adds with `--patterns` or `ANONYMISE_PATTERNS`.
/// Compiled once per process and shared.
public final class PatternSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon
    /// SHA-256 of every pattern and list file, in load order: recorded in the audit so
    /// a run can be tied to the exact pattern set that produced it.
    public let fingerprint: String
    public let folders: [PatternFolder]

    public init(rules: [Rule], lexicon: Lexicon, fingerprint: String, folders: [PatternFolder] = []) {
        self.rules = rules
        self.lexicon = lexicon
        self.fingerprint = fingerprint
        self.folders = folders
    }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// The environment variable naming folders of rules to add (`:`-separated), as
    /// `--patterns` does; it never replaces the built-in set.
    public static let environmentVariable = "ANONYMISE_PATTERNS"

    /// Folders named by `ANONYMISE_PATTERNS`, in order.
    public static func environmentDirectories(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        (environment[environmentVariable] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
    }

    /// Loads the built-in patterns, then each extra directory in order.
    public static func load(extraDirectories: [URL] = []) throws -> PatternSet {
        try load(folders: [.builtIn] + extraDirectories.map(PatternFolder.init(directory:)))
    }

    public static func load(directories: [URL]) throws -> PatternSet {
        try load(folders: directories.map(PatternFolder.init(directory:)))
    }

    public static func load(folders: [PatternFolder]) throws -> PatternSet {
        var files: [(folder: PatternFolder, path: String, spec: PatternFile)] = []
        var lists: [(name: String, data: Data, path: String)] = []
        var fragments = FragmentTable()
        var hasher = SHA256()
        for folder in folders {
            for name in try folder.ruleFiles() {
                let data = try folder.read(name)
                hasher.update(data: data)
                let path = folder.displayPath(name)
                let spec = try PatternFile.decode(data, file: path)
                try fragments.add(spec.fragments, file: path, folder: folder)
                files.append((folder, path, spec))
            }
            for name in try folder.listFiles() {
                let data = try folder.read(name)
                hasher.update(data: data)
                lists.append(((name as NSString).lastPathComponent, data, folder.displayPath(name)))
            }
        }
        // Fragments are shared by the whole set, so rules compile once every file is read.
        try fragments.resolve()
        let specs = files.flatMap { file in file.spec.rules.map { (file: file, spec: $0) } }
        // Each rule compiles on its own (its regex expanded, read for its start set and
        // literals, compiled and JIT-compiled), and the word lists load beside them: start-up
        // uses every core. Errors are then reported in file order, word lists first.
        let fragmentTable = fragments
        let compiled = ConcurrentSlots<Result<Rule, Error>>(count: specs.count)
        let lexiconSlot = ConcurrentSlots<Result<Lexicon, Error>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: specs.count + 1) { index in
            guard index < specs.count else {
                lexiconSlot[0] = Result {
                    var lexicon = Lexicon()
                    for list in lists { try lexicon.add(list: list.name, data: list.data, path: list.path) }
                    return lexicon
                }
                return
            }
            let (file, spec) = specs[index]
            compiled[index] = Result { try compile(spec, file: file.path, folder: file.folder, fragments: fragmentTable) }
        }
        let lexicon = try lexiconSlot[0]!.get()
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for (index, (file, _)) in specs.enumerated() {
            let rule = try compiled[index]!.get()
            if let earlier = seen[rule.id] {
                throw PatternError(file: file.path, rule: rule.id, problem: "the id is already used in \(earlier)")
            }
            seen[rule.id] = file.path
            rules.append(rule)
        }
        let digest = Digest.hex(hasher.finalize())
        return PatternSet(rules: rules, lexicon: lexicon, fingerprint: digest, folders: folders)
    }

    static func compile(_ spec: PatternFile.RuleSpec, file: String, folder: PatternFolder, fragments: FragmentTable) throws -> Rule {
        func fail(_ problem: String) -> PatternError { PatternError(file: file, rule: spec.id, problem: problem) }
        let matcher: Rule.Matcher
        var startLookahead: StartLookahead?
        let expanded = try spec.regex.map { try fragments.expand($0, file: file, rule: spec.id, folder: folder) }
        let fullRegex = expanded.map { regex in spec.startsWith.map { "(?=\($0))" + regex } ?? regex }
        // Without `requires` the regex is read for the literals it cannot match without;
        // `requires: []` turns the pre-filter off.
        let derived = spec.requires == nil ? fullRegex.flatMap { RequiredLiterals.derive(from: $0) } : nil
        // Written literals the regex shows in every match are narrowed to what it reads around
        // them: "act" written, " act" read (no "contact", no "fact").
        let written = spec.requires.map { $0.map { LiteralIndex.normalisingSpaces(Array($0.lowercased().utf8)) } } ?? []
        let writtenReading = written.isEmpty ? nil : fullRegex.map { RequiredLiterals.reading(written, of: $0) }
        let refined = writtenReading?.refined
        let requires = refined ?? spec.requires ?? derived ?? []
        let scansLines = !requires.isEmpty && fullRegex.map(LineBound.isLineBound) == true
        // Where the candidate scan tries the rule, when it runs anchored (the regex is then
        // compiled to match at one position too).
        let reading = fullRegex.flatMap { StartSet.read($0, caseless: spec.caseless == true) }
        let units = fullRegex.flatMap { AnchoredForm.units(of: $0, caseless: spec.caseless == true, scansLines: scansLines, reading: reading) }
        // Derived literals stand inside every match (written ones when the regex shows they do):
        // the text around one, up to a byte no match holds, bounds where the match can begin
        // (`LiteralHits.windows`).
        let literals = requires.map { Array($0.lowercased().utf8) }
        let inEveryMatch = derived != nil || writtenReading?.standInEveryMatch == true
        var matchBytes = inEveryMatch ? reading?.matchBytes : nil
        if scansLines { matchBytes = matchBytes?.subtracting(ByteSet([0x0A])) }
        if matchBytes == .all { matchBytes = nil }
        switch (expanded, spec.list) {
        case let (regex?, nil):
            do {
                // `starts-with` lets PCRE2 skip, at once, every position where no match can begin.
                let anchored = fullRegex ?? regex
                var options: Regex.Options = spec.caseless == true ? .caseless : []
                if scansLines || units != nil || matchBytes != nil { options.insert(.offsetLimit) }
                // Compiled with its word alternations grouped by first letter (`AlternationFactoring`)
                // and, for a rule that scans text whose first characters PCRE2 cannot tell from the
                // regex (a name's `\p{Lu}`), behind a lookahead naming them (`StartLookahead`).
                let lookahead = units == nil ? reading.flatMap(StartSet.init(reading:)).flatMap(StartLookahead.init) : nil
                let factored = AlternationFactoring.factored(anchored)
                let compiled: Regex
                do {
                    compiled = try Regex(factored, options: options, startHint: lookahead?.pattern)
                } catch where factored != anchored {
                    // The author's mistake is reported at its offset in the regex as written; a regex
                    // that compiles only as written (nested to PCRE2's limit) runs as written.
                    compiled = try Regex(anchored, options: options, startHint: lookahead?.pattern)
                }
                if compiled.usesStartHint { startLookahead = lookahead }
                matcher = .regex(compiled)
            } catch let error as PCRE2Error {
                throw fail("the regex does not compile \(error)")
            }
        case let (nil, list?):
            do {
                matcher = .list(try PhraseList(list: folder.read(list), ambiguous: spec.ambiguous.map(folder.read)))
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
        var firstWordIn: Lexicon.WordList?
        if let name = spec.firstWordIn {
            guard let known = Lexicon.WordList(rawValue: name) else {
                throw fail("`first-word-in` names no list it knows: `\(name)` (known: \(Lexicon.WordList.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard spec.regex != nil else { throw fail("`first-word-in` needs a `regex` (a `list` rule's words are the list)") }
            firstWordIn = known
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
        var rule = Rule(
            id: spec.id, category: spec.category, description: spec.description, matcher: matcher,
            validator: validator, caseless: spec.caseless == true, confidence: spec.confidence, action: spec.action, placeholder: spec.placeholder,
            reason: spec.reason, suggestion: spec.suggestion, generalisation: spec.generalise, wholeName: spec.wholeName == true,
            requires: literals, requiresDerived: derived != nil, scansLines: scansLines, matchBytes: matchBytes,
            examples: RuleExamples(
                match: spec.examples.match.map { .init(text: $0.text, value: $0.value) },
                noMatch: spec.examples.noMatch ?? []
            ),
            file: file, source: source
        )
        rule.startLookahead = startLookahead
        rule.firstWordIn = firstWordIn
        if refined != nil { rule.writtenRequires = written }
        if let units, case let .regex(regex) = matcher { rule.anchoredForm = AnchoredForm(units: units, regex: regex) }
        return rule
    }
}

/// Results filled in by concurrent workers, each slot by exactly one of them, read once all
/// are done (`DispatchQueue.concurrentPerform` returns only then).
final class ConcurrentSlots<Value>: @unchecked Sendable {
    // Memory of its own: an array's buffer may not be written from several threads at once.
    private let values: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }

    deinit {
        values.baseAddress?.deinitialize(count: values.count)
        values.deallocate()
    }

    subscript(index: Int) -> Value? {
        get { values[index] }
        set { values[index] = newValue }
    }
}
