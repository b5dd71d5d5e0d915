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

/// One section of a report, appended file by file and read back once: in memory while
/// small, then in an owner-only temporary file, so a report of any size costs the same
/// memory. The file is unlinked as soon as it is created: nothing is left behind, even
/// when the run is killed.
final class SpooledSection {
    let kind: ReportSection
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    /// JSON array elements appended so far (for separators).
    private var elements = 0
    private let spillBytes: Int

    init(_ kind: ReportSection, spillBytes: Int = 4 << 20) {
        self.kind = kind
        self.spillBytes = spillBytes
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ share: ReportSectionPart) throws {
        if case .jsonArray = kind {
            guard share.elements > 0 else { return }
            if elements > 0 { buffer.append(contentsOf: ",\n".utf8) }
            elements += share.elements
        }
        buffer.append(contentsOf: share.bytes)
        if buffer.count >= spillBytes { try spill() }
    }

    /// Everything appended, in order, a chunk at a time (a JSON array in its brackets); the
    /// spool is empty afterwards.
    func drain(into sink: (Data) throws -> Void) throws {
        guard case let .jsonArray(depth) = kind else { return try drainContent(into: sink) }
        guard elements > 0 else { return try sink(Data("[]".utf8)) }
        try sink(Data("[\n".utf8))
        try drainContent(into: sink)
        try sink(Data(("\n" + String(repeating: "  ", count: depth - 1) + "]").utf8))
    }

    private func drainContent(into sink: (Data) throws -> Void) throws {
        if descriptor >= 0 {
            try spill()
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw SpooledSection.failure("cannot be read back") }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { throw SpooledSection.failure("cannot be read back") }
                if count == 0 { break }
                try sink(Data(chunk[0..<count]))
            }
            _ = ftruncate(descriptor, 0)
            _ = lseek(descriptor, 0, SEEK_SET)
        } else if !buffer.isEmpty {
            try sink(Data(buffer))
        }
        buffer = []
    }

    private func spill() throws {
        if descriptor < 0 {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("anonymise-report.\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8))").path
            // Findings quote the text they point at: the spool is owner-only, like the audit.
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { throw SpooledSection.failure("cannot be created (\(String(cString: strerror(errno))))") }
            unlink(path)
        }
        let written = buffer.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard written else { throw SpooledSection.failure("cannot be written (\(String(cString: strerror(errno))))") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// An error naming the spool's folder: a full or unwritable temporary folder is an input
    /// problem of the run (exit 2), not a finding.
    private static func failure(_ problem: String) -> InputError {
        InputError(path: FileManager.default.temporaryDirectory.path + " (the report's temporary spool, $TMPDIR)", problem: problem)
    }
}
