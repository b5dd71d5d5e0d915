import XCTest
@testable import Anonymiser

/// The link and pseudonymise stages, one mechanism per test, on texts written for the test.
final class NameLinkingTests: XCTestCase {
    func testEveryFormOfTheComplainantsNameIsOnePerson() throws {
        try assertOutput(
            "Mrs Jane Whitfield complains about repairs. Mrs Whitfield says the damp is worse. Jane phoned twice. The Council wrote to J Whitfield and to Mrs J. Whitfield. The file says WHITFIELD.",
            "Mrs X complains about repairs. Mrs X says the damp is worse. Mrs X phoned twice. The Council wrote to Mrs X and to Mrs X. The file says Mrs X.")
    }

    func testPossessivesKeepTheDraftsApostrophe() throws {
        try assertOutput("Mr Tomasz Nowak complains. Mr Nowak's car and Mr Nowak’s van were damaged.",
                         "Mr X complains. Mr X's car and Mr X’s van were damaged.")
    }

    func testSpousesShareTheLetterWithTheirOwnTitles() throws {
        try assertOutput(
            "Mrs Ada Okafor complains. Her husband, Mr Felix Okafor, agrees. Mr and Mrs Okafor want an apology. Mr & Mrs Okafor wrote again.",
            "Mrs X complains. Her husband, Mr X, agrees. Mr and Mrs X want an apology. Mr and Mrs X wrote again.")
    }

    func testTheFamilyIsNeverTheXFamily() throws {
        try assertOutput(
            "Mr Felix Okafor and Mrs Ada Okafor complain. The Council did not tell the Okafors. It wrote to the Okafor family later.",
            "Mr X and Mrs X complain. The Council did not tell Mr and Mrs X. It wrote to the family later.")
    }

    func testChildrenGetABareLetterAndOthersNewLettersInOrder() throws {
        try assertOutput(
            "Ms Lena Dorsey complains. Her son, Tom, is unwell. Her mother, Mrs Ann Cole, helps. Tom's school called Mrs Cole.",
            "Ms X complains. Her son, Y, is unwell. Her mother, Mrs Z, helps. Y's school called Mrs Z.")
    }

    func testNoPseudonymIsARealInitial() throws {
        // Zara Young's initials rule out Y and Z for everyone.
        try assertOutput(
            "Mrs Beth Moss complains. Her neighbour, Ms Zara Young, gave evidence. Ms Young's letter was ignored.",
            "Mrs X complains. Her neighbour, Ms C, gave evidence. Ms C's letter was ignored.")
    }

    func testMxGivesABareLetter() throws {
        try assertOutput("Mx Sam Carter complains. Sam says Mx Carter's emails went unanswered.",
                         "X complains. X says X's emails went unanswered.")
    }

    func testWordLikeNamesChangeOnlyWhereTheyAreNames() throws {
        try assertOutput(
            "Mrs Rose Hill complains. The Council gave a grace period. Rose says she will appeal. She lives on the hill. Her daughter, Grace, agreed that Grace would write.",
            "Mrs X complains. The Council gave a grace period. Mrs X says she will appeal. She lives on the hill. Her daughter, Y, agreed that Y would write.")
    }

    func testMonthNamesStayMonthsBesideDates() throws {
        try assertOutput("Ms April Dunne complains. In April 2024 the Council wrote. April replied on 3 April.",
                         "Ms X complains. In April 2024 the Council wrote. Ms X replied on 3 April.")
    }

    func testMultiPartAndAccentedSurnames() throws {
        try assertOutput(
            "Ms Siobhán ap Rhys complains. Ms ap Rhys met Mr Pieter van der Berg and Dr Ana De Souza. Dr De Souza and Mr van der Berg agreed. Siobhán thanked Łukasz McDonald-Ward.",
            "Ms X complains. Ms X met Mr Y and Dr Z. Dr Z and Mr Y agreed. Ms X thanked C.")
    }

    func testUntitledFullNamesFromTheGazetteer() throws {
        try assertOutput("Mr Femi Adeyemi complains. Kwame Mensah, his neighbour, saw the flood. Kwame said so.",
                         "Mr X complains. Y, his neighbour, saw the flood. Y said so.")
    }

