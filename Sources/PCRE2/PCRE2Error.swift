import CPCRE2

/// An error from the PCRE2 library, with its own message text.
public enum PCRE2Error: Error, Equatable, CustomStringConvertible, Sendable {
    /// The pattern did not compile: `offset` is the byte offset in the pattern where PCRE2 stopped.
    case compile(code: Int32, offset: Int, message: String)
    /// A match failed for a reason other than "no match" — typically a match or depth limit,
    /// which is how pathological input is stopped instead of hanging the scan.
    case match(code: Int32, message: String)

    public var description: String {
        switch self {
        case let .compile(_, offset, message): return "at offset \(offset): \(message)"
        case let .match(_, message): return message
        }
    }

    /// True when the error is a resource limit (match, depth, heap or JIT stack) being reached.
    public var isLimit: Bool {
        guard case let .match(code, _) = self else { return false }
        return code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
