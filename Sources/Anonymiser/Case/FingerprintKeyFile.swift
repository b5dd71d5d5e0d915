import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FingerprintKey {
    /// Generates a key and writes it as hex to a new file, owner-only (0600). An existing
    /// file is never overwritten: a lost key would orphan every fingerprint made with it.
    public static func create(at url: URL) throws -> FingerprintKey {
        let key = FingerprintKey.generate()
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let problem = errno == EEXIST ? "already exists; --new-key never overwrites a key (leave out --new-key to use it)"
                : "cannot be created (\(String(cString: strerror(errno))))"
            throw InputError(path: url.path, problem: problem)
        }
        defer { close(descriptor) }
        let bytes = Array((key.hex + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(url.path)
            throw InputError(path: url.path, problem: "cannot be written (\(reason))")
        }
        return key
    }
}

extension CaseStore {
    /// The fingerprints of every name variant of these cases under `key`.
    public func fingerprints(ofCases references: [String], key: FingerprintKey) throws -> NameFingerprints {
        let (cases, variants) = try nameVariants(ofCases: references)
        return NameFingerprints(cases: cases, variants: variants, key: key)
    }
}
