import Anonymiser
import ArgumentParser
import Foundation

struct Patterns: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, test and explain the detection rules.",
        subcommands: [List.self, Test.self, Explain.self, Profile.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule: id, action, category, description.")

        @Flag(help: "Print each rule's id and PCRE2 regex, tab-separated (list rules are skipped).")
        var regex = false

        @Flag(help: "With --regex: print only the regexes, options inline, one per line (for pcre2grep -u -f).")
        var pcre2grep = false

        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let set = try patterns.load()
            for rule in set.rules {
                if regex {
                    guard let standalone = rule.standaloneRegex else { continue }
                    Console.output(pcre2grep ? standalone + "\n" : "\(rule.id)\t\(standalone)\n")
                } else {
                    Console.output("\(rule.id)\t\(rule.action.rawValue)\t\(rule.category)\t\(rule.description)\n")
                }
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's examples; exit 1 if any fails.")

        @Argument(help: ArgumentHelp("Test only the rules of this pattern folder (with the built-in word lists).", valueName: "DIR"))
        var directory: String?

        @OptionGroup var patterns: PatternOptions

        func run() throws {
            var set = try patterns.load()
            if let directory {
                // Loaded beside the built-in set, so its rules can use the built-in fragments.
                let folder = try PatternFolder(directory: URL(fileURLWithPath: directory))
                let only = try PatternSet.load(folders: [.builtIn, folder])
                set = PatternSet(rules: only.rules.filter { $0.file.hasPrefix(folder.displayPath("")) },
                                 lexicon: set.lexicon, fingerprint: try folder.fingerprint())
            }
            let failures = try PatternTester(patterns: set).run()
            for failure in failures { Console.error(failure.description) }
            let examples = set.rules.reduce(0) { $0 + $1.examples.match.count + $1.examples.noMatch.count }
            Console.output("\(set.rules.count) rules, \(examples) examples: \(failures.isEmpty ? "all pass" : "\(failures.count) failed")\n")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one rule in full: what it finds, its regex and examples.")

        @Argument(help: "A rule id, e.g. contact.email.")
        var rule: String

        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let set = try patterns.load()
            guard let found = set.rule(id: rule) else {
                throw UsageError("no rule \(rule.debugDescription) (see `anonymise patterns list`)")
            }
            var lines = [
                "\(found.id) — \(found.description)",
                "  file:        \(found.file)",
                "  category:    \(found.category)",
                "  action:      \(found.action.rawValue)",
                "  confidence:  \(found.confidence)",
                "  matcher:     \(found.source)",
            ]
            if !found.requires.isEmpty {
                let origin = found.requiresDerived ? " (read from the regex)"
                    : found.writtenRequires.map { " (read from the regex around the written \(Explain.quoted($0)))" } ?? ""
                lines.append("  requires:    \(Explain.quoted(found.requires))" + origin)
                if let matchBytes = found.matchBytes {
                    lines.append("  scans:       only around each of these, back to the nearest character no match holds: "
                        + Explain.characters(outside: matchBytes))
                } else {
                    lines.append("  scans:       " + (found.scansLines
                        ? "only the lines holding one of these (the regex cannot cross a line break)"
                        : "whole documents holding one of these (the regex can cross a line break)"))
                }
            }
            if case let .regex(regex) = found.matcher {
                lines.append("  runs:        " + Explain.howItRuns(found))
                // What PCRE2 compiles, when it is not the regex as written (SCHEMA.md, "How a rule's regex is compiled").
                if regex.pattern != found.source { lines.append("  compiled:    " + regex.pattern) }
            }
            if let validator = found.validator { lines.append("  validator:   \(validator.rawValue)") }
            if let list = found.firstWordIn { lines.append("  first word:  one of the \(list.rawValue) list (a match begins at no other word)") }
            if let placeholder = found.placeholder { lines.append("  placeholder: \(placeholder)") }
            if let reason = found.reason { lines.append("  reason:      \(reason)") }
            if let suggestion = found.suggestion { lines.append("  suggestion:  \(suggestion)") }
            lines.append("  matches:")
            lines += found.examples.match.map { "    \($0.text.debugDescription)" + ($0.value.map { " → \($0.debugDescription)" } ?? "") }
            lines.append("  does not match:")
            lines += found.examples.noMatch.map { "    \($0.debugDescription)" }
            Console.output(lines.joined(separator: "\n") + "\n")
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time every rule over sample texts, slowest first (for pattern authors).")

        @Argument(help: ArgumentHelp("Texts or directories of .txt files to time the rules on.", valueName: "PATH"))
        var paths: [String]

        @Option(help: "Show only the slowest N rules.")
        var top: Int = 20

        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let set = try patterns.load()
            let inputs = try InputSet.expand(paths).filter { !$0.isStandardInput }
            let documents = try inputs.map { try Document(contentsOf: $0.url!, name: $0.displayName) }
            let megabytes = Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
            let entries = try PatternProfiler(patterns: set).profile(documents)
            let total = entries.reduce(0) { $0 + $1.seconds }
            Console.output(String(format: "%d rules over %d documents (%.1f MB): %.2f s in rules\n", set.rules.count, documents.count, megabytes, total))
            for entry in entries.prefix(top) {
                // How the rule ran: tried (anchored) at so many positions, or over the text.
                let ran = entry.tries.map { "\($0) tries" } ?? "text scan"
                Console.output(String(format: "%8.3f s  %5.1f%%  %7d found  %6d docs scanned  %13@  %@\n", entry.seconds,
                                      total > 0 ? 100 * entry.seconds / total : 0, entry.candidates, entry.documentsScanned,
                                      ran, entry.ruleID))
            }
        }
    }
}

