import Anonymiser
import ArgumentParser
import Foundation

struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write publishable text and an audit trail for draft decisions.",
        discussion: """
        One input: the text goes to standard output, or to -o FILE (with FILE's audit beside it as
        NAME.audit.jsonl unless --audit says otherwise). Several inputs or a directory: --out-dir DIR
        writes DIR/NAME.txt and DIR/NAME.audit.jsonl for every NAME.txt (DIR/NAME.docx for a NAME.docx). A summary goes
        to standard error. A .docx with tracked changes or comments is refused unless --accept-changes / --drop-comments.
        """
    )

    @Argument(help: ArgumentHelp("Draft files (.txt, .docx), directories (every .txt and .docx below), or - for standard input.", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the text to FILE (- for standard output).", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Batch: write NAME.txt and NAME.audit.jsonl per input here.", valueName: "DIR"))
    var outputDirectory: String?

    @Option(help: ArgumentHelp("Write the audit trail of a single input to FILE.", valueName: "FILE"))
    var audit: String?

    @Option(help: ArgumentHelp("Write an HTML page to review a single input in and save decisions from (it shows real names).", valueName: "FILE.html"))
    var report: String?

    @Option(name: .customLong("case"), help: ArgumentHelp("The case the inputs belong to: its people keep their pseudonyms in the case registry (default: each document's Ombudsman reference; a document without one is a one-off).", valueName: "REF"))
    var caseReference: String?

    @Option(help: ArgumentHelp("The case registry (default: $ANONYMISE_STORE, else ./.anonymise/cases.sqlite).", valueName: "FILE"))
    var store: String?

    @Flag(name: .customLong("no-store"), help: "Treat every document as a one-off: read and store nothing in the case registry.")
    var noStore = false

    @Option(help: ArgumentHelp("Apply a reviewer's decisions (the file the review page saves) to the single input.", valueName: "FILE"))
    var decisions: String?

    @Option(help: ArgumentHelp("Who decided, for the audit (default: the decisions file's reviewer).", valueName: "NAME"))
    var reviewer: String?

    @Flag(name: .customLong("require-decisions"), help: "Exit 1, writing nothing, while any flag is undecided or any decision is stale.")
    var requireDecisions = false

    @Option(name: .customLong("review-key"), help: ArgumentHelp("The key review fingerprints are made under (default: $ANONYMISE_REVIEW_KEY, else review.key beside the case registry).", valueName: "FILE"))
    var reviewKey: String?

    @Flag(name: .customLong("keep-residual"), help: "Only flag residual details (schools, ages, places…); do not apply their house-style rewording.")
    var keepResidual = false

    @Flag(name: .customLong("accept-changes"), help: "A .docx's tracked changes are accepted (Accept All) before redacting.")
    var acceptChanges = false

    @Flag(name: .customLong("drop-comments"), help: "A .docx's comments are removed with their ranges and authors.")
    var dropComments = false

    @OptionGroup var patterns: PatternOptions

    @Flag(name: .shortAndLong, help: "No summary or progress on standard error.")
    var quiet = false

    func run() throws {
        let anonymiser = Anonymiser(patterns: try patterns.load(), generalisesResidualDetail: !keepResidual)
        var request = RedactRun.Request(
            inputs: inputs, output: output, outputDirectory: outputDirectory, audit: audit, caseReference: caseReference,
            store: store, usesStore: !noStore, report: report)
        request.insideStoreTransaction = TransactionStop.hook()
        request.docx = DocxOptions(acceptsChanges: acceptChanges, dropsComments: dropComments)
        request.decisions = decisions
        request.reviewer = reviewer
        request.requiresDecisions = requireDecisions
        request.reviewKey = reviewKey
        let run = RedactRun(anonymiser: anonymiser, request: request)
        var documents = 0, replacements = 0, flags = 0
        let progress = BatchProgress.standardError(quiet: quiet)
        defer { progress.finish() }
        let skipped: SkippedInputs
        do {
            skipped = try runAll(run, progress: progress) { summary in
                documents += 1
                replacements += summary.replacements.values.reduce(0, +)
                flags += summary.flags.values.reduce(0, +)
                if !quiet { progress.print(summary.line) }
            }
        } catch let incomplete as ReviewIncomplete {
            progress.finish()
            Console.error("anonymise: \(incomplete.description)")
            throw ExitCode(1)
        }
        progress.finish()
        if !quiet && (documents > 1 || !skipped.isEmpty) {
            Console.error("\(documents) \(documents == 1 ? "document" : "documents"): \(replacements) replacements, \(flags) flags to review"
                + (skipped.isEmpty ? "" : "; " + skipped.summary))
        }
    }

    private func runAll(_ run: RedactRun, progress: BatchProgress, each: (DocumentSummary) throws -> Void) throws -> SkippedInputs {
        try run.run(
            readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
            writeStandardOutput: Console.output, progress: progress, each: each)
    }
}
