import Foundation

/// A hidden hook for the test that kills `redact` in the middle of a case transaction: with
/// `ANONYMISE_TEST_STOP_IN_TRANSACTION=FILE`, the process writes FILE inside its first
/// document transaction and stops itself (SIGSTOP) before committing; the test then kills
/// it. Nothing waits on a clock. Read by the command line only, handed to `CaseStore`.
public enum TransactionStop {
    public static let environmentVariable = "ANONYMISE_TEST_STOP_IN_TRANSACTION"

    /// The hook the environment asks for, if any.
    public static func hook(environment: [String: String] = ProcessInfo.processInfo.environment) -> (@Sendable () -> Void)? {
        guard let marker = environment[environmentVariable], !marker.isEmpty else { return nil }
        return {
            _ = FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())\n".utf8))
            raise(SIGSTOP)
        }
    }
}
