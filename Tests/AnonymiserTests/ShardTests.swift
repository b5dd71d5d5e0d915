import Foundation
import PropertyBased
import Testing
@testable import Anonymiser

/// `check --shard K/N`: every input in exactly one shard, decided by its path alone.
@Suite struct ShardTests {
    static let pathPieces = ["a", "b", "2024", "Sub Folder", "décision", "x-1", "é", "😀", ".txt", "/", " "]

    @Test func everyInputIsInExactlyOneShard() async throws {
        await propertyCheck(
            count: 200,
            input: Gen.element(of: ShardTests.pathPieces).array(of: 1...8).array(of: 0...60),
            Gen.int(in: 1...9)
        ) { pieces, count in
            let paths = Set(pieces.map { $0.compactMap { $0 }.joined() + ".txt" })
            let root = InputRoot(url: URL(fileURLWithPath: "/archive"), displayName: "archive", isDirectory: true)
            let inputs = paths.map { InputFile(relativePath: $0, below: root) }
            let shards = try! (1...count).map { try Shard(index: $0, count: count) }
            for input in inputs {
                #expect(shards.filter { $0.contains(input) }.count == 1, "\(input.relativePath) in one shard of \(count)")
            }
        }
    }

    /// The shard of a path is a function of the path alone: the same in another folder, in
    /// another process, on another machine (these values were computed once; they must never move).
    @Test func theShardOfAPathIsStable() throws {
        #expect(Shard.part(of: "2024/d1.txt", count: 3) == Shard.part(of: "2024/d1.txt", count: 3))
        let here = InputFile(relativePath: "2024/d1.txt", below: InputRoot(url: URL(fileURLWithPath: "/a"), displayName: "a", isDirectory: true))
        let there = InputFile(relativePath: "2024/d1.txt", below: InputRoot(url: URL(fileURLWithPath: "/b/c"), displayName: "/b/c", isDirectory: true))
        for count in 1...7 {
            let shard = try Shard(index: Shard.part(of: "2024/d1.txt", count: count), count: count)
            #expect(shard.contains(here) && shard.contains(there))
        }
        // SHA-256("2024/d1.txt") begins 96134d93a007d3aa: that number modulo N, plus one (Python's hashlib agrees).
        #expect([2, 3, 4, 5, 7].map { Shard.part(of: "2024/d1.txt", count: $0) } == [1, 3, 3, 2, 2])
    }

    @Test func shardsSplitAnArchiveEvenly() {
        let counts = (0..<3000).reduce(into: [Int: Int]()) { counts, n in counts[Shard.part(of: "case-\(n).txt", count: 3), default: 0] += 1 }
        #expect(counts.keys.sorted() == [1, 2, 3])
        #expect(counts.values.allSatisfy { (900...1100).contains($0) }, "\(counts)")
    }

    @Test func onlyKOfNWithOneAtMostKAtMostNIsAShard() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(try Shard(parsing: "1/1").description == "1/1")
        for bad in ["0/3", "4/3", "3", "1/0", "a/b", "-1/3", "1/3/5", "", "/", " 1/3", "+1/3"] {
            #expect(throws: UsageError.self, "\(bad.debugDescription)") { try Shard(parsing: bad) }
        }
    }
}
