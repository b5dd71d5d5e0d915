import Foundation

/// The output formats of `anonymise check --format`.
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
}

/// Renders a report. Matched text is masked unless `showValues`.
public struct CheckReporter: Sendable {
    public let format: CheckFormat
    public let showValues: Bool

    public init(format: CheckFormat, showValues: Bool = false) {
        self.format = format
        self.showValues = showValues
    }

    /// The whole report as one string (for small runs and tests; `CheckReportStream`
    /// writes the same bytes for a run of any size).
    public func render(_ report: CheckReport) -> String {
        // Held in memory whole (it is already): the spool never goes to disk, so nothing can fail.
        let stream = CheckReportStream(reporter: self, failOn: report.failOn, catalogue: report.catalogue, spillBytes: .max)
        var output = Data()
        do {
            for file in report.files { try stream.add(file) }
            try stream.finish { output.append($0) }
        } catch {
            preconditionFailure("rendering a report in memory failed: \(error)")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the summary line is part of the output (text) or belongs on standard error.
    public var includesSummary: Bool { format == .text }

    // MARK: - text

    func line(_ finding: Finding) -> String {
        "\(finding.file):\(finding.start.line):\(finding.start.column): \(finding.level.rawValue): \(finding.rule): "
            + "\(finding.message) — \(finding.excerpt(showValues: showValues))"
    }

    // MARK: - json

    func jsonFile(_ file: FileCheck, failOn: CheckLevel) -> CheckJSON {
        .object([
            ("file", .string(file.file)), ("fails", .bool(file.fails(at: failOn))),
            ("error", .int(file.findings.filter { $0.level == .error }.count)),
            ("warning", .int(file.findings.filter { $0.level == .warning }.count)),
            ("note", .int(file.findings.filter { $0.level == .note }.count)),
            ("allowed", .int(file.allowed)), ("baselined", .int(file.baselined)),
        ])
    }

    func jsonFinding(_ finding: Finding) -> CheckJSON {
        .object([
            ("file", .string(finding.file)), ("line", .int(finding.start.line)), ("column", .int(finding.start.column)),
            ("endLine", .int(finding.end.line)), ("endColumn", .int(finding.end.column)),
            ("start", .int(finding.start.offset)), ("end", .int(finding.end.offset)),
            ("level", .string(finding.level.rawValue)), ("rule", .string(finding.rule)),
            ("category", .string(finding.category)), ("message", .string(finding.message)),
            ("excerpt", .string(finding.excerpt(showValues: showValues))), ("fingerprint", .string(finding.fingerprint)),
        ])
    }

    /// The JSON document around its two streamed arrays.
    func jsonDocument(_ tally: CheckTally, files: CheckJSON, findings: CheckJSON) -> CheckJSON {
        .object([
            ("tool", .string("anonymise")), ("version", .string(Anonymiser.version)),
            ("failOn", .string(tally.failOn.rawValue)), ("fails", .bool(tally.fails)),
            ("summary", .object([
                ("files", .int(tally.files)), ("failedFiles", .int(tally.failedFiles)),
                ("error", .int(tally.count(.error))), ("warning", .int(tally.count(.warning))),
                ("note", .int(tally.count(.note))), ("allowed", .int(tally.allowed)), ("baselined", .int(tally.baselined)),
                ("skipped", .int(tally.skipped.total)),
            ])),
            ("files", files),
            ("findings", findings),
        ])
    }

    // MARK: - SARIF 2.1.0

    /// The key of `partialFingerprints` under which each result's stable fingerprint goes.
    public static let sarifFingerprintKey = "anonymiseFinding/v1"

    func sarifResult(_ finding: Finding, catalogue: CheckRuleCatalogue) -> CheckJSON {
        var artifact: [(String, CheckJSON)] = [("uri", .string(CheckReporter.uri(for: finding.file)))]
        if !finding.file.hasPrefix("/") && finding.file != "-" { artifact.append(("uriBaseId", .string("%SRCROOT%"))) }
        var result: [(String, CheckJSON)] = [("ruleId", .string(finding.rule))]
        if let index = catalogue.index(of: finding.rule) { result.append(("ruleIndex", .int(index))) }
        result += [
            ("level", .string(finding.level.rawValue)),
            ("message", .object([("text", .string("\(finding.message): \(finding.excerpt(showValues: showValues))"))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object(artifact)),
                ("region", .object([
                    ("startLine", .int(finding.start.line)), ("startColumn", .int(finding.start.column)),
                    ("endLine", .int(finding.end.line)), ("endColumn", .int(finding.end.column)),
                    ("charOffset", .int(finding.start.offset)), ("charLength", .int(finding.end.offset - finding.start.offset)),
                    ("snippet", .object([("text", .string(finding.excerpt(showValues: showValues)))])),
                ])),
            ]))])])),
            ("partialFingerprints", .object([(CheckReporter.sarifFingerprintKey, .string(finding.fingerprint))])),
        ]
        return .object(result)
    }

    /// The SARIF log around its streamed `results` array.
    func sarifDocument(catalogue: CheckRuleCatalogue, results: CheckJSON) -> CheckJSON {
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
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("anonymise")),
                    ("fullName", .string("anonymise check: the pre-publish gate for identifying text")),
                    ("version", .string(Anonymiser.version)),
                    ("semanticVersion", .string(Anonymiser.version)),
                    ("rules", .array(rules)),
                ]))])),
                ("invocations", .array([.object([("executionSuccessful", .bool(true))])])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", results),
            ])])),
        ])
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

    // MARK: - JUnit

    func junitHead(_ tally: CheckTally) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"anonymise check\" tests=\"\(tally.files)\" failures=\"\(tally.failedFiles)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"anonymise check\" tests=\"\(tally.files)\" failures=\"\(tally.failedFiles)\" errors=\"0\" skipped=\"0\">\n"
        return xml
    }

    static let junitTail = "  </testsuite>\n</testsuites>\n"

    func junitTestCase(_ file: FileCheck, failOn: CheckLevel) -> String {
        let name = CheckReporter.xmlEscape(file.file)
        let failing = file.findings.filter { $0.level >= failOn }
        let other = file.findings.filter { $0.level < failOn }
        var xml = "    <testcase classname=\"anonymise.check\" name=\"\(name)\" file=\"\(name)\""
        if failing.isEmpty && other.isEmpty { return xml + "/>\n" }
        xml += ">\n"
        for finding in failing {
            let message = "\(finding.level.rawValue): \(finding.rule): \(finding.message) — \(finding.excerpt(showValues: showValues))"
            xml += "      <failure type=\"\(CheckReporter.xmlEscape(finding.rule))\" message=\"\(CheckReporter.xmlEscape(message))\">"
                + CheckReporter.xmlEscape(line(finding)) + "</failure>\n"
        }
        if !other.isEmpty {
            xml += "      <system-out>" + CheckReporter.xmlEscape(other.map(line).joined(separator: "\n")) + "</system-out>\n"
        }
        return xml + "    </testcase>\n"
    }

    static func xmlEscape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue  // not allowed in XML 1.0
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - GitHub workflow commands

    func githubCommand(_ finding: Finding) -> String {
        let command: String
        switch finding.level {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let properties = [
            "file=" + CheckReporter.githubProperty(finding.file), "line=\(finding.start.line)", "col=\(finding.start.column)",
            "endLine=\(finding.end.line)", "endColumn=\(finding.end.column)",
            "title=" + CheckReporter.githubProperty("anonymise " + finding.rule),
        ]
        return "::\(command) \(properties.joined(separator: ","))::"
            + CheckReporter.githubData("\(finding.message) — \(finding.excerpt(showValues: showValues))") + "\n"
    }

    static func githubData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func githubProperty(_ text: String) -> String {
        githubData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
