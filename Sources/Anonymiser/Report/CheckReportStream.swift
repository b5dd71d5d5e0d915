import Foundation

/// A `check` report written while files are still being checked, so that memory stays
/// flat however large the archive: each file's share of the report is rendered as soon as
/// the file is checked and spooled, section by section; `finish` has the reporter write the
/// parts that need the totals (the JSON summary, the JUnit counts, the text summary line)
/// around the spooled sections.
///
/// The bytes are exactly those of `CheckReporter.render(_:)` for the same files.
public final class CheckReportStream {
    public let reporter: any CheckReporter
    public private(set) var tally: CheckTally
    private let sections: [SpooledSection]

    /// `spillBytes`: how much of each section is held in memory before it goes to a temporary file.
    public init(reporter: any CheckReporter, failOn: CheckLevel, spillBytes: Int = 4 << 20) {
        self.reporter = reporter
        sections = reporter.sections.map { SpooledSection($0, spillBytes: spillBytes) }
        tally = CheckTally(failOn: failOn)
    }

    /// Records what the walk of the input folders left out (said in the summary).
    public func noteSkipped(_ skipped: SkippedInputs) {
        tally.skipped = skipped
    }

    /// Records which shard of how many inputs the report covers (said in the summary and the report).
    public func noteShard(_ scope: ShardScope?) {
        tally.shard = scope
    }

    /// Adds one checked file, in report order.
    public func add(_ file: FileCheck) throws {
        try add(reporter.part(for: file, failOn: tally.failOn))
    }

    /// Adds one file's share rendered beforehand (on any thread, by `CheckReporter.part`), in report order.
    public func add(_ part: CheckReportPart) throws {
        tally.add(part.file)
        for (section, share) in zip(sections, part.sections) { try section.append(share) }
    }

    /// Writes the whole report to `sink`, in order, a part at a time.
    public func finish(into sink: (Data) throws -> Void) throws {
        try reporter.write(tally, into: sink) { try sections[$0].drain(into: sink) }
    }

    /// A merged report: the totals read from its parts, and each section's elements in order.
    static func write(
        _ tally: CheckTally, sections shares: [ReportSectionPart], reporter: any CheckReporter, into sink: (Data) throws -> Void
    ) throws {
        let sections = try zip(reporter.sections, shares).map { kind, share -> SpooledSection in
            let section = SpooledSection(kind, spillBytes: .max)  // in memory: the merge holds it already
            try section.append(share)
            return section
        }
        try reporter.write(tally, into: sink) { try sections[$0].drain(into: sink) }
    }
}

/// One section of a report, appended file by file and read back once (see `Spool`).
final class SpooledSection {
    let kind: ReportSection
    private let spool: Spool
    /// JSON array elements appended so far (for separators).
    private var elements = 0

    init(_ kind: ReportSection, spillBytes: Int = 4 << 20) {
        self.kind = kind
        spool = Spool(spillBytes: spillBytes)
    }

    func append(_ share: ReportSectionPart) throws {
        if case .jsonArray = kind {
            guard share.elements > 0 else { return }
            if elements > 0 { spool.append(contentsOf: ",\n".utf8) }
            elements += share.elements
        }
        try share.spool.drain(into: spool)
    }

    /// Everything appended, in order, a chunk at a time (a JSON array in its brackets); the
    /// spool is empty afterwards.
    func drain(into sink: (Data) throws -> Void) throws {
        guard case let .jsonArray(depth) = kind else { return try spool.drain(into: sink) }
        guard elements > 0 else { return try sink(Data("[]".utf8)) }
        try sink(Data("[\n".utf8))
        try spool.drain(into: sink)
        try sink(Data(("\n" + String(repeating: "  ", count: depth - 1) + "]").utf8))
    }
}
