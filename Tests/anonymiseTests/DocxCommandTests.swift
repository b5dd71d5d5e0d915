import Foundation
import XCTest

/// `redact` and `check` on Word documents, through the real binary.
final class DocxCommandTests: CommandLineTestCase {
    /// The fixtures of `Scripts/fixtures/make-docx.py`, made once.
    static let fixtures: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anonymise-docx-cli-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Scripts/fixtures/make-docx.py").path, folder.path]
        do { try process.run() } catch { fatalError("python3 is needed to make the .docx fixtures: \(error)") }
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "Scripts/fixtures/make-docx.py failed")
        return folder
    }()

    static var planted: [String] {
        ((try? String(contentsOf: fixtures.appendingPathComponent("planted.txt"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private func copy(_ name: String, as target: String? = nil) throws {
        let destination = scratch.appendingPathComponent(target ?? name)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: DocxCommandTests.fixtures.appendingPathComponent(name), to: destination)
    }

    private func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: scratch.appendingPathComponent(name).path) }

    func testRedactWritesAPublishedDocxThatPassesCheck() throws {
        try copy("draft.docx")
        let redacted = try run(["redact", "draft.docx", "-o", "published.docx", "--no-store", "--accept-changes", "--drop-comments"])
        XCTAssertEqual(redacted.status, 0, redacted.stderr)
        XCTAssertTrue(redacted.stderr.contains("draft.docx: "), redacted.stderr)
        let audit = try String(contentsOf: scratch.appendingPathComponent("published.audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains(#""part":"word/header1.xml","story":"header""#))
        let checked = try run(["check", "published.docx"])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        let original = try run(["check", "draft.docx"])
        XCTAssertEqual(original.status, 1)
        XCTAssertTrue(original.stdout.contains("docx.tracked-change"), original.stdout)
        for value in DocxCommandTests.planted { XCTAssertFalse(original.stdout.contains(value), "check prints no real value: \(value)") }
    }

    func testTrackedChangesAndCommentsAreRefusedWithCountsAndNothingIsWritten() throws {
        try copy("draft.docx")
        let result = try run(["redact", "draft.docx", "-o", "published.docx", "--no-store"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("draft.docx: has 1 insertion, 1 deletion, 1 comment: accept or reject them in Word, "
            + "or pass --accept-changes / --drop-comments"), result.stderr)
        XCTAssertFalse(exists("published.docx"))
        XCTAssertFalse(exists("published.audit.jsonl"))
    }

    func testABatchTakesDocxBesideTextAndABadDocxStopsItBeforeAnythingIsWritten() throws {
        try copy("hiding-places.docx", as: "in/a.DOCX")
        try write("Mrs Jane Whitfield complained.\n", to: "in/b.txt")
        let result = try run(["redact", "in", "--out-dir", "out", "--no-store"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(exists("out/a.docx") && exists("out/a.audit.jsonl") && exists("out/b.txt"))
        try copy("refuse-macro.docx", as: "in/c.docx")
        let refused = try run(["redact", "in", "--out-dir", "out2", "--no-store"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("in/c.docx: contains macros"), refused.stderr)
        XCTAssertFalse(exists("out2"))
    }

    func testADocxGoesToAFileNeverToStandardOutput() throws {
        try copy("plain.docx")
        let result = try run(["redact", "plain.docx", "--no-store"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("write it with -o FILE.docx or --out-dir DIR"), result.stderr)
    }

    func testCheckNamesTheChannelOfASingleChannelDocument() throws {
        try copy("channel-footnote.docx")
        let result = try run(["check", "channel-footnote.docx"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("footnote (word/footnotes.xml)"), result.stdout)
    }

    /// LibreOffice renders the published document with the pseudonyms, and nothing planted
    /// is in its text or its PDF properties.
    func testLibreOfficeRendersThePublishedDocument() throws {
        guard let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            FileHandle.standardError.write(Data("SKIPPED testLibreOfficeRendersThePublishedDocument: needs LibreOffice and poppler-utils (.ci/run installs them)\n".utf8))
            throw XCTSkip("LibreOffice or pdftotext is not installed")
        }
        try copy("draft.docx")
        XCTAssertEqual(try run(["redact", "draft.docx", "-o", "published.docx", "--no-store", "--accept-changes", "--drop-comments"]).status, 0)
        let profile = scratch.appendingPathComponent("office-profile")
        try tool(office, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", scratch.path,
                          scratch.appendingPathComponent("published.docx").path])
        let text = try tool("/usr/bin/pdftotext", [scratch.appendingPathComponent("published.pdf").path, "-"])
        let info = try tool("/usr/bin/pdfinfo", [scratch.appendingPathComponent("published.pdf").path])
        XCTAssertTrue(text.contains("The complainant, Mrs X, complains"), text)
        XCTAssertTrue(text.contains("Annex prepared for Mr "), text)
        for value in DocxCommandTests.planted {
            XCTAssertFalse(text.contains(value), "\(value) in the rendered text")
            XCTAssertFalse(info.contains(value), "\(value) in the PDF properties")
        }
    }

    @discardableResult
    private func tool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(path) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }
}
