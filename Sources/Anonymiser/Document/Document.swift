import Foundation

/// A draft as UTF-8 text, with the indexes needed to report positions.
///
/// Positions inside the program are byte offsets into `bytes`; positions that leave
/// the program (audit, reports, SARIF) are Unicode code points from the start plus
/// 1-based line and column, computed from a sparse checkpoint index so that a
/// 100 MB file does not need a per-byte table. The text is held once, as bytes.
public struct Document: Sendable {
    /// Where the text came from: a path, or "-" for standard input.
    public let name: String
    /// The text, UTF-8 (after any byte-order mark).
    public let bytes: [UInt8]
    /// How the input was written (UTF-8, with or without a byte-order mark, or UTF-16).
    public let encoding: TextEncoding
    /// Byte offset of the start of every line.
    public let lineStarts: [UInt32]
    /// Code point count before byte `i * checkpointStride`.
    private let codePointCheckpoints: [UInt32]
    private static let checkpointStride = 256
    /// The largest text accepted, in bytes.
    static let maximumSize = Int(UInt32.max)

    /// The text as a string (made when asked for: the document keeps only its bytes).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init(name: String, text: String) {
        self.init(name: name, utf8: Array(text.utf8), encoding: .utf8)
    }

    /// A document of UTF-8 bytes already checked (taken over, not copied).
    init(name: String, utf8 bytes: consuming [UInt8], encoding: TextEncoding) {
        self.name = name
        self.encoding = encoding
        // 32-bit positions (a document is under 4 GiB): half the memory of a long text's indexes.
        var starts: [UInt32] = [0]
        var checkpoints: [UInt32] = []
        checkpoints.reserveCapacity(bytes.count / Document.checkpointStride + 1)
        var codePoints = 0
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if offset % Document.checkpointStride == 0 { checkpoints.append(UInt32(truncatingIfNeeded: codePoints)) }
                if byte & 0xC0 != 0x80 { codePoints += 1 }
                if byte == 0x0A { starts.append(UInt32(truncatingIfNeeded: offset + 1)) }
            }
        }
        if bytes.isEmpty { checkpoints.append(0) }
        self.bytes = bytes
        lineStarts = starts
        codePointCheckpoints = checkpoints
    }

    /// Reads and validates a document (see `TextEncoding` for what is accepted).
    public init(contentsOf url: URL, name: String? = nil) throws {
        let displayName = name ?? url.path
        try self.init(input: try Document.read(url, name: displayName), name: displayName)
    }

    /// Validates raw input bytes as a text document.
    public init(data: Data, name: String) throws {
        try self.init(input: [UInt8](data), name: name)
    }

    /// Validates raw input bytes as a text document, taking them over.
    public init(input: consuming [UInt8], name: String) throws {
        // Positions inside the pipeline are 32-bit (tokens); no decision comes near this.
        guard input.count < Document.maximumSize else {
            throw InputError(path: name, problem: "is 4 GiB or larger: split it into smaller files")
        }
        let (text, encoding) = try TextEncoding.decode(input, name: name)
        self.init(name: name, utf8: text, encoding: encoding)
    }

    /// A file's bytes, read straight into an array (no intermediate copy); errors name the file.
    public static func read(_ url: URL, name: String) throws -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(path: name, problem: InputError.describe(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO), reading: url))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(path: name, problem: "cannot be read") }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw InputError(path: name, problem: "is a directory, not a file") }
        let size = Int(status.st_size)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if read > 0 { count += read } else if read == 0 || errno != EINTR { failure = read == 0 ? 0 : errno; break }
            }
        }
        // A file that grew since it was measured: the rest, a chunk at a time (into memory left
        // uninitialised: files almost never grow, and zeroing 64 KB for each is work for nothing).
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while failure == 0 {
            let read = Foundation.read(descriptor, chunk.baseAddress!, chunk.count)
            if read > 0 { bytes.append(contentsOf: chunk[..<read]) } else if read == 0 { break } else if errno != EINTR { failure = errno }
        }
        guard failure == 0 else { throw InputError(path: name, problem: "cannot be read (\(String(cString: strerror(failure))))") }
        return bytes
    }

    /// The text at a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The number of code points before a byte offset.
    public func codePointOffset(ofByte offset: Int) -> Int {
        let checkpoint = offset / Document.checkpointStride
        var count = Int(codePointCheckpoints[min(checkpoint, codePointCheckpoints.count - 1)])
        let start = min(checkpoint, codePointCheckpoints.count - 1) * Document.checkpointStride
        bytes.withUnsafeBufferPointer { buffer in
            for index in start..<min(offset, buffer.count) where buffer[index] & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    /// 1-based line and column (in code points) of a byte offset.
    public func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        // Both offsets come from the checkpoint index, so a very long line costs no more than a short one.
        return (low + 1, codePointOffset(ofByte: offset) - codePointOffset(ofByte: Int(lineStarts[low])) + 1)
    }

    /// The position of a byte offset as it is reported outside the program.
    public func position(ofByte offset: Int) -> TextPosition {
        let (line, column) = lineAndColumn(ofByte: offset)
        return TextPosition(offset: codePointOffset(ofByte: offset), line: line, column: column)
    }
}

/// A position as reported outside the program: a code point offset and a 1-based line and column.
public struct TextPosition: Equatable, Sendable {
    public let offset: Int
    public let line: Int
    public let column: Int
}
