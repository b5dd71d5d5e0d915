import Anonymiser
import Foundation
import XCTest

/// Inputs in UTF-16 with a byte-order mark are text; without one they are refused with a
/// clear message; a UTF-8 byte-order mark is kept in the output (issue 12, item 7).
final class EncodingTests: CommandLineTestCase {
    let draft = "Complainant: Mrs Jane Whitfield\n\nMrs Whitfield complains.\n"
    let redacted = "Complainant: Mrs X\n\nMrs X complains.\n"

    private func utf16(_ text: String, littleEndian: Bool, mark: Bool = true) -> Data {
        var bytes: [UInt8] = mark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in text.utf16 {
            let (low, high) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return Data(bytes)
    }

    private func auditRun(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: scratch.appendingPathComponent(path), encoding: .utf8)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.split(separator: "\n")[0].utf8)) as? [String: Any])
    }

    private func firstReplacement(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: scratch.appendingPathComponent(path), encoding: .utf8)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.split(separator: "\n")[1].utf8)) as? [String: Any])
    }

    func testUTF16WithAByteOrderMarkIsTextAndTheOutputsAreUTF8() throws {
        for littleEndian in [true, false] {
            let input = utf16(draft, littleEndian: littleEndian)
            try input.write(to: scratch.appendingPathComponent("u16.txt"))
            let result = try run(["redact", "u16.txt", "-o", "out.txt", "--no-store"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(try Data(contentsOf: scratch.appendingPathComponent("out.txt")), Data(redacted.utf8), "UTF-8, no mark")
            let run = try auditRun("out.audit.jsonl")
            XCTAssertEqual(run["inputSHA256"] as? String, Digest.sha256(input), "the hash of the input's own bytes")
            XCTAssertEqual(run["encoding"] as? String, littleEndian ? "UTF-16LE" : "UTF-16BE")
            let first = try firstReplacement("out.audit.jsonl")
            XCTAssertEqual(first["start"] as? Int, 13, "code points of the text, after the mark")

            let check = try self.run(["check", "u16.txt"])
            XCTAssertEqual(check.status, 1, check.stderr)
            XCTAssertTrue(check.stdout.hasPrefix("u16.txt:1:14: error: name.titled"), check.stdout)
        }
    }

    func testUTF16WithoutAByteOrderMarkIsRefusedClearly() throws {
        try utf16(draft, littleEndian: true, mark: false).write(to: scratch.appendingPathComponent("bare.txt"))
        for command in ["redact", "check"] {
            let result = try run([command, "bare.txt"])
            XCTAssertEqual(result.status, 2)
            XCTAssertEqual(result.stderr, "anonymise: bare.txt: looks like UTF-16 text without a byte-order mark: convert it to UTF-8\n")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testAUTF8ByteOrderMarkIsKeptAndOffsetsCountFromAfterIt() throws {
        let input = Data([0xEF, 0xBB, 0xBF] + Array(draft.utf8))
        try input.write(to: scratch.appendingPathComponent("bom.txt"))
        let result = try run(["redact", "bom.txt", "-o", "out.txt", "--no-store"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = try Data(contentsOf: scratch.appendingPathComponent("out.txt"))
        XCTAssertEqual(output, Data([0xEF, 0xBB, 0xBF] + Array(redacted.utf8)), "the output is the input outside the replacements")
        let run = try auditRun("out.audit.jsonl")
        XCTAssertEqual(run["inputSHA256"] as? String, Digest.sha256(input))
        XCTAssertEqual(run["outputSHA256"] as? String, Digest.sha256(output))
        XCTAssertEqual(run["encoding"] as? String, "UTF-8 with BOM")
        XCTAssertEqual(try firstReplacement("out.audit.jsonl")["start"] as? Int, 13)
        // The redacted output, mark and all, passes the gate.
        let check = try self.run(["check", "out.txt"])
        XCTAssertEqual(check.status, 0, check.stdout)
    }
}
