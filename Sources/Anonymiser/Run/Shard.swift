import Crypto
import Foundation

/// `check --shard K/N`: the K-th of N disjoint parts of a run's inputs, so that N CI jobs
/// each check one part of an archive and their reports merge into one (`report merge`).
///
/// An input's part is decided by the SHA-256 of its path relative to the folder it was
/// found in (a file named on the command line: the path as given), so it is the same on
/// every machine, in every run and whatever else the folder holds, and every input is in
/// exactly one part.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw UsageError("--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4), not \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// "K/N", e.g. "2/4".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw UsageError("--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4), not \(text.debugDescription)")
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether an input belongs to this shard.
    public func contains(_ input: InputFile) -> Bool {
        Shard.part(of: input.isGivenExplicitly ? input.displayName : input.relativePath, count: count) == index
    }

    /// The shard (1…count) of a path: SHA-256, not Swift's `Hasher`, which is seeded anew in every process.
    static func part(of path: String, count: Int) -> Int {
        let digest = SHA256.hash(data: Data(path.utf8))
        let number = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(number % UInt64(count)) + 1
    }
}

/// Which shard of how many inputs in all a run checked: said in its summary and report, and
/// read back by `report merge` to make sure every shard is there once.
public struct ShardScope: Sendable, Equatable {
    public let shard: Shard
    /// Every input of the run, in all shards.
    public let inputs: Int

    public init(shard: Shard, inputs: Int) {
        self.shard = shard
        self.inputs = inputs
    }
}
