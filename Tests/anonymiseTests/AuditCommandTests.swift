import Foundation
import XCTest

/// `anonymise audit verify`, run as a user would: the tool's own audit is intact; an edited
/// one fails with exit 1 at its line, without printing what the audit holds.
final class AuditCommandTests: CommandLineTestCase {
    func testAnAuditTheToolWroteVerifiesAndAnEditedOneFailsWithoutQuotingIt() throws {
        try write("Mrs Jane Whitfield complains. Her phone number is 07700 900123. Her son, Liam, is 9.\n", to: "draft.txt")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--no-store"]).status, 0)
        let audit = scratch.appendingPathComponent("out.audit.jsonl")

        let intact = try run(["audit", "verify", audit.path])
        XCTAssertEqual(intact.status, 0, intact.stderr)
        XCTAssertTrue(intact.stdout.hasSuffix(": intact (\(try String(contentsOf: audit, encoding: .utf8).split(separator: "\n").count - 1) records)\n"),
                      intact.stdout)

        // Someone "tidies" a replacement by hand.
        let edited = try String(contentsOf: audit, encoding: .utf8).replacingOccurrences(of: "\"replacement\":\"Mrs X\"", with: "\"replacement\":\"Mrs W\"")
        try write(edited, to: "edited.audit.jsonl")
        let broken = try run(["audit", "verify", audit.path, "edited.audit.jsonl"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("edited.audit.jsonl: line 3: does not follow line 2"), broken.stdout)
        XCTAssertFalse(broken.stdout.contains("Whitfield"), "no real name printed")
        XCTAssertTrue(broken.stdout.contains(": intact ("), "the good file is still reported")
    }

    func testAFileThatCannotBeReadIsAnInputError() throws {
        let missing = try run(["audit", "verify", "nowhere.audit.jsonl"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere.audit.jsonl"), missing.stderr)
    }
}
