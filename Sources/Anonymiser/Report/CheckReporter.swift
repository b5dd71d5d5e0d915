import Foundation

/// The output formats of `anonymise check --format`, each written by its own reporter.
public enum CheckFormat: String, CaseIterable, Sendable {
    /// `file:line:col: level: rule: message — excerpt`, then a one-line summary.
    case text
    /// One JSON document: summary, files, findings.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// JUnit XML: one test case per file, one failure per failing finding.
    case junit
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
    case github

    /// The reporter that writes this format. Matched text is masked unless `showValues`;
    /// `catalogue` describes every rule a finding can have (SARIF lists them).
    public func reporter(showValues: Bool = false, catalogue: CheckRuleCatalogue) -> any CheckReporter {
        switch self {
        case .text: return TextReporter(showValues: showValues)
        case .json: return JSONReporter(showValues: showValues)
        case .sarif: return SARIFReporter(catalogue: catalogue, showValues: showValues)
        case .junit: return JUnitReporter(showValues: showValues)
        case .github: return GitHubReporter(showValues: showValues)
        }
    }
}

/// Writes a `check` report in one format. A report is streamed so memory stays flat however
/// large the archive, and however large one document: a file's findings are rendered as they
/// are found — all at once, or a segment at a time for a long document — on the worker that
/// checks it, into its share of each section (spooled to a temporary file when large); once the
/// file is complete, `finish` adds what needs its totals. The shares go to `CheckReportStream`
/// in input order; once every file is in, `write` produces the parts that need the run's
/// totals and puts each spooled section in its place.
public protocol CheckReporter: Sendable {
    /// The parts of the report streamed file by file, in the order they appear.
    var sections: [ReportSection] { get }

    /// How many parts of its own the reporter keeps for a file while its findings come in
    /// (JUnit keeps the findings below the failing level for the file's end).
    var scratchSections: Int { get }

    /// Some of a file's findings, in text order, after those already rendered (all of them,
    /// or one segment's of a long document). Pure, so it can run on any thread.
    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts)

    /// The file is complete: what needs its totals (the JSON file entry, JUnit's test case end).
    func finish(_ file: FileSummary, failOn: CheckLevel, into parts: inout FileReportParts) throws

    /// The whole report into `sink`, in order: what needs the totals, with `section(i)`
    /// called where section i belongs (it writes the spooled section into the same sink).
    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws

    /// Whether the summary line is part of the report (text) or belongs on standard error.
    var includesSummary: Bool { get }
}

extension CheckReporter {
    public var includesSummary: Bool { false }
    public var scratchSections: Int { 0 }
    public func finish(_ file: FileSummary, failOn: CheckLevel, into parts: inout FileReportParts) throws {}

    /// One file's share of the report, ready for `CheckReportStream.add(_:)`.
    public func part(for file: FileCheck, failOn: CheckLevel) throws -> CheckReportPart {
        var builder = FileReportBuilder(reporter: self, failOn: failOn, file: file.file)
        builder.add(file.findings)
        return try builder.finish(allowed: file.allowed, baselined: file.baselined)
    }

