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
}
