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
        try run(paths, writing: outputs, readStandardInput: readStandardInput, prepare: { $0 }, each: each)
    }

    /// Like `run(_:readStandardInput:each:)`, with `prepare` applied to each result on the
    /// worker that checked it (rendering a report's part, say), so only the hand-over is serial.
    /// `progress` hears of each file as it is handed over.
    @discardableResult
    public func run<Prepared>(
        _ paths: [String], writing outputs: [String] = [], readStandardInput: () -> Data, progress: BatchProgress? = nil,
        prepare: @escaping @Sendable (FileCheck) -> Prepared, each: (Prepared) throws -> Void
    ) throws -> Inputs {
        // One walk, before anything is checked: the run works from this snapshot.
        let inputs = try InputSet(paths)
        try CheckRun.refuse(outputs, inputs: inputs)
        let standardInput = paths.contains("-") ? readStandardInput() : nil
        try run(inputs, standardInput: standardInput, progress: progress, prepare: prepare, each: each)
        return Inputs(skipped: inputs.skipped, shard: shard.map { ShardScope(shard: $0, inputs: inputs.files.count) })
    }

    /// Checks a snapshot of inputs (its shard): a file gone since the walk fails by name.
    func run<Prepared>(
        _ inputs: InputSet, standardInput: Data?, progress: BatchProgress? = nil,
        prepare: @escaping @Sendable (FileCheck) -> Prepared, each: (Prepared) throws -> Void
    ) throws {
        let files = shard.map { shard in inputs.files.filter(shard.contains) } ?? inputs.files
        progress?.start(files)
        var position = 0
        try OrderedParallel.forEach(next: { () -> InputFile? in
            guard position < files.count else { return nil }
            position += 1
            return files[position - 1]
        }, { input in
            prepare(try check(input, standardInput: standardInput))
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
        try filtered(try checker.check(document), in: document)
    }

    private func filtered(_ findings: [Finding], in document: Document) throws -> FileCheck {
        var findings = findings
        var allowed = 0
        if let decisions { findings = decisions.filter(findings, in: document).0 }
        if let allowList { (findings, allowed) = try allowList.filter(findings, in: document) }
        var baselined = 0
        if let baseline { (findings, baselined) = baseline.filter(findings) }
        return FileCheck(file: document.name, findings: findings, allowed: allowed, baselined: baselined)
    }

    private func check(_ input: InputFile, standardInput: Data?) throws -> FileCheck {
        let document: Document
        if let url = input.url, input.isDocx {
            let (text, findings) = try DocxChecker(checker: checker).check(bytes: Document.read(url, name: input.displayName), name: input.displayName)
            return try filtered(findings, in: text)
        } else if let url = input.url {
            document = try Document(contentsOf: url, name: input.displayName)
        } else {
            document = try Document(data: standardInput ?? Data(), name: "-")
        }
        return try check(document)
    }
}
