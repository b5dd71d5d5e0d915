import XCTest
@testable import Anonymiser

/// The house-style rules kept in `HouseStyle/`, each checked against HOUSE-STYLE.md's wording.
final class HouseStyleTests: XCTestCase {
    func testLettersStartXYZAndSkipAIOQ() {
        let letters = LetterSequence.houseStyle.letters
        XCTAssertEqual(Array(letters.prefix(3)), ["X", "Y", "Z"])
        XCTAssertEqual(Set(letters).count, letters.count, "each letter once")
        XCTAssertTrue(Set(letters).isDisjoint(with: LetterSequence.skipped))
        XCTAssertEqual(Set(letters).union(LetterSequence.skipped), Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        XCTAssertEqual(String(letters.dropFirst(3).prefix(3)), "BCD", "then the alphabet in order")
    }

    func testRelationsByTheirLastWord() {
        XCTAssertTrue(Relations.isChild("son"))
        XCTAssertTrue(Relations.isChild("her eldest daughter"))
        XCTAssertTrue(Relations.isChild("step-son"))
        XCTAssertFalse(Relations.isChild("mother"))
        XCTAssertFalse(Relations.isChild("person"), "a word that only contains \"son\" in the middle is no child")
        XCTAssertTrue(Relations.isSpouse("her late husband"))
        XCTAssertTrue(Relations.isSpouse("ex-partner"))
        XCTAssertFalse(Relations.isSpouse("sister"))
        XCTAssertFalse(Relations.isSpouse(nil))
    }

    func testHowAPersonIsWritten() {
        XCTAssertEqual(PseudonymText.lettered("X", kind: .adult, title: Title("Mrs")), "Mrs X")
        XCTAssertEqual(PseudonymText.lettered("Y", kind: .adult, title: Title("Dr.")), "Dr Y")
        XCTAssertEqual(PseudonymText.lettered("Z", kind: .child, title: Title("Mr")), "Z", "a child: a bare letter")
        XCTAssertEqual(PseudonymText.lettered("B", kind: .adult, title: Title("Mx")), "B", "Mx could identify: a bare letter")
        XCTAssertEqual(PseudonymText.lettered("C", kind: .adult, title: nil), "C")
        XCTAssertEqual(PseudonymText.roleNoun("the social worker"), "social worker")
        XCTAssertEqual(PseudonymText.roleNoun("her GP"), "GP")
        XCTAssertEqual(PseudonymText.roleNoun("Jane's GP"), "GP", "never the name before a role")
        XCTAssertEqual(PseudonymText.roleNoun("housing officer"), "housing officer")
    }

    func testACoupleSharesOneLetterWithBothTitles() {
        var husband = Person(firstOffset: 0), wife = Person(firstOffset: 10), son = Person(firstOffset: 20)
        husband.titles = [Title("Mr")!]
        wife.titles = [Title("Mrs")!]
        son.relation = "son"
        husband.letter = "X"; wife.letter = "X"; son.letter = "Y"
        XCTAssertEqual(PseudonymText.couple("X", people: [husband, wife, son]), "Mr and Mrs X")
        XCTAssertNil(PseudonymText.couple("Y", people: [husband, wife, son]))
    }
}