extension Patterns.Explain {
    /// Literals as `explain` shows them: quoted, comma-separated.
    static func quoted(_ literals: [[UInt8]]) -> String {
        literals.map { String(decoding: $0, as: UTF8.self).debugDescription }.joined(separator: ", ")
    }

    /// How the detect stage runs a regex rule: over the whole text, or only where it may start.
    static func howItRuns(_ rule: Rule) -> String {
        guard let units = rule.anchoredForm?.units else {
            guard let lookahead = rule.startLookahead else { return "over the whole text (no selective start set)" }
            return "over the whole text (no selective start set), where a match's first character is "
                + describe(lookahead.firstBytes) + " (a lookahead before the regex tells PCRE2 so)"
        }
        guard units.count > 1 else { return "only where its start set admits a position" + shaped(units[0]) }
        let branches = units.enumerated().map { number, unit in
            "\n    branch \(number + 1): " + (unit.requires.isEmpty ? "its start set" : "its start set, on lines holding " + quoted(unit.requires))
                + shaped(unit)
        }
        return "only where one of its \(units.count) branches may start" + branches.joined()
    }

    /// The characters outside `bytes`, in words: printable ASCII quoted, then line breaks, tabs,
    /// other control characters and non-ASCII characters when outside too.
    static func characters(outside bytes: ByteSet) -> String {
        let outside = (0...255).map(UInt8.init).filter { !bytes.contains($0) }
        var parts: [String] = []
        let printable = outside.filter { $0 >= 0x20 && $0 < 0x7F }
        if !printable.isEmpty { parts.append(String(decoding: printable, as: UTF8.self).debugDescription) }
        if outside.contains(0x0A) { parts.append("line breaks") }
        if outside.contains(0x09) { parts.append("tabs") }
        if outside.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }) { parts.append("other control characters") }
        if outside.contains(where: { $0 >= 0x80 }) { parts.append("non-ASCII characters") }
        return parts.joined(separator: ", ")
    }

    /// What a unit's positions must look like besides its start set, in words: the word shape and
    /// the byte prefix checked there ("" when neither is).
    static func shaped(_ unit: AnchoredForm.Unit) -> String {
        var said = ""
        if let shape = unit.starts.filteringShape {
            var follows: [String] = []
            if !shape.next.isEmpty { follows.append("by spaces, tabs or no-break spaces, then " + describe(shape.next)) }
            if !shape.immediate.isEmpty { follows.append("directly by " + describe(shape.immediate)) }
            said += ", and the word there is followed " + follows.joined(separator: ", or ")
        }
        if let prefix = unit.starts.filteringPrefix {
            let offsets = prefix.bytes.indices.dropFirst().filter { prefix.bytes[$0] != .all }
            said += ", and the text there has " + offsets.map { "\(ordinal($0 + 1)) byte " + describe(prefix.bytes[$0]) }.joined(separator: "; ")
        }
        return said
    }

    static func ordinal(_ number: Int) -> String { ["first", "second", "third", "fourth"][min(number, 4) - 1] }

    /// A set of bytes in words (what a word shape wants after the gap, a prefix at an offset):
    /// "a capital", "a digit", the other ASCII characters listed, "a non-ASCII character".
    static func describe(_ bytes: ByteSet) -> String {
        let members = bytes.members
        let capitals = Array(UInt8(ascii: "A")...UInt8(ascii: "Z")), digits = Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
        var parts: [String] = []
        var listed = members.filter { $0 < 0x80 }
        if capitals.allSatisfy(members.contains) { parts.append("a capital"); listed.removeAll(where: capitals.contains) }
        if digits.allSatisfy(members.contains) { parts.append("a digit"); listed.removeAll(where: digits.contains) }
        if !listed.isEmpty { parts.append("one of " + String(decoding: listed, as: UTF8.self).debugDescription) }
        if members.contains(where: { $0 >= 0x80 }) { parts.append("a non-ASCII character") }
        return parts.count < 2 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " or " + parts.last!
    }
}
