import Foundation

/// Bytes appended now and read back once, later: in memory while small, then in an
/// owner-only temporary file, so a report of any size — or one file's share of it — costs
/// the same memory. The file is unlinked as soon as it is created: nothing is left behind,
/// even when the run is killed.
///
/// Appending never throws (reporters render without failing); a spill that fails is
/// remembered and thrown by `drain`.
final class Spool: @unchecked Sendable {
    // One owner at a time: a file's share is rendered on one worker, then handed over whole.
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    private var failure: InputError?
    private let spillBytes: Int
    /// Whether anything was appended since the last drain.
    private(set) var isEmpty = true

    /// `spillBytes`: how much is held in memory before it goes to a temporary file.
    init(spillBytes: Int = Spool.defaultSpillBytes) {
        self.spillBytes = spillBytes
    }

    static let defaultSpillBytes = 4 << 20

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        isEmpty = isEmpty && buffer.isEmpty
        if buffer.count >= spillBytes { spill() }
    }

    /// Everything appended, in order, a chunk at a time; the spool is empty afterwards.
    func drain(into sink: (Data) throws -> Void) throws {
        defer { isEmpty = true }
        if descriptor >= 0 {
            spill()
            if let failure { throw failure }
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw Spool.failure("cannot be read back") }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { throw Spool.failure("cannot be read back") }
                if count == 0 { break }
                try sink(Data(chunk[0..<count]))
            }
            _ = ftruncate(descriptor, 0)
            _ = lseek(descriptor, 0, SEEK_SET)
        } else if !buffer.isEmpty {
            try sink(Data(buffer))
        }
        buffer = []
    }

    /// Everything appended moved to the end of `other`, a chunk at a time.
    func drain(into other: Spool) throws {
        try drain { other.append(contentsOf: $0) }
        if let failure = other.failure { throw failure }
    }

    private func spill() {
        guard failure == nil else { return buffer.removeAll(keepingCapacity: true) }
        if descriptor < 0 {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("anonymise-report.\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8))").path
            // Findings quote the text they point at: the spool is owner-only, like the audit.
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else {
                failure = Spool.failure("cannot be created (\(String(cString: strerror(errno))))")
                return buffer.removeAll(keepingCapacity: true)
            }
            unlink(path)
        }
        let written = buffer.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        if !written { failure = Spool.failure("cannot be written (\(String(cString: strerror(errno))))") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// An error naming the spool's folder: a full or unwritable temporary folder is an input
    /// problem of the run (exit 2), not a finding.
    private static func failure(_ problem: String) -> InputError {
        InputError(path: FileManager.default.temporaryDirectory.path + " (the report's temporary spool, $TMPDIR)", problem: problem)
    }
}
