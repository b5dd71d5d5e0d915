import Foundation
import PCRE2
import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// Alternations of words are compiled grouped by first letter (`AlternationFactoring`), only
/// where that changes no match.
final class AlternationFactoringTests: XCTestCase {
    func testWordsAreGroupedByTheirFirstLetterInTheOrderWritten() {
        XCTAssertEqual(AlternationFactoring.factored("(?:Mrs|Mr|Dr|Dame|Sir)"), "(?:M(?:rs|r)|D(?:r|ame)|Sir)")
        XCTAssertEqual(AlternationFactoring.factored("Mrs|Sir|Mr"), "M(?:rs|r)|Sir")
        XCTAssertEqual(AlternationFactoring.factored("(?<title>Mr|Mrs|Dr)[ ]"), "(?<title>M(?:r|rs)|Dr)[ ]")
        XCTAssertEqual(AlternationFactoring.factored("(?i:social[ \\t]+worker|solicitor|GP)"), "(?i:s(?:ocial[ \\t]+worker|olicitor)|GP)")
        // Nested alternations are grouped too; a class holding "|" or ")" is no alternation.
        XCTAssertEqual(AlternationFactoring.factored("(?:x(?:ab|ac|b)|y)"), "(?:x(?:a(?:b|c)|b)|y)")
        XCTAssertEqual(AlternationFactoring.factored("(?:a[|)]|ab|ac)"), "(?:a(?:[|)]|b|c))")
        // A word that is another's start keeps its place: "M" is tried before "Mr", as written.
        XCTAssertEqual(AlternationFactoring.factored("(?:M|Mr|Ms)"), "(?:M(?:|r|s))")
        // The named groups a rule defines, and the groups inside a conditional's branches.
        XCTAssertEqual(AlternationFactoring.factored("(?(DEFINE)(?<w>ab|ac|ad))(?&w)"), "(?(DEFINE)(?<w>a(?:b|c|d)))(?&w)")
        XCTAssertEqual(AlternationFactoring.factored("(?(1)(?:ab|ac|ad)|x)"), "(?(1)(?:a(?:b|c|d))|x)")
        XCTAssertEqual(AlternationFactoring.factored("(?(?=ab|ac|ad)ab|ac)"), "(?(?=a(?:b|c|d))ab|ac)")
    }

    func testAlternationsThatCouldChangeMeaningAreLeftAsWritten() {
        for pattern in [
            "(?:a(b)|ac|ad)",          // a capture would change its number
            "(?:a(?<n>b)|ac|ad)",      // a named one too
            "(?:ab|(?i)ac|ad)",        // an option setting reaches the alternatives after it
            "(?<=ab|ac|ad)x",          // a lookbehind
            "(?(1)ab|ac|ad)",          // a conditional's yes and no (three is an error PCRE2 reports)
            "(?(<n>)ab|ac)",           // by name
            "(?(?<=ab|ac)x|y)",        // a lookbehind as the condition
            "(?|ab|ac|ad)",            // a branch reset
            "(?:a?b|ac|ad)",           // a first letter that may be absent
            "(?:\\dab|ac|ad)",         // a first item that is no letter
            "(?:ab|éc|ad)",            // a letter outside ASCII
            "(?:Mx|mr|Ma)",            // "M" and "m" (caseless matching takes both): nothing to take out
            "(?:ab|cd|ef)",            // no two share a letter
            "(?x)(?:ab|ac|ad)",        // extended mode
            "\\Q(?:ab|ac|ad)\\E",      // quoted text
            "(*SKIP)ab|ac|ad",         // a verb at that level
        ] {
            XCTAssertEqual(AlternationFactoring.factored(pattern), pattern, pattern)
        }
        // A pattern that cannot be read is left as it is (PCRE2 then says what is wrong with it).
        XCTAssertEqual(AlternationFactoring.factored("(?:ab|ac"), "(?:ab|ac")
        XCTAssertEqual(AlternationFactoring.factored("[ab"), "[ab")
    }

