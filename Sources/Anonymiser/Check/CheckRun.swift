import Dispatch
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
        let inputs = try InputSet.expand(paths)
        if inputs.filter(\.isStandardInput).count > 1 {
            throw InputError(path: "-", problem: "standard input can be read only once")
        }
        let standardInput = inputs.contains(where: \.isStandardInput) ? readStandardInput() : nil
        let results = ResultBox(count: inputs.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, inputs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.take(below: inputs.count) {
                results.set(position, Result { try check(inputs[position], standardInput: standardInput) })
            }
        }
        return CheckReport(files: try results.values.map { try $0.get() }, failOn: failOn, catalogue: checker.catalogue)
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

/// Results written by concurrent workers, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Result<FileCheck, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<FileCheck, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<FileCheck, Error>] { slots.map { $0! } }
}

/// Hands out input positions to workers in order.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
