import Foundation

/// `--format text`: one line a finding, `file:line:col: level: rule: message — excerpt`,
/// then the summary line.
struct TextReporter: CheckReporter {
    let showValues: Bool

    var sections: [ReportSection] { [.text] }
    var includesSummary: Bool { true }

    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts) {
        for finding in findings { parts.sections[0].append(TextReporter.line(finding, showValues: showValues) + "\n") }
    }

    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws {
        try section(0)
        try sink(Data((tally.summary + "\n").utf8))
    }

    /// A finding as one line (also the body of a JUnit failure).
    static func line(_ finding: Finding, showValues: Bool) -> String {
        "\(finding.file):\(finding.start.line):\(finding.start.column): \(finding.level.rawValue): \(finding.rule): "
            + "\(finding.message) — \(finding.excerpt(showValues: showValues))"
    }
}
