/// The counts of a check run, kept as files are checked, so a report can be streamed
/// without holding every finding; also what a merged report adds up from its parts.
public struct CheckTally: Sendable, Equatable {
    public let failOn: CheckLevel
    /// The tool version the report names (a merged report keeps that of its parts).
    public internal(set) var version = Anonymiser.version
    public private(set) var files = 0
    public private(set) var failedFiles = 0
    public private(set) var allowed = 0
    public private(set) var baselined = 0
    /// What the walk of the input folders left out (not text, hidden, links in a loop…).
    public var skipped = SkippedInputs()
    /// Left out by the walks of merged reports, which record only how many.
    var skippedElsewhere = 0
    /// The shard of the inputs this run checked (`check --shard K/N`); nil for all of them.
    public var shard: ShardScope?
    private var levels: [CheckLevel: Int] = [:]

    public init(failOn: CheckLevel) {
        self.failOn = failOn
    }

    public mutating func add(_ file: FileSummary) {
        files += 1
        if file.fails(at: failOn) { failedFiles += 1 }
        allowed += file.allowed
        baselined += file.baselined
        for level in CheckLevel.allCases where file.count(level) > 0 { levels[level, default: 0] += file.count(level) }
    }

    /// Adds the totals of a report read back (`report merge`); a count the report does not
    /// record is 0.
    mutating func add(files: Int, failedFiles: Int, levels: [CheckLevel: Int], allowed: Int = 0, baselined: Int = 0) {
        self.files += files
        self.failedFiles += failedFiles
        self.allowed += allowed
        self.baselined += baselined
        for (level, count) in levels { self.levels[level, default: 0] += count }
    }

    /// Adds the counts of another part of the inputs (not what its walk left out).
    mutating func add(_ part: CheckTally) {
        add(files: part.files, failedFiles: part.failedFiles, levels: part.levels, allowed: part.allowed, baselined: part.baselined)
    }

    public func count(_ level: CheckLevel) -> Int { levels[level] ?? 0 }

    /// How many inputs the walk left out.
    public var skippedTotal: Int { skipped.total + skippedElsewhere }

    /// True when a finding is at or above the failing level: the run exits 1.
    public var fails: Bool { failedFiles > 0 }

    /// "40 files checked: 0 errors, 2 warnings, 31 notes; 2 files fail at --fail-on warning";
    /// a shard's begins "13 of 40 files checked (shard 2/3): …".
    public var summary: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var line = shard.map { "\(files) of \(plural($0.inputs, "file")) checked (shard \($0.shard))" } ?? "\(plural(files, "file")) checked"
        line += ": \(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(plural(count(.note), "note"))"
        line += failedFiles == 0 ? "; clean at --fail-on \(failOn.rawValue)"
            : "; \(plural(failedFiles, "file")) \(failedFiles == 1 ? "fails" : "fail") at --fail-on \(failOn.rawValue)"
        var suppressed: [String] = []
        if allowed > 0 { suppressed.append("\(allowed) allowed") }
        if baselined > 0 { suppressed.append("\(baselined) in the baseline") }
        if !suppressed.isEmpty { line += " (not shown: " + suppressed.joined(separator: ", ") + ")" }
        if !skipped.isEmpty {
            line += "; " + skipped.summary
        } else if skippedElsewhere > 0 {
            line += "; \(skippedElsewhere) skipped"
        }
        return line
    }
}
