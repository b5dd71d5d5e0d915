import XCTest
@testable import PCRE2

final class RegexTests: XCTestCase {
    /// Matches only where `windows` allow them to start, each exactly as a full scan finds it.
    private func matches(_ regex: Regex, in text: String, startingIn windows: [Range<Int>]) throws -> [String] {
        var copy = text
        return try copy.withUTF8 { buffer in
            var found: [String] = []
            try regex.forEachMatch(in: buffer, startingIn: windows) { found.append(String(text.substring(utf8: $0.range))); return true }
            return found
        }
    }

    func testWindowedScanFindsOnlyMatchesStartingInItsWindows() throws {
        let regex = try Regex(#"(?<![\p{L}0-9])[0-9]+"#, options: .offsetLimit)
        let text = "1 22\nab333 4444\n55555"
        //          line 0: 0..<4, line 1: 5..<15, line 2: 16..<21
        XCTAssertEqual(try matches(regex, in: text, startingIn: [0..<4, 16..<21]), ["1", "22", "55555"])
        // The lookbehind still sees the text before the window: "ab333" is not a number.
        XCTAssertEqual(try matches(regex, in: text, startingIn: [5..<15]), ["4444"])
        XCTAssertEqual(try matches(regex, in: text, startingIn: []), [])
    }

    func testWindowedMatchesMayRunPastTheWindowButNeverOverlap() throws {
        let regex = try Regex("a+", options: .offsetLimit)
        let text = "xaaaa"
        // The match starting in the first window runs to the end; the second window's start lies inside it.
        XCTAssertEqual(try matches(regex, in: text, startingIn: [0..<2, 3..<5]), ["aaaa"])
    }

    /// A regex starting with a Unicode property leaves PCRE2 no start bitmap; a start hint (a
    /// lookahead of plain code points) gives it one, and changes nothing where PCRE2 had its own.
    func testAStartHintIsUsedOnlyWherePCRE2CannotTellWhereMatchesStart() throws {
        let name = #"\p{Lu}\p{Ll}+"#
        let plain = try Regex(name)
        XCTAssertFalse(plain.knowsWhereMatchesStart)
        let hinted = try Regex(name, startHint: "(?=[A-Z\\x{C0}-\\x{10FFFF}])")
        XCTAssertTrue(hinted.usesStartHint)
        XCTAssertTrue(hinted.knowsWhereMatchesStart)
        XCTAssertTrue(hinted.pattern.hasPrefix("(?=[A-Z"))
        let text = "met Zoë and Jane on Monday"
        XCTAssertEqual(try hinted.matches(in: text).map(\.range), try plain.matches(in: text).map(\.range))
        let literal = try Regex("Jane", startHint: "(?=[J])")
        XCTAssertFalse(literal.usesStartHint, "PCRE2 already knows a match starts with J")
        XCTAssertEqual(literal.pattern, "Jane")
        XCTAssertThrowsError(try Regex("(", startHint: "(?=[A-Z])"))
    }

    func testFindsAllMatchesWithNamedGroups() throws {
        let regex = try Regex(#"(?<title>Mr|Mrs) (?<name>\p{Lu}\p{Ll}+)"#)
        let text = "Mrs Whitfield met Mr Łukasz and Mrs Zoë."
        let found = try regex.matches(in: text)
        XCTAssertEqual(found.map { String(text.substring(utf8: $0.range(named: "name")!)) }, ["Whitfield", "Łukasz", "Zoë"])
        XCTAssertEqual(found.map { String(text.substring(utf8: $0.range(named: "title")!)) }, ["Mrs", "Mr", "Mrs"])
    }

    func testUnicodePropertiesApplyToWordClasses() throws {
        // Under UCP, \w and \b see accented letters as letters.
        let regex = try Regex(#"\b\w+\b"#)
        XCTAssertEqual(try regex.matches(in: "Siobhán").count, 1)
    }

    func testCaselessOption() throws {
        let regex = try Regex("sort code", options: .caseless)
        XCTAssertNotNil(try regex.firstMatch(in: "SORT CODE 12-34-56"))
        XCTAssertNil(try Regex("sort code").firstMatch(in: "SORT CODE"))
    }

    func testEmptyMatchesAdvanceByWholeCharacters() throws {
        // A pure-lookahead pattern yields one zero-width match per candidate position,
        // and stepping must not land inside a multi-byte character.
        let regex = try Regex(#"(?=(?<w>\p{Lu}\p{Ll}+))"#)
        let text = "Zoë Łukasz"
        let starts = try regex.matches(in: text).map { String(text.substring(utf8: $0.range(named: "w")!)) }
        XCTAssertEqual(starts, ["Zoë", "Łukasz"])
    }

    func testUnsetGroupIsNil() throws {
        let match = try XCTUnwrap(try Regex("(?<a>x)|(?<b>y)").firstMatch(in: "y"))
        XCTAssertNil(match.range(named: "a"))
        XCTAssertEqual(match.range(named: "b"), 0..<1)
    }

    func testCompileErrorCarriesOffsetAndMessage() {
        XCTAssertThrowsError(try Regex("(unclosed")) { error in
            guard case let PCRE2Error.compile(_, offset, message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(offset, 9)
            XCTAssertTrue(message.contains("missing closing parenthesis"), message)
        }
    }

    func testMatchLimitStopsCatastrophicBacktracking() throws {
        let regex = try Regex("(a+)+$", limits: .init(match: 10_000, depth: 1_000))
        let subject = String(repeating: "a", count: 40) + "b"
        XCTAssertThrowsError(try regex.matches(in: subject)) { error in
            XCTAssertTrue((error as? PCRE2Error)?.isLimit == true, "\(error)")
        }
    }

    func testJITIsUsedWhenAvailable() throws {
        XCTAssertTrue(try Regex("abc").isJIT)
    }
}
