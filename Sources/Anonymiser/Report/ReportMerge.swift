import Foundation

/// `anonymise report merge`: the reports of `check --shard K/N` jobs (or of any checks of
/// different files) as one report, byte for byte the one a single `check` of all the inputs
/// would have written when they come from one folder: the same format, its totals added
/// up, its files and findings in path order (the order of a folder's walk).
///
/// Refused (an `InputError`, exit 2), so that a merged report never silently covers less
/// than it claims: a file that is not a JSON, SARIF or JUnit report of `check`; reports of
/// different formats, versions, rules or failing levels; shards of different splits or
/// inputs, a shard missing or given twice, a mix of shards and whole runs; a file reported
/// by two reports.
public struct ReportMerge: Sendable {
    /// The format the reports must have (`--format`); nil takes that of the first.
    public let format: CheckFormat?
    /// The failing level of SARIF logs that do not record one (`--fail-on`).
    public let failOn: CheckLevel?

    public init(format: CheckFormat? = nil, failOn: CheckLevel? = nil) throws {
        if let format, !ReportMerge.formats.contains(format) {
            throw UsageError("--format must be one of \(ReportMerge.formats.map(\.rawValue).joined(separator: ", ")) (reports that merge), not \(format.rawValue)")
        }
        self.format = format
        self.failOn = failOn
    }

    /// The formats whose reports merge.
    public static let formats: [CheckFormat] = [.json, .sarif, .junit]

    /// Reads and merges report files. `writing`: what the run will write, refused if it is one of them.
    public func merge(files: [String], writing outputs: [String] = []) throws -> MergedReport {
        let identities = Set(files.compactMap { FileIdentity(URL(fileURLWithPath: $0)) })
        for output in outputs where output != "-" {
            if let identity = FileIdentity(URL(fileURLWithPath: output)), identities.contains(identity) {
                throw InputError(path: output, problem: "is a report being merged; refusing to overwrite it")
            }
        }
        return try merge(files.map { name in
            guard let data = FileManager.default.contents(atPath: name) else {
                throw InputError(path: name, problem: FileManager.default.fileExists(atPath: name) ? "cannot be read" : "no such file or directory")
            }
            return (name, [UInt8](data))
        })
    }

    /// Merges reports, each given with the name it is known by (for messages).
    public func merge(_ reports: [(name: String, bytes: [UInt8])]) throws -> MergedReport {
        guard let first = reports.first else { throw UsageError("report merge needs at least one report") }
        let format = try self.format ?? ReportMerge.format(of: first.bytes, name: first.name)
        let read = try reports.map { report -> ReadReport in
            let found = try ReportMerge.format(of: report.bytes, name: report.name)
            guard found == format else {
                throw InputError(path: report.name, problem: "is a \(found.rawValue) report; cannot merge it with \(format.rawValue) reports")
            }
            switch format {
            case .json: return try JSONReporter.read(report.bytes, name: report.name)
            case .sarif: return try SARIFReporter.read(report.bytes, name: report.name, failOn: failOn)
            default: return try JUnitReporter.read(report.bytes, name: report.name)
            }
        }
        if failOn != nil && format != .sarif {
            throw UsageError("--fail-on is for SARIF logs: \(format.rawValue) reports say which findings fail at the level check ran with")
        }
        return try MergedReport(format: format, reports: read)
    }

    /// What a report's first bytes say it is.
    static func format(of bytes: [UInt8], name: String) throws -> CheckFormat {
        let start = bytes.firstIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        if let start, bytes[start...].starts(with: Array("<?xml".utf8)) { return .junit }
        if let start, bytes[start] == UInt8(ascii: "{") {
            let head = String(decoding: bytes[start..<min(bytes.count, start + 200)], as: UTF8.self)
            if head.contains("\"$schema\"") && head.contains("sarif") { return .sarif }
            if head.contains("\"tool\": \"anonymise\"") { return .json }
        }
        throw ReportMerge.notAReport(name)
    }

    static func notAReport(_ name: String, _ detail: String? = nil) -> InputError {
        InputError(path: name, problem: "is not a JSON, SARIF or JUnit report of anonymise check" + (detail.map { " (\($0))" } ?? ""))
    }
}

/// A report read back for merging: its totals, and each section's elements with the file
/// each belongs to, rendered as the section holds them.
struct ReadReport {
    let name: String
    var tally: CheckTally
    /// Inputs the walk left out: the same for every shard of one run.
    var skipped = 0
    /// SARIF's `tool` (the driver and its rules), which must be the same in every log.
    var tool: CheckJSON?
    var sections: [[ReportElement]]
}

struct ReportElement {
    /// The input the element belongs to, as the report names it.
    let file: String
    let bytes: [UInt8]
}

