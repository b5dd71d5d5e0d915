import XCTest
@testable import Anonymiser

/// One escaper for the three places XML text goes: a report (JUnit, the review page), the text
/// of a Word document part, and an attribute of one.
final class XMLTextTests: XCTestCase {
    private let text = "a&b<c>d\"e'f\ng\th\ri\u{01}j\u{FFFE}k"

    func testAReportEscapesQuotesAndLineBreaksAndDropsWhatXMLForbids() {
        XCTAssertEqual(XMLText.escape(text), "a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;g\th\rijk")
        XCTAssertEqual(XMLText.unescape(XMLText.escape(text)), "a&b<c>d\"e'f\ng\th\rijk")
    }

    func testPartTextEscapesOnlyMarkupAndCarriageReturns() {
        XCTAssertEqual(XMLText.escape(text, inAttribute: false), "a&amp;b&lt;c&gt;d\"e'f\ng\th&#13;i\u{01}j\u{FFFE}k")
    }

    func testAnAttributeKeepsItsQuotesAndWhiteSpace() {
        XCTAssertEqual(XMLText.escape(text, inAttribute: true), "a&amp;b&lt;c&gt;d&quot;e'f&#10;g&#9;h&#13;i\u{01}j\u{FFFE}k")
    }
}
