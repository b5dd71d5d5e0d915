import Dispatch
import Foundation

/// Runs `work` on every item of a source, on every core, and hands the results to `each`
/// in source order, on the calling thread, as soon as each one and all before it are done.
///
/// At most `ahead` results wait to be handed over, so memory stays flat however many items
/// there are, and there is no barrier between batches: a slow item holds back only the
/// hand-over, never the other workers (until they are `ahead` items in front). Items with
/// the same `key` run one at a time, in source order (the documents of one case). An error
/// — from the source, `work` or `each` — stops the run when the hand-over reaches it (the
/// workers may have done up to `ahead` items beyond it; later items of a failed key are
/// skipped) and is rethrown once every worker has stopped.
enum OrderedParallel {
    static func forEach<Item, Output>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, ahead: Int? = nil,
        next: @escaping () throws -> Item?, key: @escaping @Sendable (Item) -> UInt64? = { _ in nil },
        _ work: @escaping @Sendable (Item) throws -> Output, each: (Output) throws -> Void
    ) throws {
        let workers = max(1, workers)
        let state = OrderedParallelState<Item, Output>(ahead: max(workers, ahead ?? workers * 4), next: next)
        // Dedicated threads, not the dispatch pool: the workers block on the hand-over's
        // condition, and a pool that starts no thread for them would leave the run waiting.
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let (index, item) = state.nextItem(key: key) {
                    let itemKey = item.flatMap(key)
                    state.waitForTurn(index, key: itemKey)
                    let result: Result<Output, Error>
                    if let item {
                        // After a failure of its key, or once the run has stopped, an item is skipped:
                        // nothing more is written for a run that is ending.
                        result = state.shouldSkip(itemKey) ? .failure(OrderedParallelSkipped()) : Result { try work(item) }
                    } else {
                        result = .failure(state.sourceError ?? OrderedParallelSkipped())
                    }
                    state.finish(index, key: itemKey, result)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer {
            state.stop()
            group.wait()
        }
        var index = 0
        while let result = state.take(index) {
            try each(try result.get())
            index += 1
        }
    }
}

/// A later item of a key whose earlier item failed: never handed over (the run stops first).
struct OrderedParallelSkipped: Error {}

/// The hand-over between the workers and the caller: the source (read one item at a time,
/// under the lock), the finished results not yet taken, the keys in progress, and a bound
/// on how far ahead the workers may run.
private final class OrderedParallelState<Item, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let source: () throws -> Item?
    private var handedOut = 0
    private var taken = 0
    private var sourceDone = false
    private(set) var sourceError: Error?
    private var stopped = false
    private var finished: [Int: Result<Output, Error>] = [:]
    /// For each key in progress, its items not yet finished, in order.
    private var running: [UInt64: [Int]] = [:]
    private var failedKeys: Set<UInt64> = []
    private let ahead: Int

    init(ahead: Int, next: @escaping () throws -> Item?) {
        self.ahead = ahead
        source = next
    }

    /// The next item and its index, waiting while the workers are `ahead` items in front;
    /// nil when the source is done or the run stopped. A source error comes back as an
    /// item of nil (its result is the error).
    func nextItem(key: (Item) -> UInt64?) -> (Int, Item?)? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && !sourceDone && handedOut - taken >= ahead { condition.wait() }
        guard !stopped && !sourceDone else { return nil }
        let item: Item?
        do {
            item = try source()
            if item == nil {
                sourceDone = true
                // The caller may be waiting for an item that will never come.
                condition.broadcast()
                return nil
            }
        } catch {
            sourceError = error
            sourceDone = true
            item = nil
        }
        let index = handedOut
        handedOut += 1
        if let item, let itemKey = key(item) { running[itemKey, default: []].append(index) }
        return (index, item)
    }

    /// Waits until every earlier item of the same key has finished.
    func waitForTurn(_ index: Int, key: UInt64?) {
        guard let key else { return }
        condition.lock()
        while running[key]?.first != index && !stopped { condition.wait() }
        condition.unlock()
    }

    func shouldSkip(_ key: UInt64?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped || key.map(failedKeys.contains) == true
    }

    func finish(_ index: Int, key: UInt64?, _ result: Result<Output, Error>) {
        condition.lock()
        finished[index] = result
        if let key {
            running[key]?.removeAll { $0 == index }
            if running[key]?.isEmpty == true { running[key] = nil }
            if case .failure = result { failedKeys.insert(key) }
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result at `index` and removes it; nil when the source ended before it.
    func take(_ index: Int) -> Result<Output, Error>? {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil && !(sourceDone && index >= handedOut) { condition.wait() }
        guard let result = finished.removeValue(forKey: index) else { return nil }
        taken = index + 1
        condition.broadcast()
        return result
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
