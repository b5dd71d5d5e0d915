import Foundation
import PCRE2
import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// A rule whose literals stand inside every match runs only around each occurrence of one: from
/// just past the last byte no match of it can hold (`Rule.matchBytes`, read from the regex) to the
/// occurrence's end. The reading of those bytes, the windows, the check of written literals, and
/// — on generated text — that no match is lost.
final class LiteralWindowsTests: XCTestCase {
    func bytes(_ pattern: String, caseless: Bool = false) -> Set<UInt8>? {
        StartSet.matchBytes(of: pattern, caseless: caseless).map { Set($0.members) }
    }

    func testMatchBytesAreWhatTheConsumingPartsMayMatch() {
        XCTAssertEqual(bytes("ab"), Set("ab".utf8))
        XCTAssertEqual(bytes("(?i)ab"), Set("abAB".utf8))
        XCTAssertEqual(bytes("ab", caseless: true), Set("abAB".utf8))
        XCTAssertEqual(bytes(#"(?<=x)ab(?=c)(?!d)(?<!e)"#), Set("ab".utf8), "lookarounds read, but do not consume")
        XCTAssertEqual(bytes(#"\bab$"#), Set("ab".utf8))
        XCTAssertEqual(bytes("x{0}y"), Set("y".utf8))
        XCTAssertEqual(bytes(#"[a-c]+[ \t]?z"#), Set("abc \tz".utf8))
        XCTAssertEqual(bytes(#"(?(DEFINE)(?<w>[a-c]))(?&w)z"#), Set("abcz".utf8), "a call matches what its group matches")
        let digits = bytes(#"\d+"#)
        XCTAssertEqual(digits?.isSuperset(of: Set("0123456789".utf8)), true)
        XCTAssertEqual(digits?.contains(0xD9), true, "under UCP \\d holds other scripts' digits")
        XCTAssertEqual(digits?.contains(UInt8(ascii: "a")), false)
        let notComma = bytes("[^,]")
        XCTAssertEqual(notComma?.contains(UInt8(ascii: ",")), false)
        XCTAssertEqual(notComma?.contains(0xC3), true)
        XCTAssertEqual(notComma?.contains(0x0A), true)
        // The Kelvin sign (E2 84 AA) matches "k" caselessly.
        XCTAssertEqual(bytes("k", caseless: true)?.isSuperset(of: [0xE2, 0x84, 0xAA]), true)
        XCTAssertEqual(bytes("ok", caseless: true)?.isSuperset(of: [0xE2, 0x84, 0xAA]), true, "in a run of letters too")
        XCTAssertEqual(bytes(#"(a)\1"#), Set(0...255), "a back reference may hold anything")
        XCTAssertEqual(bytes(#"a\X"#), Set(0...255))
        XCTAssertNil(bytes(#"\Gab"#), "syntax not vouched for")
    }

    func windows(_ text: String, literals: [String], matchBytes: String) -> [String] {
        let index = LiteralIndex(requires: [literals.map { Array($0.utf8) }])
        let bytes = Array(text.utf8)
        let hits = index.scan(bytes)
        let found = bytes.withUnsafeBufferPointer { hits.windows(ofRule: 0, in: $0, matchBytes: ByteSet(Array(matchBytes.utf8))) }
        return found.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testWindowsRunFromTheLastByteNoMatchHoldsToTheLiteral() {
        let words = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ "
        XCTAssertEqual(
            windows("Yes, the Derby City Council said so. The COUNCIL", literals: ["council"], matchBytes: words),
            [" the Derby City Council", " The COUNCIL"])
        XCTAssertEqual(windows("Council Council, council", literals: ["council"], matchBytes: words), ["Council Council", " council"],
                       "occurrences with nothing between them outside the bytes are one window")
        XCTAssertEqual(windows("a.b.Act and Council", literals: ["council", "act"], matchBytes: words), ["Act and Council"],
                       "the literals of a rule together, in text order")
        XCTAssertEqual(windows("no literal here", literals: ["council"], matchBytes: words), [])
        XCTAssertEqual(windows("Council", literals: ["council"], matchBytes: "x"), [""], "no match holds this occurrence: none begins before its end")
    }

    func testWrittenLiteralsBoundMatchesOnlyWhenTheRegexShowsTheyStandInEveryMatch() {
        func stand(_ literals: [String], _ pattern: String) -> Bool {
            RequiredLiterals.standInEveryMatch(literals.map { Array($0.utf8) }, of: pattern)
        }
        XCTAssertTrue(stand(["council"], #"\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)*[ ]Council"#))
        XCTAssertTrue(stand(["council", "authority"], #"\p{Lu}\p{Ll}+[ ](?:Council|Authority)"#))
        XCTAssertTrue(stand(["city of"], #"(?i)the[ \t]+city[ \t]+of[ \t]+\p{Lu}\p{Ll}+"#), "spaces read as the pre-filter reads them")
        XCTAssertFalse(stand(["council"], #"\p{Lu}\p{Ll}+(?=[ ]Council)"#), "only a lookahead reads it")
        XCTAssertFalse(stand(["council"], #"\p{Lu}\p{Ll}+[ ](?:Council|Authority)"#), "one branch holds another word")
        XCTAssertFalse(stand(["councillor"], #"Council(?:lor)?"#), "the literal is longer than what every match holds")
        XCTAssertFalse(stand(["council"], #"(?:Council)?[A-Z]"#), "optional")
        XCTAssertFalse(stand([], "Council"))
        // Of a sequence's literals, the reading keeps one the written literals cover, not the one
        // `derive` would prefer ("mental health act", "disease").
        XCTAssertTrue(stand(["code of practice"], #"(?:Mental[ ]+Capacity|Mental[ ]+Health)[ ]+Act(?:[ ]+[0-9]{4})?[ ]+Code[ ]+of[ ]+Practice"#))
        XCTAssertTrue(stand(["'s", "’s"], #"\p{Lu}\p{Ll}+['’]s(?:[ ]+\p{Ll}+)?[ ]+(?:disease|syndrome)"#))
        XCTAssertFalse(stand(["'s"], #"\p{Lu}\p{Ll}+['’]s(?:[ ]+\p{Ll}+)?[ ]+(?:disease|syndrome)"#), "one apostrophe of two")
    }

    func testRulesWithLiteralsInEveryMatchScanAroundThem() {
        let rules = Fixtures.patterns.rules
        let bounded = rules.filter { $0.matchBytes != nil }
        XCTAssertGreaterThan(bounded.count, 50, "most rules with literals")
        XCTAssertTrue(bounded.allSatisfy { !$0.requires.isEmpty })
        // Written literals count only where the regex shows they stand in every match.
        XCTAssertNotNil(Fixtures.patterns.rule(id: "residual.place-street")?.matchBytes)
        // A line-bound rule's matches hold no line break.
        for rule in bounded where rule.scansLines { XCTAssertFalse(rule.matchBytes!.contains(0x0A), rule.id) }
    }
}

/// On generated text (fragments of every rule's examples, joined at random): every match of a
/// rule with `matchBytes` holds only those bytes, and the rule finds the same with its windows as
/// over the whole text.
@Suite struct LiteralWindowsPropertyTests {
    @Test func noMatchIsLostToTheWindows() async throws {
        let patterns = Fixtures.patterns
        let detector = Detector(patterns: patterns)
        let bounded = patterns.rules.indices.filter { patterns.rules[$0].matchBytes != nil }
        await propertyCheck(count: 120, input: CandidateScanPropertyTests.texts) { text in
            let document = Document(name: "generated", text: text)
            let tokens = Tokenizer.tokens(in: document.bytes)
            let prefilter = detector.prefilter(document)
            for index in bounded {
                let rule = patterns.rules[index]
                guard case let .regex(regex) = rule.matcher else { continue }
                try? document.bytes.withUnsafeBufferPointer { buffer in
                    try regex.forEachMatch(in: buffer) { match in
                        let whole = match.groups[0]!
                        let outside = buffer[whole].first { !rule.matchBytes!.contains($0) }
                        #expect(outside == nil, "\(rule.id) matched \(String(decoding: buffer[whole], as: UTF8.self).debugDescription)")
                        return true
                    }
                }
                let gated = try? detector.candidates(of: index, in: document, tokens: tokens, prefilter: prefilter, scan: .wholeText)
                let full = try? detector.candidates(of: index, in: document, tokens: tokens, scan: .wholeText)
                #expect(gated == full, "\(rule.id) in \(text.debugDescription)")
            }
        }
    }
}
