import Anonymiser
import ArgumentParser
import Foundation

/// `anonymise report …`: work on reports `check` wrote.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work on the reports of anonymise check.",
        subcommands: [ReportMergeCommand.self]
    )
}

struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON, SARIF or JUnit reports of check --shard K/N jobs into the report of one check of all the inputs.",
        discussion: """
        The reports must have one format, one version and rules, one --fail-on level; shards must all be there, once each.
        Files and findings come in path order, as in a check of one folder. Exit codes: 0 the merged report is clean,
        1 it has a finding at or above its failing level (JSON and JUnit record the level check ran with; a SARIF log of a
        shard records it too, else --fail-on decides), 2 usage or input error (nothing is written).
        """
    )

    @Argument(help: ArgumentHelp("The reports to merge.", valueName: "FILE"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the merged report to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("The reports' format: json, sarif or junit (default: that of the first).", valueName: "FORMAT"))
    var format: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("For SARIF logs that do not record it: fail when a finding is at or above LEVEL (default: warning).", valueName: "LEVEL"))
    var failOn: String?

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func run() throws {
        let format = try self.format.map { name in
            guard let format = CheckFormat(rawValue: name) else {
                throw UsageError("--format must be one of \(ReportMerge.formats.map(\.rawValue).joined(separator: ", ")), not \(name.debugDescription)")
            }
            return format
        }
        let level = try failOn.map { name in
            guard let level = CheckLevel(rawValue: name) else { throw UsageError("--fail-on must be one of error, warning, note, not \(name.debugDescription)") }
            return level
        }
        let merge = try ReportMerge(format: format, failOn: level)
        let merged = try merge.merge(files: files, writing: [output].compactMap { $0 })
        if let output, output != "-" {
            let url = URL(fileURLWithPath: output)
            try AtomicFile.prepareDirectory(url.deletingLastPathComponent())
            try AtomicFile.write(to: url) { try merged.write(into: $0) }
        } else {
            try merged.write(into: Console.output)
        }
        if !quiet { Console.error("merged \(merged.description): \(merged.tally.summary)") }
        if merged.fails { throw ExitCode(1) }
    }
}
