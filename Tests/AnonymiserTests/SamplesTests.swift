import XCTest
@testable import Anonymiser

/// The regression net: every sample draft redacts to exactly its committed expected
/// text and audit. A replacement that disappears, or a kept token that changes,
/// fails here with the first differing line.
final class SamplesTests: XCTestCase {
    func testEverySampleMatchesItsExpectedOutputAndAudit() throws {
        let drafts = Fixtures.samples.appendingPathComponent("drafts")
        let expected = Fixtures.samples.appendingPathComponent("expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        for name in names {
            let stem = (name as NSString).deletingPathExtension
            let data = try Data(contentsOf: drafts.appendingPathComponent(name))
            let document = try Document(data: data, name: "Samples/drafts/\(name)")
            let redaction = try Fixtures.anonymiser.redact(document)
            let wantText = try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
            assertSameLines(redaction.output, wantText, "\(name) text")
            let audit = AuditTrail(
                redaction: redaction, inputName: "Samples/drafts/\(name)", inputSHA256: Digest.sha256(data),
                caseReference: redaction.caseReference ?? stem, patternsFingerprint: Fixtures.patterns.fingerprint)
            let wantAudit = try String(contentsOf: expected.appendingPathComponent(stem + ".audit.jsonl"), encoding: .utf8)
            // The pattern-set hash changes with any edit of a pattern file; the records must not.
            assertSameLines(withoutPatternHash(audit.jsonLines), withoutPatternHash(wantAudit), "\(name) audit")
        }
    }

    /// What `redact` writes passes the gate: every sample's output has no finding at error level.
    func testEveryRedactedSamplePassesTheGateAtError() throws {
        let drafts = Fixtures.samples.appendingPathComponent("drafts")
        let run = CheckRun(checker: CheckRulesTests.checker, failOn: .error)
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let draft = try Document(contentsOf: drafts.appendingPathComponent(name), name: name)
            XCTAssertTrue(try run.check(draft).fails(at: .error), "\(name): the draft itself must fail the gate")
            let redacted = Document(name: name, text: try Fixtures.anonymiser.redact(draft).output)
            let errors = try run.check(redacted).findings.filter { $0.level == .error }
            XCTAssertEqual(errors.map { "\($0.rule) at line \($0.start.line)" }, [], "\(name): the redacted text fails the gate")
        }
    }

    /// The audit without what changes with the rule set: its hash, and so every link of the
    /// hash chain (the chain itself is tested in `AuditChainTests`).
    private func withoutPatternHash(_ audit: String) -> String {
        var result = audit
        for key in ["\"patterns\":\"", "\"prev\":\""] {
            var searchFrom = result.startIndex
            while let found = result.range(of: key, range: searchFrom..<result.endIndex),
                  let end = result[found.upperBound...].firstIndex(of: "\"") {
                result.replaceSubrange(found.upperBound..<end, with: "-")
                searchFrom = result.index(found.upperBound, offsetBy: 1)
            }
        }
        return result
    }

    private func assertSameLines(_ got: String, _ want: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard got != want else { return }
        let (a, b) = (got.components(separatedBy: "\n"), want.components(separatedBy: "\n"))
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        XCTFail("\(what) differs at line \(first + 1):\n got: \(first < a.count ? a[first] : "<end>")\nwant: \(first < b.count ? b[first] : "<end>")", file: file, line: line)
    }
}
