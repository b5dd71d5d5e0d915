import XCTest
@testable import Anonymiser

/// The gate on the evaluation corpus (`../shared/corpus`, outside the repository; skipped
/// when it is not there): published decisions pass, drafts fail, redacted drafts have no errors.
final class CheckCorpusTests: XCTestCase {
    static let corpus = Fixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    func documents(_ folder: String) throws -> [Document] {
        let directory = CheckCorpusTests.corpus.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw XCTSkip("no evaluation corpus at \(directory.path)")
        }
        return try InputSet.expand([directory.path]).map { try Document(contentsOf: $0.url!, name: $0.relativePath) }
    }

    func testAtMostTwoPercentOfPublishedDecisionsFailAtTheDefaultLevel() throws {
        let run = CheckRun(checker: CheckRulesTests.checker)
        let files = try documents("published").map(run.check)
        let failed = files.filter { $0.fails(at: .warning) }
        XCTAssertLessThanOrEqual(Double(failed.count), 0.02 * Double(files.count),
                                 "failing: " + failed.map { "\($0.file) (\(Set($0.findings.filter { $0.level >= .warning }.map(\.rule)).sorted().joined(separator: ", ")))" }.joined(separator: "; "))
        XCTAssertFalse(files.contains { $0.fails(at: .error) }, "no published decision has an error")
    }

    func testEveryDraftFails() throws {
        let run = CheckRun(checker: CheckRulesTests.checker)
        for folder in ["drafts", "drafts2"] {
            let passing = try documents(folder).map(run.check).filter { !$0.fails(at: .error) }
            XCTAssertEqual(passing.map(\.file), [], "\(folder): every draft names someone")
        }
    }

    func testRedactedDraftsHaveNoErrors() throws {
        let anonymiser = Anonymiser(patterns: Fixtures.patterns)
        let run = CheckRun(checker: CheckRulesTests.checker, failOn: .error)
        var failing: [String] = []
        for draft in try documents("drafts") + documents("drafts2") {
            let redacted = Document(name: draft.name, text: try anonymiser.redact(draft).output)
            let result = try run.check(redacted)
            if result.fails(at: .error) {
                failing.append("\(draft.name): " + result.findings.filter { $0.level == .error }.map(\.rule).joined(separator: ", "))
            }
        }
        XCTAssertEqual(failing, [])
    }
}
