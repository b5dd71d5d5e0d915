import Dispatch
import Foundation

/// What a long batch (`redact DIR`, `check DIR`) shows on standard error while it runs:
/// files and megabytes done, the rate and the time left, on one line redrawn in place —
///
///     1204 of 3263 files, 3.9 of 10.7 MB, 1.3 MB/s, 0:05 left
///
/// only when standard error is a terminal (CI logs stay clean; `--quiet` asks for none),
/// and only once the run has taken `delay` seconds, so a quick run prints nothing extra.
/// The clock and the terminal test are given, so a test drives it without sleeping.
/// Used from one thread: the one that receives the documents in input order.
public final class BatchProgress {
    private let isActive: Bool
    private let clock: () -> TimeInterval
    private let write: (String) -> Void
    private let delay: TimeInterval
    private let interval: TimeInterval
    private let started: TimeInterval

    private var sizes: [Int] = []
    private var totalBytes = 0
    private var filesDone = 0
    private var bytesDone = 0
    /// When the line was last drawn; nil while none is on the screen.
    private var drawn: TimeInterval?

    /// `isTerminal`: whether standard error is a terminal (and progress was not turned off).
    /// `write` puts text on standard error as it is, without a line break.
    public init(
        isTerminal: Bool, clock: @escaping () -> TimeInterval = BatchProgress.monotonicSeconds, write: @escaping (String) -> Void,
        delay: TimeInterval = 2, interval: TimeInterval = 0.2
    ) {
        isActive = isTerminal
        self.clock = clock
        self.write = write
        self.delay = delay
        self.interval = interval
        started = clock()
    }

    /// BatchProgress on standard error when it is a terminal, unless `quiet`.
    public static func standardError(quiet: Bool) -> BatchProgress {
        BatchProgress(isTerminal: !quiet && isatty(STDERR_FILENO) == 1) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// The inputs the run will go through, in the order it finishes them. A single input
    /// shows no progress (it is not a batch, and its text may be going to the same terminal).
    public func start(_ inputs: [InputFile]) {
        guard isActive, inputs.count > 1 else { return }
        start(sizes: inputs.map { input in
            var status = stat()
            guard let path = input.url?.path, stat(path, &status) == 0 else { return 0 }
            return Int(status.st_size)
        })
    }

    /// The sizes of the inputs, in the order the run finishes them.
    func start(sizes: [Int]) {
        self.sizes = sizes
        totalBytes = sizes.reduce(0, +)
    }

    /// The next input is done.
    public func advance() {
        guard isActive, !sizes.isEmpty else { return }
        if filesDone < sizes.count { bytesDone += sizes[filesDone] }
        filesDone += 1
        let now = clock()
        guard now - started >= delay, drawn.map({ now - $0 >= interval }) ?? true else { return }
        draw(at: now)
    }

    /// A line of output (a document's summary) above the progress line.
    public func print(_ line: String) {
        guard let drawn else { return write(line + "\n") }
        write("\r\u{1B}[K" + line + "\n")
        draw(at: drawn)
    }

    /// Clears the progress line, so what follows starts on a clean line.
    public func finish() {
        guard drawn != nil else { return }
        write("\r\u{1B}[K")
        drawn = nil
    }

    private func draw(at now: TimeInterval) {
        write("\r" + line(elapsed: now - started) + "\u{1B}[K")
        drawn = now
    }

    /// "1204 of 3263 files, 3.9 of 10.7 MB, 1.3 MB/s, 0:05 left".
    func line(elapsed: TimeInterval) -> String {
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_000_000) }
        var parts = ["\(filesDone) of \(sizes.count) files", "\(megabytes(bytesDone)) of \(megabytes(totalBytes)) MB"]
        guard elapsed > 0, bytesDone > 0 else { return parts.joined(separator: ", ") }
        let rate = Double(bytesDone) / elapsed
        parts.append(String(format: "%.1f MB/s", rate / 1_000_000))
        parts.append(BatchProgress.duration(Double(totalBytes - bytesDone) / rate) + " left")
        return parts.joined(separator: ", ")
    }

    /// "0:05", "12:34", "1:02:03".
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    public static func monotonicSeconds() -> TimeInterval {
        TimeInterval(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
