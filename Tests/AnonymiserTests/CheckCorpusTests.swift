import XCTest
@testable import Anonymiser

/// The gate on the evaluation corpus (`../shared/corpus` beside the checkout, or the folder
/// `$ANONYMISE_CORPUS` names; it is not part of the repository, so a clean clone skips these
/// tests and says why): published decisions pass, drafts fail, redacted drafts have no errors.
final class CheckCorpusTests: XCTestCase {
    static let corpus = ProcessInfo.processInfo.environment["ANONYMISE_CORPUS"].map { URL(fileURLWithPath: $0) }
        ?? Fixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    func documents(_ folder: String) throws -> [Document] {
        let directory = CheckCorpusTests.corpus.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            let reason = "needs the evaluation corpus, which is not part of the repository "
                + "(no folder \(directory.path); set ANONYMISE_CORPUS to the corpus folder to run it)"
            // Also on standard error, so the reason shows in any test log, not only in XCTest's summary.
            FileHandle.standardError.write(Data("SKIPPED \(name): \(reason)\n".utf8))
            throw XCTSkip(reason)
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
