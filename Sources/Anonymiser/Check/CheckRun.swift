import Foundation

/// `anonymise check`: reads every input, checks it, drops what the allow list and the
/// baseline accept, and reports per file. Nothing is written; a bad input (missing, not
/// UTF-8 text) stops the run before any report is made.
public struct CheckRun: Sendable {
    public let checker: Checker
    public let allowList: CheckAllowList?
    public let baseline: CheckBaseline?
    public let failOn: CheckLevel
    /// `--shard K/N`: check only that part of the inputs; nil for all of them.
    public let shard: Shard?
    /// `--decisions`: flags a reviewer decided are not reported (`DecisionFilter`).
    public var decisions: DecisionFilter?

    public init(
        checker: Checker, allowList: CheckAllowList? = nil, baseline: CheckBaseline? = nil, failOn: CheckLevel = .warning, shard: Shard? = nil
    ) {
        self.checker = checker
        self.allowList = allowList
        self.baseline = baseline
        self.failOn = failOn
        self.shard = shard
    }

    /// What a run's inputs were, beyond the files it checked: said in its summary.
    public struct Inputs: Sendable {
        /// What the walk of the input folders left out.
        public let skipped: SkippedInputs
        /// The shard checked, of how many inputs; nil when all were checked.
        public let shard: ShardScope?
    }

    /// Checks the inputs (files, directories — every `.txt` below — or "-"), in parallel,
    /// reporting in input order. `readStandardInput` is called at most once. `writing`: the
    /// files the run will write (report, baseline), refused if they are inputs or would be.
    public func run(_ paths: [String], writing outputs: [String] = [], readStandardInput: () -> Data) throws -> CheckReport {
        var files: [FileCheck] = []
        let inputs = try run(paths, writing: outputs, readStandardInput: readStandardInput) { files.append($0) }
        return CheckReport(files: files, failOn: failOn, catalogue: checker.catalogue, skipped: inputs.skipped)
    }

    /// Checks the inputs in parallel and hands each file's result to `each`, in input order,
    /// as soon as it and those before it are done: a few files per core are in flight at
    /// once, so memory stays flat however many files there are. The first bad input stops
    /// the run with its error (`each` has then seen only the files before it). Returns what
    /// the walk of the input folders left out, and the shard.
    @discardableResult
    public func run(_ paths: [String], writing outputs: [String] = [], readStandardInput: () -> Data, each: (FileCheck) throws -> Void) throws -> Inputs {
        try run(paths, writing: outputs, readStandardInput: readStandardInput, checkFile: { run, input, standardInput in
            try run.fileCheck(input, standardInput: standardInput)
        }, each: each)
    }

    /// Like `run(_:readStandardInput:each:)`, with each file's share of `reporter`'s report
    /// rendered by the worker that checks it as the findings are found — a long document's
    /// segment by segment, so its findings are never all held — and only the hand-over serial.
    /// `progress` hears of each file as it is handed over.
    @discardableResult
    public func run(
        _ paths: [String], writing outputs: [String] = [], readStandardInput: () -> Data, progress: BatchProgress? = nil,
        reporter: any CheckReporter, each: (CheckReportPart) throws -> Void
    ) throws -> Inputs {
        let failOn = failOn
        return try run(paths, writing: outputs, readStandardInput: readStandardInput, progress: progress, checkFile: { run, input, standardInput in
            var builder = FileReportBuilder(reporter: reporter, failOn: failOn, file: input.displayName)
            let dropped = try run.check(input, standardInput: standardInput) { builder.add($0) }
            return try builder.finish(allowed: dropped.allowed, baselined: dropped.baselined)
        }, each: each)
    }

    private func run<Prepared>(
        _ paths: [String], writing outputs: [String], readStandardInput: () -> Data, progress: BatchProgress? = nil,
        checkFile: @escaping @Sendable (CheckRun, InputFile, Data?) throws -> Prepared, each: (Prepared) throws -> Void
    ) throws -> Inputs {
        // One walk, before anything is checked: the run works from this snapshot.
        let inputs = try InputSet(paths)
        try CheckRun.refuse(outputs, inputs: inputs)
        let standardInput = paths.contains("-") ? readStandardInput() : nil
        try run(inputs, standardInput: standardInput, progress: progress, checkFile: checkFile, each: each)
        return Inputs(skipped: inputs.skipped, shard: shard.map { ShardScope(shard: $0, inputs: inputs.files.count) })
    }

