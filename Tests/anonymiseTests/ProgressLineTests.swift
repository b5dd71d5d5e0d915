import Foundation
import XCTest

/// The real binary on a terminal (a pseudo-terminal from util-linux `script`): a batch that
/// runs longer than two seconds redraws one progress line on standard error and clears it
/// before the summary; with `--quiet`, or without a terminal, there is none.
final class ProgressLineTests: CommandLineTestCase {
    /// Runs the binary with standard error (and output) on a pseudo-terminal; returns what
    /// the terminal showed and how long the run took.
    func runOnTerminal(_ arguments: [String]) throws -> (screen: String, seconds: TimeInterval) {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { throw XCTSkip("needs /usr/bin/script (util-linux) for a pseudo-terminal") }
        let command = ([CommandLineTestCase.binary.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let (process, out, err) = self.process([])
        process.executableURL = script
        process.arguments = ["-qec", command, "/dev/null"]
        let started = Date()
        try process.run()
        let result = finish(process, out, err)
        return (result.stdout + result.stderr, Date().timeIntervalSince(started))
    }

    func testALongBatchShowsProgressOnATerminalOnly() throws {
        let paragraph = "Mrs X complained that the Council did not repair the damp in her flat. Mr Y, her son, wrote to "
            + "the housing officer on 3 May. The Council agreed to apologise to Mrs X and to pay her £300. "
        for index in 0..<300 {
            try write(String(repeating: paragraph + "\n", count: 12) + "Case note \(index).\n", to: "batch/\(index).txt")
        }
        // The line appears two seconds after the rules are loaded: measure how long loading takes here.
        let loadStarted = Date()
        try run(["check", "batch/0.txt"])
        let loading = Date().timeIntervalSince(loadStarted)
        let shown = try runOnTerminal(["check", "batch", "--format", "json", "-o", "report.json"])
        guard shown.seconds - loading > 3 else {
            throw XCTSkip("the batch took \(shown.seconds - loading) s after loading: too quick for a progress line")
        }
        XCTAssertTrue(shown.screen.contains(" of 300 files, "), shown.screen)
        XCTAssertTrue(shown.screen.contains(" MB/s, "), shown.screen)
        XCTAssertTrue(shown.screen.contains("\r\u{1B}[K300 files checked: 0 errors"), "cleared before the summary: \(shown.screen.debugDescription)")

        let quiet = try runOnTerminal(["check", "batch", "--format", "json", "-o", "report.json", "--quiet"])
        XCTAssertFalse(quiet.screen.contains("files, "), quiet.screen)
        let piped = try run(["check", "batch", "--format", "json", "-o", "report.json"])
        XCTAssertEqual(piped.stderr, "300 files checked: 0 errors, 0 warnings, 0 notes; clean at --fail-on warning\n", "no terminal, no progress")
    }
}
