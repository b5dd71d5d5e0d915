import Foundation
import XCTest

/// What the tool reads and writes (issue 12): one snapshot of the inputs, never a file the
/// run writes, all of a document's outputs or none, nothing skipped without a word.
final class FileHandlingTests: CommandLineTestCase {
    let draft = "Complainant: Mrs Jane Whitfield\nTelephone: 07700 900123\n\nMrs Whitfield complains. Jane says the Council ignored her.\n"

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: scratch.appendingPathComponent(path).path)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: scratch.appendingPathComponent(path), encoding: .utf8)
    }

    private func link(_ path: String, to destination: String) throws {
        let url = scratch.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    // MARK: 1. one walk, a snapshot

    func testAnOutputFolderInsideTheInputFolderIsNeverReadBack() throws {
        for name in ["a", "b", "c", "d", "e", "f"] { try write(draft, to: "drafts/\(name).txt") }
        let first = try run(["redact", "drafts/", "--out-dir", "drafts/published/", "--no-store"])
        XCTAssertEqual(first.status, 0, first.stderr)
        for name in ["a", "b", "c", "d", "e", "f"] {
            XCTAssertTrue(try read("drafts/published/\(name).txt").contains("Mrs X complains."))
        }
        XCTAssertFalse(exists("drafts/published/published"), "the run read its own outputs")
        let second = try run(["redact", "drafts/", "--out-dir", "drafts/published/", "--no-store"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("6 documents: "), second.stderr)
        XCTAssertTrue(second.stderr.contains("1 skipped: 1 written by this run"), second.stderr)
        XCTAssertFalse(exists("drafts/published/published"))
    }

    func testAnOutputWrittenInsideTheInputFolderIsNotAnInputNextTime() throws {
        try write(draft, to: "in/draft.txt")
        XCTAssertEqual(try run(["redact", "in", "-o", "in/published.txt", "--no-store"]).status, 0)
        let again = try run(["redact", "in", "-o", "in/published.txt", "--no-store"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try read("in/published.txt").contains("Mrs X complains."))
    }

    // MARK: 3. check never overwrites or reads what it writes

    func testCheckRefusesToWriteItsReportOverAnInput() throws {
        let input = try write(draft, to: "draft.txt")
        let result = try run(["check", "draft.txt", "-o", "draft.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: draft.txt: is an input; refusing to overwrite it\n")
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), draft, "the draft is untouched")
        let baseline = try run(["check", "draft.txt", "--write-baseline", "draft.txt"])
        XCTAssertEqual(baseline.status, 2)
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), draft)
    }

    func testACheckReportIsNeverReadAsADraft() throws {
        try write("The Council apologised.\n", to: "dir/a.txt")
        let inside = try run(["check", "dir", "-o", "dir/report.txt"])
        XCTAssertEqual(inside.status, 2)
        XCTAssertTrue(inside.stderr.contains("dir/report.txt: is inside a folder being checked"), inside.stderr)
        XCTAssertFalse(exists("dir/report.txt"), "nothing written")

        XCTAssertEqual(try run(["check", "dir", "--format", "json", "-o", "dir/report.json"]).status, 0)
        let again = try run(["check", "dir"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("1 file checked:"), again.stdout)
        XCTAssertTrue(again.stdout.contains("1 skipped: 1 not text (.json)"), again.stdout)
    }

    // MARK: 4. all of a document's outputs or none

    func testAnUnwritableAuditLeavesNoPublishableText() throws {
        try write(draft, to: "draft.txt")
        try write("a file, not a folder", to: "blocker")
        let result = try run(["redact", "draft.txt", "-o", "out/clean.txt", "--audit", "blocker/clean.audit.jsonl", "--no-store"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("anonymise: "), result.stderr)
        XCTAssertFalse(exists("out/clean.txt"), "the text was written without its audit")
        XCTAssertFalse(exists("out"), "the folder made for it is gone too")
    }

    func testAFailedOutputNeverDestroysAnEarlierOne() throws {
        try write(draft, to: "draft.txt")
        try write("earlier text\n", to: "out/clean.txt")
        try write("earlier audit\n", to: "out/clean.audit.jsonl")
        try write("a file, not a folder", to: "blocker")
        // Fails while writing: the review page cannot be made.
        let early = try run(["redact", "draft.txt", "-o", "out/clean.txt", "--report", "blocker/r.html", "--no-store"])
        XCTAssertEqual(early.status, 2)
        // Fails while putting in place: the audit's place is a folder.
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("out/folder.audit.jsonl"), withIntermediateDirectories: true)
        let late = try run(["redact", "draft.txt", "-o", "out/clean.txt", "--audit", "out/folder.audit.jsonl", "--no-store"])
        XCTAssertEqual(late.status, 2)
        XCTAssertEqual(try read("out/clean.txt"), "earlier text\n")
        XCTAssertEqual(try read("out/clean.audit.jsonl"), "earlier audit\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out").path).sorted()
        XCTAssertEqual(left, ["clean.audit.jsonl", "clean.txt", "folder.audit.jsonl"], "no temporary file left behind")
    }

    // MARK: 5. links, extensions in any case, and what was skipped

    func testLinkedFoldersAnyCaseExtensionsAndSkippedFilesAreSaid() throws {
        try write(draft, to: "in/A.TXT")
        try write(draft, to: "in/b.Txt")
        try write(draft, to: "outside/c.txt")
        try write("%PDF-1.4", to: "in/scan.pdf")
        try link("in/linked", to: "../outside")
        try link("in/loop", to: ".")
        let check = try run(["check", "in"])
        XCTAssertEqual(check.status, 1, check.stderr)
        for name in ["in/A.TXT:1:", "in/b.Txt:1:", "in/linked/c.txt:1:"] { XCTAssertTrue(check.stdout.contains(name), check.stdout) }
        XCTAssertTrue(check.stdout.contains("3 files checked: "), check.stdout)
        XCTAssertTrue(check.stdout.hasSuffix("; 2 skipped: 1 not text (.pdf), 1 symlink loop\n"), check.stdout)

        let redact = try run(["redact", "in", "--out-dir", "out", "--no-store"])
        XCTAssertEqual(redact.status, 0, redact.stderr)
        for name in ["A", "b", "linked/c"] { XCTAssertTrue(try read("out/\(name).txt").contains("Mrs X complains."), name) }
        XCTAssertTrue(redact.stderr.contains("3 documents: ") && redact.stderr.contains("2 skipped: 1 not text (.pdf), 1 symlink loop"), redact.stderr)
    }

    func testAnUnreadableInputIsAnErrorNeverClean() throws {
        try write("The Council apologised.\n", to: "in/a.txt")
        try link("in/gone.txt", to: "nowhere.txt")
        let result = try run(["check", "in", "--fail-on", "error"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: in/gone.txt: is a broken symbolic link\n")
        XCTAssertEqual(result.stdout, "", "no report")
    }

    func testTwoInputsThatDifferOnlyInTheCaseOfTheirExtensionAreRefused() throws {
        try write(draft, to: "in/a.txt")
        try write(draft, to: "in/a.TXT")
        let result = try run(["redact", "in", "--out-dir", "out", "--no-store"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("would both be written to"), result.stderr)
        XCTAssertFalse(exists("out/a.txt"))
    }
}
