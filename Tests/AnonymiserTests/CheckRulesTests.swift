import XCTest
@testable import Anonymiser

/// Each rule of `anonymise check`: what it reports, at which level, and what it leaves alone.
final class CheckRulesTests: XCTestCase {
    static let checker = Checker(patterns: Fixtures.patterns)

    func findings(_ text: String, checker: Checker = CheckRulesTests.checker) throws -> [Finding] {
        try checker.check(Document(name: "decision.txt", text: text))
    }

    func rules(_ text: String) throws -> [String] { try findings(text).map(\.rule) }

    // MARK: errors

    func testADirectIdentifierIsAnErrorUnderItsPatternRule() throws {
        let found = try findings("Mrs X can be reached on 07700 900123 most days.\n")
        let phone = try XCTUnwrap(found.first { $0.category == "phone" })
        XCTAssertEqual(phone.rule, "contact.phone-mobile")
        XCTAssertEqual(phone.level, .error)
        XCTAssertEqual(phone.text, "07700 900123")
        XCTAssertEqual(phone.start, TextPosition(offset: 24, line: 1, column: 25))
        XCTAssertEqual(phone.end.column, 37)
    }

    func testEveryKindOfDirectIdentifierIsAnError() throws {
        let text = """
        Email: jane.whitfield@example.com
        NHS number: 943 476 5919
        National Insurance number: JA 12 34 56 C
        Sort code 20-00-00, account number 12345678.
        Postcode: SW1A 1AA

        """
        let found = try findings(text)
        let categories = Set(found.filter { $0.level == .error }.map(\.category))
        for category in ["email", "nhs", "nino", "sort-code", "account", "postcode"] {
            XCTAssertTrue(categories.contains(category), "\(category) missing from \(categories.sorted())")
        }
    }

    func testATitledNameThatIsNotAPseudonymIsAnError() throws {
        let found = try findings("Mrs Whitfield complained. Dr Patel wrote to the Council.\n")
        let names = found.filter { $0.rule == CheckRuleID.titledName }
        XCTAssertEqual(names.map(\.text), ["Mrs Whitfield", "Dr Patel"])
        XCTAssertTrue(names.allSatisfy { $0.level == .error })
    }

    func testPseudonymsAreNotNames() throws {
        let found = try findings("Mrs X complained. Mr and Mrs Y replied. Dr B gave evidence. Mr X. This is because the Council agreed.\n")
        XCTAssertEqual(found.filter { $0.category == "person" }.map(\.text), [])
        XCTAssertFalse(found.contains { $0.level >= .warning }, "\(found.map(\.rule))")
    }

    func testACoupleUnderARealSurnameIsATitledName() throws {
        let found = try findings("Mr and Mrs Okafor asked for a review.\n")
        XCTAssertEqual(found.first?.rule, CheckRuleID.titledName)
        XCTAssertEqual(found.first?.text, "Mr and Mrs Okafor")
    }

    func testAStaffMemberNamedBesideTheirRoleIsReportedAtTheName() throws {
        let found = try findings("Mrs X met Ms Priya Shah, the social worker, at home.\n")
        let name = try XCTUnwrap(found.first { $0.category == "person" })
        XCTAssertEqual(name.rule, CheckRuleID.titledName)
        XCTAssertEqual(name.text, "Ms Priya Shah", "the position points at the name, not the role")
    }

    // MARK: warnings

    func testAnUntitledNameIsAWarning() throws {
        let found = try findings("Mrs X says her son, Tom, was refused a place.\n")
        let name = try XCTUnwrap(found.first { $0.category == "person" })
        XCTAssertEqual(name.rule, CheckRuleID.untitledName)
        XCTAssertEqual(name.level, .warning)
        XCTAssertEqual(name.text, "Tom")
    }

    func testTheNameOfTheCouncilComplainedAboutIsNotAPerson() throws {
        let found = try findings("West Berkshire Council (24 015 916)\nThe school is based in West Berkshire.\n")
        XCTAssertFalse(found.contains { $0.category == "person" }, "\(found.map(\.rule))")
    }

    func testTheSameLetterWithTwoTitlesIsAWarning() throws {
        let found = try findings("Mrs X complained. Mrs X says the Council ignored her. Miss X asked again.\n")
        let breach = try XCTUnwrap(found.first { $0.rule == CheckRuleID.twoTitles })
        XCTAssertEqual(breach.level, .warning)
        XCTAssertEqual(breach.text, "Miss X", "the less common title is the odd one")
        XCTAssertEqual(breach.excerpt(showValues: false), "Miss X", "a pseudonym is shown as it is")
    }

    func testASpouseSharesTheLetterWithTheirOwnTitle() throws {
        XCTAssertEqual(try rules("Mr and Mrs X complained. Mr X wrote first; Mrs X wrote later.\n"), [])
    }

    func testALetterTheHouseStyleNeverUsesIsANote() throws {
        // Published decisions do use "Ms A"; it identifies no one, so it does not fail the gate.
        let found = try findings("Mrs A complained about the Council.\n")
        XCTAssertEqual(found.map(\.rule), [CheckRuleID.skippedLetter])
        XCTAssertEqual(found.first?.level, .note)
        XCTAssertEqual(try rules("Mrs X complained about the Council.\n"), [])
    }

