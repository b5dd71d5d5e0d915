import Foundation

/// `--format junit`: JUnit XML for CI test views — one test case a file, one `<failure>` a
/// finding at or above the failing level, the other findings in `<system-out>`. Every
/// element is written on one line of its own (line breaks inside values are escaped), which
/// is what lets `report merge` take test cases out of shards' reports whole. A shard's
/// report says which shard it is in the suite's `<properties>`.
struct JUnitReporter: CheckReporter {
    let showValues: Bool

    static let suiteName = "anonymise check"
    /// The properties that say which shard a report is.
    static let shardProperty = "anonymise.shard"
    static let inputsProperty = "anonymise.inputs"
    static let failOnProperty = "anonymise.failOn"

    var sections: [ReportSection] { [.text] }
    /// The findings below the failing level, kept for the test case's `<system-out>`, which
    /// follows its failures.
    var scratchSections: Int { 1 }

    private func testCase(_ file: String) -> String {
        let name = XMLText.escape(file)
        return "    <testcase classname=\"anonymise.check\" name=\"\(name)\" file=\"\(name)\""
    }

    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts) {
        guard !findings.isEmpty else { return }
        if parts.findingsBefore == 0 { parts.sections[0].append(testCase(parts.file) + ">\n") }
        for finding in findings {
            let line = TextReporter.line(finding, showValues: showValues)
            guard finding.level >= failOn else {
                // One line of output per finding: an escaped line break between them.
                parts.scratch[0].appendItem(XMLText.escape(line).utf8, separator: XMLText.escape("\n"))
                continue
            }
            let message = "\(finding.level.rawValue): \(finding.rule): \(finding.message) — \(finding.excerpt(showValues: showValues))"
            parts.sections[0].append("      <failure type=\"\(XMLText.escape(finding.rule))\" message=\"\(XMLText.escape(message))\">"
                + XMLText.escape(line) + "</failure>\n")
        }
    }

    func finish(_ file: FileSummary, failOn: CheckLevel, into parts: inout FileReportParts) throws {
        guard file.findings > 0 else { return parts.sections[0].append(testCase(file.file) + "/>\n") }
        if !parts.scratch[0].isEmpty {
            parts.sections[0].append("      <system-out>")
            try parts.sections[0].append(contentsOf: parts.scratch[0])
            parts.sections[0].append("</system-out>\n")
        }
        parts.sections[0].append("    </testcase>\n")
    }

    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = "tests=\"\(tally.files)\" failures=\"\(tally.failedFiles)\" errors=\"0\""
        xml += "<testsuites name=\"\(JUnitReporter.suiteName)\" \(counts)>\n"
        xml += "  <testsuite name=\"\(JUnitReporter.suiteName)\" \(counts) skipped=\"0\">\n"
        if let scope = tally.shard {
            xml += "    <properties>\n"
            xml += "      <property name=\"\(JUnitReporter.shardProperty)\" value=\"\(scope.shard)\"/>\n"
            xml += "      <property name=\"\(JUnitReporter.inputsProperty)\" value=\"\(scope.inputs)\"/>\n"
            xml += "      <property name=\"\(JUnitReporter.failOnProperty)\" value=\"\(tally.failOn.rawValue)\"/>\n"
            xml += "    </properties>\n"
        }
        try sink(Data(xml.utf8))
        try section(0)
        try sink(Data("  </testsuite>\n</testsuites>\n".utf8))
    }
}

// MARK: - Reading back (report merge)

extension JUnitReporter {
    /// A JUnit report's test cases, taken whole, for `ReportMerge`: the lines this reporter
    /// writes, one element a line, and nothing else.
    static func read(_ bytes: [UInt8], name: String) throws -> ReadReport {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ReportMerge.notAReport(name, "not UTF-8") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        func next(_ prefix: String) throws -> Substring {
            guard let line = lines.first, line.hasPrefix(prefix) else {
                throw ReportMerge.notAReport(name, "expected \(prefix.trimmingCharacters(in: .whitespaces)) at line \(lines.startIndex + 1)")
            }
            lines.removeFirst()
            return line
        }
        _ = try next("<?xml ")
        _ = try next("<testsuites name=\"\(suiteName)\" ")
        let suite = try next("  <testsuite name=\"\(suiteName)\" ")
        guard attribute("skipped", in: suite) != nil else { throw ReportMerge.notAReport(name) }
        var properties: [String: String] = [:]
        if lines.first == "    <properties>" {
            lines.removeFirst()
            while let line = lines.first, line.hasPrefix("      <property ") {
                lines.removeFirst()
                if let key = attribute("name", in: line), let value = attribute("value", in: line) { properties[key] = value }
            }
            _ = try next("    </properties>")
        }
        var elements: [ReportElement] = []
        var levels: [CheckLevel: Int] = [:]
        var failedFiles = 0
        while let line = lines.first, line.hasPrefix("    <testcase ") {
            lines.removeFirst()
            guard let file = attribute("name", in: line) else { throw ReportMerge.notAReport(name, "a test case without its name") }
            var element = String(line) + "\n"
            var failed = false
            if !line.hasSuffix("/>") {
                while let inner = lines.first, inner != "    </testcase>" {
                    lines.removeFirst()
                    element += String(inner) + "\n"
                    failed = countFindings(inner, of: file, into: &levels) || failed
                }
                element += String(try next("    </testcase>")) + "\n"
            }
            if failed { failedFiles += 1 }
            elements.append(ReportElement(file: file, bytes: Array(element.utf8)))
        }
        _ = try next("  </testsuite>")
        _ = try next("</testsuites>")
        guard lines.allSatisfy(\.isEmpty) else { throw ReportMerge.notAReport(name, "text after </testsuites>") }

        let failOn = properties[failOnProperty].flatMap(CheckLevel.init(rawValue:)) ?? .warning
        var tally = CheckTally(failOn: failOn)
        tally.add(files: elements.count, failedFiles: failedFiles, levels: levels)
        if let shardText = properties[shardProperty] {
            guard let shard = try? Shard(parsing: shardText), let inputs = properties[inputsProperty].flatMap({ Int($0) }) else {
                throw ReportMerge.notAReport(name, "a shard without its index, count and inputs")
            }
            tally.shard = ShardScope(shard: shard, inputs: inputs)
        }
        return ReadReport(name: name, tally: tally, sections: [elements])
    }

    /// Counts the findings of one line inside a test case by level; true for a failure.
    private static func countFindings(_ line: Substring, of file: String, into levels: inout [CheckLevel: Int]) -> Bool {
        if line.hasPrefix("      <failure ") {
            // The message starts with the finding's level: "error: rule: …" (a failure is at least an error, if unsaid).
            let level = attribute("message", in: line).flatMap { CheckLevel(rawValue: String($0.prefix { $0 != ":" })) }
            levels[level ?? .error, default: 0] += 1
            return true
        }
        let output = "      <system-out>"
        guard line.hasPrefix(output) else { return false }
        // One "file:line:col: level: rule: …" a line, the file as the test case names it.
        for finding in line.dropFirst(output.count).components(separatedBy: "&#10;") {
            let parts = XMLText.unescape(Substring(finding)).dropFirst(file.count + 1).split(separator: " ", maxSplits: 2)
            if parts.count > 1, let level = CheckLevel(rawValue: String(parts[1].dropLast())) { levels[level, default: 0] += 1 }
        }
        return false
    }

    /// The unescaped value of `name="…"` in one element's line.
    private static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let value = line[start.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return XMLText.unescape(value[..<end])
    }
}
