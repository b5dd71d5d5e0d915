import Anonymiser
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pre-publish gate: report identifying text and fail (exit 1) when a finding is at or above --fail-on.",
        discussion: """
        Levels: error (direct identifiers, titled real names, known names of the case), warning (untitled names,
        house-style breaches such as "Mrs A"), note (residual detail to review). Matched text is masked in every
        format unless --show-values. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
        """
    )

    @Argument(help: ArgumentHelp("Files (.txt, .docx), directories (every .txt and .docx below), or - for standard input.", valueName: "PATH"))
    var paths: [String]

    @Option(help: ArgumentHelp("Output format: text, json, sarif, junit or github.", valueName: "FORMAT"))
    var format: String = CheckFormat.text.rawValue

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Fail when a finding is at or above LEVEL: error, warning or note.", valueName: "LEVEL"))
    var failOn: String = CheckLevel.warning.rawValue

    @Option(help: ArgumentHelp("Known names of the case: a file from `anonymise case fingerprints` (needs the key).", valueName: "FILE"))
    var fingerprints: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp("The fingerprint key (64 hex characters); default: $\(Check.keyVariable).", valueName: "FILE"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Terms and regexes that are fine to publish (one a line; `regex: …` for a regex).", valueName: "FILE"))
    var allow: String?

    @Option(help: ArgumentHelp("Findings accepted earlier (from --write-baseline): not reported again.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write every current finding to FILE as the new baseline, and exit 0.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Check only part K of N of the inputs (by a hash of each path); `report merge` joins the parts' reports.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("A reviewer's decisions for the draft: flags rejected with a reason (or accepted) are not reported.", valueName: "FILE"))
    var decisions: String?

    @Option(name: .customLong("review-key"), help: ArgumentHelp("The key the decisions were made under (default: $ANONYMISE_REVIEW_KEY, else .anonymise/review.key).", valueName: "FILE"))
    var reviewKey: String?

    @Flag(name: .customLong("show-values"), help: "Show matched text unmasked (for a local run; never in CI logs).")
    var showValues = false

    @Flag(name: .shortAndLong, help: "No summary or progress on standard error (machine formats).")
    var quiet = false

    @OptionGroup var patterns: PatternOptions

    static let keyVariable = "ANONYMISE_FINGERPRINT_KEY"

    func run() throws {
        guard let format = CheckFormat(rawValue: format) else {
            throw UsageError("--format must be one of \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")), not \(format.debugDescription)")
        }
        guard let level = CheckLevel(rawValue: failOn) else {
            throw UsageError("--fail-on must be one of error, warning, note, not \(failOn.debugDescription)")
        }
        var run = CheckRun(
            checker: Checker(patterns: try patterns.load(), knownNames: try knownNames()),
            allowList: try allow.map { try CheckAllowList.load(URL(fileURLWithPath: $0), name: $0) },
            // A new baseline holds every current finding, including those the old one accepted.
            baseline: writeBaseline != nil ? nil : try baseline.map { try CheckBaseline.load(URL(fileURLWithPath: $0), name: $0) },
            failOn: level, shard: try shard.map(Shard.init(parsing:)))
        if let decisions {
            // A decisions file belongs to one draft: applied to other files it would silence their flags.
            var isDirectory: ObjCBool = false
            guard paths.count == 1, !(FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory) && isDirectory.boolValue) else {
                throw UsageError("--decisions belongs to one draft: give exactly one file to check")
            }
            let file = try Decisions.load(URL(fileURLWithPath: decisions), name: decisions)
            let fingerprinter = Fingerprinter(key: try ReviewKey.load(explicit: reviewKey, store: nil, create: false))
            guard file.key == fingerprinter.keyIdentifier else {
                throw InputError(path: decisions, problem: "was made under another review key: give its key with --review-key FILE or $\(ReviewKey.environmentVariable)")
            }
            run.decisions = DecisionFilter(decisions: file, fingerprinter: fingerprinter)
        } else if reviewKey != nil {
            throw UsageError("--review-key is used only with --decisions FILE")
        }
        let readStandardInput = { FileHandle.standardInput.readDataToEndOfFile() }
        let writes = [output, writeBaseline].compactMap { $0 }

        if let writeBaseline {
            let report = try run.run(paths, writing: writes, readStandardInput: readStandardInput)
            let url = URL(fileURLWithPath: writeBaseline)
            try AtomicFile.prepareDirectory(url.deletingLastPathComponent())
            try AtomicFile.write(CheckBaseline(findings: report.findings).encoded(), to: url)
            let (findings, files) = (report.findings.count, report.files.count)
            if !quiet {
                Console.error("\(writeBaseline): baseline of \(findings) finding\(findings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
                    + (report.skipped.isEmpty ? "" : "; " + report.skipped.summary))
            }
            return
        }
        // The report is streamed as files are checked (memory stays flat) into a spool, and
        // reaches its destination only when every input has been read: a bad input leaves
        // nothing half-written.
        let reporter = format.reporter(showValues: showValues, catalogue: run.checker.catalogue)
        let stream = CheckReportStream(reporter: reporter, failOn: level)
        let progress = BatchProgress.standardError(quiet: quiet)
        defer { progress.finish() }
        // Each file's part is rendered by the worker that checks it; only the spooling is serial.
        let inputs = try run.run(paths, writing: writes, readStandardInput: readStandardInput, progress: progress, reporter: reporter,
                                 each: stream.add)
        progress.finish()
        stream.noteSkipped(inputs.skipped)
        stream.noteShard(inputs.shard)
        if let output, output != "-" {
            let url = URL(fileURLWithPath: output)
            try AtomicFile.prepareDirectory(url.deletingLastPathComponent())
            try AtomicFile.write(to: url) { try stream.finish(into: $0) }
            if !quiet { Console.error(stream.tally.summary) }
        } else {
            try stream.finish { Console.output($0) }
            if !quiet && !reporter.includesSummary { Console.error(stream.tally.summary) }
        }
        if stream.tally.fails { throw ExitCode(1) }
    }

    /// The fingerprints file with its key: the key from --key-file, else the environment.
    private func knownNames() throws -> KnownNames? {
        guard let fingerprints else {
            if keyFile != nil { throw UsageError("--key-file is used only with --fingerprints FILE") }
            return nil
        }
        let file = try NameFingerprints.load(URL(fileURLWithPath: fingerprints))
        let key: FingerprintKey
        if let keyFile {
            key = try FingerprintKey.load(URL(fileURLWithPath: keyFile))
        } else if let hex = ProcessInfo.processInfo.environment[Check.keyVariable], !hex.isEmpty {
            key = try FingerprintKey(hex: hex, source: Check.keyVariable)
        } else {
            throw UsageError("--fingerprints needs its key: --key-file FILE or the \(Check.keyVariable) environment variable")
        }
        return KnownNames(fingerprints: file, key: key)
    }
}
