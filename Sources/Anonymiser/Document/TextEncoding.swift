import Foundation

/// How an input's text was written, and the way from its bytes to the UTF-8 text the
/// pipeline reads.
///
/// - UTF-8 (the norm), with or without a byte-order mark. The mark is not text: offsets count
///   from after it. `redact` keeps it at the head of the output, so the output is the input
///   byte for byte outside the replacements.
/// - UTF-16, little- or big-endian, with its byte-order mark (what some Windows tools write):
///   read as text; every output is UTF-8 (without a mark).
/// Refused, naming the file: NUL bytes (a binary file), UTF-16 without a mark (it cannot be
/// told apart from binary for sure: convert it to UTF-8), invalid UTF-8 or UTF-16.
/// The audit's `inputSHA256` is always the hash of the input's own bytes.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithByteOrderMark = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"

    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// What `redact` writes before the text: the UTF-8 byte-order mark the input began with.
    public var outputPrefix: String { self == .utf8WithByteOrderMark ? "\u{FEFF}" : "" }

    /// The UTF-8 text of an input's bytes (taking them over: plain UTF-8 is not copied).
    static func decode(_ input: consuming [UInt8], name: String) throws -> (text: [UInt8], encoding: TextEncoding) {
        var bytes = input
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: TextEncoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            let text = try utf8(fromUTF16: bytes, littleEndian: encoding == .utf16LittleEndian, name: name)
            if text.contains(0) { throw InputError(path: name, problem: "is not a text file (it contains NUL characters)") }
            return (text, encoding)
        }
        var encoding = TextEncoding.utf8
        if bytes.starts(with: utf8ByteOrderMark) {
            bytes.removeFirst(utf8ByteOrderMark.count)
            encoding = .utf8WithByteOrderMark
        }
        let hasNul = bytes.withUnsafeBufferPointer { $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
        if hasNul {
            if looksLikeUTF16(bytes) {
                throw InputError(path: name, problem: "looks like UTF-16 text without a byte-order mark: convert it to UTF-8")
            }
            throw InputError(path: name, problem: "is not a text file (it contains NUL bytes)")
        }
        let valid = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
        guard valid else { throw InputError(path: name, problem: "is not valid UTF-8 text") }
        return (bytes, encoding)
    }

    /// Text in UTF-16 without a mark: in at least half of the byte pairs (and two), a NUL
    /// beside a text byte (the high byte of a Latin character), and never a NUL on the other
    /// side. A binary file's NULs fall anywhere.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = Array(bytes.prefix(4096))
        let pairs = sample.count / 2
        func isText(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D || (0x20...0x7E).contains(byte) || byte >= 0xA0 }
        for highFirst in [false, true] {
            var latin = 0, stray = 0
            for pair in 0..<pairs {
                let (low, high) = highFirst ? (sample[2 * pair + 1], sample[2 * pair]) : (sample[2 * pair], sample[2 * pair + 1])
                if low == 0 { stray += 1 } else if high == 0 && isText(low) { latin += 1 }
            }
            if stray == 0 && latin >= 2 && latin * 2 >= pairs { return true }
        }
        return false
    }

    private static func utf8(fromUTF16 bytes: [UInt8], littleEndian: Bool, name: String) throws -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw InputError(path: name, problem: "is not valid UTF-16 text (an odd number of bytes)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { output.append($0) }
        guard !failed else { throw InputError(path: name, problem: "is not valid UTF-16 text") }
        return output
    }
}
