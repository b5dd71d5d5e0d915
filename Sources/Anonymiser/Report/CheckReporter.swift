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
/// large the archive: each file's share of the report's sections is rendered as soon as the
/// file is checked (on the worker that checked it) and spooled (`CheckReportStream`); once
/// every file is in, `write` produces the parts that need the totals and puts each spooled
/// section in its place.
public protocol CheckReporter: Sendable {
    /// The parts of the report streamed file by file, in the order they appear.
    var sections: [ReportSection] { get }

    /// One checked file's share of each section (`parts[i]` belongs to `sections[i]`).
    /// Pure, so it can run on any thread.
    func render(_ file: FileCheck, failOn: CheckLevel, into parts: inout [ReportSectionPart])

    /// The whole report into `sink`, in order: what needs the totals, with `section(i)`
    /// called where section i belongs (it writes the spooled section into the same sink).
    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws

    /// Whether the summary line is part of the report (text) or belongs on standard error.
    var includesSummary: Bool { get }
}

extension CheckReporter {
    public var includesSummary: Bool { false }

    /// One file's share of the report, ready for `CheckReportStream.add(_:)`.
    public func part(for file: FileCheck, failOn: CheckLevel) -> CheckReportPart {
        var parts = [ReportSectionPart](repeating: ReportSectionPart(), count: sections.count)
        render(file, failOn: failOn, into: &parts)
        return CheckReportPart(file: file, sections: parts)
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

/// One file's share of a section, rendered into bytes.
public struct ReportSectionPart: Sendable {
    private(set) var bytes: [UInt8] = []
    /// JSON array elements in `bytes`, separated by ",\n" (the spool separates the files' shares).
    private(set) var elements = 0

    public init() {}

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ rendered: [UInt8]) {
        bytes.append(contentsOf: rendered)
    }

    /// One JSON array element, written at `depth` (indent included).
    mutating func element(depth: Int, _ write: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(depth: depth)
        write(&writer)
        appendElement(writer.bytes)
    }

    /// One JSON array element rendered beforehand (a merged report's).
    mutating func appendElement(_ rendered: [UInt8]) {
        if elements > 0 { bytes.append(contentsOf: ",\n".utf8) }
        bytes.append(contentsOf: rendered)
        elements += 1
    }
}

/// One file's share of a report: what the stream counts, and its rendered sections.
public struct CheckReportPart: Sendable {
    let file: FileCheck
    let sections: [ReportSectionPart]
}
