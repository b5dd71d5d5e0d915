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

    /// Every document of the evaluation corpus's drafts, drafts2 and published folders (those
    /// there), named by their paths; skips the test, saying why, when the corpus is not there.
    func evaluationCorpusDocuments() throws -> [Document] {
        let corpus = CheckCorpusTests.corpus
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            let reason = "needs the evaluation corpus, which is not part of the repository "
                + "(no folder \(corpus.path); set ANONYMISE_CORPUS to the corpus folder to run it)"
            FileHandle.standardError.write(Data("SKIPPED \(name): \(reason)\n".utf8))
            throw XCTSkip(reason)
        }
        var documents: [Document] = []
        for folder in ["drafts", "drafts2", "published"] {
            let directory = corpus.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: directory.path) else { continue }
            documents += try InputSet.expand([directory.path]).map { try Document(contentsOf: $0.url!, name: $0.relativePath) }
        }
        return documents
    }

    /// An empty folder for a test's own pattern files, removed when the test ends.
    func patternFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
