import Foundation

/// A draft as UTF-8 text, with the indexes needed to report positions.
///
/// Positions inside the program are byte offsets into `bytes`; positions that leave
/// the program (audit, reports, SARIF) are Unicode code points from the start plus
/// 1-based line and column, computed from a sparse checkpoint index so that a
/// 100 MB file does not need a per-byte table.
public struct Document: Sendable {
    /// Where the text came from: a path, or "-" for standard input.
    public let name: String
    public let text: String
    /// The UTF-8 bytes of `text`.
    public let bytes: [UInt8]
    /// Byte offset of the start of every line.
    public let lineStarts: [Int]
    /// Code point count before byte `i * checkpointStride`.
    private let codePointCheckpoints: [Int]
    private static let checkpointStride = 256

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Document.checkpointStride + 1)
        var codePoints = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % Document.checkpointStride == 0 { checkpoints.append(codePoints) }
            if byte & 0xC0 != 0x80 { codePoints += 1 }
            if byte == 0x0A { starts.append(offset + 1) }
        }
        if bytes.isEmpty { checkpoints.append(0) }
        lineStarts = starts
        codePointCheckpoints = checkpoints
    }

    /// Reads and validates a document: it must be UTF-8 text without NUL bytes.
    public init(contentsOf url: URL, name: String? = nil) throws {
        let displayName = name ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(path: displayName, problem: InputError.describe(error, reading: url))
        }
        try self.init(data: data, name: displayName)
    }

    /// Validates raw input bytes as a text document.
    public init(data: Data, name: String) throws {
        let hasNul = data.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }
        if hasNul {
            throw InputError(path: name, problem: "is not a text file (it contains NUL bytes)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(path: name, problem: "is not valid UTF-8 text")
        }
        // A byte-order mark is an encoding artefact, not text; offsets count from after it.
        self.init(name: name, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }

    /// The text at a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The number of code points before a byte offset.
    public func codePointOffset(ofByte offset: Int) -> Int {
        let checkpoint = offset / Document.checkpointStride
        var count = codePointCheckpoints[min(checkpoint, codePointCheckpoints.count - 1)]
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
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        // Both offsets come from the checkpoint index, so a very long line costs no more than a short one.
        return (low + 1, codePointOffset(ofByte: offset) - codePointOffset(ofByte: lineStarts[low]) + 1)
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
