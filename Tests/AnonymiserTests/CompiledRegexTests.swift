import Foundation
import PCRE2
import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// A rule's regex is compiled rewritten for speed: its alternations of words grouped by first
/// letter (`AlternationFactoring`) and, for a rule that scans text starting with what PCRE2 cannot
/// read a start from (a name's `\p{Lu}`), behind a lookahead naming its first characters
/// (`StartLookahead`). Neither may change a match: every rule finds what its regex as written
/// finds, span for span and group for group, on the samples, the evaluation corpus (when present)
/// and generated text.
final class CompiledRegexTests: XCTestCase {
    static var rulesWithLookahead: [Rule] { Fixtures.patterns.rules.filter { $0.startLookahead != nil } }
    /// The rules whose compiled regex is not their regex as written.
    static var rulesRewritten: [Rule] {
        Fixtures.patterns.rules.filter { rule in
            guard case let .regex(regex) = rule.matcher else { return false }
            return regex.pattern != rule.source
        }
    }

    /// Every match of `rule` in `text` (all groups), through its compiled regex and through its
    /// regex as written.
    static func matchesBothWays(of rule: Rule, in text: [UInt8]) throws -> (compiled: [[Range<Int>?]], written: [[Range<Int>?]]) {
        guard case let .regex(compiled) = rule.matcher else { return ([], []) }
        let written = try Regex(rule.source, options: rule.caseless ? .caseless : [])
        func all(_ regex: Regex) throws -> [[Range<Int>?]] {
            var found: [[Range<Int>?]] = []
            try text.withUnsafeBufferPointer { buffer in try regex.forEachMatch(in: buffer) { found.append($0.groups); return true } }
            return found
        }
        return (try all(compiled), try all(written))
    }

    static func expectSameMatches(in text: [UInt8], file: String) throws -> Int {
        var total = 0
        for rule in rulesRewritten {
            let (compiled, written) = try matchesBothWays(of: rule, in: text)
            XCTAssertEqual(compiled, written, "\(rule.id) in \(file)")
            total += written.count
        }
        return total
    }

    func testMostRulesAreRewrittenAndEveryRewriteIsOneOfTheTwo() throws {
        let rewritten = Self.rulesRewritten
        XCTAssertGreaterThan(rewritten.count, 60, "most rules hold alternations of words")
        for rule in rewritten {
            guard case let .regex(regex) = rule.matcher else { continue }
            let factored = AlternationFactoring.factored(rule.source)
            XCTAssertEqual(regex.pattern, (rule.startLookahead?.pattern ?? "") + factored, rule.id)
        }
    }

    func testNameRulesThatScanTextAreToldWhereMatchesStart() throws {
        let rules = Self.rulesWithLookahead
        XCTAssertGreaterThanOrEqual(rules.count, 8, "name and address rules that scan text start at \\p{Lu}")
        for id in ["person.staff-before", "person.staff-after", "address.house-name"] {
            let rule = try XCTUnwrap(Fixtures.patterns.rule(id: id), id)
            XCTAssertNil(rule.anchoredForm, "\(id) scans text")
            XCTAssertNotNil(rule.startLookahead, id)
            guard case let .regex(regex) = rule.matcher else { return XCTFail(id) }
            XCTAssertTrue(regex.knowsWhereMatchesStart, id)
        }
        for rule in Fixtures.patterns.rules where rule.anchoredForm != nil {
            XCTAssertNil(rule.startLookahead, "\(rule.id) is tried at its own candidates: a lookahead would only cost")
        }
        let staff = try XCTUnwrap(Fixtures.patterns.rule(id: "person.staff-before")?.startLookahead)
        // "the", "a", "her", "his", "its", "our", "my", "your" or a capital: no digit, no "b".
        XCTAssertTrue(staff.firstBytes.contains(UInt8(ascii: "t")))
        XCTAssertTrue(staff.firstBytes.contains(UInt8(ascii: "J")))
        XCTAssertFalse(staff.firstBytes.contains(UInt8(ascii: "b")))
        XCTAssertFalse(staff.firstBytes.contains(UInt8(ascii: "7")))
    }

