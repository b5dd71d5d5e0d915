import Anonymiser
import ArgumentParser
import Foundation

@main
struct Anonymise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymise",
        abstract: "Anonymise ombudsman decisions for publication: pseudonymise people, replace identifiers, flag residual detail.",
        discussion: """
        Exit codes: 0 success (check: clean), 1 check found identifying text, 2 usage or input error.
        """,
        version: Anonymiser.version,
        subcommands: [Redact.self, Check.self, Report.self, Case.self, Patterns.self, Audit.self, Version.self]
    )

    /// Parses and runs, mapping every failure to the exit codes scripts rely on:
    /// usage and input errors are 2 (ArgumentParser's own default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as PatternError {
            fail(error.description)
        } catch let error as UsageError {
            fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("anonymise: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// The pattern folders every command accepts.
struct PatternOptions: ParsableArguments {
    @Option(name: .customLong("patterns"), help: ArgumentHelp("Add the rules in DIR to the built-in ones (repeatable; also $\(PatternSet.environmentVariable), DIR:DIR…).", valueName: "DIR"))
    var directories: [String] = []

    /// The built-in rules, then the folders of $ANONYMISE_PATTERNS, then those of --patterns.
    func load() throws -> PatternSet {
        try PatternSet.load(extraDirectories: PatternSet.environmentDirectories() + directories.map { URL(fileURLWithPath: $0) })
    }
}

/// `anonymise version`: the tool's version and the fingerprint of its built-in rules (the
/// `patterns` hash an audit records when no rules were added).
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the tool version and the built-in pattern set's SHA-256.")

    func run() throws {
        Console.output("anonymise \(Anonymiser.version)\npatterns \(try PatternFolder.builtIn.fingerprint())\n")
    }
}

/// Standard error, for summaries and messages (standard output carries text only).
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func output(_ text: String) {
        output(Data(text.utf8))
    }

    static func output(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}