/// Reports merged into one, ready to be written.
public struct MergedReport {
    public let format: CheckFormat
    public private(set) var tally: CheckTally
    /// How many reports were merged, and into how many shards the run was split: "3 reports (3 shards)".
    public let description: String
    private let reporter: any CheckReporter
    private let sections: [ReportSectionPart]

    init(format: CheckFormat, reports: [ReadReport]) throws {
        self.format = format
        let first = reports[0]
        for report in reports.dropFirst() {
            if report.tally.failOn != first.tally.failOn {
                throw InputError(path: report.name, problem: "was checked at --fail-on \(report.tally.failOn.rawValue), "
                    + "\(first.name) at --fail-on \(first.tally.failOn.rawValue): cannot merge them")
            }
            if report.tally.version != first.tally.version || report.tool != first.tool {
                throw InputError(path: report.name, problem: "was written by another version of anonymise or with other rules than \(first.name): cannot merge them")
            }
        }
        let shards = try MergedReport.checkShards(reports)
        var tally = CheckTally(failOn: first.tally.failOn)
        tally.version = first.tally.version
        for report in reports { tally.add(report.tally) }
        // Every shard walked the same inputs: what they left out is counted once.
        tally.skippedElsewhere = shards == nil ? reports.reduce(0) { $0 + $1.skipped } : first.skipped
        self.tally = tally
        description = "\(reports.count) report\(reports.count == 1 ? "" : "s")" + (shards.map { " (\($0) shards)" } ?? "")
        switch format {
        case .json: reporter = JSONReporter(showValues: false)
        case .sarif: reporter = SARIFReporter(tool: first.tool ?? .null)
        default: reporter = JUnitReporter(showValues: false)
        }
        sections = try MergedReport.mergeSections(reports, kinds: reporter.sections)
    }

    /// True when a finding of the merged report is at or above its failing level.
    public var fails: Bool { tally.fails }

    /// Writes the merged report.
    public func write(into sink: (Data) throws -> Void) throws {
        try CheckReportStream.write(tally, sections: sections, reporter: reporter, into: sink)
    }

    /// Shards must be all or none; one split (N), the same inputs, every part once, and
    /// between them every input. Returns N, or nil for reports of whole runs.
    private static func checkShards(_ reports: [ReadReport]) throws -> Int? {
        let scopes = reports.map(\.tally.shard)
        guard let firstScope = scopes.compactMap({ $0 }).first else { return nil }
        var seen: [Int: String] = [:]
        for (report, scope) in zip(reports, scopes) {
            guard let scope else {
                throw InputError(path: report.name, problem: "is the report of a whole run, the others are shards (check --shard): cannot merge them")
            }
            guard scope.shard.count == firstScope.shard.count, scope.inputs == firstScope.inputs else {
                throw InputError(path: report.name, problem: "is shard \(scope.shard) of \(scope.inputs) inputs, \(reports[0].name) shard \(firstScope.shard) "
                    + "of \(firstScope.inputs): not parts of one run")
            }
            if let other = seen[scope.shard.index] {
                throw InputError(path: report.name, problem: "is shard \(scope.shard), like \(other)")
            }
            seen[scope.shard.index] = report.name
        }
        let count = firstScope.shard.count
        if let missing = (1...count).first(where: { seen[$0] == nil }) {
            throw InputError(path: reports[0].name, problem: "shard \(missing)/\(count) is missing: give the reports of all \(count) shards")
        }
        let files = reports.reduce(0) { $0 + $1.tally.files }
        guard files == firstScope.inputs else {
            throw InputError(path: reports[0].name, problem: "the shards checked \(files) files between them, not the \(firstScope.inputs) inputs of the run: were they run on the same files?")
        }
        return count
    }

    /// Each section's elements from every report, in path order (stable: a file's
    /// elements keep their order); a file may come from one report only.
    private static func mergeSections(_ reports: [ReadReport], kinds: [ReportSection]) throws -> [ReportSectionPart] {
        var owner: [String: Int] = [:]
        for (index, report) in reports.enumerated() {
            for element in report.sections.joined() {
                if let other = owner[element.file], other != index {
                    throw InputError(path: report.name, problem: "reports \(element.file), which \(reports[other].name) reports too: "
                        + "merge reports of different files (the shards of one run)")
                }
                owner[element.file] = index
            }
        }
        return kinds.indices.map { section in
            let elements = reports.enumerated().flatMap { index, report in
                report.sections[section].enumerated().map { (file: $0.element.file, report: index, position: $0.offset, bytes: $0.element.bytes) }
            }.sorted { ($0.file, $0.report, $0.position) < ($1.file, $1.report, $1.position) }
            var part = ReportSectionPart()
            for element in elements {
                if case .jsonArray = kinds[section] { part.appendElement(element.bytes) } else { part.append(element.bytes) }
            }
            return part
        }
    }
}
