import Foundation

/// `anonymise check`: reads every input, checks it, drops what the allow list and the
/// baseline accept, and reports per file. Nothing is written; a bad input (missing, not
/// UTF-8 text) stops the run before any report is made.
public struct CheckRun: Sendable {
    public let checker: Checker
    public let allowList: CheckAllowList?
    public let baseline: CheckBaseline?
    public let failOn: CheckLevel

    public init(checker: Checker, allowList: CheckAllowList? = nil, baseline: CheckBaseline? = nil, failOn: CheckLevel = .warning) {
        self.checker = checker
        self.allowList = allowList
        self.baseline = baseline
        self.failOn = failOn
    }

    /// Checks the inputs (files, directories — every `.txt` below — or "-"), in parallel,
    /// reporting in input order. `readStandardInput` is called at most once.
    public func run(_ paths: [String], readStandardInput: () -> Data) throws -> CheckReport {
        var files: [FileCheck] = []
        try run(paths, readStandardInput: readStandardInput) { files.append($0) }
        return CheckReport(files: files, failOn: failOn, catalogue: checker.catalogue)
    }

    /// Checks the inputs in parallel and hands each file's result to `each`, in input order,
    /// as soon as it and those before it are done: a few files per core are in flight at
    /// once, so memory stays flat however many files there are. The first bad input stops
    /// the run with its error (`each` has then seen only the files before it).
    public func run(_ paths: [String], readStandardInput: () -> Data, each: (FileCheck) throws -> Void) throws {
        try run(paths, readStandardInput: readStandardInput, prepare: { $0 }, each: each)
    }

    /// Like `run(_:readStandardInput:each:)`, with `prepare` applied to each result on the
    /// worker that checked it (rendering a report's part, say), so only the hand-over is serial.
    public func run<Prepared>(
        _ paths: [String], readStandardInput: () -> Data,
        prepare: @escaping @Sendable (FileCheck) -> Prepared, each: (Prepared) throws -> Void
    ) throws {
        // Inputs are walked one by one (memory stays flat however large the archive).
        var walk = try InputWalk(paths)
        let standardInput = paths.contains("-") ? readStandardInput() : nil
        try OrderedParallel.forEach(next: { try walk.next() }, { input in
            prepare(try check(input, standardInput: standardInput))
        }, each: each)
    }

    /// Checks one document: findings, then the allow list, then the baseline.
    public func check(_ document: Document) throws -> FileCheck {
        var findings = try checker.check(document)
        var allowed = 0
        if let allowList { (findings, allowed) = try allowList.filter(findings, in: document) }
        var baselined = 0
        if let baseline { (findings, baselined) = baseline.filter(findings) }
        return FileCheck(file: document.name, findings: findings, allowed: allowed, baselined: baselined)
    }

    private func check(_ input: InputFile, standardInput: Data?) throws -> FileCheck {
        let document: Document
        if let url = input.url {
            document = try Document(contentsOf: url, name: input.displayName)
        } else {
            document = try Document(data: standardInput ?? Data(), name: "-")
        }
        return try check(document)
    }
}