    /// The whole report as one string (for small runs and tests; `CheckReportStream` writes
    /// the same bytes for a run of any size).
    public func render(_ report: CheckReport) -> String {
        // Held in memory whole (it is already): the spool never goes to disk, so nothing can fail.
        let stream = CheckReportStream(reporter: self, failOn: report.failOn, spillBytes: .max)
        stream.noteSkipped(report.skipped)
        var output = Data()
        do {
            for file in report.files { try stream.add(file) }
            try stream.finish { output.append($0) }
        } catch {
            preconditionFailure("rendering a report in memory failed: \(error)")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A part of a report streamed file by file.
public enum ReportSection: Sendable, Equatable {
    /// Text as rendered (lines, XML elements).
    case text
    /// The elements of a JSON array that sit at `depth`; its brackets are one level out.
    case jsonArray(depth: Int)
}

/// One file's share of a section, rendered into bytes (spooled to a temporary file when large).
public struct ReportSectionPart: Sendable {
    let spool: Spool
    /// JSON array elements (or separated items) appended, separated by ",\n" (the spool
    /// separates the files' shares).
    private(set) var elements = 0

    public init(spillBytes: Int = 4 << 20) {
        spool = Spool(spillBytes: spillBytes)
    }

    var isEmpty: Bool { spool.isEmpty }

    mutating func append(_ text: String) {
        spool.append(contentsOf: text.utf8)
    }

    mutating func append(_ rendered: [UInt8]) {
        spool.append(contentsOf: rendered)
    }

    /// One item of a list whose items are separated by `separator`.
    mutating func appendItem<Bytes: Sequence>(_ item: Bytes, separator: String) where Bytes.Element == UInt8 {
        if elements > 0 { spool.append(contentsOf: separator.utf8) }
        spool.append(contentsOf: item)
        elements += 1
    }

    /// Everything in `other`, moved to the end of this part.
    mutating func append(contentsOf other: ReportSectionPart) throws {
        try other.spool.drain(into: spool)
    }

    /// One JSON array element, written at `depth` (indent included).
    mutating func element(depth: Int, _ write: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(depth: depth)
        write(&writer)
        appendElement(writer.bytes)
    }

    /// One JSON array element rendered beforehand (a merged report's).
    mutating func appendElement(_ rendered: [UInt8]) {
        appendItem(rendered, separator: ",\n")
    }
}

/// A file's shares of the report's sections, and the reporter's own scratch parts, while the
/// file's findings come in.
public struct FileReportParts: Sendable {
    /// The input as named on the command line.
    public let file: String
    var sections: [ReportSectionPart]
    var scratch: [ReportSectionPart]
    /// How many findings of the file were rendered before the piece being rendered.
    fileprivate(set) var findingsBefore = 0

    init(file: String, sections: Int, scratch: Int) {
        self.file = file
        // One spool each (a repeated value would share one).
        self.sections = (0..<sections).map { _ in ReportSectionPart() }
        self.scratch = (0..<scratch).map { _ in ReportSectionPart() }
    }
}

/// A file's totals, once all of its findings are in.
public struct FileSummary: Sendable, Equatable {
    public let file: String
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var notes = 0
    /// Findings dropped by `--allow`.
    public var allowed = 0
    /// Findings dropped by `--baseline`.
    public var baselined = 0

    public init(file: String) {
        self.file = file
    }

    public var findings: Int { errors + warnings + notes }

    public func count(_ level: CheckLevel) -> Int {
        switch level {
        case .error: return errors
        case .warning: return warnings
        case .note: return notes
        }
    }

    public func fails(at level: CheckLevel) -> Bool {
        CheckLevel.allCases.contains { $0 >= level && count($0) > 0 }
    }

    mutating func add(_ findings: [Finding]) {
        for finding in findings {
            switch finding.level {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }
}

/// One file's share of a report, built a piece at a time on the worker that checks the file:
/// only the piece being rendered is held as findings.
public struct FileReportBuilder: Sendable {
    let reporter: any CheckReporter
    let failOn: CheckLevel
    private var parts: FileReportParts
    private var summary: FileSummary

    public init(reporter: any CheckReporter, failOn: CheckLevel, file: String) {
        self.reporter = reporter
        self.failOn = failOn
        parts = FileReportParts(file: file, sections: reporter.sections.count, scratch: reporter.scratchSections)
        summary = FileSummary(file: file)
    }

    /// The next findings of the file, in text order.
    public mutating func add(_ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        reporter.render(findings, failOn: failOn, into: &parts)
        parts.findingsBefore += findings.count
        summary.add(findings)
    }

    /// The file's share, complete; `allowed` and `baselined` count what the filters dropped.
    public mutating func finish(allowed: Int, baselined: Int) throws -> CheckReportPart {
        summary.allowed = allowed
        summary.baselined = baselined
        try reporter.finish(summary, failOn: failOn, into: &parts)
        return CheckReportPart(file: summary, sections: parts.sections)
    }
}

/// One file's share of a report: what the stream counts, and its rendered sections.
public struct CheckReportPart: Sendable {
    let file: FileSummary
    let sections: [ReportSectionPart]
}
