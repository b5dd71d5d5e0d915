import Foundation
import XCTest
@testable import Anonymiser

/// A run works from one snapshot of its inputs: a file removed after the walk fails by
/// name, and a file added after it is not read.
final class InputSnapshotTests: XCTestCase {
    func testAFileRemovedMidRunIsAnErrorNamingItAndAFileAddedIsNotRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] { try Data("The Council apologised.\n".utf8).write(to: root.appendingPathComponent("\(name).txt")) }
        let inputs = try InputSet([root.path])
        try Data("Added later.\n".utf8).write(to: root.appendingPathComponent("d.txt"))
        let run = CheckRun(checker: Checker(patterns: Fixtures.patterns))
        var checked: [String] = []
        try run.run(inputs, standardInput: nil, checkFile: { try $0.fileCheck($1, standardInput: $2) }, each: { checked.append(($0.file as NSString).lastPathComponent) })
        XCTAssertEqual(checked, ["a.txt", "b.txt", "c.txt"])

        try FileManager.default.removeItem(at: root.appendingPathComponent("b.txt"))
        XCTAssertThrowsError(try run.run(inputs, standardInput: nil, checkFile: { try $0.fileCheck($1, standardInput: $2) }, each: { _ in })) { error in
            XCTAssertEqual(error as? InputError, InputError(path: root.path + "/b.txt", problem: "no such file or directory"))
        }
    }
}
