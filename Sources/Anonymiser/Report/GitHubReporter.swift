import Foundation

/// `--format github`: GitHub Actions workflow commands, one a finding
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message — excerpt`),
/// which annotate the files of a pull request. The summary goes to standard error.
struct GitHubReporter: CheckReporter {
    let showValues: Bool

    var sections: [ReportSection] { [.text] }

    func render(_ findings: [Finding], failOn: CheckLevel, into parts: inout FileReportParts) {
        for finding in findings { parts.sections[0].append(command(finding)) }
    }

    func write(_ tally: CheckTally, into sink: (Data) throws -> Void, section: (Int) throws -> Void) throws {
        try section(0)
    }

    func command(_ finding: Finding) -> String {
        let command: String
        switch finding.level {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let properties = [
            "file=" + GitHubReporter.property(finding.file), "line=\(finding.start.line)", "col=\(finding.start.column)",
            "endLine=\(finding.end.line)", "endColumn=\(finding.end.column)",
            "title=" + GitHubReporter.property("anonymise " + finding.rule),
        ]
        return "::\(command) \(properties.joined(separator: ","))::"
            + GitHubReporter.data("\(finding.message) — \(finding.excerpt(showValues: showValues))") + "\n"
    }

    /// A command's message: `%`, CR and LF escaped.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A command's property value: also `:` and `,` escaped.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