    func testEscapesAndClassesAreCopiedWhole() {
        XCTAssertEqual(AlternationFactoring.factored(#"(?:a\x{7C}|ab|ac)\p{Lu}"#), #"(?:a(?:\x{7C}|b|c))\p{Lu}"#)
        XCTAssertEqual(AlternationFactoring.factored(#"(?:a[[:alpha:]\]]|ab|ac)"#), #"(?:a(?:[[:alpha:]\]]|b|c))"#)
        XCTAssertEqual(AlternationFactoring.factored(#"(?:ab|ac)\k<n>(?&w)(?#a|b)"#), #"(?:ab|ac)\k<n>(?&w)(?#a|b)"#)
        XCTAssertEqual(AlternationFactoring.factored(#"(?:ab|ac|ad)(?&w)"#), #"(?:a(?:b|c|d))(?&w)"#)
    }

    func testTheRulesTitlesAndRolesAreGrouped() throws {
        let rule = try XCTUnwrap(Fixtures.patterns.rule(id: "person.staff-before"))
        guard case let .regex(regex) = rule.matcher else { return XCTFail("a regex rule") }
        XCTAssertTrue(regex.pattern.contains("M(?:rs|r|iss|s|x|RS|R|ISS|S|X)"), "the titles, by first letter")
        XCTAssertFalse(rule.source.contains("M(?:rs|r|iss"), "the source stays as written")
    }
}

/// On generated alternations of words (shared first letters, both cases, captures and options
/// among them) over generated text, caseless or not, the factored regex finds what the regex as
/// written finds, every group included.
@Suite struct AlternationFactoringPropertyTests {
    static let words = ["Mr", "Mrs", "M", "mr", "Ms", "Dr", "dr", "Dame", "D", "Sir", "S", "Sgt", "ab", "a", "abc", "ac", "x", "K", "k", "ſ", "s",
                        "Mr(s)?", "D(r)", "Sir(s)?", "a(b)", "(?<n>Dr)", "(?i)dr", "(?(1)Mr|Dr)", "(?(?=M)(?:Mr|Ms|Dr)|a)", "a?b", "\\d", "[Mm]r", "(?:Mr|Dr)", "Mr[ ]"]
    static let texts = ["Mr", "Mrs", "MRS", "mr", "Ms", "Dr", "dr", "DR", "Dame", "Sir", "sgt", "ab", "abc", "ac", "x", "K", "\u{212A}", "ſ", "s", "7",
                        " ", ", ", "\n", "Smith"]

    @Test func aFactoredAlternationMatchesAsWritten() async throws {
        let cases = zip(
            Gen.int(in: 0...1_000_000).array(of: 2...8),
            Gen.int(in: 0...1_000_000).array(of: 1...16),
            Gen.int(in: 0...3)
        )
        await propertyCheck(count: 300, input: cases) { (picks: [Int], textPicks: [Int], shape: Int) in
            let alternation = picks.map { Self.words[$0 % Self.words.count] }.joined(separator: "|")
            // Each shape holds a group 1, which a conditional among the words may ask about.
            let pattern = [("(?:" + alternation + ")[ ]?(\\w*)"), ("\\b(?<w>" + alternation + ")(s)?"), ("(,)?" + alternation),
                           ("(?i:" + alternation + ")(s)")][shape]
            let text = textPicks.map { Self.texts[$0 % Self.texts.count] }.joined()
            let factored = AlternationFactoring.factored(pattern)
            for options in [Regex.Options(), .caseless] {
                guard let written = try? Regex(pattern, options: options) else { continue }
                guard let compiled = try? Regex(factored, options: options) else {
                    Issue.record("\(factored) does not compile, from \(pattern)")
                    return
                }
                let expected = try? written.matches(in: text).map(\.groups), found = try? compiled.matches(in: text).map(\.groups)
                #expect(found == expected, "\(pattern) as \(factored) in \(text.debugDescription)")
                #expect(compiled.groupNumbers == written.groupNumbers)
            }
        }
    }
}
