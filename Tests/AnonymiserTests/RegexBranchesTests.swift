import Foundation
import PCRE2
import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// A regex read branch by branch (`RegexBranches`): which alternations are split, which are
/// not, and — on generated text — that every match of the regex is a match of one branch.
final class RegexBranchesTests: XCTestCase {
    func testTopLevelAlternativesAndPlainGroupsAreSplit() {
        XCTAssertEqual(RegexBranches.split("a|b|c"), ["a", "b", "c"])
        XCTAssertEqual(RegexBranches.split(#"(?=x)(?|ab|cd)e"#), [#"(?=x)abe"#, #"(?=x)cde"#])
        XCTAssertEqual(RegexBranches.split(#"\b(?:at|in)[ ](?>x|y)"#), [#"\bat[ ](?>x|y)"#, #"\bin[ ](?>x|y)"#], "the first group with alternatives")
        XCTAssertEqual(RegexBranches.split(#"[(|)]x|y"#), [#"[(|)]x"#, "y"], "a class holds no alternation")
        XCTAssertEqual(RegexBranches.split(#"[]|]x|[^]|]y"#), [#"[]|]x"#, #"[^]|]y"#], "a class may begin with ]")
        XCTAssertEqual(RegexBranches.split(#"[[:alpha:]|]x|y"#), [#"[[:alpha:]|]x"#, "y"])
        XCTAssertEqual(RegexBranches.split(#"\(a|b\)"#), [#"\(a"#, #"b\)"#], "escaped parentheses are text")
        XCTAssertEqual(RegexBranches.split(#"(?i:a|b)c|d"#), [#"(?i:a|b)c"#, "d"])
        XCTAssertEqual(
            RegexBranches.split(#"(?:a(?&w)|b)!(?(DEFINE)(?<w>x|y))"#),
            [#"a(?&w)!(?(DEFINE)(?<w>x|y))"#, #"b!(?(DEFINE)(?<w>x|y))"#], "the definitions stay with every branch")
    }

    func testWhatCannotBeSplitSafelyIsNot() {
        for pattern in [
            "abc", #"(?:a|b)+c"#, #"(?:a|b){2}"#, #"(?:a|b)?c"#, #"(?:a|b)*"#,  // no alternation, or a repeated one
            #"(a|b)c"#, #"(?<v>a|b)c"#,  // a capture group: a call of it would read one branch only
            #"(?i)a|b"#, #"(?:(?i)a|b)c"#,  // an option set in one branch carries into the next
            #"(a)\1|b"#, #"(?1)|b"#, #"(a)(?(1)b|c)"#, #"(?R)|a"#, #"\g{1}|a"#,  // group numbers change when split
            #"\Q(|\E|a"#, #"(?x) a | b"#, #"(?#c|d)a|b"#, #"(*UCP)a|b"#, "a|(b", "a)|b",
        ] {
            XCTAssertNil(RegexBranches.split(pattern), pattern)
        }
    }

    /// A rule that starts at any capital in one branch, at its own words in the others, is tried
    /// where a branch may start; the capital branch only on the lines holding its literals.
    func testARuleWhoseBranchesAreSelectiveRunsByBranch() throws {
        let rule = try XCTUnwrap(Fixtures.patterns.rule(id: "residual.place-area"))
        let units = try XCTUnwrap(rule.anchoredForm?.units)
        XCTAssertGreaterThan(units.count, 1)
        XCTAssertTrue(units.contains { !$0.starts.isSelective && !$0.requires.isEmpty }, "a branch bound to the lines of its literals")
        XCTAssertTrue(units.allSatisfy { $0.starts.isSelective || !$0.requires.isEmpty })
        // A rule running on the lines of its own literals keeps that scan unless each branch is selective.
        let council = try XCTUnwrap(Fixtures.patterns.rule(id: "allow.council"))
        XCTAssertTrue(council.scansLines)
        XCTAssertTrue(council.anchoredForm?.units.allSatisfy { $0.starts.isSelective } ?? true)
    }
}

/// On generated text, every match of a regex (tried at every position) is a match of one of
/// its branches at the same position: the promise the candidate scan relies on.
@Suite struct RegexBranchesPropertyTests {
    static let patterns = [
        #"(?|\bthe[ ](?<v>\p{Lu}\w+)[ ]area|(?<![\p{L}])(?<v>\p{Lu}\w+),[ ]where)"#,
        #"(?=[\p{L}0-9])(?|\b(?:is|was)[ ](?<n>[0-9]+)|(?<=[a-z][ ])\p{Lu}\w*[ ]\((?<n>[0-9]+)\))"#,
        #"(?>ab|a)c|b+"#, #"(?:x|xy)(?=y)|[^a-z]y"#, #"(?:a(?&w)|b)!(?(DEFINE)(?<w>x|y))"#,
    ]
    static let texts = Gen.int(in: 0...11).array(of: 0...30).map { picks in
        picks.map { ["the ", "Area", " area", "Leeds", ", where", "is ", "was ", "12", " (", "7)", "ab", "c", "x", "y", "!", "b"][$0] }.joined()
    }

    @Test func everyMatchIsABranchMatch() async throws {
        let compiled = try Self.patterns.map { pattern in
            (whole: try Regex(pattern, options: .anchored), branches: try RegexBranches.split(pattern)!.map { try Regex($0, options: .anchored) })
        }
        await propertyCheck(count: 200, input: Self.texts) { text in
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let data = MatchData(groups: 8)
                for (whole, branches) in compiled {
                    for position in buffer.characterStarts + [buffer.count] {
                        guard let match = try? whole.match(in: buffer, at: position, using: data) else { continue }
                        let found = branches.contains { branch in (try? branch.match(in: buffer, at: position, using: data))?.groups[0] != nil }
                        #expect(found, "a match at \(position) of \(text.debugDescription) is no branch's: \(String(describing: match.groups[0]))")
                    }
                }
            }
        }
    }
}
