import Foundation
import XCTest
@testable import Anonymiser

/// The rules compiled into the binary are exactly the repository's `Patterns/` folder.
final class BuiltInPatternsTests: XCTestCase {
    func testTheEmbeddedSetIsTheFolderByteForByte() throws {
        let folder = try PatternFolder(directory: Fixtures.patternsDirectory)
        let builtIn = PatternFolder.builtIn
        XCTAssertEqual(try builtIn.ruleFiles(), try folder.ruleFiles())
        XCTAssertEqual(try builtIn.listFiles(), try folder.listFiles())
        for path in try folder.ruleFiles() + folder.listFiles() {
            XCTAssertEqual(try builtIn.read(path), try folder.read(path), "\(path) differs: rebuild to embed it again")
        }
        XCTAssertEqual(try builtIn.fingerprint(), try folder.fingerprint())
        XCTAssertEqual(try builtIn.fingerprint(), Fixtures.patterns.fingerprint, "the audit's pattern hash is the folder's")
    }
}
