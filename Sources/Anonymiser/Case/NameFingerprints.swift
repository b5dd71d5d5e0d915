import Crypto
import Foundation

/// A secret key for name fingerprints: 32 random bytes, stored as 64 hex characters.
/// It never leaves the office; CI gets it as a secret (`ANONYMISE_FINGERPRINT_KEY`).
public struct FingerprintKey: Sendable, Equatable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public static func generate() -> FingerprintKey {
        var generator = SystemRandomNumberGenerator()
        return FingerprintKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public init(hex: String, source: String) throws {
        let text = hex.trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
            guard let byte = UInt8(text[index..<next], radix: 16), text.distance(from: index, to: next) == 2 else {
                throw InputError(path: source, problem: "is not a fingerprint key (expected 64 hexadecimal characters)")
            }
            bytes.append(byte)
            index = next
        }
        guard bytes.count >= 16 else {
            throw InputError(path: source, problem: "is not a fingerprint key (expected 64 hexadecimal characters)")
        }
        self.bytes = bytes
    }

    public static func load(_ url: URL) throws -> FingerprintKey {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw InputError(path: url.path, problem: "cannot be read as a fingerprint key")
        }
        return try FingerprintKey(hex: text, source: url.path)
    }

    public var hex: String { Digest.hex(bytes) }

    /// HMAC-SHA256 of a normalised name form, as hex.
    public func fingerprint(_ normalisedName: String) -> String {
        Digest.hex(rawFingerprint(normalisedName, using: SymmetricKey(data: bytes)))
    }

    /// The raw HMAC, with the key prepared once by the caller (the gate hashes every window).
    func rawFingerprint(_ normalisedName: String, using key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(normalisedName.utf8), using: key))
    }
}

/// The fingerprints of a set of cases' known names: HMAC-SHA256 under a secret key of
/// every normalised name variant, so the gate can recognise a known name in published
/// text without holding any name.
///
/// A name form is normalised as `NameKey` does each word (lower case, folded apostrophes),
/// words joined by one space: "Jane Whitfield" → "jane whitfield".
public struct NameFingerprints: Codable, Sendable, Equatable {
    public static let formatName = "anonymise-fingerprints"
    /// Names longer than this many words are not looked for.
    public static let maxWords = 4

    public var format: String
    public var version: Int
    public var algorithm: String
    public var cases: [String]
    /// Sorted, unique hex HMACs.
    public var fingerprints: [String]

    public init(cases: [String], variants: [String], key: FingerprintKey) {
        format = NameFingerprints.formatName
        version = 1
        algorithm = "HMAC-SHA256"
        self.cases = cases.sorted()
        fingerprints = Set(variants.map(NameFingerprints.normalise).filter { !$0.isEmpty }.map(key.fingerprint)).sorted()
    }

    /// "Jane  WHITFIELD" → "jane whitfield".
    public static func normalise(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).map(NameKey.normalise).joined(separator: " ")
    }

    public static func load(_ url: URL) throws -> NameFingerprints {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw InputError(path: url.path, problem: "cannot be read") }
        guard let file = try? JSONDecoder().decode(NameFingerprints.self, from: data), file.format == formatName else {
            throw InputError(path: url.path, problem: "is not an anonymise fingerprints file")
        }
        return file
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Byte ranges of capitalised word sequences (one to four words) whose fingerprint is known.
    /// Only capitalised words count, so a known surname "Hill" does not fire on "the hill".
    public func matches(in index: TextIndex, key: FingerprintKey) -> [Range<Int>] {
        let known = Set(fingerprints)
        let prepared = SymmetricKey(data: key.bytes)
        var found: [Range<Int>] = []
        let tokens = index.tokens
        var position = 0
        while position < tokens.count {
            var best: Range<Int>?
            var phrase = ""
            for length in 1...NameFingerprints.maxWords {
                let current = position + length - 1
                guard current < tokens.count, tokens[current].kind == .word,
                      tokens[current].isCapitalised || tokens[current].isAllCaps else { break }
                if length > 1 {
                    guard index.joinedBySpace(current) else { break }
                    phrase += " "
                }
                phrase += index.key(current)
                if known.contains(Digest.hex(key.rawFingerprint(phrase, using: prepared))) {
                    best = tokens[position].range.lowerBound..<tokens[current].range.upperBound
                }
            }
            if let best {
                found.append(best)
                position = index.tokenIndices(in: best).upperBound
            } else {
                position += 1
            }
        }
        return found
    }
}
