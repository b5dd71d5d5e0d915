import Foundation
import PCRE2

/// `--allow FILE`: text that is fine to publish, so `check` does not report it — a named
/// care provider, the Council's own officer titles, a ward name that is also a surname.
///
/// One entry per line; blank lines and lines starting with `#` are ignored:
///
///     Abbeyfield Care Home          a term: found as whole words, ignoring case and spacing
///     regex: Ward [0-9]+            a PCRE2 regex (UTF, UCP)
///
/// A finding is dropped when it lies inside an occurrence of an entry in the document,
/// or when a regex matches the finding's whole text. Line numbers play no part, so
/// edits elsewhere in the text never undo an allowance.
public struct CheckAllowList: Sendable {
    public struct Entry: Sendable {
        public let line: Int
        public let source: String
        let regex: Regex
        /// A regex must match the whole finding text to allow it by itself.
        let anchored: Regex
    }

    public let entries: [Entry]

    public init(text: String, source: String) throws {
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let pattern: String
            if line.hasPrefix("regex:") {
                pattern = String(line.dropFirst("regex:".count)).trimmingCharacters(in: .whitespaces)
                guard !pattern.isEmpty else {
                    throw InputError(path: source, problem: "line \(number + 1): `regex:` needs a pattern")
                }
            } else {
                // A term: its words in order, any run of spaces between, whole words only.
                let words = line.split(whereSeparator: \.isWhitespace).map { "\\Q" + $0.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E" }
                pattern = "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])"
            }
            let options: Regex.Options = line.hasPrefix("regex:") ? [] : .caseless
            do {
                entries.append(Entry(line: number + 1, source: line, regex: try Regex(pattern, options: options),
                                     anchored: try Regex("^(?:" + pattern + ")$", options: options)))
            } catch let error as PCRE2Error {
                throw InputError(path: source, problem: "line \(number + 1): the regex does not compile (\(error))")
            }
        }
        self.entries = entries
    }

    /// Reads an allow file; `name` is how messages call it (the path as given).
    public static func load(_ url: URL, name: String? = nil) throws -> CheckAllowList {
        let name = name ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(path: name, problem: InputError.describe(error, reading: url))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(path: name, problem: "is not valid UTF-8 text")
        }
        return try CheckAllowList(text: text, source: name)
    }

    /// The findings this list allows, split from the rest.
    public func filter(_ findings: [Finding], in document: Document) throws -> (kept: [Finding], allowed: Int) {
        guard !entries.isEmpty, !findings.isEmpty else { return (findings, 0) }
        return try Filter(self, document: document).filter(findings)
    }

    /// The list applied to one document whose findings come a piece at a time: the spans
    /// its entries match are found once.
    public struct Filter: Sendable {
        private let list: CheckAllowList
        private let spans: [Range<Int>]

        public init(_ list: CheckAllowList, document: Document) throws {
            self.list = list
            var spans: [Range<Int>] = []
            try document.bytes.withUnsafeBufferPointer { buffer in
                for entry in list.entries {
                    try entry.regex.forEachMatch(in: buffer) { match in
                        if !match.range.isEmpty { spans.append(match.range) }
                        return true
                    }
                }
            }
            self.spans = spans
        }

        /// The next findings of the document, less those the list allows.
        public func filter(_ findings: [Finding]) throws -> (kept: [Finding], allowed: Int) {
            guard !list.entries.isEmpty, !findings.isEmpty else { return (findings, 0) }
            var kept: [Finding] = []
            for finding in findings {
                if spans.contains(where: { $0.lowerBound <= finding.range.lowerBound && finding.range.upperBound <= $0.upperBound }) {
                    continue
                }
                if try list.entries.contains(where: { try $0.anchored.firstMatch(in: finding.text) != nil }) { continue }
                kept.append(finding)
            }
            return (kept, findings.count - kept.count)
        }
    }
}
