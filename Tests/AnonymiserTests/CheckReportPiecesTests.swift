import Foundation
import XCTest
@testable import Anonymiser

/// A long document is checked segment by segment and its findings are rendered into the
/// report a piece at a time (never all held): every format writes exactly the bytes it writes
/// for the same findings handed over whole, and the report's spool survives being spilled.
final class CheckReportPiecesTests: XCTestCase {
    /// Paragraphs of our own with findings at every level, repeated past several segments.
    private static let paragraph = """
        Mrs Jane Whitfield rang on 07700 900123 about the repairs.

        Jane said the Council's surveyor had not visited. Her son goes to Oakwood Primary School.

        Mrs A wrote again; her email is jane.whitfield@example.org.


        """

    private func writeDraft(paragraphs: Int) throws -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("long.txt")
        try Data(String(repeating: CheckReportPiecesTests.paragraph, count: paragraphs).utf8).write(to: file)
        return (folder, file)
    }

    func testALongDocumentComesInPiecesAndEveryFormatWritesTheBytesOfTheWholeFile() throws {
        let (folder, file) = try writeDraft(paragraphs: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let checker = Checker(patterns: Fixtures.patterns, segmentSize: 600)
        let document = try Document(contentsOf: file, name: file.path)
        var pieces = 0
        try checker.check(document) { _ in pieces += 1 }
        XCTAssertGreaterThan(pieces, 5, "the document is long enough for several segments")

        for failOn in [CheckLevel.warning, .error] {
            let run = CheckRun(checker: checker, failOn: failOn)
            let whole = try run.check(document)
            XCTAssertTrue(Set(whole.findings.map(\.level)).count == 3, "findings at every level")
            for format in CheckFormat.allCases {
                let reporter = format.reporter(catalogue: checker.catalogue)
                let expected = reporter.render(CheckReport(files: [whole], failOn: failOn, catalogue: checker.catalogue))
                let stream = CheckReportStream(reporter: reporter, failOn: failOn)
                try run.run([file.path], readStandardInput: { Data() }, reporter: reporter, each: stream.add)
                var streamed = Data()
                try stream.finish { streamed.append($0) }
                XCTAssertEqual(String(decoding: streamed, as: UTF8.self), expected, "\(format) at --fail-on \(failOn)")
                XCTAssertEqual(stream.tally, CheckReport(files: [whole], failOn: failOn, catalogue: checker.catalogue).tally)
            }
        }
    }

    func testTheBaselineIsUsedUpAcrossThePiecesOfOneFile() throws {
        let (folder, file) = try writeDraft(paragraphs: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try Document(contentsOf: file, name: file.path)
        let whole = try CheckRun(checker: Checker(patterns: Fixtures.patterns), failOn: .note).check(document)
        // A baseline that accepted the first half of the findings: the second half is reported.
        let baseline = CheckBaseline(findings: Array(whole.findings.prefix(whole.findings.count / 2)))
        let segmented = try CheckRun(checker: Checker(patterns: Fixtures.patterns, segmentSize: 300), baseline: baseline, failOn: .note)
            .check(document)
        XCTAssertEqual(segmented.baselined, whole.findings.count / 2)
        XCTAssertEqual(segmented.findings.map(\.range), whole.findings.dropFirst(whole.findings.count / 2).map(\.range))
    }

    func testASpoolThatSpillsGivesBackEveryByteInOrder() throws {
        let spool = Spool(spillBytes: 10)
        var expected = Data()
        for index in 0..<500 {
            let bytes = Array("line \(index) é\n".utf8)
            spool.append(contentsOf: bytes)
            expected.append(contentsOf: bytes)
        }
        var other = ReportSectionPart(spillBytes: 7)
        other.append("head ")
        var part = ReportSectionPart(spillBytes: 64)
        part.append(Array(expected))
        try other.append(contentsOf: part)
        var drained = Data()
        try other.spool.drain { drained.append($0) }
        XCTAssertEqual(drained, Data("head ".utf8) + expected)
        XCTAssertTrue(other.isEmpty)
        var again = Data()
        try spool.drain { again.append($0) }
        XCTAssertEqual(again, expected)
    }
}
