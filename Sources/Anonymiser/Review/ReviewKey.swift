import Crypto
import Foundation

/// The secret key review fingerprints are made under (`Fingerprint`). A decisions file is only
/// as good as the key it was made with: the same key must be found when the page is written
/// and when the decisions are applied.
///
/// Where it comes from, first found wins: `--review-key FILE`; `$ANONYMISE_REVIEW_KEY` (64 hex
/// characters, for CI); else `review.key` beside the case registry, created owner-only (0600)
/// on first use, so a caseworker's page and re-run on one machine agree without set-up.
public enum ReviewKey {
    public static let environmentVariable = "ANONYMISE_REVIEW_KEY"
    public static let fileName = "review.key"

    /// The key for a run. `create`: make the default file when it is missing (a run that writes
    /// a review page); a run that only applies decisions never invents a key.
    public static func load(explicit: String?, store: String?, create: Bool,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> FingerprintKey {
        if let explicit, !explicit.isEmpty { return try FingerprintKey.load(URL(fileURLWithPath: explicit)) }
        if let hex = environment[environmentVariable], !hex.isEmpty { return try FingerprintKey(hex: hex, source: environmentVariable) }
        let url = defaultLocation(store: store, environment: environment)
        if FileManager.default.fileExists(atPath: url.path) { return try FingerprintKey.load(url) }
        guard create else {
            throw InputError(path: url.path, problem: "no review key here: decisions are made under the key of the page they came from "
                + "(give it with --review-key FILE or $\(environmentVariable))")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return try FingerprintKey.create(at: url)
    }

    /// `review.key` in the case registry's folder.
    public static func defaultLocation(store: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        CaseStore.location(store, environment: environment).deletingLastPathComponent().appendingPathComponent(fileName)
    }

    /// A short public name for a key (HMAC of a fixed label), written in the decisions file, so a
    /// file made under another key is refused by name instead of every decision going stale.
    public static func identifier(of key: FingerprintKey) -> String {
        String(key.fingerprint("anonymise review key").prefix(16))
    }
}
