import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// A very long draft is analysed in segments (`Segments`): memory stays a small multiple of the
/// text, and a person keeps one pseudonym across the segments.
final class SegmentsTests: XCTestCase {
    func testSegmentsCoverTheTextAndEndAtParagraphBreaks() throws {
        let text = Array("First paragraph, line one.\nLine two.\n\nSecond paragraph.\n\nThird, long enough to pass the size.\n\nLast.".utf8)
        let ranges = Segments(size: 20).ranges(of: text)
        XCTAssertEqual(ranges.map { String(decoding: text[$0], as: UTF8.self) }, [
                        // (The second paragraph alone is shorter than the size: the segment goes on to the next break.)
            "First paragraph, line one.\nLine two.\n\n", "Second paragraph.\n\nThird, long enough to pass the size.\n\n", "Last.",
        ])
    }

    func testWithoutAParagraphBreakASegmentEndsAtALineBreakAndOneLineIsNeverCut() throws {
        let lines = Array("one line of text\nanother line\nthe last".utf8)
        XCTAssertEqual(Segments(size: 5).ranges(of: lines).map { String(decoding: lines[$0], as: UTF8.self) },
                       ["one line of text\n", "another line\n", "the last"])
        let oneLine = Array(String(repeating: "word ", count: 100).utf8)
        XCTAssertEqual(Segments(size: 10).ranges(of: oneLine), [0..<oneLine.count])
    }

    /// Paragraphs far apart in a long draft: the full name in the first segment, a surname, a
    /// first name and the couple in later ones.
    private let longDraft = """
        Mrs Jane Whitfield complains that the Council delayed repairs to her home.

        Her son, Liam, has asthma. The Council's surveyor, Mr Owen Pryce, visited in May.

        Mrs Whitfield wrote again in June. Jane says nobody replied.

        Mr Pryce accepts that the report was late. Liam's school sent a letter.

        Mr and Mrs Whitfield want an apology. Her National Insurance number is JK 12 34 56 C.
        """

    func testAPersonKeepsOnePseudonymAcrossSegments() throws {
        let whole = try Fixtures.anonymiser.redact(Document(name: "long.txt", text: longDraft))
        let segmented = try Anonymiser(patterns: Fixtures.patterns, segmentSize: 40).redact(Document(name: "long.txt", text: longDraft))
        XCTAssertEqual(Segments(size: 40).ranges(of: Array(longDraft.utf8)).count, 5)
        XCTAssertEqual(segmented.output, whole.output)
        for name in ["Whitfield", "Jane", "Liam", "Pryce", "Owen", "12 34 56"] {
            XCTAssertFalse(segmented.output.contains(name), name)
        }
        // Every edit points at the draft's own bytes, and each person is listed once.
        for edit in segmented.edits {
            XCTAssertEqual(segmented.document.string(edit.range), whole.document.string(edit.range))
        }
        XCTAssertEqual(segmented.edits.map(\.range), whole.edits.map(\.range))
        XCTAssertEqual(segmented.mentioned.compactMap(\.letter).sorted(), whole.mentioned.compactMap(\.letter).sorted())
        XCTAssertEqual(segmented.mentioned.count, whole.mentioned.count)
        XCTAssertTrue(segmented.mentioned.allSatisfy { $0.registryID == nil }, "people of this draft are not known to a registry")
    }

    func testTheNextSegmentKnowsTheMostRecentPeopleAndNoLetterIsGivenTwice() {
        func person(_ given: String, _ letter: Character) -> Person {
            var person = Person(firstOffset: 0)
            person.givenNames = [given]
            person.surname = "whitfield"
            person.letter = letter
            person.isMentioned = true
            return person
        }
        var gathered = SegmentPeople(case: nil, recentLimit: 2)
        gathered.include([person("jane", "X"), person("tom", "Y")], offset: 0)
        gathered.include([person("ann", "Z")], offset: 100)
        gathered.include([person("jane", "X")].map { var again = $0; again.registryID = -1; return again }, offset: 200)
        let context = gathered.context
        XCTAssertEqual(context.people.map(\.givenNames), [["jane"], ["ann"]], "the two mentioned last, in order of first mention")
        XCTAssertEqual(context.usedLetters, ["X", "Y", "Z"], "Tom's letter stays taken")
        XCTAssertEqual(gathered.allPeople.count, 3)
    }

    func testASegmentedCheckFindsWhatAWholeCheckFinds() throws {
        let document = Document(name: "long.txt", text: longDraft)
        let whole = try Checker(patterns: Fixtures.patterns).check(document)
        let segmented = try Checker(patterns: Fixtures.patterns, segmentSize: 40).check(document)
        XCTAssertFalse(whole.isEmpty)
        XCTAssertEqual(segmented.map(\.rule), whole.map(\.rule))
        XCTAssertEqual(segmented.map(\.range), whole.map(\.range))
    }
}

/// Segments of generated texts.
struct SegmentsPropertyTests {
    @Test func segmentsOfAnyTextAreContiguousAndEachButTheLastIsLongEnough() async {
        let pieces = ["Mrs Jane Whitfield said.", "\n", "\n\n", "\r\n\r\n", "word ", "NI AB123456C ", "é"]
        await propertyCheck(count: 200, input: Gen.int(in: 0...pieces.count - 1).array(of: 0...80), Gen.int(in: 1...60)) { picks, size in
            let text = Array(picks.map { pieces[$0] }.joined().utf8)
            let ranges = Segments(size: size).ranges(of: text)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == text.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.dropLast().allSatisfy { $0.count >= size && text[$0.upperBound - 1] == 0x0A })
        }
    }
}
