import Anonymiser
import ArgumentParser
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with audit trails.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that audit trails are as the tool wrote them (their hash chain is intact).",
            discussion: "Exit codes: 0 every chain intact, 1 a chain is broken, 2 a file cannot be read. No line of an audit is printed.")

        @Argument(help: ArgumentHelp("Audit trails (.audit.jsonl).", valueName: "FILE"))
        var files: [String]

        func run() throws {
            var broken = 0
            for file in files {
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    throw InputError(path: file, problem: "cannot be read")
                }
                switch AuditChain.verify(data) {
                case let .intact(records):
                    Console.output("\(file): intact (\(records) \(records == 1 ? "record" : "records"))\n")
                case let .broken(line, problem):
                    broken += 1
                    Console.output("\(file): line \(line): \(problem)\n")
                }
            }
            if broken > 0 { throw ExitCode(1) }
        }
    }
}
