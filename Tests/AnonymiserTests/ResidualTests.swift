import XCTest
@testable import Anonymiser

/// Residual details: flagged with a reason and suggestion; reworded where the house
/// style gives a safe rewording (unless generalisation is off); never a person.
final class ResidualTests: XCTestCase {
    func testExactAgesBecomeBandsWithThePersonsPronoun() throws {
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield complains. Mrs Whitfield is 78 years old."),
                       "Mrs X complains. Mrs X is in her seventies.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said complains. Mr Said, aged 91, lives alone."),
                       "Mr X complains. Mr X, in his nineties, lives alone.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield complains. Her son, Tom, who is 9, was ill."),
                       "Mrs X complains. Her son, Y, who is of primary school age, was ill.")
    }

    func testNamedPlacesOfCareAndWorkAreReworded() throws {
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey was admitted to Ward 7 at Kingsholm Hospital in May."),
                       "Ms X was admitted to a hospital ward in May.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey works at the Co-op in Belper."),
                       "Ms X works for a local employer.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey's son attends Oakbrook Primary School."),
                       "Ms X's son attends the School.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey has lived in Belper all her life."),
                       "Ms X has lived in the area all her life.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey owns a cottage in the village of Ockbrook."),
                       "Ms X owns a cottage in a nearby village.")
    }

    func testARewordingAtTheStartOfASentenceIsCapitalised() throws {
        XCTAssertEqual(try Fixtures.output("Mr Omar Said complains. Hope Street School has 300 pupils."),
                       "Mr X complains. The School has 300 pupils.")
    }

    func testAPlaceAbroadIsFlaggedButNotReworded() throws {
        let redaction = try Fixtures.redact("Ms Lena Dorsey's mother lives in Portugal.")
        XCTAssertEqual(redaction.output, "Ms X's mother lives in Portugal.")
        XCTAssertEqual(redaction.flags.map(\.category), ["place"])
    }

    func testEveryRewordingIsStillFlaggedForReview() throws {
        let redaction = try Fixtures.redact("Mrs Jane Whitfield is 78 years old and attends Oakbrook Primary School.")
        XCTAssertEqual(Set(redaction.flags.map(\.category)), ["age", "school"])
        for flag in redaction.flags {
            XCTAssertFalse(flag.reason.isEmpty)
            XCTAssertTrue(flag.suggestion.hasPrefix("generalised to"), flag.suggestion)
        }
    }

    func testKeepResidualOnlyFlags() throws {
        let strict = Anonymiser(patterns: Fixtures.patterns, generalisesResidualDetail: false)
        let draft = "Mrs Jane Whitfield is 78 years old and attends Oakbrook Primary School."
        let redaction = try strict.redact(Document(name: "d", text: draft))
        XCTAssertEqual(redaction.output, "Mrs X is 78 years old and attends Oakbrook Primary School.")
        XCTAssertEqual(Set(redaction.flags.map(\.category)), ["age", "school"])
    }

    func testConditionsAndOtherDetailsAreFlaggedNotChanged() throws {
        let draft = "Ms Lena Dorsey has cerebral palsy and is a wheelchair user. She is a Traveller and has four children."
        let redaction = try Fixtures.redact(draft)
        XCTAssertEqual(redaction.output, draft.replacingOccurrences(of: "Ms Lena Dorsey", with: "Ms X"))
        XCTAssertTrue(Set(redaction.flags.map(\.category)).isSuperset(of: ["health", "family"]), "\(redaction.flags.map(\.category))")
    }

    func testAllowedBodiesAndStatutesAreNeitherPeopleNorFlags() throws {
        let draft = "Derby City Council told the Care Quality Commission under the Care Act 2014 and wrote to the Local Government and Social Care Ombudsman."
        let redaction = try Fixtures.redact(draft)
        XCTAssertEqual(redaction.output, draft)
        XCTAssertEqual(redaction.flags.map(\.category), [])
    }
    private func texts(_ redaction: Redaction) -> [String] { redaction.flags.map { redaction.document.string($0.range) } }

    // MARK: - Ages written in words

    func testAgesInWordsAreBandedLikeDigits() throws {
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield complains. Mrs Whitfield is ninety-one years old."),
                       "Mrs X complains. Mrs X is in her nineties.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said complains. Mr Said, aged eighty-six, lives alone."),
                       "Mr X complains. Mr X, in his eighties, lives alone.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield complains. Her son, Tom, who is sixteen, has left school."),
                       "Mrs X complains. Her son, Y, who is in his late teens, has left school.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield is a hundred and one years old."), "Mrs X is over 100.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield is nearly ninety."), "Mrs X is in her eighties.")
        XCTAssertEqual(try Fixtures.output("Aged eighty-six, Mr Omar Said still lives alone."), "In his eighties, Mr X still lives alone.")
        // A list of ages is banded only when every age shares the band.
        XCTAssertEqual(try Fixtures.output("Her sons, aged 8 and 10, share a room."), "Her sons, of primary school age, share a room.")
        XCTAssertEqual(try Fixtures.output("Her sons, aged three and twelve, share a room."), "Her sons, aged three and twelve, share a room.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said complains. She is a child of nine."),
                       "Mr X complains. She is a child of primary school age.")
        let redaction = try Fixtures.redact("Mr Omar Said, seventy-two, lives alone.")
        XCTAssertEqual(redaction.flags.map(\.category), ["age"])
        XCTAssertTrue(redaction.flags[0].suggestion.hasPrefix("generalised to \"in his seventies\""), redaction.flags[0].suggestion)
    }

    func testAgeAdjectivesAreRewordedAroundTheirNoun() throws {
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield has an eight-year-old son."), "Mrs X has a primary-school-age son.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield has sixteen-year-old twins."), "Mrs X has teenage twins.")
        XCTAssertEqual(try Fixtures.output("An 87-year-old woman complained."), "A woman in her eighties complained.")
        XCTAssertEqual(try Fixtures.output("A hundred-year-old man complained."), "A man over 100 complained.")
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield cares for her 87-year-old mother, who lives alone."),
                       "Mrs X cares for her mother, in her eighties, who lives alone.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said complains. Mr Said, a seventy-three-year-old from the coast, wrote to us."),
                       "Mr X complains. Mr X, a man in his seventies from the coast, wrote to us.")
    }

    func testNumberWordsThatAreNotAgesAreLeftAlone() throws {
        let draft = "Mrs Jane Whitfield waited ten days, and the officer made eight visits in twelve weeks."
        let redaction = try Fixtures.redact(draft)
        XCTAssertEqual(redaction.output, draft.replacingOccurrences(of: "Mrs Jane Whitfield", with: "Mrs X"))
        XCTAssertFalse(redaction.flags.contains { $0.category == "age" }, "\(texts(redaction))")
        // The age of a thing, and 'turned eighteen', are flagged at most, never reworded.
        XCTAssertEqual(try Fixtures.output("The policy is ten years old."), "The policy is ten years old.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said turned eighteen in May."), "Mr X turned eighteen in May.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said turned 18 in May."), "Mr X turned 18 in May.")
        XCTAssertEqual(try Fixtures.output("At 94, Mrs Jane Whitfield still drives."), "In her nineties, Mrs X still drives.")
    }

    // MARK: - Places no gazetteer holds

    func testSmallPlacesAfterLivingWordsAreReworded() throws {
        XCTAssertEqual(try Fixtures.output("Mr Omar Said, a 68-year-old from Kettlewick Moor, complained."),
                       "Mr X, a man in his sixties from the area, complained.")
        XCTAssertEqual(try Fixtures.output("The family are the only Tamil household in Nether Ashby."),
                       "The family are the only Tamil household in the area.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey lives in a village called Upper Brackley."), "Ms X lives in a village.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey grew up near Thornwick."), "Ms X grew up in the area.")
    }

    func testACapitalisedPlaceAfterInIsFlaggedButOrdinaryWordsAreNot() throws {
        let flagged = try Fixtures.redact("The parish meeting was held at Little Wenham last year.")
        XCTAssertEqual(flagged.output, "The parish meeting was held at Little Wenham last year.")
        XCTAssertEqual(flagged.flags.map(\.category), ["place"])
        for draft in ["The hearing was in Court in January and the matter was raised in Parliament.",
                      "A letter from Mrs Jane Whitfield arrived in March.", "Mr Omar Said turned 70 in March.",
                      "She wrote to us in Welsh from Derby City Council.", "He is in Stage 2 of the procedure, in Year 9.",
                      "The photographs show the mould in Amir’s bedroom."] {
            let redaction = try Fixtures.redact(draft)
            XCTAssertFalse(redaction.flags.contains { $0.category == "place" }, "\(draft): \(texts(redaction))")
        }
    }

    // MARK: - Health, nationality and language: flagged, never changed

    func testNamedAndRareConditionsAreFlaggedNotChanged() throws {
        let draft = "Ms Lena Dorsey's son has Kearns–Sayre syndrome and neurofibromatosis. Her daughter has a rare condition called Alström syndrome, and her husband has Becker muscular dystrophy."
        let redaction = try Fixtures.redact(draft)
        XCTAssertEqual(redaction.output, draft.replacingOccurrences(of: "Ms Lena Dorsey", with: "Ms X"))
        let health = redaction.flags.filter { $0.category == "health" }.map { redaction.document.string($0.range) }
        for condition in ["Kearns–Sayre syndrome", "neurofibromatosis", "Alström syndrome", "Becker muscular dystrophy"] {
            XCTAssertTrue(health.contains(condition), "\(condition) not in \(health)")
        }
        let plain = try Fixtures.redact("The diagnosis and the prognosis were discussed with the Council.")
        XCTAssertEqual(plain.flags.map(\.category), [])
    }

    func testNationalityAndLanguageAreFlaggedNotChanged() throws {
        let draft = "Ms Lena Dorsey is Malagasy. Her Burkinabe neighbours speak Gujarati."
        let redaction = try Fixtures.redact(draft)
        XCTAssertEqual(redaction.output, draft.replacingOccurrences(of: "Ms Lena Dorsey", with: "Ms X"))
        XCTAssertEqual(Set(redaction.flags.map(\.category)), ["nationality", "language"])
        let plain = try Fixtures.redact("The Council fitted French doors for a British citizen.")
        XCTAssertEqual(plain.flags.map(\.category), [])
    }

    // MARK: - Employers and workplaces

    func testEmployersInWordsAreReworded() throws {
        XCTAssertEqual(try Fixtures.output("Mr Omar Said worked nights at Humber Coastguard."), "Mr X worked nights for a local employer.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said worked at the Nissan plant in Sunderland."), "Mr X worked for a local employer.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey is employed at Kingsway Garden Centre."), "Ms X is employed by a local employer.")
        XCTAssertEqual(try Fixtures.output("Ms Lena Dorsey's hours at Linwood Bakery were cut."), "Ms X's hours at work were cut.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said drives a bus for Arriva in Leeds."), "Mr X drives a bus for a local employer.")
        // A department is not an employer; a charity the Council works with is not an employer either.
        XCTAssertEqual(try Fixtures.output("The Council worked with Shelter to find a flat."), "The Council worked with Shelter to find a flat.")
        XCTAssertEqual(try Fixtures.output("Mr Omar Said works in Finance."), "Mr X works in Finance.")
    }

    // MARK: - Institutions named after a person

    func testASchoolNamedAfterAPersonIsOneDetailNotAPerson() throws {
        XCTAssertEqual(try Fixtures.output("Mrs Jane Whitfield's daughter attends Lady Margaret School."),
                       "Mrs X's daughter attends the School.")
        let strict = Anonymiser(patterns: Fixtures.patterns, generalisesResidualDetail: false)
        let redaction = try strict.redact(Document(name: "d", text: "Mrs Jane Whitfield's son went to Sir John Talbot's School."))
        XCTAssertEqual(redaction.output, "Mrs X's son went to Sir John Talbot's School.")
        XCTAssertEqual(redaction.flags.map(\.category), ["school"])
    }
}
