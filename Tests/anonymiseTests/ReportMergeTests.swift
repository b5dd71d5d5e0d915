import Foundation
import XCTest

/// Runs the real binary: `check --shard K/N` over an archive in every mergeable format,
/// then `report merge` of the shards' reports, which must be byte for byte the report of
/// one `check` of the whole archive — and refuses every merge that would not be.
final class ReportMergeTests: CommandLineTestCase {
    static let leaky = "Complainant: Mrs Jane Whitfield\nTelephone: 07700 900123\n\nMrs Whitfield complains about the Council.\n"
    static let warningOnly = "Mrs X complained. Mrs X's mother, Y, and Mrs Y agreed to apologise.\n"
    static let noteOnly = "Mrs X says her son moved to Oakwood Primary School in the autumn.\n"
    static let clean = "Mrs X complained. The Council agreed to apologise to Mrs X.\n"

    /// Fourteen drafts in folders, names with spaces and markup characters among them.
    func writeArchive(clean onlyClean: Bool = false) throws {
        let texts = onlyClean ? [ReportMergeTests.clean] : [ReportMergeTests.leaky, ReportMergeTests.warningOnly, ReportMergeTests.noteOnly, ReportMergeTests.clean]
        let names = ["a.txt", "b & c.txt", "2024/d1.txt", "2024/d2.txt", "2024/sub/e.txt", "2025/f <g>.txt", "2025/h.TXT", "i.txt",
                     "j-k.txt", "j/k.txt", "l.txt", "m/n/o.txt", "p q.txt", "z.txt"]
        for (index, name) in names.enumerated() { try write(texts[index % texts.count], to: "archive/" + name) }
        try write("not a draft", to: "archive/notes.md")
    }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: scratch.appendingPathComponent(name)) }

    func testTheMergedShardsAreTheReportOfTheWholeArchive() throws {
        try writeArchive()
        for format in ["json", "sarif", "junit"] {
            let whole = try run(["check", "archive", "--format", format, "-o", "whole.\(format)"])
            XCTAssertEqual(whole.status, 1, whole.stderr)
            var shardFiles = 0
            for k in 1...3 {
                let shard = try run(["check", "archive", "--format", format, "--shard", "\(k)/3", "-o", "shard-\(k).\(format)"])
                XCTAssertTrue([0, 1].contains(shard.status), shard.stderr)
                let summary = try XCTUnwrap(shard.stderr.range(of: #"^[0-9]+ of 14 files checked \(shard \#(k)/3\): "#, options: .regularExpression), shard.stderr)
                shardFiles += Int(shard.stderr[summary].prefix { $0 != " " })!
                XCTAssertNotEqual(try bytes("shard-\(k).\(format)"), try bytes("whole.\(format)"))
            }
            XCTAssertEqual(shardFiles, 14, "every input in exactly one shard")
            let merged = try run(["report", "merge", "shard-1.\(format)", "shard-2.\(format)", "shard-3.\(format)"])
            XCTAssertEqual(merged.status, 1, "the archive fails at --fail-on warning: \(merged.stderr)")
            XCTAssertEqual(Data(merged.stdout.utf8), try bytes("whole.\(format)"), "\(format): the merge is the whole report")
            XCTAssertTrue(merged.stderr.hasPrefix("merged 3 reports (3 shards): 14 files checked: "), merged.stderr)
            let reordered = try run(["report", "merge", "shard-3.\(format)", "shard-1.\(format)", "shard-2.\(format)", "-o", "merged.\(format)", "--quiet"])
            XCTAssertEqual(reordered.status, 1)
            XCTAssertEqual(reordered.stderr, "")
            XCTAssertEqual(try bytes("merged.\(format)"), try bytes("whole.\(format)"), "\(format): in any order")
        }
    }

    func testACleanMergeIsExit0AndTheFailingLevelTravelsWithTheShards() throws {
        try writeArchive(clean: true)
        for k in 1...2 { XCTAssertEqual(try run(["check", "archive", "--format", "sarif", "--shard", "\(k)/2", "-o", "s\(k).sarif"]).status, 0) }
        let merged = try run(["report", "merge", "s1.sarif", "s2.sarif", "-o", "m.sarif"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try bytes("m.sarif"), Data(try run(["check", "archive", "--format", "sarif"]).stdout.utf8))

        try write(ReportMergeTests.noteOnly, to: "archive/zz-note.txt")
        for k in 1...2 { try run(["check", "archive", "--format", "sarif", "--fail-on", "note", "--shard", "\(k)/2", "-o", "n\(k).sarif"]) }
        XCTAssertEqual(try run(["report", "merge", "n1.sarif", "n2.sarif"]).status, 1, "the shards' --fail-on note, recorded in the logs")
        let conflicting = try run(["report", "merge", "n1.sarif", "n2.sarif", "--fail-on", "error"])
        XCTAssertEqual(conflicting.status, 2)
        XCTAssertEqual(conflicting.stderr, "anonymise: --fail-on error, but n1.sarif was checked at --fail-on note\n")
    }

    func testMergesThatWouldNotBeTheWholeReportAreRefused() throws {
        try writeArchive()
        for k in 1...3 { try run(["check", "archive", "--format", "json", "--shard", "\(k)/3", "-o", "s\(k).json"]) }
        try run(["check", "archive", "--format", "sarif", "--shard", "2/3", "-o", "s2.sarif"])
        try run(["check", "archive", "--format", "json", "-o", "whole.json"])
        try run(["check", "archive", "--format", "json", "--shard", "1/2", "-o", "half.json"])
        try run(["check", "archive", "--format", "json", "--fail-on", "error", "--shard", "2/3", "-o", "error.json"])
        try write("{\"tool\": \"something else\"}\n", to: "other.json")
        let refusals: [([String], String)] = [
            (["s1.json", "s2.sarif", "s3.json"], "anonymise: s2.sarif: is a sarif report; cannot merge it with json reports\n"),
            (["s1.json", "s2.json"], "anonymise: s1.json: shard 3/3 is missing: give the reports of all 3 shards\n"),
            (["s1.json", "s2.json", "s3.json", "s1.json"], "anonymise: s1.json: is shard 1/3, like s1.json\n"),
            (["s1.json", "s2.json", "s3.json", "whole.json"], "anonymise: whole.json: is the report of a whole run, the others are shards (check --shard): cannot merge them\n"),
            (["s1.json", "half.json"], "anonymise: half.json: is shard 1/2 of 14 inputs, s1.json shard 1/3 of 14: not parts of one run\n"),
            (["s1.json", "error.json", "s3.json"], "anonymise: error.json: was checked at --fail-on error, s1.json at --fail-on warning: cannot merge them\n"),
            (["whole.json", "whole.json"], "anonymise: whole.json: reports archive/2024/d1.txt, which whole.json reports too: merge reports of different files (the shards of one run)\n"),
            (["other.json"], "anonymise: other.json: is not a JSON, SARIF or JUnit report of anonymise check\n"),
            (["s1.json", "s2.json", "s3.json", "--format", "sarif"], "anonymise: s1.json: is a json report; cannot merge it with sarif reports\n"),
            (["s1.json", "s2.json", "s3.json", "--format", "text"], "anonymise: --format must be one of json, sarif, junit (reports that merge), not text\n"),
            (["s1.json", "s2.json", "s3.json", "--fail-on", "note"], "anonymise: --fail-on is for SARIF logs: json reports say which findings fail at the level check ran with\n"),
            (["s1.json", "nowhere.json"], "anonymise: nowhere.json: no such file or directory\n"),
        ]
        for (arguments, message) in refusals {
            let result = try run(["report", "merge"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stderr, message, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "nothing is written")
        }
        let before = try bytes("s1.json")
        let overwrite = try run(["report", "merge", "s1.json", "s2.json", "s3.json", "-o", "s1.json"])
        XCTAssertEqual(overwrite.status, 2)
        XCTAssertEqual(overwrite.stderr, "anonymise: s1.json: is a report being merged; refusing to overwrite it\n")
        XCTAssertEqual(try bytes("s1.json"), before)
    }

    func testShardMustBeKOfNAndAnEmptyShardIsClean() throws {
        try write(ReportMergeTests.leaky, to: "one/a.txt")
        for bad in ["0/3", "4/3", "3", "a/b"] {
            let result = try run(["check", "one", "--shard", bad])
            XCTAssertEqual(result.status, 2, bad)
            XCTAssertTrue(result.stderr.hasPrefix("anonymise: --shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4), not "), result.stderr)
        }
        // One input, two shards: one shard has it, the other checks nothing and passes.
        let results = try (1...2).map { try run(["check", "one", "--shard", "\($0)/2"]) }
        XCTAssertEqual(results.map(\.status).sorted(), [0, 1])
        let empty = try XCTUnwrap(results.first { $0.status == 0 })
        XCTAssertTrue(empty.stdout.hasPrefix("0 of 1 file checked (shard "), empty.stdout)
    }
}
