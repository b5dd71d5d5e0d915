import Foundation
import PCRE2
import PropertyBased
import Testing
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
        XCTAssertEqual(RequiredLiterals.derive(from: #"ward[ ]*nine"#), [" nine", "dnine"], "the run after begins with what may stand before it")
        XCTAssertEqual(RequiredLiterals.derive(from: #"ward[ ]*nine[ ]*ty"#), [" nine", "dnine"], "two runs: the rarer kept")
        XCTAssertEqual(RequiredLiterals.derive(from: #"wardens[ ]*\p{Lu}ne"#), ["wardens"], "nothing known before the second run")
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?:the[ ]+)?(?:Times|Sun)"#), ["sun", "times"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?:council){2}[0-9]"#), ["council"], "a group repeated at least once is required")
        XCTAssertNil(RequiredLiterals.derive(from: #"(?:council)?[0-9]+"#), "nothing is left once the optional group goes")
    }

    func testAlternationsNeedEveryAlternativeAndJoinNeighbours() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"The[ ]+(?:Times|Sun)"#), ["the sun", "the times"])
        XCTAssertEqual(
            RequiredLiterals.derive(from: #"speaks?[ ]+(?:French|German)"#), ["k french", "k german", "s french", "s german"],
            "longer literals win; \"k\" or \"s\" stands before the space")
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

    /// Of a sequence's answers, one the pre-filter can take beats one it cannot, however few its
    /// literals: a street's words, among them two-letter abbreviations, then a postcode's shape.
    func testASequenceKeepsTheAnswerThePrefilterCanTake() throws {
        // (A town between street and postcode, so that their literals are not joined into one.)
        let street = #"(?:Road|Rd|Lane|Ln)[ ]+\p{Lu}+[ ]+"#
        XCTAssertNil(RequiredLiterals.derive(from: street + "[A-Z]+"), "\"rd\" and \"ln\" are too short on their own")
        let found = try XCTUnwrap(RequiredLiterals.derive(from: street + "[0-9][ABD]"), "the shapes after the street stand in for it")
        XCTAssertEqual(Set(found), Set((0...9).flatMap { digit in ["a", "b", "d"].map { " \(digit)\($0)" } }))
        XCTAssertEqual(RequiredLiterals.moreSelective(["road", "lane"], [" 4a", " 4b"]), [" 4a", " 4b"], "a shape counts two more")
        XCTAssertEqual(RequiredLiterals.moreSelective(["roads"], ["4a"]), ["roads"], "equally rare: the fewer literals")
        XCTAssertEqual(RequiredLiterals.moreSelective(["0a", "0b"], ["rd"]), ["0a", "0b"], "usable before rare")
        XCTAssertTrue(RequiredLiterals.isUsable(["road", "1a"]))
        XCTAssertFalse(RequiredLiterals.isUsable(["road", "rd"]))
        XCTAssertFalse(RequiredLiterals.isUsable([]))
        XCTAssertFalse(RequiredLiterals.isUsable(Set((0..<600).map { "word\($0)" })), "more than a pre-filter takes")
    }

    /// What must stand just before a run begins it: a space after "[ \t]+", a "(" — so a
    /// two-letter word becomes a literal long and rare enough to filter (" gp", "(mp"), where "mp"
    /// alone is in "complaint". Only what every match holds there counts.
    func testARunBeginsWithWhatMustStandBeforeIt() {
        XCTAssertEqual(RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ \t]+(?:GP|MP)"#), [" gp", " mp"])
        XCTAssertEqual(
            RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ \t]+(?:Mrs[ ]+|Ms[ ]+)?(?:\p{Ll}+[ ]+){0,2}(?:GP|MP)"#), [" gp", " mp"],
            "optional groups that end with a space keep it before the word")
        XCTAssertEqual(
            RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ ]*\((?:the[ ]+)?(?:GP|MP)\)"#), [" gp)", " mp)", "(gp)", "(mp)"],
            "the bracket, or the space after an optional word")
        XCTAssertEqual(RequiredLiterals.derive(from: #"\p{Lu}[ ]?(?:GP|MP)"#), nil, "a capital, or maybe a space: nothing known")
        XCTAssertNil(RequiredLiterals.derive(from: #"(?<=[ ])(?:GP|MP)"#), "a lookbehind's space is not the match's")
        XCTAssertNil(RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ ]+(?:of|to)\b"#), "common words, with a space or not")
        XCTAssertNil(RequiredLiterals.derive(from: #"\p{Lu}\p{Ll}+[ ]+(?:\p{Ll}+|[0-9])?(?:GP|MP)"#), "a word may end just before")
        // A group's fixed strings drop the character before it as one scalar: a combining mark that
        // begins the group (and would join that character into one `Character`) stays.
        for (pattern, text) in [("xyza(?:[\u{301}q]bc)defgh", "xyza\u{301}bcdefgh"), ("[ ]+(?:[\u{301}q]xyz)abc", "so \u{301}xyzabc")] {
            let literals = RequiredLiterals.derive(from: pattern) ?? []
            XCTAssertFalse(literals.isEmpty, pattern)
            XCTAssertTrue(LiteralIndex(requires: [literals.map { Array($0.utf8) }]).scan(Array(text.utf8)).holdsLiteral(ofRule: 0),
                          "\(pattern): \(literals) in \(text.debugDescription)")
        }
        XCTAssertEqual(RequiredLiterals.rarity("4a"), 4, "a digit beside a letter")
        XCTAssertEqual(RequiredLiterals.rarity(" rd"), 3)
        XCTAssertEqual(RequiredLiterals.rarity("4\u{17F}"), 5, "the long s is a letter")
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
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?&w)[ ]Farm(?(DEFINE)(?<w>\p{Lu}\p{Ll}+|Mill))"#), [" farm"])
        XCTAssertEqual(RequiredLiterals.derive(from: #"(?P>w)[ ]Farm(?(DEFINE)(?P<w>Old))"#), [" farm"])
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
        XCTAssertTrue(language.requires.contains(Array(" interpreter".utf8)))
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
        try ("rules:\n" + farm("mine.derived", "") + farm("mine.everywhere", "    requires: []\n")
            + farm("mine.written", "    requires: [\"FARM\"]\n") + farm("mine.elsewhere", "    requires: [\"brook\"]\n"))
            .write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let rules = try PatternSet.load(directories: [folder]).rules
        XCTAssertEqual(rules[0].requires, [Array(" farm".utf8)])
        XCTAssertTrue(rules[0].requiresDerived)
        XCTAssertNil(rules[0].writtenRequires)
        XCTAssertTrue(rules[1].requires.isEmpty)
        XCTAssertFalse(rules[1].requiresDerived)
        // Written literals the regex shows in every match are narrowed to what it reads around them.
        XCTAssertEqual(rules[2].requires, [Array(" farm".utf8)])
        XCTAssertEqual(rules[2].writtenRequires, [Array("farm".utf8)])
        XCTAssertFalse(rules[2].requiresDerived)
        // Ones it does not show stay as written (and the rule runs on every document holding one).
        XCTAssertEqual(rules[3].requires, [Array("brook".utf8)])
        XCTAssertNil(rules[3].writtenRequires)
    }

    func testWrittenLiteralsAreNarrowedOnlyToLiteralsHoldingThem() {
        let farm = #"\b\p{Lu}\p{Ll}+[ ]+Farm\b"#
        XCTAssertEqual(RequiredLiterals.reading([Array("farm".utf8)], of: farm).refined, [" farm"])
        XCTAssertEqual(RequiredLiterals.reading([Array("arm".utf8)], of: farm).refined, [" farm"], "a part of the literal read")
        XCTAssertNil(RequiredLiterals.reading([Array("brook".utf8)], of: farm).refined, "the regex does not show it")
        XCTAssertTrue(RequiredLiterals.reading([Array("farm".utf8)], of: farm).standInEveryMatch)
        XCTAssertFalse(RequiredLiterals.reading([Array("brook".utf8)], of: farm).standInEveryMatch)
        XCTAssertNil(RequiredLiterals.reading([], of: farm).refined)
        XCTAssertNil(RequiredLiterals.reading([Array("of".utf8)], of: #"\p{Lu}\p{Ll}+[ ]+of\b"#).refined, "\" of\" is common")
        XCTAssertEqual(
            RequiredLiterals.reading([Array("council".utf8), Array("borough".utf8)], of: #"\p{Lu}\p{Ll}+[ ]+(?:Borough[ ]+)?Council"#).refined,
            [" council"], "of a sequence's literals, one the written ones cover")
    }
}

/// Literals read from generated patterns stand in every match: texts built to match each pattern
/// (and checked to) always hold one of its literals as the pre-filter reads them.
@Suite struct RequiredLiteralsPropertyTests {
    /// A piece of a pattern and the texts it matches.
    static let pieces: [(regex: String, texts: [String])] = [
        ("GP", ["GP"]), ("MP", ["MP"]), ("Farm", ["Farm"]), ("of", ["of"]), ("Rd", ["Rd"]),
        ("[ \\t]+", [" ", "\t", "  ", " \t"]), ("[ ]?", ["", " "]), ("[ ]*", ["", " ", "   "]),
        ("\\(", ["("]), ("(?:Mrs|Ms)", ["Mrs", "Ms"]), ("(?:Mrs[ ]+)?", ["", "Mrs ", "Mrs  "]),
        ("(?:x[ \\t]+){0,2}", ["", "x ", "x\tx "]), ("\\p{Lu}", ["Q", "É"]), ("[0-9]", ["0", "7"]),
        ("[ABD]", ["A", "D"]), ("(?:the|a)", ["the", "a"]), ("s?", ["", "s"]), ("(?i:gp|road)", ["Gp", "ROAD", "road"]),
        ("(?:,[ ]*|[ ]+)", [",", ", ", " "]), ("\\b", [""]), ("(?=[A-Z])", [""]), ("(?:\\p{Ll}+[ ]+)?", ["", "ab "]),
    ]

    @Test func everyMatchHoldsADerivedLiteral() async throws {
        let cases = zip(Gen.int(in: 0...1_000_000).array(of: 1...7), Gen.int(in: 0...1_000_000).array(of: 7...7))
        await propertyCheck(count: 400, input: cases) { (picks: [Int], textPicks: [Int]) in
            let chosen = picks.map { Self.pieces[$0 % Self.pieces.count] }
            let pattern = chosen.map(\.regex).joined()
            guard let literals = RequiredLiterals.derive(from: pattern) else { return }
            let index = LiteralIndex(requires: [literals.map { Array($0.utf8) }])
            let regex = try Regex(pattern)
            let match = zip(chosen, textPicks).map { piece, pick in piece.texts[pick % piece.texts.count] }.joined()
            for context in [("", ""), ("so ", " now"), ("x", "y")] {
                let text = context.0 + match + context.1
                guard (try? regex.matches(in: text))?.isEmpty == false else { continue }
                let holds = index.scan(Array(text.utf8)).holdsLiteral(ofRule: 0)
                #expect(holds, "\(pattern) needs one of \(literals) in \(text.debugDescription)")
            }
        }
    }
}
