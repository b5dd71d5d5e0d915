import XCTest
@testable import Anonymiser

/// A rule's `first-word-in`: a match begins only at a word of the list, in both scans alike, and
/// a start it refuses is passed over as a position where the regex does not match.
final class StartWordTests: XCTestCase {
    /// A rule whose match is two capitalised words, not a lookahead: where its first word is not
    /// a first name, the match found there must not hide the name that follows.
    static let twoWords = """
    rules:
      - id: test.two-words
        category: reference
        description: Two capitalised words.
        regex: '\\b\\p{Lu}[\\p{L}\\p{M}''’-]+[ ]\\p{Lu}\\p{Ll}+'
        first-word-in: first-names
        confidence: 0.5
        action: replace
        placeholder: "[name]"
        examples:
          match: ["Jane Smith"]
    """

    func patterns(_ yaml: String, firstNames: Set<String>) throws -> PatternSet {
        let folder = try patternFolder()
        try yaml.write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let loaded = try PatternSet.load(directories: [folder])
        return PatternSet(rules: loaded.rules, lexicon: Lexicon(firstNames: Set(firstNames.map { NameKey.normalise($0) })), fingerprint: "")
    }

    func found(_ text: String, in patterns: PatternSet, scan: Detector.Scan) throws -> [String] {
        let document = Document(name: "t.txt", text: text)
        let detector = Detector(patterns: patterns)
        return try detector.candidates(of: 0, in: document, tokens: Tokenizer.tokens(in: document.bytes), scan: scan)
            .map { document.string($0.range) }
    }

    func testAMatchBeginsOnlyAtAWordOfTheListAndARefusedStartHidesNothing() throws {
        let patterns = try patterns(Self.twoWords, firstNames: ["Jane", "Zoë", "D'Arcy", "Mary-Jane"])
        XCTAssertNotNil(patterns.rules[0].anchoredForm, "the candidate scan tries it at its positions")
        XCTAssertEqual(patterns.rules[0].firstWordIn, .firstNames)
        let text = "The Council Jane Smith wrote. Zoë Ward, D'Arcy Lane, Mary-Jane Holt and Mary Holt. Janet Jones."
        let expected = ["Jane Smith", "Zoë Ward", "D'Arcy Lane", "Mary-Jane Holt"]
        XCTAssertEqual(try found(text, in: patterns, scan: .candidates), expected)
        XCTAssertEqual(try found(text, in: patterns, scan: .wholeText), expected)
        // Without the list, "Council Jane" is matched and "Jane Smith" inside it never is.
        let unlisted = try self.patterns(Self.twoWords.replacingOccurrences(of: "    first-word-in: first-names\n", with: ""), firstNames: [])
        XCTAssertEqual(try found(text, in: unlisted, scan: .wholeText).prefix(2), ["The Council", "Jane Smith"])
        XCTAssertEqual(try found("Council Jane Smith", in: unlisted, scan: .wholeText), ["Council Jane"])
        XCTAssertEqual(try found("Council Jane Smith", in: patterns, scan: .wholeText), ["Jane Smith"])
        XCTAssertEqual(try found("Council Jane Smith", in: patterns, scan: .candidates), ["Jane Smith"])
    }

    func testTheWordIsTheOneTheTokenizerReadsFromTheStart() {
        let test = StartWordTest(keys: Set(["jane", "mary-jane", "d'arcy"].map { NameKey.normalise($0) }))
        func admits(_ text: String, at position: Int = 0) -> Bool { test.admits(Array(text.utf8), at: position) }
        XCTAssertTrue(admits("Jane Smith") && admits("JANE") && admits("Jane's") && admits("Jane, Smith"))
        XCTAssertTrue(admits("Mary-Jane Holt") && admits("D'Arcy") && admits("D’Arcy"))
        XCTAssertFalse(admits("Janet") || admits("Mary Jane") || admits("Jane-Ann"))
        XCTAssertFalse(admits(" Jane"), "no word starts at a space")
        XCTAssertTrue(admits("Mary-Jane", at: 5), "a word read from where the match starts")
        XCTAssertFalse(admits(""))
        // A word that runs on into a character the tokenizer does not read as a letter passes:
        // "Ja\u{20DD}ne" (an enclosing mark) is "jane" to a name rule's regex and key.
        XCTAssertTrue(admits("Ja\u{20DD}ne Whitfield") && admits("Jo-\u{20DD}Ann"))
        XCTAssertFalse(admits("Jo-Ann"), "an ASCII word is read whole")
    }

    /// `person.full` finds what its validator accepts, the test or not: a name with a mark the
    /// tokenizer ends a word at is still found, by both scans.
    func testTheBuiltInFullNameRuleFindsANameWithAnEnclosingMark() throws {
        let index = try XCTUnwrap(Fixtures.patterns.rules.firstIndex { $0.id == "person.full" })
        XCTAssertEqual(Fixtures.patterns.rules[index].firstWordIn, .firstNames)
        let document = Document(name: "t.txt", text: "We spoke to Ja\u{20DD}ne Whitfield and Kwame Mensah today.")
        let detector = Detector(patterns: Fixtures.patterns)
        for scan in [Detector.Scan.candidates, .wholeText] {
            let found = try detector.candidates(of: index, in: document, tokens: Tokenizer.tokens(in: document.bytes), scan: scan)
            XCTAssertEqual(found.map { document.string($0.range) }, ["Ja\u{20DD}ne Whitfield", "Kwame Mensah"], "\(scan)")
        }
    }

    func testAnUnknownListOrAListRuleIsAnError() throws {
        for (yaml, message) in [
            (Self.twoWords.replacingOccurrences(of: "first-word-in: first-names", with: "first-word-in: places"),
             "`first-word-in` names no list it knows: `places` (known: first-names, surnames)"),
            (Self.twoWords.replacingOccurrences(of: "regex: '\\b\\p{Lu}[\\p{L}\\p{M}''’-]+[ ]\\p{Lu}\\p{Ll}+'", with: "list: names.txt"),
             "`first-word-in` needs a `regex`"),
        ] {
            let folder = try patternFolder()
            try "Jane Smith\n".write(to: folder.appendingPathComponent("names.txt"), atomically: true, encoding: .utf8)
            try yaml.write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
                XCTAssertTrue("\(error)".contains("rule test.two-words: \(message)"), "\(error)")
            }
        }
    }
}
