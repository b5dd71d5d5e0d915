import Foundation

/// `--format json`: one document — tool, version, the failing level and verdict, the
/// summary counts, then a `files` array (one entry a file, with its counts) and a
/// `findings` array (every finding with its position, rule, masked excerpt and fingerprint).
/// A shard's report also says which shard it is (`"shard": {"index", "count", "inputs"}`).
struct JSONReporter: CheckReporter {
    let showValues: Bool

    /// Both arrays are members of the top-level object: their elements sit two levels in.
    static let elementDepth = 2

    var sections: [ReportSection] { [.jsonArray(depth: JSONReporter.elementDepth), .jsonArray(depth: JSONReporter.elementDepth)] }

    /// The file's entry, once its totals are known (its findings are already in the second section).
    func finish(_ file: FileSummary, failOn: CheckLevel, into parts: inout FileReportParts) {
        parts.sections[0].element(depth: JSONReporter.elementDepth) { json in
            json.beginObject()
            json.field("file", file.file)
            json.field("fails", file.fails(at: failOn))
            for level in [CheckLevel.error, .warning, .note] { json.field(level.rawValue, file.count(level)) }
            json.field("allowed", file.allowed)
            json.field("baselined", file.baselined)
            json.endObject()
        }
    }

    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts) {
        for finding in findings {
            parts.sections[1].element(depth: JSONReporter.elementDepth) { json in
                json.beginObject()
                json.field("file", finding.file)
                json.field("line", finding.start.line)
                json.field("column", finding.start.column)
                json.field("endLine", finding.end.line)
                json.field("endColumn", finding.end.column)
                json.field("start", finding.start.offset)
                json.field("end", finding.end.offset)
                json.field("level", finding.level.rawValue)
                json.field("rule", finding.rule)
                json.field("category", finding.category)
                json.field("message", finding.message)
                json.field("excerpt", finding.excerpt(showValues: showValues))
                json.field("fingerprint", finding.fingerprint)
                json.endObject()
            }
        }
    }

    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("tool", "anonymise")
        json.field("version", tally.version)
        json.field("failOn", tally.failOn.rawValue)
        json.field("fails", tally.fails)
        if let scope = tally.shard {
            json.key("shard")
            json.beginObject()
            json.field("index", scope.shard.index)
            json.field("count", scope.shard.count)
            json.field("inputs", scope.inputs)
            json.endObject()
        }
        json.key("summary")
        json.beginObject()
        json.field("files", tally.files)
        json.field("failedFiles", tally.failedFiles)
        json.field("error", tally.count(.error))
        json.field("warning", tally.count(.warning))
        json.field("note", tally.count(.note))
        json.field("allowed", tally.allowed)
        json.field("baselined", tally.baselined)
        json.field("skipped", tally.skippedTotal)
        json.endObject()
        json.key("files")
        try sink(Data(json.take()))
        try section(0)
        json.key("findings")
        try sink(Data(json.take()))
        try section(1)
        json.endObject()
        try sink(Data(json.take() + [UInt8(ascii: "\n")]))
    }
}

// MARK: - Reading back (report merge)

extension JSONReporter {
    /// A JSON report's totals and elements, for `ReportMerge`.
    static func read(_ bytes: [UInt8], name: String) throws -> ReadReport {
        let root = try JSONReporter.parse(bytes, name: name)
        guard root["tool"]?.string == "anonymise", let version = root["version"]?.string,
              let failOn = root["failOn"]?.string.flatMap(CheckLevel.init(rawValue:)), let summary = root["summary"],
              let files = root["files"]?.array, let findings = root["findings"]?.array
        else { throw ReportMerge.notAReport(name) }
        func count(_ key: String) throws -> Int {
            guard let number = summary[key]?.int else { throw ReportMerge.notAReport(name, "no summary.\(key)") }
            return number
        }
        var tally = CheckTally(failOn: failOn)
        tally.version = version
        tally.add(files: try count("files"), failedFiles: try count("failedFiles"),
                  levels: [.error: try count("error"), .warning: try count("warning"), .note: try count("note")],
                  allowed: try count("allowed"), baselined: try count("baselined"))
        tally.shard = try root["shard"].map { try JSONReporter.scope($0, name: name) }
        func element(_ value: CheckJSON) throws -> ReportElement {
            guard let file = value["file"]?.string else { throw ReportMerge.notAReport(name, "an entry without its file") }
            var json = JSONWriter(depth: JSONReporter.elementDepth)
            json.value(value)
            return ReportElement(file: file, bytes: json.bytes)
        }
        return ReadReport(name: name, tally: tally, skipped: try count("skipped"), sections: [try files.map(element), try findings.map(element)])
    }

    /// A report's JSON, or an error naming the file and where it stops being JSON.
    static func parse(_ bytes: [UInt8], name: String) throws -> CheckJSON {
        do { return try CheckJSON.parse(bytes) } catch let failure as CheckJSONParser.Failure {
            throw ReportMerge.notAReport(name, "invalid JSON at byte \(failure.offset)")
        }
    }

    /// `{"index": K, "count": N, "inputs": T}`, as JSON and SARIF reports of a shard say it.
    static func scope(_ value: CheckJSON, name: String) throws -> ShardScope {
        guard let index = value["index"]?.int, let count = value["count"]?.int, let inputs = value["inputs"]?.int,
              let shard = try? Shard(index: index, count: count)
        else { throw ReportMerge.notAReport(name, "a shard without its index, count and inputs") }
        return ShardScope(shard: shard, inputs: inputs)
    }
}