    /// Checks a snapshot of inputs (its shard): a file gone since the walk fails by name.
    func run<Prepared>(
        _ inputs: InputSet, standardInput: Data?, progress: BatchProgress? = nil,
        checkFile: @escaping @Sendable (CheckRun, InputFile, Data?) throws -> Prepared, each: (Prepared) throws -> Void
    ) throws {
        let files = shard.map { shard in inputs.files.filter(shard.contains) } ?? inputs.files
        progress?.start(files)
        var position = 0
        try OrderedParallel.forEach(next: { () -> InputFile? in
            guard position < files.count else { return nil }
            position += 1
            return files[position - 1]
        }, { input in
            try checkFile(self, input, standardInput)
        }, each: { prepared in
            progress?.advance()
            try each(prepared)
        })
    }

    /// The tool never reads what it writes: a report or baseline may not be an input, nor
    /// a `.txt` inside a folder being checked (the next check of that folder would read it
    /// as a draft). Other names there (`.json`, `.sarif`, `.xml`, `.log`) are never inputs.
    static func refuse(_ outputs: [String], inputs: InputSet) throws {
        for output in outputs where output != "-" {
            let url = URL(fileURLWithPath: output)
            if inputs.isInput(url) {
                throw InputError(path: output, problem: "is an input; refusing to overwrite it")
            }
            if InputFile.isTextName(url.lastPathComponent) && inputs.isInsideInputFolder(url) {
                throw InputError(path: output, problem: "is inside a folder being checked, where a .txt file is a draft: "
                    + "write it outside the folder or under another extension (.log, .json)")
            }
        }
    }

    /// Checks one document: findings, then the allow list, then the baseline.
    public func check(_ document: Document) throws -> FileCheck {
        var findings: [Finding] = []
        let dropped = try filter(document, from: { try checker.check(document, each: $0) }) { findings += $0 }
        return FileCheck(file: document.name, findings: findings, allowed: dropped.allowed, baselined: dropped.baselined)
    }

    /// Checks one input, all its findings held.
    func fileCheck(_ input: InputFile, standardInput: Data?) throws -> FileCheck {
        var findings: [Finding] = []
        let dropped = try check(input, standardInput: standardInput) { findings += $0 }
        return FileCheck(file: dropped.file, findings: findings, allowed: dropped.allowed, baselined: dropped.baselined)
    }

    /// What the allow list and the baseline dropped from one file.
    struct Dropped {
        let file: String
        var allowed = 0
        var baselined = 0
    }

    /// The findings of `document` that `produce` hands on a piece at a time, passed through
    /// the reviewer's decisions, the allow list and the baseline to `each`.
    private func filter(
        _ document: Document, from produce: (_ piece: ([Finding]) throws -> Void) throws -> Void, each: ([Finding]) throws -> Void
    ) throws -> Dropped {
        let allow = try allowList.map { try CheckAllowList.Filter($0, document: document) }
        var baseline = baseline.map(CheckBaseline.Filter.init)
        var dropped = Dropped(file: document.name)
        // A decision's fingerprint counts repeated mentions through the whole document: with
        // decisions (a reviewed draft, never an archive), the findings are filtered all at once.
        var produce = produce
        if let decisions {
            var all: [Finding] = []
            try produce { all += $0 }
            let decided = decisions.filter(all, in: document).0
            produce = { try $0(decided) }
        }
        try withoutActuallyEscaping(each) { each in try produce { piece in
            var piece = piece
            var count = 0
            if let allow {
                (piece, count) = try allow.filter(piece)
                dropped.allowed += count
            }
            if var filter = baseline {
                (piece, count) = filter.filter(piece)
                baseline = filter
                dropped.baselined += count
            }
            try each(piece)
        } }
        return dropped
    }

    /// Checks one input, handing its findings to `each` a piece at a time (a long document
    /// segment by segment, see `Checker.check(_:each:)`) after the allow list and the baseline.
    private func check(_ input: InputFile, standardInput: Data?, each: ([Finding]) throws -> Void) throws -> Dropped {
        let document: Document
        if let url = input.url, input.isDocx {
            let (text, findings) = try DocxChecker(checker: checker).check(bytes: Document.read(url, name: input.displayName), name: input.displayName)
            return try filter(text, from: { try $0(findings) }, each: each)
        } else if let url = input.url {
            document = try Document(contentsOf: url, name: input.displayName)
        } else {
            document = try Document(data: standardInput ?? Data(), name: "-")
        }
        return try filter(document, from: { try checker.check(document, each: $0) }, each: each)
    }
}
