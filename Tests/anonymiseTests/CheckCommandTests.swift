import Anonymiser
import Foundation
import XCTest

/// Runs the real `anonymise check`: exit codes, messages, formats, fingerprints, baseline.
final class CheckCommandTests: CommandLineTestCase {
    let leaky = "Complainant: Mrs Jane Whitfield\nTelephone: 07700 900123\n\nMrs Whitfield complains about the Council.\n"
    let clean = "Mrs X complained. The Council agreed to apologise to Mrs X.\n"
    let warningOnly = "Mrs X complained. Mrs X's mother, Y, and Mrs Y agreed to apologise.\n"

    // MARK: exit codes

    func testACleanFileIsExit0WithASummary() throws {
        try write(clean, to: "clean.txt")
        let result = try run(["check", "clean.txt"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1 file checked: 0 errors, 0 warnings, 0 notes; clean at --fail-on warning\n")
    }

    func testFindingsAreExit1AndMasked() throws {
        try write(leaky, to: "leaky.txt")
        let result = try run(["check", "leaky.txt"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("leaky.txt:1:14: error: name.titled: titled name that is not a pseudonym — Mrs J*** W********\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("— 07*** ******"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Whitfield") || result.stderr.contains("Whitfield"), "never a real name unless --show-values")
        XCTAssertFalse(result.stdout.contains("900123"))
    }

    func testShowValuesRevealsThem() throws {
        try write(leaky, to: "leaky.txt")
        let result = try run(["check", "leaky.txt", "--show-values"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("— Mrs Jane Whitfield\n"), result.stdout)
    }

    func testFailOnSetsTheFailingLevel() throws {
        try write(warningOnly, to: "w.txt")
        XCTAssertEqual(try run(["check", "w.txt"]).status, 1, "default: warning fails")
        XCTAssertEqual(try run(["check", "w.txt", "--fail-on", "error"]).status, 0)
        try write("Mrs X says her son moved to Oakwood Primary School in the autumn.\n", to: "n.txt")
        XCTAssertEqual(try run(["check", "n.txt"]).status, 0, "a note does not fail by default")
        XCTAssertEqual(try run(["check", "n.txt", "--fail-on", "note"]).status, 1)
    }

    func testStandardInputAndDirectories() throws {
        XCTAssertEqual(try run(["check", "-"], stdin: leaky).status, 1)
        let fromStdin = try run(["check", "-"], stdin: leaky)
        XCTAssertTrue(fromStdin.stdout.hasPrefix("-:1:14: error: name.titled"), fromStdin.stdout)
        try write(clean, to: "dir/a.txt")
        try write(leaky, to: "dir/sub/b.txt")
        try write(leaky, to: "dir/notes.md")
        let result = try run(["check", "dir"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("dir/sub/b.txt:1:14:"))
        XCTAssertFalse(result.stdout.contains("notes.md"))
        XCTAssertTrue(result.stdout.hasSuffix("2 files checked: 3 errors, 0 warnings, 0 notes; 1 file fails at --fail-on warning; 1 skipped: 1 not text (.md)\n"), result.stdout)
    }

    // MARK: usage and input errors: exit 2, one line

    func testMissingInputIsExit2NamingTheFile() throws {
        let result = try run(["check", "nowhere.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: nowhere.txt: no such file or directory\n")
        XCTAssertEqual(result.stdout, "", "nothing is reported when an input is bad")
    }

    func testBinaryInputIsExit2() throws {
        try write(clean, to: "in/a.txt")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: scratch.appendingPathComponent("in/b.txt"))
        let result = try run(["check", "in"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "anonymise: in/b.txt: is not a text file (it contains NUL bytes)\n")
    }

    func testBadOptionValuesAreExit2() throws {
        try write(clean, to: "clean.txt")
        let format = try run(["check", "clean.txt", "--format", "xml"])
        XCTAssertEqual(format.status, 2)
        XCTAssertEqual(format.stderr, "anonymise: --format must be one of text, json, sarif, junit, github, not \"xml\"\n")
        let level = try run(["check", "clean.txt", "--fail-on", "fatal"])
        XCTAssertEqual(level.status, 2)
        XCTAssertEqual(level.stderr, "anonymise: --fail-on must be one of error, warning, note, not \"fatal\"\n")
        XCTAssertEqual(try run(["check"]).status, 2, "a path is required")
    }

    func testABrokenAllowListOrBaselineIsExit2() throws {
        try write(clean, to: "clean.txt")
        try write("regex: ([a-z]\n", to: "allow.txt")
        let allow = try run(["check", "clean.txt", "--allow", "allow.txt"])
        XCTAssertEqual(allow.status, 2)
        XCTAssertTrue(allow.stderr.hasPrefix("anonymise: allow.txt: line 1: the regex does not compile"), allow.stderr)
        try write("not json", to: "baseline.json")
        let baseline = try run(["check", "clean.txt", "--baseline", "baseline.json"])
        XCTAssertEqual(baseline.status, 2)
        XCTAssertEqual(baseline.stderr, "anonymise: baseline.json: is not an anonymise check baseline (write one with --write-baseline)\n")
    }

    // MARK: fingerprints

    func fingerprints(_ variants: [String], key: FingerprintKey) throws {
        try NameFingerprints(cases: ["24 013 403"], variants: variants, key: key).encoded()
            .write(to: scratch.appendingPathComponent("names.json"))
        try Data((key.hex + "\n").utf8).write(to: scratch.appendingPathComponent("key.hex"))
    }

    func testAKnownNameIsFoundWithTheKeyFromAFileOrTheEnvironment() throws {
        let key = FingerprintKey(bytes: Array(repeating: 3, count: 32))
        try fingerprints(["Janey"], key: key)
        try write("The letter was signed by Janey and sent to the Council.\n", to: "d.txt")
        let withFile = try run(["check", "d.txt", "--fingerprints", "names.json", "--key-file", "key.hex"])
        XCTAssertEqual(withFile.status, 1)
        XCTAssertTrue(withFile.stdout.contains("d.txt:1:26: error: name.known: a known name of the case (matched through the fingerprints file) — J****\n"), withFile.stdout)
        let withEnvironment = try run(["check", "d.txt", "--fingerprints", "names.json"], environment: ["ANONYMISE_FINGERPRINT_KEY": key.hex])
        XCTAssertEqual(withEnvironment.status, 1)
        XCTAssertTrue(withEnvironment.stdout.contains(": name.known: "))
        let otherKey = FingerprintKey(bytes: Array(repeating: 4, count: 32))
        let wrong = try run(["check", "d.txt", "--fingerprints", "names.json"], environment: ["ANONYMISE_FINGERPRINT_KEY": otherKey.hex])
        XCTAssertFalse(wrong.stdout.contains("name.known"), "without the right key the file reveals nothing")
    }

    func testFingerprintsWithoutAKeyOrWithABadKeyAreExit2() throws {
        try fingerprints(["Janey"], key: FingerprintKey(bytes: Array(repeating: 3, count: 32)))
        try write(clean, to: "clean.txt")
        let none = try run(["check", "clean.txt", "--fingerprints", "names.json"])
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "anonymise: --fingerprints needs its key: --key-file FILE or the ANONYMISE_FINGERPRINT_KEY environment variable\n")
        let bad = try run(["check", "clean.txt", "--fingerprints", "names.json"], environment: ["ANONYMISE_FINGERPRINT_KEY": "xyz"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "anonymise: ANONYMISE_FINGERPRINT_KEY: is not a fingerprint key (expected 64 hexadecimal characters)\n")
        try write("{}", to: "bogus.json")
        let bogus = try run(["check", "clean.txt", "--fingerprints", "bogus.json", "--key-file", "key.hex"])
        XCTAssertEqual(bogus.status, 2)
        XCTAssertEqual(bogus.stderr, "anonymise: \(scratch.appendingPathComponent("bogus.json").path): is not an anonymise fingerprints file\n")
    }

    // MARK: suppression

    func testAllowListSuppresses() throws {
        try write("Mrs X was visited by Dr Patel.\n", to: "d.txt")
        XCTAssertEqual(try run(["check", "d.txt"]).status, 1)
        try write("# the care provider's doctor, named by law\nDr Patel\n", to: "allow.txt")
        let result = try run(["check", "d.txt", "--allow", "allow.txt"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("(not shown: 1 allowed)"), result.stdout)
    }

    func testWriteBaselineThenMovedTextStillPasses() throws {
        try write(leaky, to: "d.txt")
        let written = try run(["check", "d.txt", "--write-baseline", "baseline.json"])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stderr, "baseline.json: baseline of 3 findings in 1 file\n")
        XCTAssertFalse(try String(contentsOf: scratch.appendingPathComponent("baseline.json"), encoding: .utf8).contains("Whitfield"))
        try write("New heading\n\n" + leaky.replacingOccurrences(of: "\n\n", with: "\n\nAn inserted paragraph.\n\n"), to: "d.txt")
        let moved = try run(["check", "d.txt", "--baseline", "baseline.json"])
        XCTAssertEqual(moved.status, 0, moved.stdout)
        try write(leaky + "Mr Okafor agreed.\n", to: "d.txt")
        let added = try run(["check", "d.txt", "--baseline", "baseline.json"])
        XCTAssertEqual(added.status, 1)
        XCTAssertTrue(added.stdout.contains("d.txt:5:1: error: name.titled"), added.stdout)
    }

    // MARK: formats

    func testMachineFormatsKeepTheSummaryOnStandardErrorAndOutputCanGoToAFile() throws {
        try write(leaky, to: "d.txt")
        let sarif = try run(["check", "d.txt", "--format", "sarif", "-o", "out/report.sarif"])
        XCTAssertEqual(sarif.status, 1)
        XCTAssertEqual(sarif.stdout, "")
        XCTAssertEqual(sarif.stderr, "1 file checked: 3 errors, 0 warnings, 0 notes; 1 file fails at --fail-on warning\n")
        let data = try Data(contentsOf: scratch.appendingPathComponent("out/report.sarif"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        XCTAssertEqual(object?["version"] as? String, "2.1.0")
        let github = try run(["check", "d.txt", "--format", "github", "--quiet"])
        XCTAssertEqual(github.stderr, "")
        XCTAssertTrue(github.stdout.hasPrefix("::error file=d.txt,line=1,col=14,"), github.stdout)
        let junit = try run(["check", "d.txt", "--format", "junit"])
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), junit.stdout)
        let json = try run(["check", "d.txt", "--format", "json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }
}
