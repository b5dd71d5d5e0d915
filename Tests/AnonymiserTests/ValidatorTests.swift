import XCTest
@testable import Anonymiser

final class ValidatorTests: XCTestCase {
    let lexicon = Fixtures.patterns.lexicon

    func testNHSNumberModulus11() {
        XCTAssertTrue(Validator.nhs.accepts("943 476 5919", lexicon: lexicon))
        XCTAssertTrue(Validator.nhs.accepts("9434765919", lexicon: lexicon))
        XCTAssertFalse(Validator.nhs.accepts("943 476 5918", lexicon: lexicon), "wrong check digit")
        XCTAssertFalse(Validator.nhs.accepts("1111111111", lexicon: lexicon), "one repeated digit")
        XCTAssertFalse(Validator.nhs.accepts("94347659", lexicon: lexicon), "too short")
    }

    func testLuhn() {
        XCTAssertTrue(Validator.luhn.accepts("4111 1111 1111 1111", lexicon: lexicon))
        XCTAssertFalse(Validator.luhn.accepts("4111 1111 1111 1112", lexicon: lexicon))
        XCTAssertFalse(Validator.luhn.accepts("4111 1111", lexicon: lexicon), "too short for a card")
    }

    func testNationalInsuranceNumberPrefixesAndSuffix() {
        XCTAssertTrue(Validator.nino.accepts("JK 12 34 56 C", lexicon: lexicon))
        XCTAssertTrue(Validator.nino.accepts("ne123456a", lexicon: lexicon))
        XCTAssertFalse(Validator.nino.accepts("QQ 12 34 56 C", lexicon: lexicon), "Q never starts one")
        XCTAssertFalse(Validator.nino.accepts("GB 12 34 56 C", lexicon: lexicon), "GB is not allocated")
        XCTAssertFalse(Validator.nino.accepts("JK 12 34 56 E", lexicon: lexicon), "suffix is A to D")
    }

    func testPostcodeShapes() {
        for valid in ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB"] {
            XCTAssertTrue(Validator.postcode.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["SW1A 1CA", "1AB 2CD", "AB12", "QA1 1AA"] {
            XCTAssertFalse(Validator.postcode.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testDatesOfBirthMustBeRealPastDates() {
        XCTAssertEqual(DateOfBirthParser.parse("03/03/1951"), .init(day: 3, month: 3, year: 1951))
        XCTAssertEqual(DateOfBirthParser.parse("3rd of March 1951"), .init(day: 3, month: 3, year: 1951))
        XCTAssertEqual(DateOfBirthParser.parse("March 3, 1951"), .init(day: 3, month: 3, year: 1951))
        XCTAssertEqual(DateOfBirthParser.parse("3.3.51"), .init(day: 3, month: 3, year: 1951))
        XCTAssertNil(DateOfBirthParser.parse("31/02/1951"), "no 31 February")
        XCTAssertNil(DateOfBirthParser.parse("01/01/2999"), "not born yet")
        XCTAssertNil(DateOfBirthParser.parse("13/13/1980"))
    }

    func testUKPhoneNumbers() {
        for valid in ["07700 900123", "+44 (0)20 7946 0958", "(01632) 960 001", "0161-496-0000", "0113 496 0417 ext. 204", "+44 7700 900123"] {
            XCTAssertTrue(Validator.phone.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["24 013 403", "0000 000000", "12345", "07700 9001"] {
            XCTAssertFalse(Validator.phone.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testGivenNameNeedsAFirstNameAndAPlausibleSurname() {
        XCTAssertTrue(lexicon.isPlausibleFullName(given: "Jane", surname: "Whitfield"))
        XCTAssertTrue(lexicon.isPlausibleFullName(given: "Kwame", surname: "Mensah"))
        XCTAssertTrue(lexicon.isPlausibleFullName(given: "Jane", surname: "Hill"), "a word-like surname after a clear first name")
        XCTAssertFalse(lexicon.isPlausibleFullName(given: "Reading", surname: "Borough"))
        XCTAssertFalse(lexicon.isPlausibleFullName(given: "Victoria", surname: "Road"))
        XCTAssertFalse(lexicon.isPlausibleFullName(given: "Grace", surname: "Period"))
    }
}
