import Foundation
import XCTest

/// The review page in a real browser: runs Tests/browser/review_page_test.py (Selenium with
/// headless Chromium) against the built binary, so `swift test` runs it. The script skips,
/// saying why, where chromium, chromedriver or selenium are missing (`.ci/run` installs them);
/// that skip is reported here as a skipped test with the script's reason.
final class ReviewPageBrowserTests: CommandLineTestCase {
    func testDecidingInTheBrowserAndReRunning() throws {
        let script = CommandLineTestCase.repository.appendingPathComponent("Tests/browser/review_page_test.py")
        // The python3 on the PATH: the one `.ci/run` installed selenium for.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--binary", CommandLineTestCase.binary.path]
        process.currentDirectoryURL = scratch
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0, let skipped = stderr.split(separator: "\n").first(where: { $0.hasPrefix("SKIPPED") }) {
            FileHandle.standardError.write(Data((skipped + "\n").utf8))
            throw XCTSkip(String(skipped))
        }
        if process.terminationStatus == 127 { throw XCTSkip("the browser test needs python3 on the PATH") }
        XCTAssertEqual(process.terminationStatus, 0, stdout + stderr)
        XCTAssertTrue(stdout.contains("review_page_test: OK"), stdout + stderr)
    }
}