    func testTheClassNamesEveryCharacterOfEachLeadByte() {
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet(UInt8(ascii: "A")...UInt8(ascii: "Z"))), #"\x{41}-\x{5A}"#)
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet([UInt8(ascii: "a"), UInt8(ascii: "c")])), #"\x{61}\x{63}"#)
        // 0xC3 leads "À" … "ÿ"; 0xC4 follows on ("Ā" …): one range.
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet([0xC3, 0xC4])), #"\x{C0}-\x{13F}"#)
        // 0xED leads U+D000 … U+DFFF, of which the surrogates are no characters.
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet([0xED])), #"\x{D000}-\x{D7FF}"#)
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet([0xF4])), #"\x{100000}-\x{10FFFF}"#)
        // Continuation bytes start no character.
        XCTAssertEqual(StartLookahead.classBody(of: ByteSet([0x80, 0xBF])), "")
    }

    func testNoLookaheadWhenEveryCharacterMayStartAMatch() throws {
        let anything = try XCTUnwrap(StartSet.derive(from: #"(?<=\.)[\s\S]x"#))
        XCTAssertNil(StartLookahead(anything))
        let capitals = try XCTUnwrap(StartSet.derive(from: #"\b\p{Lu}\p{Ll}+"#))
        XCTAssertEqual(StartLookahead(capitals)?.firstBytes.contains(UInt8(ascii: "a")), false)
    }

    func testSamplesFindTheSameBothWays() throws {
        let drafts = Fixtures.samples.appendingPathComponent("drafts")
        let files = try FileManager.default.contentsOfDirectory(at: drafts, includingPropertiesForKeys: nil).filter { $0.pathExtension == "txt" }
        var total = 0
        for file in files {
            let document = try Document(contentsOf: file, name: file.lastPathComponent)
            total += try Self.expectSameMatches(in: MatchingView(document).matching.bytes, file: file.lastPathComponent)
        }
        XCTAssertGreaterThan(total, 20, "the samples exercise the rules")
    }

    func testEvaluationCorpusFindsTheSameBothWays() throws {
        var total = 0
        for document in try evaluationCorpusDocuments() {
            total += try Self.expectSameMatches(in: MatchingView(document).matching.bytes, file: document.name)
        }
        XCTAssertGreaterThan(total, 200, "the corpus exercises the rules")
    }
}

@Suite struct CompiledRegexPropertyTests {
    /// On generated text (fragments of every rule's examples, awkward characters), every rule
    /// finds what its regex as written finds.
    @Test func everyRewrittenRuleFindsTheSameOnGeneratedText() async throws {
        let rules = CompiledRegexTests.rulesRewritten
        #expect(!rules.isEmpty)
        await propertyCheck(count: 150, input: CandidateScanPropertyTests.texts) { text in
            for rule in rules {
                let both = try? CompiledRegexTests.matchesBothWays(of: rule, in: Array(text.utf8))
                #expect(both?.compiled == both?.written, "\(rule.id) in \(text.debugDescription)")
            }
        }
    }

    /// For any set of lead bytes, the class matches a character exactly when its UTF-8 form starts
    /// with one of them.
    @Test func theClassMatchesACharacterExactlyWhenItsLeadByteIsInTheSet() async throws {
        let leadBytes = Array(0x00...0x7F).map(UInt8.init) + Array(0xC2...0xF4).map(UInt8.init)
        let cases = zip(
            Gen.int(in: 0...(leadBytes.count - 1)).array(of: 1...40),
            Gen.int(in: 0...0x10FFFF).array(of: 1...60)
        )
        await propertyCheck(count: 100, input: cases) { (picks: [Int], codePoints: [Int]) in
            let bytes = ByteSet(picks.map { leadBytes[$0] })
            guard let regex = try? Regex("^[" + StartLookahead.classBody(of: bytes) + "]") else {
                Issue.record("the class of \(bytes.members) does not compile")
                return
            }
            // The generated code points, and those either side of every lead byte's first and last
            // (where an off-by-one would show; what leads each is read from its UTF-8 form).
            let edges = (0...255).compactMap { StartLookahead.characters(startingWith: UInt8($0)) }
                .flatMap { [Int($0.lowerBound) - 1, Int($0.lowerBound), Int($0.upperBound), Int($0.upperBound) + 1] }
            for value in codePoints + edges where value >= 0 {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let text = String(Character(scalar))
                let matched = (try? regex.firstMatch(in: text)) != nil
                #expect(matched == bytes.contains(Array(text.utf8)[0]), "U+\(String(value, radix: 16)) against \(bytes.members)")
            }
        }
    }
}
