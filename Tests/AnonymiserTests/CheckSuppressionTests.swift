import XCTest
@testable import Anonymiser

/// Masking, the allow list and the baseline of `anonymise check`.
final class CheckSuppressionTests: XCTestCase {
    // MARK: masking

    func testMaskingKeepsTitlesAndFirstCharacters() {
        XCTAssertEqual(Masking.mask("Mrs Whitfield", category: "person"), "Mrs W********")
        XCTAssertEqual(Masking.mask("Mr and Mrs Okafor", category: "person"), "Mr and Mrs O*****")
        XCTAssertEqual(Masking.mask("Dr. A. Patel", category: "person"), "Dr. A. P****")
        XCTAssertEqual(Masking.mask("Zoë ap Rhys", category: "person"), "Z** a* R***")
        XCTAssertEqual(Masking.mask("07700 900123", category: "phone"), "07*** ******")
        XCTAssertEqual(Masking.mask("+44 7700 900123", category: "phone"), "+44 **** ******")
        XCTAssertEqual(Masking.mask("jane@example.com", category: "email"), "j***@e******.com")
        XCTAssertEqual(Masking.mask("j.whitfield@mail.example.co.uk", category: "email"), "j.w********@m***.e******.co.uk")
        XCTAssertEqual(Masking.mask("12/03/1957", category: "dob"), "1*/**/****")
        XCTAssertEqual(Masking.mask("14 Acacia Avenue, LS6 2AB", category: "address"), "1* A***** A*****, L** 2**")
        XCTAssertEqual(Masking.mask("Mrs A", category: Masking.pseudonymCategory), "Mrs A")
    }

    func testAFindingShowsItsValueOnlyWhenAskedAndAlwaysOnOneLine() throws {
        let document = Document(name: "d.txt", text: "Signed: Mrs Jane\nWhitfield\n")
        let finding = Finding(rule: CheckRuleID.titledName, level: .error, document: document, range: 8..<26, message: "m",
                              category: "person")
        XCTAssertEqual(finding.excerpt(showValues: false), "Mrs J*** W********")
        XCTAssertEqual(finding.excerpt(showValues: true), "Mrs Jane Whitfield")
        XCTAssertEqual(finding.end.line, 2)
    }

    // MARK: allow list

    let text = "Mrs X moved to Abbeyfield Care Home. Dr Patel visited. Call 07700 900123 or 0113 496 0000.\n"

    func check(_ text: String, allow: String? = nil, baseline: CheckBaseline? = nil, name: String = "decision.txt") throws -> FileCheck {
        let run = CheckRun(checker: CheckRulesTests.checker, allowList: try allow.map { try CheckAllowList(text: $0, source: "allow.txt") },
                           baseline: baseline)
        return try run.check(Document(name: name, text: text))
    }

    func testAnAllowedTermOrRegexIsNotReported() throws {
        let before = try check(text)
        XCTAssertTrue(before.findings.contains { $0.text == "Dr Patel" })
        XCTAssertTrue(before.findings.contains { $0.text == "0113 496 0000" })
        let after = try check(text, allow: "# fine to publish\n\ndr  PATEL\nregex: 0113 [0-9]{3} [0-9]{4}\n")
        XCTAssertFalse(after.findings.contains { $0.text == "Dr Patel" }, "a term matches ignoring case and spacing")
        XCTAssertFalse(after.findings.contains { $0.text == "0113 496 0000" })
        XCTAssertTrue(after.findings.contains { $0.text == "07700 900123" }, "only what is allowed")
        XCTAssertEqual(after.allowed, 2)
    }

    func testAnAllowedTermMatchesWholeWordsOnly() throws {
        let after = try check("Dr Patelson wrote.\n", allow: "Dr Patel\n")
        XCTAssertEqual(after.allowed, 0)
    }

    func testABrokenAllowRegexNamesTheFileAndLine() {
        XCTAssertThrowsError(try CheckAllowList(text: "ok\nregex: ([a-z]\n", source: "allow.txt")) { error in
            let error = error as? InputError
            XCTAssertEqual(error?.path, "allow.txt")
            XCTAssertTrue(error?.problem.hasPrefix("line 2: the regex does not compile") == true, error?.problem ?? "")
        }
    }

    // MARK: baseline

    func testABaselineSurvivesMovedText() throws {
        let original = try check(text)
        XCTAssertFalse(original.findings.isEmpty)
        let baseline = CheckBaseline(findings: original.findings)
        let moved = "A new first paragraph.\n\nAnother one, longer than before.\n" + text.replacingOccurrences(of: ". Dr", with: ".\n\nDr")
        let again = try check(moved, baseline: baseline)
        XCTAssertEqual(again.findings.map(\.rule), [], "moving text keeps every accepted finding accepted")
        XCTAssertEqual(again.baselined, original.findings.count)
    }

    func testABaselineDoesNotHideANewOccurrenceOrAnotherFile() throws {
        let baseline = CheckBaseline(findings: try check(text).findings)
        let added = try check(text + "Dr Patel visited again.\n", baseline: baseline)
        XCTAssertEqual(added.findings.map(\.text), ["Dr Patel"], "one accepted Dr Patel does not accept a second")
        XCTAssertEqual(added.findings.first?.start.line, 2, "the later occurrence is the new one")
        let elsewhere = try check(text, baseline: baseline, name: "other.txt")
        XCTAssertEqual(elsewhere.baselined, 0, "a baseline entry belongs to its file")
    }

    func testABaselineFileHoldsNoTextAndRoundTrips() throws {
        let baseline = CheckBaseline(findings: try check(text).findings)
        let data = baseline.encoded()
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(json.contains("Patel"))
        XCTAssertFalse(json.contains("07700"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        XCTAssertEqual(try CheckBaseline.load(url), baseline)
        try Data("{\"format\":\"something-else\"}".utf8).write(to: url)
        XCTAssertThrowsError(try CheckBaseline.load(url)) { error in
            XCTAssertTrue((error as? InputError)?.problem.contains("is not an anonymise check baseline") == true)
        }
    }

    func testTheFingerprintIgnoresCaseSpacingAndLeadingDotSlash() {
        XCTAssertEqual(CheckBaseline.fingerprint(rule: "name.titled", file: "./a.txt", text: "Mrs  WHITFIELD"),
                       CheckBaseline.fingerprint(rule: "name.titled", file: "a.txt", text: "Mrs Whitfield"))
        XCTAssertNotEqual(CheckBaseline.fingerprint(rule: "name.titled", file: "a.txt", text: "Mrs Whitfield"),
                          CheckBaseline.fingerprint(rule: "name.known", file: "a.txt", text: "Mrs Whitfield"))
    }

    func testTheASCIIShortCutOfMaskingAgreesWithUnicodesLettersAndNumbers() {
        for value in UInt8(0)...UInt8(127) {
            let character = Character(Unicode.Scalar(value))
            XCTAssertEqual(Masking.isWordCharacter(character), character.isLetter || character.isNumber, "\(value)")
        }
        XCTAssertTrue(Masking.isWordCharacter("é"))
        XCTAssertFalse(Masking.isWordCharacter("\r\n"))
    }
}
