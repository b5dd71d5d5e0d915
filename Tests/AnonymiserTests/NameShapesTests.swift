import XCTest
@testable import Anonymiser

/// The ways a name is written in case files, one class per test, each from the grammar of
/// names (sentences written for these tests): a person is one pseudonym in every form, and
/// a form is replaced whole — never "Mr X, Mr X", never "Mr LH Mr X".
final class NameShapesTests: XCTestCase {
    // MARK: 1. Record forms

    func testRecordFormsAreOnePersonRenderedOnce() throws {
        try assertOutput(
            """
            Mrs Ffion Haddow complains.
            Name: HADDOW, Ffion   DOB: 2 May 1970
            Client | Haddow, Ffion | tenant
            HADDOW Ffion (Mrs) was seen at home.
            HADDOW F
            Haddow, F. (Mrs)
            """,
            """
            Mrs X complains.
            Name: Mrs X   DOB: [date of birth]
            Client | Mrs X | tenant
            Mrs X was seen at home.
            Mrs X
            Mrs X
            """)
    }

    func testRecordNamesWithParticlesAndCapitals() throws {
        try assertOutput(
            "Name: VAN DER BERG, Pieter\nMr Pieter van der Berg complains. Mr VAN DER BERG rang.\nName: Ó Briain, Aoife (Ms)\nMs Ó Briain agreed.",
            "Name: Mr X\nMr X complains. Mr X rang.\nName: Ms Y\nMs Y agreed.")
    }

    func testProseWithACommaIsNoRecord() throws {
        // "However, Ffion" is a sentence, not "Surname, Given"; the first name alone is still hers.
        try assertOutput("Mrs Ffion Haddow complains. However, Ffion said the repairs were late. Finally, the Council replied.",
                         "Mrs X complains. However, Mrs X said the repairs were late. Finally, the Council replied.")
        // Capitals and a comma that are no name: a heading, acronyms.
        try assertOutput("FINAL DECISION, Summary\nThe NHS, GP and CCG replied.\n", "FINAL DECISION, Summary\nThe NHS, GP and CCG replied.\n")
    }

    // MARK: 2. Initials

    func testInitialsBelongToTheName() throws {
        try assertOutput(
            "Mr Tobias Grunwald complains. Mr TG Grunwald wrote on 3 May. T.G. Grunwald signed it. Mr T. Grunwald rang. Mr T G Grunwald agreed.",
            "Mr X complains. Mr X wrote on 3 May. Mr X signed it. Mr X rang. Mr X agreed.")
        try assertOutput("Miss M.E. Ashdown replied. Miss Ashdown's letter came. P.K. Lyle-Ashdown agreed.",
                         "Miss X replied. Miss X's letter came. Y agreed.")
    }

    func testASurnameWrittenAsItsInitialIsThePerson() throws {
        // House style never lets a real initial stand for a person: "Mrs S" is Mrs Samuels.
        try assertOutput(
            "Mr Tomos Samuels and Mrs Eira Samuels complain. Mr & Mrs S say the roof leaks. The Ss want repairs. Mrs ER S wrote. Mrs S. rang. Mr T S called.",
            "Mr X and Mrs X complain. Mr and Mrs X say the roof leaks. Mr and Mrs X want repairs. Mrs X wrote. Mrs X rang. Mr X called.")
        // Initials alone after a title are someone too.
        try assertOutput("Dr PQ R replied.", "Dr X replied.")
    }

    func testAPseudonymEndingASentenceIsNoInitial() throws {
        try assertOutput("I spoke to Mrs X. Mrs X. The Council agreed. Name: Mrs X   DOB: [date of birth]",
                         "I spoke to Mrs X. Mrs X. The Council agreed. Name: Mrs X   DOB: [date of birth]")
    }

    // MARK: 3. Word-like names

    func testWordLikeNamesAreTheirsWhereGrammarMakesThemNames() throws {
        try assertOutput(
            "Mrs Harriet Price complains. Price said the price was too high. Hope Sharp, her neighbour, agreed. Sharp was upset; the knife was sharp.",
            "Mrs X complains. Mrs X said the price was too high. Y, her neighbour, agreed. Y was upset; the knife was sharp.")
        try assertOutput("Mrs Price's son, Will, said he will help. Will wrote. Will the Council act?",
                         "Mrs X's son, Y, said he will help. Y wrote. Will the Council act?")
    }

    // MARK: 4. Name structure beyond Anglo forms

    func testParticlesPrefixesAndDoubleBarrelledNames() throws {
        try assertOutput(
            "Ms Aoife Ó Briain complains. Ms Ó Briain met Mr Pieter van der Berg. VAN DER BERG was on the list. Mrs Nia ap Rhys, Mr Karim al-Hashimi and Dr Ana De La Cruz agreed. Dr De La Cruz wrote. Mr al-Hashimi left.",
            "Ms X complains. Ms X met Mr Y. Mr Y was on the list. Mrs Z, Mr E and Dr F agreed. Dr F wrote. Mr E left.")
        try assertOutput("Mrs R. Mac Giolla complains. A.J. Mac Giolla signed it. Mr Wanjiru Kung'u agreed. Mr Kung'u's letter came.",
                         "Mrs X complains. Mrs X signed it. Mr Y agreed. Mr Y's letter came.")
    }

