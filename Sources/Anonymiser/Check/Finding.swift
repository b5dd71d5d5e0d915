/// How serious a finding of `anonymise check` is. `--fail-on LEVEL` fails the run when
/// any finding is at or above LEVEL.
public enum CheckLevel: String, CaseIterable, Comparable, Sendable {
    /// Residual identifying detail a person should look at (HOUSE-STYLE.md, last section).
    case note
    /// Probably identifying, or a house-style breach: an untitled name, "Mrs A".
    case warning
    /// Identifying: a direct identifier, a titled real name, a known name of the case.
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: CheckLevel, rhs: CheckLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One thing `check` found in one file. The real text is kept in memory only: every
/// report shows `excerpt(showValues:)`, which masks it unless values were asked for.
public struct Finding: Sendable, Equatable {
    public let rule: String
    public let level: CheckLevel
    /// The input as named on the command line ("-" for standard input).
    public let file: String
    /// Byte range in the document.
    public let range: Range<Int>
    public let start: TextPosition
    /// The position just after the last character (end exclusive).
    public let end: TextPosition
    /// What is wrong, in words that never contain the matched text.
    public let message: String
    /// The matched text itself: never printed unless values are shown.
    public let text: String
    /// The kind of detail (phone, person, school…), which decides how it is masked.
    public let category: String
    /// Stable across edits: rule + file + normalised text (see `CheckBaseline`).
    public let fingerprint: String

    public init(rule: String, level: CheckLevel, document: Document, range: Range<Int>, message: String, category: String) {
        self.rule = rule
        self.level = level
        file = document.name
        self.range = range
        start = document.position(ofByte: range.lowerBound)
        end = document.position(ofByte: range.upperBound)
        self.message = message
        text = document.string(range)
        self.category = category
        fingerprint = CheckBaseline.fingerprint(rule: rule, file: document.name, text: text)
    }

    /// The matched text as reports show it: masked (`Mrs W********`) unless `showValues`.
    public func excerpt(showValues: Bool) -> String {
        let shown = showValues ? text : Masking.mask(text, category: category)
        // One line in every format: line breaks inside a match become spaces.
        guard shown.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return shown }
        return shown.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}

/// The findings of one input, after the allow list and the baseline.
public struct FileCheck: Sendable {
    public let file: String
    /// Reported findings, in text order.
    public let findings: [Finding]
    /// Findings dropped by `--allow`.
    public let allowed: Int
    /// Findings dropped by `--baseline`.
    public let baselined: Int

    public init(file: String, findings: [Finding], allowed: Int = 0, baselined: Int = 0) {
        self.file = file
        self.findings = findings
        self.allowed = allowed
        self.baselined = baselined
    }

    public func fails(at level: CheckLevel) -> Bool { findings.contains { $0.level >= level } }

    /// The file's totals.
    public var summary: FileSummary {
        var summary = FileSummary(file: file)
        summary.add(findings)
        summary.allowed = allowed
        summary.baselined = baselined
        return summary
    }
}

/// Everything one `check` run found: what every report format renders.
public struct CheckReport: Sendable {
    public let files: [FileCheck]
    public let failOn: CheckLevel
    /// Rule descriptions for every rule a finding can have.
    public let catalogue: CheckRuleCatalogue

    /// What the walk of the input folders left out.
    public var skipped = SkippedInputs()

    public init(files: [FileCheck], failOn: CheckLevel, catalogue: CheckRuleCatalogue, skipped: SkippedInputs = .init()) {
        self.files = files
        self.failOn = failOn
        self.catalogue = catalogue
        self.skipped = skipped
    }

    public var findings: [Finding] { files.flatMap(\.findings) }
    public var failedFiles: [FileCheck] { files.filter { $0.fails(at: failOn) } }
    public var tally: CheckTally {
        var tally = CheckTally(failOn: failOn)
        for file in files { tally.add(file.summary) }
        tally.skipped = skipped
        return tally
    }
    /// True when a finding is at or above the failing level: the run exits 1.
    public var fails: Bool { files.contains { $0.fails(at: failOn) } }

    public func count(_ level: CheckLevel) -> Int { tally.count(level) }
    public var allowed: Int { tally.allowed }
    public var baselined: Int { tally.baselined }
    public var summary: String { tally.summary }
}
