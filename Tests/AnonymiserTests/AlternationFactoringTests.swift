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
            // Not read (found by review): "(?*" and "(?<*" are no options, nor is a callout "(?C…)";
            // "(?ix" is extended mode; "(*pla:" an assertion.
            "(?*x:ab|y|ac)", "(?<*x>ab|y|ac)z", #"(?:z(?C":)|ab|q|ac(?:")|x)"#, "(?ix:Ma # x\n|Dc\n|Mb|Da)", "(*pla:ab|ac|ad)",
        ] {
            XCTAssertEqual(AlternationFactoring.factored(pattern), pattern, pattern)
        }
        // A pattern that cannot be read is left as it is (PCRE2 then says what is wrong with it).
        XCTAssertEqual(AlternationFactoring.factored("(?:ab|ac"), "(?:ab|ac")
        XCTAssertEqual(AlternationFactoring.factored("[ab"), "[ab")
        // Nesting deeper than PCRE2 allows is left as written, without reading it to the bottom.
        let deep = String(repeating: "(", count: 50_000) + "ab|ac|ad"
        XCTAssertEqual(AlternationFactoring.factored(deep), deep)
        // A POSIX class is still stepped over whole.
        XCTAssertEqual(AlternationFactoring.factored("(?:a[[:alpha:]|]|ab|ac)"), "(?:a(?:[[:alpha:]|]|b|c))")
    }

    /// Constructs a first reading got wrong (found by review), each now read as PCRE2 reads it:
    /// "\c|" is one character, "[[:]" holds no POSIX class, and "\E" or a comment may stand
    /// between a letter and its quantifier. Whatever the rewrite, the matches stay.
    func testTrickyConstructsMatchAsWritten() throws {
        let subjects = ["ac", "ab", "AC", "x<ab", "<ab", "xc", "xd", "ad", "xq:]", "d", "aac", "ac|", "x[ab"]
        for pattern in [#"x\c|ab|ac|ad"#, #"x\c\|ab|xc|xd"#, "x[[:]|ab|xq:]]|xc|xd", #"ab|a\E?c|d"#, "ab|a(?#x)?c|d", #"x[\c]|ab|ac|ad]"#] {
            let factored = AlternationFactoring.factored(pattern)
            for options in [Regex.Options(), .caseless] {
                let written = try Regex(pattern, options: options), compiled = try Regex(factored, options: options)
                for subject in subjects {
                    XCTAssertEqual(try compiled.matches(in: subject).map(\.groups), try written.matches(in: subject).map(\.groups),
                                   "\(pattern) as \(factored) on \(subject)")
                }
            }
        }
        XCTAssertEqual(AlternationFactoring.factored(#"x\c|ab|ac|ad"#), #"x\c|ab|a(?:c|d)"#)
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
