import Foundation
import XCTest
@testable import Anonymiser

/// The progress line of a long batch, driven by a clock the test moves.
final class BatchProgressTests: XCTestCase {
    final class Screen {
        var now: TimeInterval = 100
        var written = ""
    }

    func progress(_ screen: Screen, terminal: Bool = true) -> BatchProgress {
        BatchProgress(isTerminal: terminal, clock: { screen.now }, write: { screen.written += $0 })
    }

    func testNothingBeforeTwoSecondsThenOneLineRedrawnInPlace() {
        let screen = Screen()
        let progress = progress(screen)
        progress.start(sizes: [1_000_000, 3_000_000, 2_000_000, 4_000_000])
        screen.now += 1
        progress.advance()
        XCTAssertEqual(screen.written, "", "a run shorter than two seconds shows nothing")
        screen.now += 1
        progress.advance()
        XCTAssertEqual(screen.written, "\r2 of 4 files, 4.0 of 10.0 MB, 2.0 MB/s, 0:03 left\u{1B}[K")
        screen.written = ""
        screen.now += 0.1
        progress.advance()
        XCTAssertEqual(screen.written, "", "redrawn at most five times a second")
        screen.now += 0.9
        progress.advance()
        XCTAssertEqual(screen.written, "\r4 of 4 files, 10.0 of 10.0 MB, 3.3 MB/s, 0:00 left\u{1B}[K")
        screen.written = ""
        progress.finish()
        XCTAssertEqual(screen.written, "\r\u{1B}[K", "the line is cleared for what follows")
        progress.finish()
        XCTAssertEqual(screen.written, "\r\u{1B}[K", "once")
    }

    func testLinesPrintedAboveTheProgressLine() {
        let screen = Screen()
        let progress = progress(screen)
        progress.print("before: plain")
        XCTAssertEqual(screen.written, "before: plain\n")
        progress.start(sizes: [1_000_000, 1_000_000, 2_000_000])
        screen.now += 2
        progress.advance()
        screen.written = ""
        progress.print("b.txt: 2 people")
        XCTAssertEqual(screen.written, "\r\u{1B}[Kb.txt: 2 people\n\r1 of 3 files, 1.0 of 4.0 MB, 0.5 MB/s, 0:06 left\u{1B}[K")
    }

    func testNothingWhenNotATerminalOrForOneInput() {
        let screen = Screen()
        let quiet = progress(screen, terminal: false)
        quiet.start(sizes: [1, 2, 3])
        screen.now += 10
        quiet.advance()
        quiet.finish()
        XCTAssertEqual(screen.written, "")
        let single = progress(screen)
        single.start([InputFile(relativePath: "a.txt", below: InputRoot(url: URL(fileURLWithPath: "/x"), displayName: "x", isDirectory: true))])
        screen.now += 10
        single.advance()
        single.finish()
        XCTAssertEqual(screen.written, "", "one document is not a batch")
    }

    func testDurations() {
        XCTAssertEqual(BatchProgress.duration(4.2), "0:05")
        XCTAssertEqual(BatchProgress.duration(754), "12:34")
        XCTAssertEqual(BatchProgress.duration(3723), "1:02:03")
    }
}
