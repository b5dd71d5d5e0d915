import Foundation
import XCTest
@testable import Anonymiser

/// Rules whose regex cannot cross a line break run only on the lines holding one of their
/// `requires` literals: the analysis that decides it, the gate, and the rules' own data.
final class LineScanTests: XCTestCase {
    func testLineBoundAnalysisIsConservative() {
        let lineBound = [
            #"\bMrs[ \x{A0}]+\p{Lu}\p{Ll}+"#, #"[0-9]{3}[ -]?[0-9]{4}"#, #"(?<! )Ward[ \t]+[0-9]+"#,
            #"number:[^\n0-9]{0,20}[0-9]+"#, #"[^\s,]+"#, #"(?i)ward"#, #"(?-s:a.b)"#, #"[\w'’-]+"#, #"\pL+"#,
            #"[^\S\n]+"#, #"a\.b\(c\)"#, #"[À-ÿ]"#,
        ]
        for pattern in lineBound { XCTAssertTrue(LineBound.isLineBound(pattern), pattern) }
        let crossing = [
            #"Road\s+\w+"#, "Road\n[A-Z]", #"[^,]+"#, #"(?s)a.b"#, #"(?is)a.b"#, #"(?ms:a.b)"#, #"a\Rb"#, #"[\x00-\x{FF}]"#,
            #"\x0A"#, #"\x{a}"#, #"\p{Cc}"#, #"\pC"#, #"\p{Any}"#, #"\p{Greek}"#, #"a\Db"#, #"[[:space:]]"#, #"[[:ascii:]]"#,
            #"[^\n]+\n"#, #"[^]]"#, #"[\t-~]"#, #"[\12]"#, #"\12"#, #"(*NUL)a.b"#, #"[^\\n]"#, #"[^\p{Greek}]"#,
            #"[x[^\n]"#, #"\Gabc"#, #"\P{L}"#, #"[^\p{L}]"#,
        ]
        for pattern in crossing { XCTAssertFalse(LineBound.isLineBound(pattern), pattern) }
    }

    func testPrefilterFindsTheLinesHoldingALiteralAndMergesNeighbours() {
        let text = "alpha\nBeta school\nschool again\ngamma\nthe SCHOOL"
        let index = LiteralIndex(requires: [[Array("school".utf8)], [Array("absent".utf8)], []])
        let hits = index.scan(Array(text.utf8))
        XCTAssertEqual(hits.lines(ofRule: 0).map { String(text.substring(utf8: $0)) }, ["Beta school\nschool again", "the SCHOOL"])
        XCTAssertEqual(hits.lines(ofRule: 1), [])
        XCTAssertFalse(hits.holdsLiteral(ofRule: 1))
        XCTAssertTrue(hits.holdsLiteral(ofRule: 2), "a rule without literals is never filtered out")
    }

    /// The automaton finds overlapping literals, literals inside others and multi-byte ones.
    func testEveryLiteralIsFoundWhereverItOccurs() {
        let literals = ["son", "person", "on", "‘", "a&e", "lôn"].map { [Array($0.utf8)] }
        let index = LiteralIndex(requires: literals)
        let text = "no match here\nA PERSON\n‘quoted’\nA&E at Lôn Las\nreason"
        let hits = index.scan(Array(text.utf8))
        let linesOf = { (rule: Int) in hits.lines(ofRule: rule).map { String(text.substring(utf8: $0)) } }
        XCTAssertEqual(linesOf(0), ["A PERSON", "reason"])
        XCTAssertEqual(linesOf(1), ["A PERSON"])
        XCTAssertEqual(linesOf(2), ["A PERSON", "reason"], "“ôn” is not “on”")
        XCTAssertEqual(linesOf(3), ["‘quoted’"])
        XCTAssertEqual(linesOf(4), ["A&E at Lôn Las"])
        XCTAssertEqual(linesOf(5), ["A&E at Lôn Las"])
    }

    /// White space in literals and text is read as `[^\S\n]+` reads it: any run of spaces,
    /// tabs and Unicode spaces is one space; a line break is not a space.
    func testLiteralsSeeEveryKindOfSpaceAsOne() {
        let index = LiteralIndex(requires: [[Array("ni ".utf8)], [Array("council  tax".utf8)]])
        let text = "NI\u{A0}number\nNI\tno\nNI   number\nni\nCouncil\u{2009}Tax\nCOUNCIL TAX"
        let hits = index.scan(Array(text.utf8))
        XCTAssertEqual(hits.lines(ofRule: 0).map { String(text.substring(utf8: $0)) }, ["NI\u{A0}number\nNI\tno\nNI   number"])
        XCTAssertEqual(hits.lines(ofRule: 1).map { String(text.substring(utf8: $0)) }, ["Council\u{2009}Tax\nCOUNCIL TAX"])
    }

    /// Over every sample draft, each pre-filtered rule (line-scanned or not, literals written or
    /// read from the regex) finds exactly what a scan of the whole text finds: no match of it
    /// sits on a line, or in a document, without one of its literals.
    func testPrefilteredRulesFindWhatAFullScanFinds() throws {
        let patterns = Fixtures.patterns
        let detector = Detector(patterns: patterns)
        let drafts = Fixtures.samples.appendingPathComponent("drafts")
        let files = try FileManager.default.contentsOfDirectory(at: drafts, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        XCTAssertFalse(files.isEmpty)
        let lineScanned = patterns.rules.indices.filter { patterns.rules[$0].scansLines }
        XCTAssertGreaterThan(lineScanned.count, 30, "most rules with literals are line-bound")
        let prefiltered = patterns.rules.indices.filter { !patterns.rules[$0].requires.isEmpty }
        XCTAssertGreaterThan(prefiltered.count, lineScanned.count, "some pre-filtered rules scan whole documents")
        for file in files {
            let document = try Document(contentsOf: file, name: file.lastPathComponent)
            let tokens = Tokenizer.tokens(in: document.bytes)
            let prefilter = detector.prefilter(document)
            for index in prefiltered {
                let gated = try detector.candidates(of: index, in: document, tokens: tokens, prefilter: prefilter).map(\.range)
                let full = try detector.candidates(of: index, in: document, tokens: tokens).map(\.range)
                XCTAssertEqual(gated, full, "\(patterns.rules[index].id) in \(file.lastPathComponent)")
            }
        }
    }
}