    func testOrganisationsAndPlacesAreNotPeople() throws {
        let draft = "Mrs Nadia Ferris complains. She was on Florence Nightingale Ward. She wrote to Smith & Sons Ltd and the Care Quality Commission under the Children Act 1989. She lives on Victoria Road near St Mary's Church."
        // Without generalisation, so only the person changes (the ward is a residual detail).
        let strict = Anonymiser(patterns: Fixtures.patterns, generalisesResidualDetail: false)
        XCTAssertEqual(try strict.redact(Document(name: "d", text: draft)).output, draft.replacingOccurrences(of: "Mrs Nadia Ferris", with: "Mrs X"))
    }

    func testStaffAreNamedByRole() throws {
        try assertOutput(
            "Mrs Nadia Ferris complains. Ms Priya Shah, the social worker, visited in May. Ms Shah's notes are brief. Mr Dan Reid (the team manager) agreed. The complaints officer, Mr Joe Lamb, who replied, apologised.",
            "Mrs X complains. The social worker visited in May. The social worker's notes are brief. The team manager agreed. The complaints officer, who replied, apologised.")
    }

    func testRepresentativesAreNamedByRole() throws {
        try assertOutput("Mr Omar Said complains. His MP, Jo Bloggs MP, wrote to the Council.",
                         "Mr X complains. His MP wrote to the Council.")
    }

    func testLettersEmailsAndSignOffs() throws {
        try assertOutput(
            "Mrs Jane Whitfield complains.\nDear Jane,\nWe will reply.\nKind regards,\nHousing Services\n\nFrom: Jane Whitfield\nThanks,\nJane\n",
            "Mrs X complains.\nDear Mrs X,\nWe will reply.\nKind regards,\nHousing Services\n\nFrom: Mrs X\nThanks,\nMrs X\n")
    }

    func testTheComplainantIsXEvenWhenSomeoneElseIsNamedFirst() throws {
        try assertOutput("Mr Leo Grant's tenant, Ms Ruth Kemp, complains about him. Ms Kemp says Mr Grant ignored her.",
                         "Mr Y's tenant, Ms X, complains about him. Ms X says Mr Y ignored her.")
    }

    func testAlreadyPseudonymisedTextIsLeftAlone() throws {
        let published = "Mrs X complains. Mr and Mrs Y agreed. Mrs X’s son, Z, was unwell. Mr X. The Council apologised."
        XCTAssertEqual(try Fixtures.output(published), published)
    }

    func testInvertedRecordNames() throws {
        try assertOutput("Mr Kwame Boateng died in 2023. The record says \"BOATENG, Kwame, born 1937\".",
                         "Mr X died in 2023. The record says \"Mr X, born 1937\".")
    }

    func testTwoTitlesForOnePersonAreFlagged() throws {
        let redaction = try Fixtures.redact("Mrs Erin Vale complains. Mrs Vale wrote. Mrs Vale rang. Ms Vale called.")
        XCTAssertEqual(redaction.output, "Mrs X complains. Mrs X wrote. Mrs X rang. Mrs X called.")
        XCTAssertEqual(redaction.flags.map(\.rule), ["house-style.title-mismatch"])
    }

    func testARoleAfterAPossessiveNameNeverCarriesTheName() throws {
        try assertOutput("Ms Adaeze Nwosu complains. Adaeze's GP, Dr Kamal Haque, wrote to us. Dr Haque said she was unwell.",
                         "Ms X complains. Ms X's GP wrote to us. The GP said she was unwell.")
    }

    func testARelationAfterANameMarksAnotherPerson() throws {
        try assertOutput("Ms Adaeze Nwosu complains. Mrs Nwosu, Adaeze's mother, is ill. Mrs Nwosu rang us.",
                         "Ms X complains. Mrs Y, Ms X's mother, is ill. Mrs Y rang us.")
    }

    func testAFamilyWithoutTheArticle() throws {
        try assertOutput("Ms Adaeze Nwosu complains. Nwosu family members visited.", "Ms X complains. The family members visited.")
    }

