import Crypto
import Foundation

/// `--baseline FILE`: findings accepted earlier, which `check` no longer reports.
///
/// A finding is identified by its fingerprint — SHA-256 of rule id, file and the matched
/// text normalised (lower case, apostrophes folded, spacing collapsed) — never by its
/// line, so text that moves keeps its place in the baseline. Each fingerprint has a
/// count: a baseline that accepted one "Mrs W" in a file does not hide a second one added
/// later. The file holds fingerprints only, never the text (`--write-baseline` writes it).
public struct CheckBaseline: Codable, Sendable, Equatable {
    public static let formatName = "anonymise-check-baseline"

    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var count: Int
    }

    public var format: String
    public var version: Int
    public var findings: [Entry]

    public init(findings: [Finding]) {
        format = CheckBaseline.formatName
        version = 1
        var counts: [String: Entry] = [:]
        for finding in findings {
            counts[finding.fingerprint, default: Entry(fingerprint: finding.fingerprint, rule: finding.rule, file: CheckBaseline.normalisePath(finding.file), count: 0)].count += 1
        }
        self.findings = counts.values.sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
    }

    /// rule + file + normalised text, hashed.
    public static func fingerprint(rule: String, file: String, text: String) -> String {
        let normalised = NameKey.normalise(text)
        let key = rule + "\u{0}" + normalisePath(file) + "\u{0}" + normalised
        return Digest.hex(SHA256.hash(data: Array(key.utf8)))
    }

    /// "./decisions/a.txt" and "decisions/a.txt" are the same file.
    static func normalisePath(_ path: String) -> String {
        var result = path
        while result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }

    /// Reads a baseline; `name` is how messages call it (the path as given).
    public static func load(_ url: URL, name: String? = nil) throws -> CheckBaseline {
        let name = name ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(path: name, problem: InputError.describe(error, reading: url))
        }
        guard let baseline = try? JSONDecoder().decode(CheckBaseline.self, from: data), baseline.format == formatName else {
            throw InputError(path: name, problem: "is not an anonymise check baseline (write one with --write-baseline)")
        }
        guard baseline.version == 1 else {
            throw InputError(path: name, problem: "is a baseline of version \(baseline.version); this anonymise reads version 1")
        }
        return baseline
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// Drops the findings of one file that the baseline accepted, earliest first.
    public func filter(_ findings: [Finding]) -> (kept: [Finding], baselined: Int) {
        var filter = Filter(self)
        return filter.filter(findings)
    }

    /// The baseline applied to one file whose findings come a piece at a time: each
    /// fingerprint's count is used up across the pieces.
    public struct Filter: Sendable {
        private var remaining: [String: Int]

        public init(_ baseline: CheckBaseline) {
            remaining = Dictionary(baseline.findings.map { ($0.fingerprint, $0.count) }, uniquingKeysWith: +)
        }

        /// The next findings of the file, in text order, less those the baseline accepted.
        public mutating func filter(_ findings: [Finding]) -> (kept: [Finding], baselined: Int) {
            var kept: [Finding] = []
            for finding in findings {
                if let left = remaining[finding.fingerprint], left > 0 {
                    remaining[finding.fingerprint] = left - 1
                } else {
                    kept.append(finding)
                }
            }
            return (kept, findings.count - kept.count)
        }
    }
}
