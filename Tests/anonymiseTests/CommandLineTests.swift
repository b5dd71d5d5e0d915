import Foundation
import XCTest

/// Runs the real `anonymise` binary: exit codes, standard error, files written or not.
final class CommandLineTests: CommandLineTestCase {
    let draft = "Complainant: Mrs Jane Whitfield\nTelephone: 07700 900123\n\nMrs Whitfield complains. Jane says the Council ignored her.\n"

    func testSingleFileToStandardOutputWithSummaryOnStandardError() throws {
        let input = try write(draft, to: "draft.txt")
        let result = try run(["redact", input.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Complainant: Mrs X\nTelephone: [phone number]\n\nMrs X complains. Mrs X says the Council ignored her.\n")
        XCTAssertTrue(result.stderr.contains("1 person → X"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Whitfield"), "the summary never shows a real name")
    }

    func testOutputFileGetsItsAuditBesideIt() throws {
        let input = try write(draft, to: "draft.txt")
        let result = try run(["redact", input.path, "-o", "out/clean.txt"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: scratch.appendingPathComponent("out/clean.txt"), encoding: .utf8)
        XCTAssertTrue(text.contains("Mrs X complains."))
        let auditURL = scratch.appendingPathComponent("out/clean.audit.jsonl")
        let audit = try String(contentsOf: auditURL, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(audit[0].hasPrefix("{\"type\":\"run\",\"tool\":\"anonymise\""))
        XCTAssertTrue(audit[1].contains("\"type\":\"replacement\""))
        let permissions = try FileManager.default.attributesOfItem(atPath: auditURL.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600, "the audit holds real names: owner-only")
    }

    func testBatchWritesTextAndAuditPerInputAndIsDeterministic() throws {
        _ = try write(draft, to: "in/a.txt")
        _ = try write(draft.replacingOccurrences(of: "Jane Whitfield", with: "Omar Said").replacingOccurrences(of: "Mrs", with: "Mr"), to: "in/sub/b.txt")
        _ = try write("not a draft", to: "in/notes.md")
        XCTAssertEqual(try run(["redact", "in", "--out-dir", "out1"]).status, 0)
        XCTAssertEqual(try run(["redact", "in", "--out-dir", "out2"]).status, 0)
        for name in ["a.txt", "a.audit.jsonl", "sub/b.txt", "sub/b.audit.jsonl"] {
            let first = try Data(contentsOf: scratch.appendingPathComponent("out1/" + name))
            let second = try Data(contentsOf: scratch.appendingPathComponent("out2/" + name))
            XCTAssertEqual(first, second, "\(name) differs between runs")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out1/notes.txt").path))
    }

    func testStandardInputToStandardOutput() throws {
        let result = try run(["redact", "-"], stdin: draft)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Mrs X complains."))
    }

    func testMissingInputIsExit2NamingTheFile() throws {
        let result = try run(["redact", "nowhere.txt", "--out-dir", "out"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: nowhere.txt: no such file or directory\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path))
    }

    func testBinaryInputInABatchWritesNothing() throws {
        _ = try write(draft, to: "in/a.txt")
        let bad = scratch.appendingPathComponent("in/b.txt")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).write(to: bad)
        let result = try run(["redact", "in", "--out-dir", "out"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: in/b.txt: is not a text file (it contains NUL bytes)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path), "nothing half-written")
    }

    func testInvalidUTF8IsExit2() throws {
        let bad = scratch.appendingPathComponent("latin1.txt")
        try Data([0x4D, 0x72, 0x73, 0x20, 0xE9]).write(to: bad)
        let result = try run(["redact", bad.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasSuffix("latin1.txt: is not valid UTF-8 text\n"), result.stderr)
    }

    func testDirectoryWithoutTextsIsExit2() throws {
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try run(["redact", "empty", "--out-dir", "out"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: empty: contains no .txt files\n")
    }

    func testUnwritableOutputLocationIsExit2() throws {
        _ = try write(draft, to: "a.txt")
        _ = try write("a file", to: "blocker")
        let result = try run(["redact", "a.txt", "--out-dir", "blocker"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: \(scratch.appendingPathComponent("blocker").path): exists and is not a directory\n")
    }

    func testTheInputIsNeverOverwritten() throws {
        let input = try write(draft, to: "draft.txt")
        let result = try run(["redact", "draft.txt", "-o", "draft.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is an input; refusing to overwrite it"), result.stderr)
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), draft)
    }

    func testSeveralInputsNeedAnOutputDirectory() throws {
        _ = try write(draft, to: "a.txt")
        _ = try write(draft, to: "b.txt")
        let result = try run(["redact", "a.txt", "b.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: 2 inputs need --out-dir DIR (one output per input)\n")
    }

    func testUnknownOptionIsAUsageErrorWithExit2() throws {
        let result = try run(["redact", "x.txt", "--frobnicate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--frobnicate"), result.stderr)
    }

    func testPatternsTestPassesAndListShowsRules() throws {
        let test = try run(["patterns", "test"])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertTrue(test.stdout.contains("all pass"), test.stdout)
        let list = try run(["patterns", "list"])
        XCTAssertTrue(list.stdout.contains("person.titled\treplace\tperson\t"), list.stdout)
        let explain = try run(["patterns", "explain", "person.titled"])
        XCTAssertTrue(explain.stdout.contains("does not match:"), explain.stdout)
        // A name rule says where it runs: at capitals followed by a word, a space and what a surname begins with.
        let full = try run(["patterns", "explain", "person.full"])
        XCTAssertTrue(full.stdout.contains("runs:        only where its start set admits a position, and the word there is followed by spaces, tabs or no-break spaces, then a capital, one of "), full.stdout)
        // A rule that scans text from a capital says what PCRE2 is told, and shows what it compiles.
        let staff = try run(["patterns", "explain", "person.staff-before"])
        XCTAssertTrue(staff.stdout.contains("where a match's first character is a capital, one of \"ahimoty\" or a non-ASCII character"), staff.stdout)
        XCTAssertTrue(staff.stdout.contains("  compiled:    (?=[\\x{"), staff.stdout)
        XCTAssertTrue(staff.stdout.contains("M(?:rs|r|iss|s|x|RS|R|ISS|S|X)"), staff.stdout)
        // A rule with nothing to rewrite shows no compiled form.
        let email = try run(["patterns", "explain", "contact.email"])
        XCTAssertFalse(email.stdout.contains("compiled:"), email.stdout)
    }

    func testABrokenUserPatternFolderIsExit2NamingFileAndRule() throws {
        _ = try write("rules:\n  - id: mine.bad\n    category: phone\n    description: x\n    regex: '(['\n    confidence: 0.5\n    action: replace\n    placeholder: '[x]'\n    examples:\n      match: ['x']\n", to: "mine/bad.yaml")
        let result = try run(["patterns", "test", "--patterns", "mine"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("mine/bad.yaml: rule mine.bad: the regex does not compile"), result.stderr)
    }

    func testConcurrentBatchGivesTheSameBytesAsOneFileAtATime() throws {
        let names = ["Jane Whitfield", "Omar Said", "Ada Okafor", "Zoë ap Rhys", "Tom Reid", "Priya Shah"]
        for index in 0..<24 {
            let name = names[index % names.count]
            _ = try write("Complainant: Ms \(name)\nTelephone: 07700 900\(100 + index)\n\nMs \(name.split(separator: " ").last!) complains. \(name.split(separator: " ").first!) is \(20 + index) years old.\n",
                          to: "in/\(String(format: "%02d", index)).txt")
        }
        XCTAssertEqual(try run(["redact", "in", "--out-dir", "batch", "--no-store", "--quiet"]).status, 0)
        for index in [0, 7, 23] {
            let name = String(format: "%02d", index)
            let single = try run(["redact", "in/\(name).txt", "--no-store", "--quiet"])
            XCTAssertEqual(single.stdout, try String(contentsOf: scratch.appendingPathComponent("batch/\(name).txt"), encoding: .utf8))
        }
    }

    func testReviewReportMarksChangesAndFlags() throws {
        _ = try write("Mrs Jane Whitfield <complains>. She is 78 years old and lives in Belper & Derby.\n", to: "draft.txt")
        let result = try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let url = scratch.appendingPathComponent("review.html")
        let html = try String(contentsOf: url, encoding: .utf8)
        // The original wording stands beside the proposal, in the text and in the list.
        XCTAssertTrue(html.contains("<del>Mrs Jane Whitfield</del><ins>Mrs X</ins>"), html)
        XCTAssertTrue(html.contains("<q class=\"orig\">Mrs Jane Whitfield</q>"), html)
        XCTAssertTrue(html.contains("&lt;complains&gt;"), "the text is escaped")
        XCTAssertTrue(html.contains("class=\"t replacement reworded\""), "a generalised age is marked for checking")
        XCTAssertTrue(html.contains("Contains real names."), html)
        XCTAssertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), "no network")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int, 0o600)
        let batch = try run(["redact", "draft.txt", "--out-dir", "out", "--report", "r.html"])
        XCTAssertEqual(batch.status, 2)
    }

    func testTwoInputsWithOneOutputAreRefused() throws {
        _ = try write(draft, to: "a/x.txt")
        _ = try write(draft, to: "b/x.txt")
        let result = try run(["redact", "a", "b", "--out-dir", "out", "--no-store"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("would both be written to"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out/x.txt").path))
    }
}
