import Foundation
import XCTest
@testable import Anonymiser

/// The literals read from a regex for a rule without `requires`: every match must contain
/// one, so a wrong answer would hide matches. Each case says what the reader must find, or
/// that it must find nothing.
final class RequiredLiteralsTests: XCTestCase {
    func testLiteralRunsAndSpacesAsThePrefilterReadsThem() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"\bMrs[ \x{A0}]+Jones\b"#), ["mrs jones"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"ward[ \t\x{A0}]+nine"#), ["ward nine"])
        XCTAssertEqual(RequiredLiterals.derive(from: "council  tax"), ["council tax"], "spaces collapse as the pre-filter's do")
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?i)COUNCIL[ ]TAX"#), ["council tax"], "lower-cased, as the pre-filter compares")
        XCTAssertEqual(RequiredLiterals.derive(from: #"A\&E[ ]+unit"#), ["a&e unit"], "escaped punctuation is literal")
        XCTAssertEqual(RequiredLiterals.derive(from: #"[Ss]chool"#), ["school", "\u{17F}chool"], "a small class joins the run; s with its long twin")
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?<=Dear )Sirs\b"#), ["sirs"], "a lookbehind's text may lie outside the match")
    }

    func testOptionalPartsBreakARun() {
        XCTAssertEqual(RequiredLiterals.derive(from: "colou?rs"), ["colo"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"ward[ ]*nine"#), ["ward"], "two runs, equally selective: the first kept")
        XCTAssertEqual(RequiredLiterals.derive(from: #"ward[ ]*ninety"#), ["ninety"], "two runs: the longer kept")
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?:the[ ]+)?(?:Times|Sun)"#), ["sun", "times"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?:council){2}[0-9]"#), ["council"], "a group repeated at least once is required")
        XCTAssertNil(RequiredLiterals.derive(from: #"(?:council)?[0-9]+"#), "nothing is left once the optional group goes")
    }

    func testAlternationsNeedEveryAlternativeAndJoinNeighbours() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"The[ ]+(?:Times|Sun)"#), ["the sun", "the times"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"speaks?[ ]+(?:French|German)"#), ["french", "german"], "longer literals win")
        XCTAssertEqual(RequiredLiterals.derive(from: #"school|academy\d"#), ["academy", "school"])
        XCTAssertEqual(
            RequiredLiterals.derive(from: #"school|academy[0-9]"#), (0...9).map { "academy\($0)" } + ["school"],
            "a small class joins the run")
        XCTAssertEqual(
            RequiredLiterals.derive(from: "zzzz(?:(?:aa|ab|ac|ad|ae|af|ag|ah|ai)(?:ba|bb|bc|bd|be|bf|bg|bh))"), ["zzzz"],
            "too many combinations to join: the group's text is not joined to what stands before it")
        XCTAssertNil(RequiredLiterals.derive(from: #"school|[0-9]+"#), "one alternative without a literal")
        XCTAssertNil(RequiredLiterals.derive(from: #"school|"#), "an empty alternative")
    }

    /// Small classes join runs, so the shapes of identifiers become literals: a postcode's inward
    /// code is a digit and two letters, "0a" to "9z" — two characters, but rare in prose.
    func testSmallClassesGiveTheShapesOfIdentifiers() throws {
        let inward = try XCTUnwrap(RequiredLiterals.derive(from: #"[0-9][ABD-HJLNP-UW-Z]{2}\b"#))
        XCTAssertEqual(inward.count, 10 * 21, "ten digits, twenty letters and the long s")
        XCTAssertTrue(inward.contains("1a") && inward.contains("9z") && inward.contains("4\u{17F}"))
        XCTAssertFalse(inward.contains("1c"), "a letter outside the class")
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?i:ward[ ][a-c])"#), ["ward a", "ward b", "ward c"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"[-.]ac\.uk"#), ["-ac.uk", ".ac.uk"], "punctuation, a trailing hyphen")
        XCTAssertNil(RequiredLiterals.derive(from: #"[0-9][a-z]"#), "too many combinations for a run: single characters are left")
        XCTAssertNil(RequiredLiterals.derive(from: #"[0-9][K][A-Z]"#), "a class with k: the Kelvin sign would be missed")
        XCTAssertNil(RequiredLiterals.derive(from: #"[^0-9][A-C]x"#), "a negated class is no literal")
        XCTAssertEqual(RequiredLiterals.derive(from: #"[0-9\p{L}][ab]xy"#), ["axy", "bxy"], "a class with a property is no literal")
        XCTAssertNil(RequiredLiterals.derive(from: #"[a-c][d-f]"#), "two letters are no shape")
        XCTAssertEqual(RequiredLiterals.derive(from: #"\b(?:is|was)[ ]+[0-9]"#)?.count, 20, "a word, a space and a digit: \"is 7\"")
        XCTAssertEqual(RequiredLiterals.derive(from: #"[0-9]?[ab]1"#), ["a1", "b1"], "an optional class breaks the run")
    }

    /// A character outside ASCII with no other case (an apostrophe, a dash) may stand in a small
    /// class: the pre-filter matches it byte for byte, as PCRE2 does, caseless or not.
    func testCaselessPunctuationOutsideASCIIJoinsAClass() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+['’]s[ ]+(?:disease|syndrome)"#),
                       ["'s disease", "'s syndrome", "’s disease", "’s syndrome"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?i)pages[ ][0-9][–-]x"#)?.count, 20, "ten digits, two dashes")
        XCTAssertEqual(RequiredLiterals.derive(from: #"caf[éè]s"#), ["caf"], "letters with another case are no literal")
        XCTAssertEqual(RequiredLiterals.derive(from: #"abc[à-ÿ]xy"#), ["abc"], "nor is a range outside ASCII")
        XCTAssertEqual(RequiredLiterals.derive(from: "abc[’\u{A0}]xy"), ["abc"], "nor a class with a space")
    }

    func testUnselectiveSetsAreRefused() {
        XCTAssertNil(RequiredLiterals.derive(from: #"\b(?:is|was)[ ]+\d+"#), "two-letter literals")
        XCTAssertNil(RequiredLiterals.derive(from: #"the[ ]+\d+"#), "a common word")
        XCTAssertNil(RequiredLiterals.derive(from: #"[0-9]{3}[ -]?[0-9]{4}"#))
        XCTAssertNil(RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ ]+\p{Lu}\p{Ll}+"#))
        XCTAssertEqual(RequiredLiterals.derive(from: "(?i)cafés"), ["caf"], "a non-ASCII letter (caseless: É too) ends the literal")
    }

    /// Definitions match nothing where they stand, and a call promises no literal: the literals
    /// outside them still count.
    func testDefinitionsAndCallsOfNamedGroups() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?&w)[ ]Farm(?(DEFINE)(?<w>\p{Lu}\p{Ll}+|Mill))"#), ["farm"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?P>w)[ ]Farm(?(DEFINE)(?P<w>Old))"#), ["farm"])
        XCTAssertNil(RequiredLiterals.derive(from: #"(?&w)(?(DEFINE)(?<w>Farm))"#), "a call's literals are not promised")
        XCTAssertNil(RequiredLiterals.derive(from: #"Farm(?(DEFINE)(?<w>x)"#), "an unclosed definition")
    }

    func testSyntaxItCannotVouchForGivesNothing() {
        for pattern in [
            #"(?x) council \s tax"#, #"(?ix:council tax)"#, #"\Qcouncil\E"#, #"(council)\1"#, #"(?<n>council)\k<n>"#,
            #"council(?R)?"#, #"(?(1)council|tax)"#, #"(*UCP)council"#, #"council\Ktax"#, "council{,3}", #"(?1)council"#,
            #"council(?"#, #"council)"#, #"[council"#,
        ] {
            XCTAssertNil(RequiredLiterals.derive(from: pattern), pattern)
        }
    }

    /// A rule file without `requires` gets literals read from its regex; `requires: []` keeps
    /// the rule running everywhere.
    func testRulesWithoutRequiresGetLiteralsUnlessTheyOptOut() throws {
        let language = try XCTUnwrap(Fixtures.patterns.rule(id: "residual.language"))
        XCTAssertTrue(language.requiresDerived)
        XCTAssertTrue(language.scansLines)
        XCTAssertTrue(language.requires.contains(Array("interpreter".utf8)))
        let written = try XCTUnwrap(Fixtures.patterns.rule(id: "contact.email"))
        XCTAssertFalse(written.requiresDerived)

        let folder = try patternFolder()
        // The same rule twice: once without `requires`, once turning the pre-filter off.
        let farm = { (id: String, requires: String) in
            """
              - id: \(id)
                category: place
                description: A named farm.
                regex: '\\b\\p{Lu}\\p{Ll}+[ ]+Farm\\b'
            \(requires)    action: flag
                confidence: 0.5
                reason: names a place
                suggestion: a farm
                examples:
                  match: ["at Brook Farm"]

            """
        }
        try ("rules:\n" + farm("mine.derived", "") + farm("mine.everywhere", "    requires: []\n"))
            .write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let rules = try PatternSet.load(directories: [folder]).rules
        XCTAssertEqual(rules[0].requires, [Array("farm".utf8)])
        XCTAssertTrue(rules[0].requiresDerived)
        XCTAssertTrue(rules[1].requires.isEmpty)
        XCTAssertFalse(rules[1].requiresDerived)
    }
}
