import XCTest
@testable import Anonymiser

/// The gate's own rules (`CheckRuleCatalogue.own`: names and house style) carry examples like
/// every pattern rule: text each must report, and text it must leave alone. A new own rule
/// without examples fails here.
final class CheckRuleExamplesTests: XCTestCase {
    struct Examples {
        /// Each must raise a finding of the rule.
        var match: [String]
        /// Each must raise none of it.
        var noMatch: [String]
    }

    static let key = FingerprintKey(bytes: Array(repeating: 3, count: 32))
    /// The case's known names for `name.known`: a nickname no name list holds.
    static let checker = Checker(
        patterns: Fixtures.patterns,
        knownNames: KnownNames(fingerprints: NameFingerprints(cases: ["24 013 403"], variants: ["Bramble"], key: key), key: key))

    static let examples: [String: Examples] = [
        CheckRuleID.titledName: Examples(
            match: ["Mrs Halloran complained to the Council.\n", "Mr and Mrs Okonjo asked for a review.\n", "The report was written by Dr Finch.\n"],
            noMatch: ["Mrs X complained to the Council.\n", "Mr and Mrs Y asked for a review.\n", "The report was written by Dr B.\n"]),
        CheckRuleID.knownName: Examples(
            match: ["The note was signed by Bramble.\n"],
            noMatch: ["The note was signed by the officer.\n", "The hedge was full of brambles.\n"]),
        CheckRuleID.untitledName: Examples(
            match: ["Jane Halloran complained to the Council.\n", "Mrs X's son, Oliver, attends school.\n"],
            noMatch: ["Mrs X's son, Z, attends school.\n", "Derby City Council replied.\n"]),
        CheckRuleID.twoTitles: Examples(
            match: ["Mrs X complained. Mrs X wrote again. Miss X rang.\n"],
            noMatch: ["Mrs X complained. Mrs X wrote again.\n", "Mr and Mrs X complained. Mr X wrote first.\n"]),
        CheckRuleID.skippedLetter: Examples(
            match: ["Mrs A complained about the Council.\n", "Mr I wrote to the Council.\n"],
            noMatch: ["Mrs X complained about the Council.\n", "Mrs B complained about the Council.\n"]),
        CheckRuleID.letterReused: Examples(
            match: ["Mrs X's son, Z, and her daughter, Z, both attend.\n"],
            noMatch: ["Mrs X's son, Y, and her daughter, Z, both attend.\n"]),
        CheckRuleID.bareLetterAdult: Examples(
            match: ["Mrs X cares for her mother, Y, at home.\n"],
            noMatch: ["Mrs X cares for her mother, Mrs Y, at home.\n", "Mrs X cares for her son, Y, at home.\n"]),
    ]

    /// Reported while redacting, not by the gate: one real name under two titles.
    static let redactionFlagExamples: [String: Examples] = [
        "house-style.title-mismatch": Examples(
            match: ["Mrs Erin Vale complains. Mrs Vale wrote. Mrs Vale rang. Ms Vale called.\n"],
            noMatch: ["Mrs Erin Vale complains. Mrs Vale wrote. Mrs Vale rang.\n"]),
    ]

    func testEveryOwnRuleHasExamples() {
        for rule in CheckRuleCatalogue.own {
            let examples = Self.examples[rule.id] ?? Self.redactionFlagExamples[rule.id]
            XCTAssertFalse(examples?.match.isEmpty ?? true, "\(rule.id) has no example it must report")
            XCTAssertFalse(examples?.noMatch.isEmpty ?? true, "\(rule.id) has no example it must leave alone")
        }
    }

    func testEveryOwnRuleReportsItsMatchesAndLeavesItsNonMatches() throws {
        for (id, examples) in Self.examples {
            let level = try XCTUnwrap(CheckRuleCatalogue.own.first { $0.id == id }?.level, id)
            for text in examples.match {
                let found = try Self.checker.check(Document(name: "decision.txt", text: text)).filter { $0.rule == id }
                XCTAssertFalse(found.isEmpty, "\(id) does not report: \(text)")
                XCTAssertTrue(found.allSatisfy { $0.level == level }, "\(id) reported at another level than \(level)")
            }
            for text in examples.noMatch {
                let found = try Self.checker.check(Document(name: "decision.txt", text: text)).filter { $0.rule == id }
                XCTAssertEqual(found.map(\.text), [], "\(id) should leave alone: \(text)")
            }
        }
    }

    func testRedactionFlagRulesFlagTheirMatchesOnly() throws {
        for (id, examples) in Self.redactionFlagExamples {
            for text in examples.match {
                XCTAssertTrue(try Fixtures.redact(text).flags.contains { $0.rule == id }, "\(id) does not flag: \(text)")
            }
            for text in examples.noMatch {
                XCTAssertFalse(try Fixtures.redact(text).flags.contains { $0.rule == id }, "\(id) should leave alone: \(text)")
            }
        }
    }
}