    func testALetterUsedForTwoPeopleIsAWarning() throws {
        let found = try findings("Mrs Y is Mrs X's mother. Mrs X's son, Y, attends school.\n")
        let breach = try XCTUnwrap(found.first { $0.rule == CheckRuleID.letterReused })
        XCTAssertEqual(breach.level, .warning)
        XCTAssertTrue(breach.text.hasSuffix("Y"))
        let twins = try findings("Mrs X's son, Z, and her daughter, Z, both attend.\n")
        XCTAssertTrue(twins.contains { $0.rule == CheckRuleID.letterReused }, "\(twins.map(\.rule))")
    }

    func testABareLetterForAnAdultIsAWarning() throws {
        let found = try findings("Mrs X cares for her mother, Y, at home.\n")
        XCTAssertEqual(found.map(\.rule), [CheckRuleID.bareLetterAdult])
        XCTAssertEqual(try rules("Mrs X cares for her mother, Mrs Y, and her son, Z.\n"), [])
    }

    // MARK: notes

    func testResidualDetailIsANote() throws {
        let found = try findings("Mrs X says her son moved to Oakwood Primary School in the autumn.\n")
        let note = try XCTUnwrap(found.first { $0.level == .note })
        XCTAssertTrue(note.rule.hasPrefix("residual."), note.rule)
        XCTAssertEqual(note.text, "Oakwood Primary School")
        XCTAssertFalse(found.contains { $0.level > .note }, "\(found.map(\.rule))")
    }

    // MARK: redacted text

    func testPlaceholdersWrittenByRedactAreNotIdentifiers() throws {
        XCTAssertEqual(try rules("Complainant: Mrs X\nAddress: [address]\nTelephone: [phone number]\n").filter { !$0.hasPrefix("residual.") }, [])
    }

    func testRedactOutputOfADraftHasNoErrors() throws {
        let draft = "Complainant: Mrs Jane Whitfield\nAddress: 14 Acacia Avenue, Leeds LS6 2AB\nTelephone: 07700 900123\n\n"
            + "Mrs Whitfield complains. Jane says the Council ignored her.\n"
        XCTAssertTrue(try findings(draft).contains { $0.level == .error })
        let redacted = try Fixtures.output(draft)
        XCTAssertEqual(try findings(redacted).filter { $0.level == .error }.map(\.rule), [])
    }

    // MARK: known names (fingerprints)

    static let key = FingerprintKey(bytes: Array(repeating: 7, count: 32))

    func testAKnownNameIsFoundThroughTheFingerprintsFile() throws {
        // A nickname in no name list: only the fingerprints know it.
        let fingerprints = NameFingerprints(cases: ["24 013 403"], variants: ["Jane Whitfield", "Whitfield", "Jinxie"], key: CheckRulesTests.key)
        let checker = Checker(patterns: Fixtures.patterns, knownNames: KnownNames(fingerprints: fingerprints, key: CheckRulesTests.key))
        let found = try findings("The letter was signed by Jinxie and sent to the Council.\n", checker: checker)
        let known = try XCTUnwrap(found.first { $0.rule == CheckRuleID.knownName })
        XCTAssertEqual(known.level, .error)
        XCTAssertEqual(known.text, "Jinxie")
        XCTAssertEqual(known.excerpt(showValues: false), "J*****")
        // Without the fingerprints the word is not a finding at all.
        XCTAssertFalse(try findings("The letter was signed by Jinxie and sent to the Council.\n").contains { $0.level >= .warning })
    }

    func testAKnownNameReplacesTheNameFindingItOverlaps() throws {
        let fingerprints = NameFingerprints(cases: ["24 013 403"], variants: ["Whitfield"], key: CheckRulesTests.key)
        let checker = Checker(patterns: Fixtures.patterns, knownNames: KnownNames(fingerprints: fingerprints, key: CheckRulesTests.key))
        let found = try findings("Mrs Whitfield complained.\n", checker: checker)
        XCTAssertEqual(found.map(\.rule), [CheckRuleID.knownName])
        XCTAssertEqual(found.first?.text, "Mrs Whitfield")
    }

    func testTheFingerprintsFileCannotRevealNamesWithoutTheKey() throws {
        let fingerprints = NameFingerprints(cases: ["24 013 403"], variants: ["Jane Whitfield", "Whitfield"], key: CheckRulesTests.key)
        let file = String(decoding: fingerprints.encoded(), as: UTF8.self)
        XCTAssertFalse(file.lowercased().contains("whitfield"), "the file holds HMACs only")
        XCTAssertFalse(file.lowercased().contains("jane"))
        // Another key (a guess, or no key at all) matches nothing.
        let wrongKey = FingerprintKey(bytes: Array(repeating: 8, count: 32))
        let checker = Checker(patterns: Fixtures.patterns, knownNames: KnownNames(fingerprints: fingerprints, key: wrongKey))
        XCTAssertFalse(try findings("Notes from Whitfield arrived.\n", checker: checker).contains { $0.rule == CheckRuleID.knownName })
    }
}
