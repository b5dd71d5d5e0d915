import XCTest
@testable import Anonymiser

/// The matching text the rules read, and the way back to the draft's own bytes.
final class MatchingViewTests: XCTestCase {
    func testPlainASCIIIsItsOwnMatchingText() {
        let document = Document(name: "d.txt", text: "Mrs Jane Whitfield complains.")
        let view = MatchingView(document)
        XCTAssertTrue(view.isIdentity)
        XCTAssertEqual(view.originalRange(4..<8), 4..<8)
    }

    func testSpacesBecomePlainAndInvisibleCharactersGo() {
        let text = "Dr\u{00A0}Pa\u{00AD}tel\u{200B} and\u{202F}Mr\u{2009}Cole\u{2028}next"
        let view = MatchingView(Document(name: "d.txt", text: text))
        XCTAssertEqual(view.matching.text, "Dr Patel and Mr Cole\nnext")
    }

    func testRangesMapBackToTheDraftsBytes() {
        let text = "Dr\u{00A0}Pa\u{00AD}tel\u{200B} said"
        let document = Document(name: "d.txt", text: text)
        let view = MatchingView(document)
        // "Dr Patel" in the matching text is "Dr\u{00A0}Pa\u{00AD}tel" in the draft: the soft hyphen inside is
        // taken, the zero-width space after the name is not.
        let matched = view.matching.text.utf8
        let name = view.matching.bytes.startIndex..<(matched.count - " said".utf8.count)
        XCTAssertEqual(document.string(view.originalRange(name)), "Dr\u{00A0}Pa\u{00AD}tel")
        // A range starting after a removed character starts after it too.
        let said = (matched.count - "said".utf8.count)..<matched.count
        XCTAssertEqual(document.string(view.originalRange(said)), "said")
    }

    func testConfusableLettersOnlyInsideLatinWords() {
        // Cyrillic "С" and "а" in a Latin word read as Latin; a word wholly in Cyrillic is left alone.
        let view = MatchingView(Document(name: "d.txt", text: "Mr \u{0421}ole and J\u{0430}ne met \u{0421}\u{0430}\u{0448}\u{0430}."))
        XCTAssertEqual(view.matching.text, "Mr Cole and Jane met \u{0421}\u{0430}\u{0448}\u{0430}.")
    }

    func testFullwidthLettersAreASCII() {
        let view = MatchingView(Document(name: "d.txt", text: "Mrs \u{FF37}hitfield"))
        XCTAssertEqual(view.matching.text, "Mrs Whitfield")
    }
}

/// Rendering never fails: overlapping edits, should a rule ever produce them, become one.
final class DisjointEditsTests: XCTestCase {
    func testOverlappingEditsBecomeOneOverTheirUnion() {
        let edits = [
            Edit(range: 10..<20, replacement: "Mr X", category: "person", rule: "person.titled"),
            Edit(range: 0..<12, replacement: "[address]", category: "address", rule: "address.line"),
            Edit(range: 30..<35, replacement: "[phone number]", category: "phone", rule: "contact.phone"),
        ]
        let disjoint = Edit.disjoint(edits)
        XCTAssertEqual(disjoint.map(\.range), [0..<20, 30..<35])
        XCTAssertEqual(disjoint[0].replacement, "[address] Mr X")
        let document = Document(name: "d.txt", text: String(repeating: "a", count: 40))
        XCTAssertEqual(String(decoding: Renderer.apply(disjoint, to: document), as: UTF8.self), "[address] Mr X" + String(repeating: "a", count: 10) + "[phone number]aaaaa")
    }
}

/// The published text is read again beside a replacement glued to a word: what a replacement
/// makes its neighbours look like goes too, so the gate never finds it.
final class AfterRenderTests: XCTestCase {
    func testWhatAReplacementRevealsIsReplacedToo() throws {
        try assertOutput("Call 07700 900123Dr Wickersham today.", "Call [phone number][name] today.")
        try assertOutput("Write to jane@example.orgjane@example.orgaged 78.", "Write to [email address][social media handle] 78.")
    }

    func testOrdinaryTextNeedsNoSecondReading() {
        let document = Document(name: "d.txt", text: "Call 07700 900123 today.")
        let edit = Edit(range: 5..<17, replacement: "[phone number]", category: "phone", rule: "contact.phone-mobile")
        XCTAssertFalse(AfterRender.isNeeded([edit], in: document))
        let glued = Document(name: "d.txt", text: "Call 07700 900123Dr Patel.")
        XCTAssertTrue(AfterRender.isNeeded([edit], in: glued))
    }

    func testAnInvisibleCharacterDoesNotPartAReplacementFromTheWordBesideIt() throws {
        // A soft hyphen (or a zero-width space) between an address and a phone number: the rules
        // never see it, so once the address is "[address]" the number reads on its own.
        try assertOutput("4 Orchard Way\u{AD}0121 496 0000 is the number.", "[address]\u{AD}[phone number] is the number.")
        let document = Document(name: "d.txt", text: "Call 07700 900123\u{200B}Dr Patel.")
        let edit = Edit(range: 5..<17, replacement: "[phone number]", category: "phone", rule: "contact.phone-mobile")
        XCTAssertTrue(AfterRender.isNeeded([edit], in: document))
    }
}
