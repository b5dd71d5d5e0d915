import Dispatch
import Foundation

/// Runs `work` over `0..<count` on every core and hands the results to `each` in index
/// order, on the calling thread, as soon as each one and all before it are done.
///
/// At most `ahead` results wait to be handed over, so memory stays flat however large
/// `count` is, and there is no barrier between batches: a slow item holds back only the
/// hand-over, never the other workers (until they are `ahead` items in front). An error
/// stops the run when the hand-over reaches it — an error from `work` at its index (the
/// workers may have done up to `ahead` items beyond it), an error from `each` at once —
/// and is rethrown once every worker has stopped.
enum OrderedParallel {
    static func forEach<Output>(
        count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, ahead: Int? = nil,
        _ work: @escaping @Sendable (Int) throws -> Output, each: (Output) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let workers = max(1, min(workers, count))
        let state = OrderedParallelState<Output>(ahead: max(workers, ahead ?? workers * 4))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.nextIndex(below: count) {
                    state.put(index, Result { try work(index) })
                }
            }
        }
        defer {
            state.stop()
            group.wait()
        }
        for index in 0..<count {
            try each(try state.take(index).get())
        }
    }
}

/// The hand-over between the workers and the caller: the next index to work on, the
/// finished results not yet taken, and a bound on how far ahead the workers may run.
private final class OrderedParallelState<Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var taken = 0
    private var stopped = false
    private var finished: [Int: Result<Output, Error>] = [:]
    private let ahead: Int

    init(ahead: Int) { self.ahead = ahead }

    /// The next index to work on, waiting while the workers are `ahead` items in front;
    /// nil when all are handed out or the run stopped.
    func nextIndex(below count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && next < count && next - taken >= ahead { condition.wait() }
        guard !stopped && next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ result: Result<Output, Error>) {
        condition.lock()
        finished[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result at `index` and removes it.
    func take(_ index: Int) -> Result<Output, Error> {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil { condition.wait() }
        taken = index + 1
        condition.broadcast()
        return finished.removeValue(forKey: index)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
