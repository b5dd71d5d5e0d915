import XCTest
@testable import Anonymiser

/// Direct identifiers in the shapes drafts use become bracketed placeholders.
final class IdentifierTests: XCTestCase {
    func testContactDetails() throws {
        try assertOutput("Call 07700 900123, +44 (0)20 7946 0958 or (01632) 960 001 ext. 204.",
                         "Call [phone number], [phone number] or [phone number].")
        try assertOutput("Email <Jane.Whitfield@Example.org> or jw@example.co.uk.",
                         "Email <[email address]> or [email address].")
    }

    func testAddressesIncludingFlatsAndLineBreaks() throws {
        try assertOutput("She lives at Flat 3, 12 High Street, Newtown NE1 4AB.", "She lives at [address].")
        try assertOutput("Address: 4 Tannery Lane\nKelbrook\nKB7 2NW\nTelephone: none", "Address: [address]\nTelephone: none")
        try assertOutput("The postcode was HB47RN.", "The postcode was [postcode].")
    }

    func testHealthAndGovernmentNumbers() throws {
        try assertOutput("Her NHS number is 943 476 5919 and her National Insurance number is JK 12 34 56 C.",
                         "Her NHS number is [NHS number] and her National Insurance number is [National Insurance number].")
        try assertOutput("Date of birth: 03/03/1951. He was born on 3rd March 1951.",
                         "Date of birth: [date of birth]. He was born on [date of birth].")
    }

    func testReferencesAndBankDetailsKeepTheirLabels() throws {
        try assertOutput("Council reference: Mosaic ID 372690. Our reference is CS/2024/12345.",
                         "Council reference: [reference]. Our reference is [reference].")
        try assertOutput("Pay sort code 12-34-56, account number 12345678, card 4111 1111 1111 1111.",
                         "Pay sort code [sort code], account number [account number], card [card number].")
        try assertOutput("The car, registration AB12 CDE, was parked.", "The car, registration [vehicle registration], was parked.")
    }

    func testTheOmbudsmansReferenceMoneyAndDatesStay() throws {
        let published = "Derby City Council (24 013 403)\nDecision date: 12 March 2024. The Council will pay £1,250 within 4 weeks under section 26(6)(a)."
        XCTAssertEqual(try Fixtures.output(published), published)
    }

    func testPostcodesInAnyCaseOnlyWithAnAddressContextWhenUnspaced() throws {
        try assertOutput("Her postcode is mk401sa.", "Her postcode is [postcode].")
        try assertOutput("It was sent to bd1 4as twice.", "It was sent to [postcode] twice.")
        try assertOutput("The mk401sa token and the b12 3rd floor stay.", "The mk401sa token and the b12 3rd floor stay.")
    }

    func testAddressLinesWhateverTheirStreetWords() throws {
        try assertOutput("The Council wrote to her at 48 Tanyard, Alnwick, ne66 1aa about it.", "The Council wrote to her at [address] about it.")
        try assertOutput("She lives at Ty Coch, Chapel Row, Grantham, ng31 6pz now.", "She lives at [address] now.")
        try assertOutput("He lives at Flat 18A, Hawthorn Court, 105 Ropewalk, Fort William PH33 6AR.", "He lives at [address].")
        try assertOutput("Contact details:\nBryn Hyfryd\n13 Tanyard\nFort William\nPH33 6AR\nTel: none", "Contact details:\n[address]\nTel: none")
        try assertOutput("Address\tIvy Cottage, Tanyard, Alnwick, ne66 1aa\nContact\tnone", "Address\t[address]\nContact\tnone")
        try assertOutput("They met at 3 Kirk Vennel, Dunbar.", "They met at [address].")
    }

    func testNationalInsuranceNumbersInAnyWriting() throws {
        try assertOutput("NI: ws 61 00 81 c and NI number ZS-45-58-60-B.", "NI: [National Insurance number] and NI number [National Insurance number].")
        try assertOutput("The form showed ab123456c.", "The form showed [National Insurance number].")
    }

    func testDatesOfBirthInAnyWriting() throws {
        try assertOutput("DOB: 24-Dec-1983; born on 1985-05-03; date of birth May 3, 1985.",
                         "DOB: [date of birth]; born on [date of birth]; date of birth [date of birth].")
    }

    func testLicencePassportAndCuedReferences() throws {
        try assertOutput("She gave her driving licence number, BABI9807267F91FE, and a copy of her passport (number 924953157).",
                         "She gave her driving licence number, [driving licence number], and a copy of her passport (number [passport number]).")
        try assertOutput("Re: your ref CTAX 6007946172 and my blue badge (no. E957051).", "Re: your ref CTAX [reference] and my blue badge (no. [reference]).")
    }

    func testOnlineIdentity() throws {
        try assertOutput("He posted on Facebook as janeokaforofficial and on X as @okaforfamily.",
                         "He posted on Facebook as [social media handle] and on X as [social media handle].")
        try assertOutput("See linkedin.com/in/jane-okafor-123 and tiktok.com/@jdoe_99.", "See [web address] and [web address].")
        try assertOutput("She posted on Facebook as well.", "She posted on Facebook as well.")
    }

    func testAnchorKindsFromPresidioAndCloudDLP() throws {
        try assertOutput("Pay GB82 WEST 1234 5698 7654 32 (BIC NWBKGB2L).", "Pay [account number] (BIC [bank identifier]).")
        try assertOutput("Logged in from 81.2.69.160 and 2001:db8:85a3::8a2e:370:7334 on 00:1A:2B:3C:4D:5E.",
                         "Logged in from [IP address] and [IP address] on [MAC address].")
        try assertOutput("Call +33 6 12 34 56 78 or 0049 30 1234567.", "Call [phone number] or [phone number].")
        try assertOutput("IMEI 490154203237518, VIN 1M8GDM9AXKP042788, UTR 1955839661.",
                         "IMEI [device identifier], VIN [vehicle identification number], UTR [reference].")
        try assertOutput("Wallets 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 and 0x52908400098527886E0F7030069857D2E4169EE7.",
                         "Wallets [wallet address] and [wallet address].")
        try assertOutput("His SSN was 219-09-9999 and his CHI number 0101751230.", "His SSN was [social security number] and his CHI number [NHS number].")
    }

    func testOrdinaryNumbersStay() throws {
        let prose = "Under paragraph 3.2.1.4 the Council paid £1,250.50 in 2023/24 (version 10.3.129.1) at 10:30:00, a ratio of 3:2:1."
        XCTAssertEqual(try Fixtures.output(prose), prose)
    }
}