    func testKnownPeopleKeepTheirLettersAndAliasesAreFound() throws {
        let known = KnownPerson(id: 1, letter: "Y", title: Title("Mrs"), kind: .adult, isComplainant: true,
                                givenNames: ["jane"], surname: "whitfield", aliases: ["jane smith", "janey"])
        let context = CaseContext(reference: "24 013 403", people: [known], realInitials: ["J", "W", "S"])
        let draft = "Mrs Jane Whitfield complains. Janey, formerly Jane Smith, wrote. Her neighbour, Mr Omar Said, agreed."
        let redaction = try Fixtures.anonymiser.redact(Document(name: "d", text: draft), case: context)
        // Y is kept for the known complainant; X was never used in the case, so a new person may take it.
        XCTAssertEqual(redaction.output, "Mrs Y complains. Mrs Y, formerly Mrs Y, wrote. Her neighbour, Mr X, agreed.")
        XCTAssertEqual(redaction.mentioned.first { $0.letter == "Y" }?.registryID, 1)
    }

    func testAccentsDoNotSplitAPerson() throws {
        try assertOutput("Mr Dariusz Wiśniewski complains. Mr D Wisniewski rang. WISNIEWSKI was on the list.",
                         "Mr X complains. Mr X rang. Mr X was on the list.")
    }

    func testARoleAfterALowerCasePossessive() throws {
        try assertOutput("Mr Omar Said complains. The family's caseworker, Tom Briggs, replied.",
                         "Mr X complains. The family's caseworker replied.")
    }

    func testRelationsOfANamedOwner() throws {
        try assertOutput("Mrs Gurpreet Kaur complains. Gurpreet's son, Arjun, is unwell. The complainant's daughter, Eilidh, helps.",
                         "Mrs X complains. Mrs X's son, Y, is unwell. The complainant's daughter, Z, helps.")
    }

    func testARoleInBracketsWithoutAnArticle() throws {
        try assertOutput("Mr Omar Said complains. His representative is Ms Grace Long (solicitor). Ms Long wrote.",
                         "Mr X complains. His representative is the solicitor. The solicitor wrote.")
    }

    func testAWordLikeSurnameAloneStaysAWordUnlessPossessiveOrInCapitals() throws {
        try assertOutput("Mr Will Young complains. Young people gather there. Long delays followed. Young's fence fell. YOUNG signed.",
                         "Mr X complains. Young people gather there. Long delays followed. Mr X's fence fell. Mr X signed.")
    }

    func testTwoGivenNamesUsedTogether() throws {
        try assertOutput("Miss Thi Hoa Nguyen complains. Thi Hoa says the bailiff came. The Council's enforcement agent, Mr Craig Pope, left.",
                         "Miss X complains. Miss X says the bailiff came. The Council's enforcement agent left.")
    }

    func testPoliceTitlesAreRoles() throws {
        try assertOutput("Ms Roisin Daly complains. PC Ahmed visited. PC Ahmed's notes are brief.",
                         "Ms X complains. The police officer visited. The police officer's notes are brief.")
    }

    func testReviewFindings() throws {
        // A relative written after "her" is not the woman complaining.
        try assertOutput("Complainant: Ms Amy Whitfield\nMs Whitfield complains about her mother, Mrs Whitfield. Mrs Whitfield is ill.",
                         "Complainant: Ms X\nMs X complains about her mother, Mrs Y. Mrs Y is ill.")
        // An accented initial and a non-breaking hyphen keep the person whole.
        try assertOutput("Mr Łukasz Nowak complains. Mr Ł. Nowak rang. Mrs Hannah Smith‑Jones agreed.",
                         "Mr X complains. Mr X rang. Mrs Y agreed.")
        // CRLF line ends do not stop multi-line rules.
        try assertOutput("Address: 4 Tannery Lane\r\nKelbrook\r\nKB7 2NW\r\n", "Address: [address]\r\n")
    }

    func testACoupleWithTwoLettersNamesBoth() throws {
        let pseudonymiser = Pseudonymiser()
        var people = [Person(firstOffset: 0), Person(firstOffset: 5)]
        people[0].letter = "Y"; people[0].titles = [Title("Mr")!]
        people[1].letter = "Z"; people[1].titles = [Title("Mrs")!]
        let couple = PersonMention(range: 0..<20, form: .couple, title: Title("Mr"), title2: Title("Mrs"), givenNames: [], initials: [],
                                   surname: "Lee", relation: nil, role: nil, marksComplainant: false, ruleID: "person.couple", person: 0, person2: 1)
        XCTAssertEqual(pseudonymiser.replacement(for: couple, people: people, atSentenceStart: false), "Mr Y and Mrs Z")
    }
}
