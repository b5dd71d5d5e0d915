import Foundation
import XCTest
@testable import Anonymiser

extension OrderedParallel {
    /// `work` over `0..<count`, through the source-driven hand-over the runs use.
    static func forEach<Output>(
        count: Int, workers: Int, ahead: Int? = nil,
        _ work: @escaping @Sendable (Int) throws -> Output, each: (Output) throws -> Void
    ) throws {
        var position = 0
        try forEach(workers: workers, ahead: ahead, next: { () -> Int? in
            guard position < count else { return nil }
            position += 1
            return position - 1
        }, work, each: each)
    }
}

/// Batch runs hand results over in input order whatever the thread timing, and stop at
/// the first error.
final class OrderedParallelTests: XCTestCase {
    struct Failure: Error, Equatable { let index: Int }

    func testResultsArriveInIndexOrderWhateverTheTiming() throws {
        var seen: [Int] = []
        try OrderedParallel.forEach(count: 200, workers: 4, ahead: 8, { index in
            // Early items are the slow ones, so later ones finish first.
            usleep(useconds_t((200 - index) % 7 * 300))
            return index * 2
        }, each: { seen.append($0) })
        XCTAssertEqual(seen, (0..<200).map { $0 * 2 })
    }

    func testTheFirstErrorStopsTheRunAfterTheResultsBeforeIt() {
        var seen: [Int] = []
        XCTAssertThrowsError(try OrderedParallel.forEach(count: 100, workers: 3, { index in
            if index == 40 || index == 60 { throw Failure(index: index) }
            return index
        }, each: { seen.append($0) })) { error in
            XCTAssertEqual(error as? Failure, Failure(index: 40))
        }
        XCTAssertEqual(seen, Array(0..<40))
    }

    func testAnErrorFromTheConsumerStopsTheWorkers() {
        XCTAssertThrowsError(try OrderedParallel.forEach(count: 10_000, workers: 2, { $0 }, each: { index in
            if index == 5 { throw Failure(index: index) }
        })) { error in
            XCTAssertEqual(error as? Failure, Failure(index: 5))
        }
    }
}

/// The documents of one case run one at a time, in input order, whatever the timing.
final class OrderedParallelKeyTests: XCTestCase {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var running: Set<UInt64> = []
        private(set) var order: [UInt64: [Int]] = [:]
        private(set) var overlapped = false

        func start(_ index: Int, key: UInt64) {
            lock.lock(); defer { lock.unlock() }
            if running.contains(key) { overlapped = true }
            running.insert(key)
            order[key, default: []].append(index)
        }

        func end(key: UInt64) {
            lock.lock(); defer { lock.unlock() }
            running.remove(key)
        }
    }

    func testItemsOfOneKeyRunOneAtATimeInOrder() throws {
        let log = Log()
        var next = 0
        var seen: [Int] = []
        try OrderedParallel.forEach(workers: 4, ahead: 16, next: { () -> Int? in
            guard next < 120 else { return nil }
            next += 1
            return next - 1
        }, key: { UInt64($0 % 3) }, { index in
            log.start(index, key: UInt64(index % 3))
            usleep(useconds_t((index * 7) % 5 * 200))
            log.end(key: UInt64(index % 3))
            return index
        }, each: { seen.append($0) })
        XCTAssertEqual(seen, Array(0..<120))
        XCTAssertFalse(log.overlapped, "two items of one key ran at once")
        for key in 0..<3 { XCTAssertEqual(log.order[UInt64(key)], Array(stride(from: key, to: 120, by: 3))) }
    }
}

/// Inputs are walked one by one, in the order of their relative paths.
final class InputWalkTests: XCTestCase {
    func testTheWalkListsTextFilesInRelativePathOrderAndSkipsHiddenOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for path in ["b.txt", "a.txt", "a/z.txt", "a/b/c.txt", "a.b.txt", ".hidden.txt", ".dir/x.txt", "notes.md", "empty/"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: path.hasSuffix("/") ? url : url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !path.hasSuffix("/") { try Data("x\n".utf8).write(to: url) }
        }
        let walked = try InputSet.expand([root.path]).map(\.relativePath)
        XCTAssertEqual(walked, ["a.b.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
        XCTAssertEqual(walked, walked.sorted(), "the same order as sorting the relative paths")

        XCTAssertThrowsError(try InputSet.expand([root.appendingPathComponent("empty").path])) { error in
            XCTAssertTrue("\(error)".contains("contains no .txt files"), "\(error)")
        }
        XCTAssertThrowsError(try InputSet([root.path, "missing-\(UUID().uuidString)"])) { error in
            XCTAssertTrue("\(error)".contains("no such file or directory"), "\(error)")
        }
    }
}

/// The end of the source must wake a caller already waiting for the next result.
final class OrderedParallelEndTests: XCTestCase {
    func testASourceThatEndsLateDoesNotLeaveTheCallerWaiting() {
        let done = DispatchSemaphore(value: 0)
        Thread {
            var calls = 0
            try? OrderedParallel.forEach(workers: 2, next: { () -> Int? in
                calls += 1
                if calls == 1 { return 1 }
                usleep(20_000)  // the caller is waiting for item 1 by now
                return nil
            }, { $0 }, each: { _ in })
            done.signal()
        }.start()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "the run never ended")
    }
}
