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

    func testPostcodePositionalLetters() {
        for valid in ["GIR 0AA", "gir0aa", "w1a 1aa", "EC1A-1BB", "mk401sa", "SW1W 0NY", "BT1 1AA"] {
            XCTAssertTrue(Validator.postcode.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["AJ1 1AA", "W1B 1CK", "A1L 1AA", "AB1C 1AA", "XA1 1AA", "SW1A 1AM", "A 1AA"] {
            XCTAssertFalse(Validator.postcode.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testNationalInsuranceNumberSeparatorsAndCase() {
        for valid in ["ZS-45-58-60-B", "ws 61 00 81 c", "jt.48.21.93.a"] {
            XCTAssertTrue(Validator.nino.accepts(valid, lexicon: lexicon), valid)
        }
        XCTAssertFalse(Validator.nino.accepts("TN-12-34-56-A", lexicon: lexicon), "TN is not allocated")
    }

    func testDrivingLicenceStructure() {
        for valid in ["MORGA753116SM9IJ", "BABI9807267F91FE", "LEFVR859187M97AA", "lee99 852295 j99ab", "SMITH910203J99XY"] {
            XCTAssertTrue(Validator.drivingLicence.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["MORGA713116SM9IJ", "MORGA753326SM9IJ", "MORGA750016SM9IJ", "MOR9A753116SM9IJ", "9ORGA753116SM9IJ",
                        "MORGA753116SM9I", "MORGA753006SM9IJ", "MORGA7531169M9IJ"] {
            XCTAssertFalse(Validator.drivingLicence.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testIBANAndBIC() {
        for valid in ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300"] {
            XCTAssertTrue(Validator.iban.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["GB82 WEST 1234 5698 7654 33", "GB82 WEST 1234 5698 7654", "XX82WEST12345698765432"] {
            XCTAssertFalse(Validator.iban.accepts(invalid, lexicon: lexicon), invalid)
        }
        XCTAssertTrue(Validator.bic.accepts("NWBKGB2L", lexicon: lexicon))
        XCTAssertTrue(Validator.bic.accepts("DEUTDEFF500", lexicon: lexicon))
        XCTAssertFalse(Validator.bic.accepts("ABCDXX12", lexicon: lexicon), "XX is no country")
    }

    func testDeviceAndVehicleCheckDigits() {
        XCTAssertTrue(Validator.imei.accepts("49-015420-323751-8", lexicon: lexicon))
        XCTAssertFalse(Validator.imei.accepts("490154203237519", lexicon: lexicon))
        XCTAssertFalse(Validator.imei.accepts("4111111111111111", lexicon: lexicon), "16 digits is a card, not an IMEI")
        XCTAssertTrue(Validator.vin.accepts("1M8GDM9AXKP042788", lexicon: lexicon), "check digit X")
        XCTAssertTrue(Validator.vin.accepts("1HGCM82633A004352", lexicon: lexicon))
        XCTAssertFalse(Validator.vin.accepts("1HGCM82643A004352", lexicon: lexicon))
        XCTAssertFalse(Validator.vin.accepts("1HGCM82633A00435O", lexicon: lexicon), "O is never in a VIN")
    }

    func testIPv6() {
        for valid in ["2001:db8:85a3::8a2e:370:7334", "::1", "fe80::", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128"] {
            XCTAssertTrue(Validator.ipv6.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["2001:db8::85a3::1", "12:30", "1:2:3:4:5:6:7:8:9", "2001:db8:g::1", "::ffff:192.0.2.256"] {
            XCTAssertFalse(Validator.ipv6.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testBitcoinAddresses() {
        for valid in ["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"] {
            XCTAssertTrue(Validator.bitcoin.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", "bc1QAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"] {
            XCTAssertFalse(Validator.bitcoin.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testNationalNumbersWithCheckDigits() {
        XCTAssertTrue(Validator.utr.accepts("1955839661", lexicon: lexicon))
        XCTAssertTrue(Validator.utr.accepts("19558 39661K", lexicon: lexicon))
        XCTAssertFalse(Validator.utr.accepts("2955839661", lexicon: lexicon))
        XCTAssertTrue(Validator.chi.accepts("0101751230", lexicon: lexicon))
        XCTAssertFalse(Validator.chi.accepts("3202751234", lexicon: lexicon), "no 32nd day")
        XCTAssertFalse(Validator.chi.accepts("0101751231", lexicon: lexicon), "wrong check digit")
        XCTAssertTrue(Validator.ssn.accepts("219-09-9999", lexicon: lexicon))
        XCTAssertTrue(Validator.ssn.accepts("912-70-1234", lexicon: lexicon), "an ITIN")
        for invalid in ["000-12-3456", "666-12-3456", "536-00-1234", "536-22-0000", "912-12-1234"] {
            XCTAssertFalse(Validator.ssn.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testInternationalPhoneNumbers() {
        for valid in ["+33 6 12 34 56 78", "0049 30 1234567", "+1 (555) 010-4477", "+2348031234567", "44 7700 900123", "+353 1 234 5678"] {
            XCTAssertTrue(Validator.e164.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["+28 1234 5678", "+33 12", "+1 234 567 890 123 456", "44 1234"] {
            XCTAssertFalse(Validator.e164.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testSocialHandles() {
        for valid in ["@okaforfamily", "jane.okafor85", "jdoe_99", "zahidokaforofficial"] {
            XCTAssertTrue(Validator.handle.accepts(valid, lexicon: lexicon), valid)
        }
        for invalid in ["well", "yesterday", "Jane", "about", "@"] {
            XCTAssertFalse(Validator.handle.accepts(invalid, lexicon: lexicon), invalid)
        }
    }

    func testDatesOfBirthInEveryWriting() {
        let expected = DateOfBirthParser.Parsed(day: 3, month: 5, year: 1985)
        for writing in ["1985-05-03", "1985/5/3", "03.05.1985", "3rd of May 1985", "May 3, 1985", "May 3rd 1985", "3-May-1985", "3 May. 1985"] {
            XCTAssertEqual(DateOfBirthParser.parse(writing), expected, writing)
        }
        XCTAssertEqual(DateOfBirthParser.parse("24-Dec-1983"), .init(day: 24, month: 12, year: 1983))
        XCTAssertEqual(DateOfBirthParser.parse("21 Sept. 1966"), .init(day: 21, month: 9, year: 1966))
        XCTAssertNil(DateOfBirthParser.parse("1985-13-03"))
        XCTAssertNil(DateOfBirthParser.parse("1985-02-30"))
        XCTAssertNil(DateOfBirthParser.parse("May 1985-03"))
    }
}
