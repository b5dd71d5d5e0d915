import Anonymiser
import Foundation
import XCTest

/// The harness for tests that run the real `anonymise` binary: a scratch folder per
/// test, a clean environment (built-in patterns only, no store, key or test hooks from the
/// caller's shell), and the exit status with both output streams.
class CommandLineTestCase: XCTestCase {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let binary: URL = {
        // The test bundle sits beside the built products.
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("anonymise")
    }()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("anonymise-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A process of the binary in the scratch folder, not yet started; standard input is empty.
    func process(_ arguments: [String], environment extra: [String: String] = [:]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = CommandLineTestCase.binary
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        var environment = ProcessInfo.processInfo.environment
        // The binary's own built-in rules (compiled in from Patterns/), nothing added.
        for variable in [CaseStore.environmentVariable, TransactionStop.environmentVariable, "ANONYMISE_FINGERPRINT_KEY",
                         PatternSet.environmentVariable] {
            environment.removeValue(forKey: variable)
        }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        return (process, out, err)
    }

    /// Waits for a started process and collects what it printed.
    func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs the binary to completion, optionally feeding standard input.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let (process, out, err) = self.process(arguments, environment: extra)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        return finish(process, out, err)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }
}
