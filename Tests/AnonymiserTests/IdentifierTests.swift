import XCTest
@testable import Anonymiser

/// Direct identifiers in the shapes drafts use become bracketed placeholders.
final class IdentifierTests: XCTestCase {
    private func assertReplaced(_ draft: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try Fixtures.output(draft), expected, file: file, line: line)
    }

    func testContactDetails() throws {
        try assertReplaced("Call 07700 900123, +44 (0)20 7946 0958 or (01632) 960 001 ext. 204.",
                           "Call [phone number], [phone number] or [phone number].")
        try assertReplaced("Email <Jane.Whitfield@Example.org> or jw@example.co.uk.",
                           "Email <[email address]> or [email address].")
    }

    func testAddressesIncludingFlatsAndLineBreaks() throws {
        try assertReplaced("She lives at Flat 3, 12 High Street, Newtown NE1 4AB.", "She lives at [address].")
        try assertReplaced("Address: 4 Tannery Lane\nKelbrook\nKB7 2NW\nTelephone: none", "Address: [address]\nTelephone: none")
        try assertReplaced("The postcode was HB47RN.", "The postcode was [postcode].")
    }

    func testHealthAndGovernmentNumbers() throws {
        try assertReplaced("Her NHS number is 943 476 5919 and her National Insurance number is JK 12 34 56 C.",
                           "Her NHS number is [NHS number] and her National Insurance number is [National Insurance number].")
        try assertReplaced("Date of birth: 03/03/1951. He was born on 3rd March 1951.",
                           "Date of birth: [date of birth]. He was born on [date of birth].")
    }

    func testReferencesAndBankDetailsKeepTheirLabels() throws {
        try assertReplaced("Council reference: Mosaic ID 372690. Our reference is CS/2024/12345.",
                           "Council reference: [reference]. Our reference is [reference].")
        try assertReplaced("Pay sort code 12-34-56, account number 12345678, card 4111 1111 1111 1111.",
                           "Pay sort code [sort code], account number [account number], card [card number].")
        try assertReplaced("The car, registration AB12 CDE, was parked.", "The car, registration [vehicle registration], was parked.")
    }

    func testTheOmbudsmansReferenceMoneyAndDatesStay() throws {
        let published = "Derby City Council (24 013 403)\nDecision date: 12 March 2024. The Council will pay £1,250 within 4 weeks under section 26(6)(a)."
        XCTAssertEqual(try Fixtures.output(published), published)
    }
}
