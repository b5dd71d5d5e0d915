import Foundation
import XCTest
@testable import Anonymiser

/// The .docx fixtures, written once per test run by `Scripts/fixtures/make-docx.py` into a
/// temporary folder, and what the tests read in a package.
enum DocxFixtures {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anonymise-docx-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repository.appendingPathComponent("Scripts/fixtures/make-docx.py").path, folder.path]
        do { try process.run() } catch { fatalError("python3 is needed to make the .docx fixtures: \(error)") }
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "Scripts/fixtures/make-docx.py failed")
        return folder
    }()

    /// The invented names and details planted in the fixtures.
    static var planted: [String] {
        (try? String(contentsOf: folder.appendingPathComponent("planted.txt"), encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
    }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    static let gate = Checker(patterns: Fixtures.patterns)

    /// Redacts a fixture as `redact` does: the published package and the redaction.
    static func redact(_ name: String, options: DocxOptions = .init()) throws -> (bytes: [UInt8], redaction: Redaction, draft: DocxDraft) {
        let draft = try DocxDraft(bytes: bytes(name), name: name, options: options)
        let redaction = try Fixtures.anonymiser.redact(draft.document)
        return (try draft.published(redaction, gate: gate), redaction, draft)
    }

    /// Every part of a package by name, in the package's order.
    static func parts(_ bytes: [UInt8]) throws -> [(name: String, data: Data)] {
        try DocxPackage(bytes: bytes, name: "test.docx").parts.map { ($0.name, $0.data) }
    }

    /// The planted values found in any part (text and attributes alike: the raw XML is searched).
    static func plantedValues(in bytes: [UInt8]) throws -> [String] {
        var found: [String] = []
        for (name, data) in try parts(bytes) {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            for value in planted where text.contains(value.lowercased()) { found.append("\(value) in \(name)") }
        }
        return found
    }
}