    func testAMarriedOrDoubleBarrelledNameIsTheSamePerson() throws {
        try assertOutput("Mr Dai Lau complains. Mr Lau-Steel wrote again. Mr Lau's letter and Mr Lau-Steel's email arrived.",
                         "Mr X complains. Mr X wrote again. Mr X's letter and Mr X's email arrived.")
        // Another gender is another person: a relative with another surname.
        try assertOutput("Mr Dai Lau complains. Mrs Lau-Steel wrote.", "Mr X complains. Mrs Y wrote.")
    }

    func testTwoPartGivenNamesTogetherAndAlone() throws {
        try assertOutput("Ms Suk Yee Chan complains. Suk Yee said so. Ms S. Chan rang.", "Ms X complains. Ms X said so. Ms X rang.")
    }

    func testAFamilyMemberBesideAKnownSurname() throws {
        try assertOutput("Mr Owain Kemble complains. Rhiannon Kemble, his daughter, agreed. Rhiannon wrote. Meilin Kemble was born in 2019.",
                         "Mr X complains. Y, his daughter, agreed. Y wrote. Z was born in 2019.")
    }

    func testCouplesByGivenNames() throws {
        try assertOutput("Noor and Sami Haddad complained. Mrs Haddad wrote. Mr Haddad agreed.",
                         "Mr and Mrs X complained. Mrs X wrote. Mr X agreed.")
        try assertOutput("Health and Social Care was at fault.", "Health and Social Care was at fault.")
    }

    // MARK: 5. Untitled staff, lone first names, parties lists

    func testStaffNamedBeforeOrAfterTheirRoleAreTheRole() throws {
        try assertOutput(
            "The Council's Team Manager, Owen Pryce, agreed. Carys Dobbs, the social worker, visited. The Head of Service Mr Iwan Roberts replied.",
            "The Council's Team Manager agreed. The social worker visited. The Head of Service replied.")
    }

    func testAComplainantsOccupationIsNoRole() throws {
        try assertOutput("Mrs Jane Whitfield, a nurse, complains about the Council. Mrs Whitfield said so. Mr Tom Ray, a second assessor, upheld it. Mr Ray wrote.",
                         "Mrs X, a nurse, complains about the Council. Mrs X said so. A second assessor upheld it. The second assessor wrote.")
    }

    func testAFirstNameAloneIsAPersonWhereItStandsAsAName() throws {
        try assertOutput("Mrs Elowen Treharne complains. Elowen has a place at college. Jory’s bedroom is damp. Jory was unwell.",
                         "Mrs X complains. Mrs X has a place at college. Y’s bedroom is damp. Y was unwell.")
        // A month, a place, a word, and a first name inside a longer proper noun stay.
        try assertOutput("Decision date : 14 Jan 2022. She moved to Victoria Road in June. The Florence Nightingale Ward closed.",
                         "Decision date : 14 Jan 2022. She moved to Victoria Road in June. The Florence Nightingale Ward closed.")
    }

    func testNamesInLowerCaseInQuotedMessages() throws {
        try assertOutput("Mr Owain Kemble complains.\nhi owain, thanks for this\nKind regards,\nRhiannon",
                         "Mr X complains.\nhi Mr X, thanks for this\nKind regards,\nY")
    }

    func testMessagesTranscriptsAndTables() throws {
        try assertOutput(
            """
            Mrs Jane Whitfield complains.
            | Name | Jane Whitfield | DOB | 01/02/1970 |
            [12/03/2023, 09:14] Jane Whitfield: hi tom, can you call
            [12/03/2023, 09:20] Tom Reid: will do
            JW: I called the council twice.
            Attendees: Jane Whitfield (complainant), Tom Reid (housing officer)
            """,
            """
            Mrs X complains.
            | Name | Mrs X | DOB | [date of birth] |
            [12/03/2023, 09:14] Mrs X: hi the housing officer, can you call
            [12/03/2023, 09:20] the housing officer: will do
            Mrs X: I called the council twice.
            Attendees: Mrs X (complainant), the housing officer
            """)
    }

    func testAPartiesListGivesRelations() throws {
        try assertOutput(
            "Key people\nComplainant: Mr Owain Kemble\nHusband/partner: Ffion Kemble\nChild\tGethin Kemble (son)\nMr Kemble says Gethin was unwell.",
            "Key people\nComplainant: Mr X\nHusband/partner: X\nChild\tY (son)\nMr X says Y was unwell.")
    }

    func testAFormerNameIsAPlaceholderAndTheFamilysPossessiveReads() throws {
        try assertOutput("Ms Ada Okafor (née Adeyemi) complains. The Okafors’ flat is small. The Okafors' garden floods.",
                         "Ms X (née [former name]) complains. The family’s flat is small. The family's garden floods.")
    }

    // MARK: 6. Text from word processors

    func testInvisibleAndUnicodeCharactersDoNotHideAName() throws {
        let draft = "Dr\u{00A0}Anjali Patel wrote. Mrs\u{202F}Whit\u{200B}field, Mr O\u{2019}Br\u{00AD}ien and Mr \u{0421}ole (Cyrillic C) agreed. \u{200E}Patel\u{200F} signed."
        let output = try Fixtures.output(draft)
        XCTAssertEqual(output, "Dr X wrote. Mrs Y, Mr Z and Mr B (Cyrillic C) agreed. \u{200E}Dr X\u{200F} signed.")
        // The gate reads the same text: every one of them is a finding.
        let findings = try CheckRulesTests.checker.check(Document(name: "d.txt", text: draft))
        XCTAssertEqual(findings.filter { $0.rule == CheckRuleID.titledName }.count, 4)
    }
}
