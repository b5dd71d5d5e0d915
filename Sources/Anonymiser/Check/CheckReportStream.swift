import Foundation

/// A `check` report written while files are still being checked, so that memory stays
/// flat however large the archive: each file's findings are rendered as soon as it is
/// checked and spooled; `finish` writes the parts that need the totals (the JSON summary,
/// the JUnit counts, the text summary line) around the spooled ones.
///
/// The bytes are exactly those of `CheckReporter.render(_:)` for the same files.
public final class CheckReportStream {
    public let reporter: CheckReporter
    public let catalogue: CheckRuleCatalogue
    public private(set) var tally: CheckTally
    /// Text and GitHub lines, JSON `files`, SARIF `results`, JUnit test cases.
    private let first: SpooledText
    /// JSON `findings`.
    private let second: SpooledText

    /// Stands for a streamed array while the document around it is rendered.
    private static let hole = "\u{1}streamed\u{1}"

    /// `spillBytes`: how much of the report is held in memory before it goes to a temporary file.
    public init(reporter: CheckReporter, failOn: CheckLevel, catalogue: CheckRuleCatalogue, spillBytes: Int = 4 << 20) {
        first = SpooledText(spillBytes: spillBytes)
        second = SpooledText(spillBytes: spillBytes)
        self.reporter = reporter
        self.catalogue = catalogue
        tally = CheckTally(failOn: failOn)
    }

    /// Records what the walk of the input folders left out (said in the summary).
    public func noteSkipped(_ skipped: SkippedInputs) {
        tally.skipped = skipped
    }

    /// Adds one checked file, in report order.
    public func add(_ file: FileCheck) throws {
        try add(CheckReportStream.render(file, reporter: reporter, failOn: tally.failOn, catalogue: catalogue))
    }

    /// Adds one file rendered beforehand (on any thread, by `render`), in report order.
    public func add(_ part: RenderedFile) throws {
        tally.add(part.file)
        switch reporter.format {
        case .text, .github, .junit:
            for piece in part.first { try first.append(piece) }
        case .json, .sarif:
            for element in part.first { try first.appendElement(element) }
            for element in part.second { try second.appendElement(element) }
        }
    }

    /// One file's part of the report, rendered and ready to be added.
    public struct RenderedFile: Sendable {
        let file: FileCheck
        /// Text lines, JSON `files` elements, SARIF results, a JUnit test case.
        let first: [String]
        /// JSON `findings` elements.
        let second: [String]
    }

    /// Renders one file's part: pure, so workers can do it in parallel.
    public static func render(
        _ file: FileCheck, reporter: CheckReporter, failOn: CheckLevel, catalogue: CheckRuleCatalogue
    ) -> RenderedFile {
        func element(_ value: CheckJSON, indent: Int) -> String {
            String(repeating: "  ", count: indent) + value.rendered(indent: indent)
        }
        switch reporter.format {
        case .text:
            return RenderedFile(file: file, first: file.findings.map { reporter.line($0) + "\n" }, second: [])
        case .github:
            return RenderedFile(file: file, first: file.findings.map(reporter.githubCommand), second: [])
        case .junit:
            return RenderedFile(file: file, first: [reporter.junitTestCase(file, failOn: failOn)], second: [])
        case .json:
            return RenderedFile(
                file: file, first: [element(reporter.jsonFile(file, failOn: failOn), indent: 2)],
                second: file.findings.map { element(reporter.jsonFinding($0), indent: 2) })
        case .sarif:
            return RenderedFile(
                file: file, first: file.findings.map { element(reporter.sarifResult($0, catalogue: catalogue), indent: 4) }, second: [])
        }
    }

    /// Writes the whole report to `sink`, in order, a part at a time.
    public func finish(into sink: (Data) throws -> Void) throws {
        func write(_ text: String) throws { try sink(Data(text.utf8)) }
        let hole = CheckJSON.array([.string(CheckReportStream.hole)])
        switch reporter.format {
        case .text:
            try first.drain(into: sink)
            try write(tally.summary + "\n")
        case .github:
            try first.drain(into: sink)
        case .json:
            let rendered = reporter.jsonDocument(tally, files: hole, findings: hole).rendered()
            let (head, rest) = CheckReportStream.split(rendered)
            let (middle, tail) = CheckReportStream.split(rest)
            try write(head)
            try first.drainArray(indent: 2, into: sink)
            try write(middle)
            try second.drainArray(indent: 2, into: sink)
            try write(tail + "\n")
        case .sarif:
            let (head, tail) = CheckReportStream.split(reporter.sarifDocument(catalogue: catalogue, results: hole).rendered())
            try write(head)
            try first.drainArray(indent: 4, into: sink)
            try write(tail + "\n")
        case .junit:
            try write(reporter.junitHead(tally))
            try first.drain(into: sink)
            try write(CheckReporter.junitTail)
        }
    }

    /// The text before the first streamed array's "[" and after its "]".
    private static func split(_ rendered: String) -> (before: String, after: String) {
        let marker = JSONLine.quote(hole)
        guard let found = rendered.range(of: marker),
              let open = rendered[..<found.lowerBound].lastIndex(of: "["),
              let close = rendered[found.upperBound...].firstIndex(of: "]")
        else { preconditionFailure("the report template lost its streamed array") }
        return (String(rendered[..<open]), String(rendered[rendered.index(after: close)...]))
    }
}

/// Text appended piece by piece and read back once: in memory while small, then in an
/// owner-only temporary file, so a report of any size costs the same memory. The file is
/// unlinked as soon as it is created: nothing is left behind, even when the run is killed.
final class SpooledText {
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    /// Array elements appended so far (for separators).
    private(set) var elements = 0
    private let spillBytes: Int

    init(spillBytes: Int = 4 << 20) {
        self.spillBytes = spillBytes
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= spillBytes { try spill() }
    }

    /// One element of a JSON array, already rendered at its indent, after a separator if needed.
    func appendElement(_ rendered: String) throws {
        try append((elements > 0 ? ",\n" : "") + rendered)
        elements += 1
    }

    /// The spooled elements as a JSON array whose elements sit at `indent`.
    func drainArray(indent: Int, into sink: (Data) throws -> Void) throws {
        guard elements > 0 else { return try sink(Data("[]".utf8)) }
        try sink(Data("[\n".utf8))
        try drain(into: sink)
        try sink(Data(("\n" + String(repeating: "  ", count: indent - 1) + "]").utf8))
    }

    /// Everything appended, in order, a chunk at a time; the spool is empty afterwards.
    func drain(into sink: (Data) throws -> Void) throws {
        if descriptor >= 0 {
            try spill()
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw SpooledText.failure("cannot be read back") }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { throw SpooledText.failure("cannot be read back") }
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
            guard descriptor >= 0 else { throw SpooledText.failure("cannot be created (\(String(cString: strerror(errno))))") }
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
        guard written else { throw SpooledText.failure("cannot be written (\(String(cString: strerror(errno))))") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// An error naming the spool's folder: a full or unwritable temporary folder is an input
    /// problem of the run (exit 2), not a finding.
    private static func failure(_ problem: String) -> InputError {
        InputError(path: FileManager.default.temporaryDirectory.path + " (the report's temporary spool, $TMPDIR)", problem: problem)
    }
}
