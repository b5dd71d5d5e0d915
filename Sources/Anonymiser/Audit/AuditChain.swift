import Crypto
import Foundation

/// The audit's hash chain: an edited, inserted, removed or reordered line is detectable.
///
/// Every line after the run line ends with `"prev"`: the SHA-256 (hex) of the line before it,
/// as written (its UTF-8 bytes, without the line break). The run line ends with `"records"`:
/// how many lines follow it, so lines cut from the end are detected too. The chain shows
/// that a file is not the one the tool wrote; it is no signature — whoever rewrites the
/// whole file can rebuild it — so the audit's owner-only permissions still matter.
public enum AuditChain {
    /// A line with the hash of the line before it appended as its last field.
    static func linked(_ line: String, after previous: String) -> String {
        String(line.dropLast()) + ",\"prev\":\"" + hash(previous) + "\"}"
    }

    static func hash(_ line: String) -> String {
        Digest.hex(SHA256.hash(data: Data(line.utf8)))
    }

    /// What checking a chain found.
    public enum Verdict: Equatable, Sendable {
        /// Every line in place: the number of records after the run line.
        case intact(records: Int)
        /// The first line (1-based) where the chain breaks, and why; no text of the audit is quoted.
        case broken(line: Int, problem: String)
    }

    /// Checks an audit trail as read from its file.
    public static func verify(_ data: Data) -> Verdict {
        guard !data.isEmpty else { return .broken(line: 1, problem: "the file is empty") }
        guard data.last == 0x0A else { return .broken(line: lineCount(data), problem: "the last line is cut short (no line break)") }
        let lines = data.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let run = object(lines[0]), run["type"] as? String == "run" else {
            return .broken(line: 1, problem: "not the run record of an anonymise audit")
        }
        guard let records = run["records"] as? Int else {
            return .broken(line: 1, problem: "the run record has no record count (an audit written before the chain?)")
        }
        for number in 1..<lines.count {
            guard let record = object(lines[number]) else { return .broken(line: number + 1, problem: "not a JSON object") }
            guard record["prev"] as? String == hash(lines[number - 1]) else {
                return .broken(line: number + 1, problem: "does not follow line \(number) (a line was edited, inserted, removed or moved)")
            }
        }
        guard lines.count - 1 == records else {
            return .broken(line: lines.count, problem: "the run record announces \(records) records, the file has \(lines.count - 1)")
        }
        return .intact(records: records)
    }

    private static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    private static func lineCount(_ data: Data) -> Int {
        data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
