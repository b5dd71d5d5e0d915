import Foundation

/// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers —
/// one run, its tool with every rule a finding can have, one result a finding (masked
/// snippet, code-point region, a stable fingerprint). A shard's log says which shard it is
/// in the run's property bag (`anonymiseShard`), with its file count and failing level,
/// which SARIF has no place for.
struct SARIFReporter: CheckReporter {
    /// The key of `partialFingerprints` under which each result's stable fingerprint goes.
    static let fingerprintKey = "anonymiseFinding/v1"
    /// The run's property that says which shard a log is.
    static let shardProperty = "anonymiseShard"
    /// Results are elements of `runs[0].results`: four levels in.
    static let elementDepth = 4

    /// The rules, for each result's `ruleIndex`.
    let catalogue: CheckRuleCatalogue
    /// The run's `tool`: the driver with the catalogue's rules.
    let tool: CheckJSON
    let showValues: Bool

    init(catalogue: CheckRuleCatalogue, showValues: Bool) {
        self.catalogue = catalogue
        self.showValues = showValues
        tool = SARIFReporter.tool(catalogue)
    }

    /// A reporter that writes `tool` as read from a log (for merging logs; renders no results).
    init(tool: CheckJSON) {
        catalogue = CheckRuleCatalogue(rules: [])
        showValues = false
        self.tool = tool
    }

    var sections: [ReportSection] { [.jsonArray(depth: SARIFReporter.elementDepth)] }

    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts) {
        for finding in findings {
            parts.sections[0].element(depth: SARIFReporter.elementDepth) { json in result(finding, into: &json) }
        }
    }

    private func result(_ finding: Finding, into json: inout JSONWriter) {
        let excerpt = finding.excerpt(showValues: showValues)
        json.beginObject()
        json.field("ruleId", finding.rule)
        if let index = catalogue.index(of: finding.rule) { json.field("ruleIndex", index) }
        json.field("level", finding.level.rawValue)
        json.key("message")
        json.beginObject()
        json.field("text", "\(finding.message): \(excerpt)")
        json.endObject()
        json.key("locations")
        json.beginArray()
        json.element()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.field("uri", SARIFReporter.uri(for: finding.file))
        if !finding.file.hasPrefix("/") && finding.file != "-" { json.field("uriBaseId", "%SRCROOT%") }
        json.endObject()
        json.key("region")
        json.beginObject()
        json.field("startLine", finding.start.line)
        json.field("startColumn", finding.start.column)
        json.field("endLine", finding.end.line)
        json.field("endColumn", finding.end.column)
        json.field("charOffset", finding.start.offset)
        json.field("charLength", finding.end.offset - finding.start.offset)
        json.key("snippet")
        json.beginObject()
        json.field("text", excerpt)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("partialFingerprints")
        json.beginObject()
        json.field(SARIFReporter.fingerprintKey, finding.fingerprint)
        json.endObject()
        json.endObject()
    }

    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.field("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.element()
        json.beginObject()
        json.field("tool", tool)
        json.field("invocations", .array([.object([("executionSuccessful", .bool(true))])]))
        json.field("columnKind", "unicodeCodePoints")
        json.key("results")
        try sink(Data(json.take()))
        try section(0)
        if let scope = tally.shard {
            json.field("properties", .object([(SARIFReporter.shardProperty, .object([
                ("index", .int(scope.shard.index)), ("count", .int(scope.shard.count)), ("inputs", .int(scope.inputs)),
                ("files", .int(tally.files)), ("failOn", .string(tally.failOn.rawValue)),
            ]))]))
        }
        json.endObject()
        json.endArray()
        json.endObject()
        try sink(Data(json.take() + [UInt8(ascii: "\n")]))
    }

    /// The run's tool: the driver and every rule, with its description, help and level.
    static func tool(_ catalogue: CheckRuleCatalogue) -> CheckJSON {
        let rules: [CheckJSON] = catalogue.rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.pascalName)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.summary))])),
                ("help", .object([("text", .string(rule.help)), ("markdown", .string(rule.help))])),
                ("defaultConfiguration", .object([("level", .string(rule.level.rawValue))])),
                ("properties", .object([
                    ("tags", .array([.string("privacy"), .string(rule.category)])),
                    ("problem.severity", .string(rule.level == .note ? "recommendation" : rule.level.rawValue)),
                ])),
            ])
        }
        return .object([("driver", .object([
            ("name", .string("anonymise")),
            ("fullName", .string("anonymise check: the pre-publish gate for identifying text")),
            ("version", .string(Anonymiser.version)),
            ("semanticVersion", .string(Anonymiser.version)),
            ("rules", .array(rules)),
        ]))])
    }

    /// A file name as a URI reference: relative paths stay relative (to %SRCROOT%),
    /// absolute paths become file: URIs, standard input is "stdin".
    static func uri(for file: String) -> String {
        if file == "-" { return "stdin" }
        var path = file
        while path.hasPrefix("./") { path.removeFirst(2) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

// MARK: - Reading back (report merge)

extension SARIFReporter {
    /// A SARIF log's results and counts, for `ReportMerge`. Its failing level is the one the
    /// shard recorded, else `failOn`, else warning (check's default).
    static func read(_ bytes: [UInt8], name: String, failOn given: CheckLevel?) throws -> ReadReport {
        let root = try JSONReporter.parse(bytes, name: name)
        guard root["version"]?.string == "2.1.0", let runs = root["runs"]?.array, runs.count == 1, let run = runs.first,
              let tool = run["tool"], tool["driver"]?["name"]?.string == "anonymise", let version = tool["driver"]?["version"]?.string,
              let results = run["results"]?.array
        else { throw ReportMerge.notAReport(name) }
        let note = run["properties"]?[SARIFReporter.shardProperty]
        let recorded = note?["failOn"]?.string.flatMap(CheckLevel.init(rawValue:))
        if let given, let recorded, given != recorded {
            throw UsageError("--fail-on \(given.rawValue), but \(name) was checked at --fail-on \(recorded.rawValue)")
        }
        let failOn = recorded ?? given ?? .warning
        var levels: [CheckLevel: Int] = [:]
        var files = Set<String>(), failing = Set<String>()
        let elements = try results.map { result -> ReportElement in
            guard let level = result["level"]?.string.flatMap(CheckLevel.init(rawValue:)),
                  let artifact = result["locations"]?.array?.first?["physicalLocation"]?["artifactLocation"],
                  let uri = artifact["uri"]?.string
            else { throw ReportMerge.notAReport(name, "a result without its level or location") }
            let file = SARIFReporter.file(uri: uri, baseID: artifact["uriBaseId"]?.string)
            levels[level, default: 0] += 1
            files.insert(file)
            if level >= failOn { failing.insert(file) }
            var json = JSONWriter(depth: SARIFReporter.elementDepth)
            json.value(result)
            return ReportElement(file: file, bytes: json.bytes)
        }
        var tally = CheckTally(failOn: failOn)
        tally.version = version
        // A log lists only files with findings; a shard's says how many it checked.
        tally.add(files: note?["files"]?.int ?? files.count, failedFiles: failing.count, levels: levels)
        tally.shard = try note.map { try JSONReporter.scope($0, name: name) }
        return ReadReport(name: name, tally: tally, tool: tool, sections: [elements])
    }

    /// The file a result's URI stands for (what `uri(for:)` made of it, less a leading "./").
    static func file(uri: String, baseID: String?) -> String {
        if baseID == nil && uri == "stdin" { return "-" }
        let path = uri.hasPrefix("file://") ? String(uri.dropFirst("file://".count)) : uri
        return path.removingPercentEncoding ?? path
    }
}
