import Foundation
import XCTest
@testable import Anonymiser

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
