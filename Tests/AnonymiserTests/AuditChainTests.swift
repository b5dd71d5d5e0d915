import Foundation
import XCTest
@testable import Anonymiser

/// The audit's hash chain: the tool's own trail verifies; any edit, insertion, removal, move
/// or cut is found at its line.
final class AuditChainTests: XCTestCase {
    private func trail() throws -> String {
        let redaction = try Fixtures.redact("""
            Mrs Jane Whitfield of 4 Oak Road, Leeds LS6 2AB complains. Her son, Liam, attends Oakwood Primary School.
            Her phone number is 07700 900123.
            """)
        return AuditTrail(redaction: redaction, inputName: "draft.txt", inputSHA256: "0", caseReference: "1",
                          patternsFingerprint: Fixtures.patterns.fingerprint).jsonLines
    }

    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
    private func joined(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    func testTheToolsOwnTrailIsIntact() throws {
        let text = try trail()
        let records = lines(text).count - 1
        XCTAssertGreaterThan(records, 3)
        XCTAssertEqual(AuditChain.verify(Data(text.utf8)), .intact(records: records))
        XCTAssertTrue(lines(text)[0].hasSuffix(",\"records\":\(records)}"))
        XCTAssertTrue(lines(text).dropFirst().allSatisfy { $0.contains(",\"prev\":\"") })
    }

    func testAnEditedLineBreaksTheChainAtTheLineAfterIt() throws {
        var all = lines(try trail())
        all[2] = all[2].replacingOccurrences(of: "\"replacement\":\"", with: "\"replacement\":\"Z")
        XCTAssertEqual(verdictLine(joined(all)), 4)
    }

    func testRemovedInsertedMovedAndCutLinesAreFound() throws {
        let all = lines(try trail())
        var removed = all
        removed.remove(at: 2)
        XCTAssertEqual(verdictLine(joined(removed)), 3)
        var inserted = all
        inserted.insert(all[2], at: 2)
        XCTAssertEqual(verdictLine(joined(inserted)), 4)
        var moved = all
        moved.swapAt(1, 2)
        XCTAssertEqual(verdictLine(joined(moved)), 2)
        XCTAssertNotNil(verdictLine(joined(Array(all.dropLast()))), "a cut end is found by the record count")
        XCTAssertNotNil(verdictLine(Data(all.joined(separator: "\n").utf8)), "a missing final line break")
    }

    func testAFileThatIsNoAuditIsSaidToBeOne() {
        XCTAssertEqual(AuditChain.verify(Data("hello\n".utf8)), .broken(line: 1, problem: "not the run record of an anonymise audit"))
        XCTAssertEqual(verdictLine(Data()), 1)
    }

    private func verdictLine(_ data: Data) -> Int? {
        if case let .broken(line, _) = AuditChain.verify(data) { return line }
        return nil
    }
}
