import Foundation
import XCTest
@testable import Anonymiser

/// Shared, loaded-once state for the library tests.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let patternsDirectory = repository.appendingPathComponent("Patterns")
    static let samples = repository.appendingPathComponent("Samples")

    static let patterns: PatternSet = {
        do { return try PatternSet.load(directories: [patternsDirectory]) } catch { fatalError("built-in patterns: \(error)") }
    }()

    static let anonymiser = Anonymiser(patterns: patterns)

    /// Redacts a text written for a test.
    static func redact(_ text: String) throws -> Redaction {
        try anonymiser.redact(Document(name: "test.txt", text: text))
    }

    /// The output text of a redaction.
    static func output(_ text: String) throws -> String {
        try redact(text).output
    }
}

extension XCTestCase {
    /// Redacts a draft written for the test and compares the whole output.
    func assertOutput(_ draft: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try Fixtures.output(draft), expected, file: file, line: line)
    }

    /// An empty folder for a test's own pattern files, removed when the test ends.
    func patternFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
