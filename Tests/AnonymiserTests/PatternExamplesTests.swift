import PCRE2
import XCTest
@testable import Anonymiser

/// Every rule of the built-in pattern set passes its own examples: a rule can never
/// ship with an example it fails.
final class PatternExamplesTests: XCTestCase {
    func testEveryBuiltInExamplePasses() throws {
        let failures = try PatternTester(patterns: Fixtures.patterns).run()
        XCTAssertEqual(failures.map(\.description), [])
    }

    func testEveryRuleHasExamplesAndAUniqueID() {
        let rules = Fixtures.patterns.rules
        XCTAssertGreaterThan(rules.count, 40)
        XCTAssertEqual(Set(rules.map(\.id)).count, rules.count)
        for rule in rules {
            XCTAssertFalse(rule.examples.match.isEmpty, rule.id)
        }
    }

    func testEveryHouseStyleIdentifierHasARule() {
        let categories = Set(Fixtures.patterns.rules.filter { $0.action == .replace }.map(\.category))
        for category in ["person", "postcode", "address", "phone", "email", "url", "social", "nhs", "nino", "dob",
                         "reference", "sort-code", "account", "card", "vehicle", "passport", "driving-licence"] {
            XCTAssertTrue(categories.contains(category), "no replace rule for \(category)")
        }
    }

    func testABrokenRuleIsReportedWithFileRuleAndReason() throws {
        let folder = try patternFolder()
        let file = folder.appendingPathComponent("broken.yaml")
        try """
        rules:
          - id: broken.paren
            category: phone
            description: Unclosed group.
            regex: '(0[0-9]+'
            confidence: 0.9
            action: replace
            placeholder: "[phone number]"
            examples:
              match: ["01632 960001"]
        """.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("broken.yaml"), message)
            XCTAssertTrue(message.contains("broken.paren"), message)
            XCTAssertTrue(message.contains("missing closing parenthesis"), message)
        }
    }

    /// A broken regex whose word alternation the compiler groups by first letter is reported at
    /// its offset in the regex as written, not in the grouped form.
    func testABrokenRuleIsReportedAsWritten() throws {
        let folder = try patternFolder()
        try """
        rules:
          - id: broken.quantifier
            category: phone
            description: A quantifier out of order after a list of words.
            regex: '(?:tel|telephone|tlf)[0-9]{3,1}'
            confidence: 0.9
            action: replace
            placeholder: "[phone number]"
            examples:
              match: ["tel123"]
        """.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let written = "(?:tel|telephone|tlf)[0-9]{3,1}"
        XCTAssertNotEqual(AlternationFactoring.factored(written), written, "the list is grouped when compiled")
        var expected = ""
        do { _ = try Regex(written) } catch { expected = "\(error)" }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            XCTAssertTrue("\(error)".contains(expected), "\(error) should say \(expected)")
        }
    }

    func testAFailingExampleIsReported() throws {
        let folder = try patternFolder()
        try """
        rules:
          - id: test.digits
            category: reference
            description: Four digits.
            regex: '[0-9]{4}'
            confidence: 0.5
            action: replace
            placeholder: "[reference]"
            examples:
              match: ["ref 123"]
              no-match: ["year 2024"]
        """.write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let set = try PatternSet.load(directories: [folder])
        let failures = try PatternTester(patterns: set).run()
        XCTAssertEqual(failures.map(\.problem).sorted(), ["does not match", "should not match but found \"2024\""])
    }

    /// A `requires` list must put a literal on the line of every match: an example whose
    /// match the pre-filter would hide fails, and so does an empty literal.
    func testAPreFilterThatHidesAMatchFailsItsExample() throws {
        let folder = try patternFolder()
        try """
        rules:
          - id: test.dob
            category: dob
            description: A DOB cue.
            regex: '\\bd\\.?[^\\S\\n]?o\\.?[^\\S\\n]?b\\b'
            caseless: true
            requires: ["dob", "d.o.b"]
            confidence: 0.5
            action: replace
            placeholder: "[date of birth]"
            examples:
              match: ["DOB 1/2/1960", "D.O.B. 1/2/1960", "d\u{A0}o\u{A0}b 1/2/1960"]
        """.write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let failures = try PatternTester(patterns: try PatternSet.load(directories: [folder])).run()
        XCTAssertEqual(failures.map(\.example), ["d\u{A0}o\u{A0}b 1/2/1960"])
        XCTAssertTrue(failures.first?.problem.contains("pre-filter hides") == true, "\(failures)")

        try """
        rules:
          - id: test.empty
            category: dob
            description: An empty literal.
            regex: 'dob'
            requires: ["", "dob"]
            confidence: 0.5
            action: replace
            placeholder: "[date of birth]"
            examples:
              match: ["dob"]
        """.write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            XCTAssertTrue("\(error)".contains("empty"), "\(error)")
        }
    }

    /// An empty folder for a test's own pattern files, removed when the test ends.
}
