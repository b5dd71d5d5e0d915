/// A JSON value with its object keys in a fixed order, so reports byte-compare across runs:
/// the parts of a report built as values (SARIF's tool and rules) and a report read back
/// for merging. `JSONWriter` writes it; `parse` reads it.
indirect enum CheckJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([CheckJSON])
    case object([(String, CheckJSON)])

    static func == (lhs: CheckJSON, rhs: CheckJSON) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of an object's key (nil for anything else, or a missing key).
    subscript(key: String) -> CheckJSON? {
        guard case let .object(fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    var string: String? { if case let .string(text) = self { return text } else { return nil } }
    var int: Int? { if case let .int(number) = self { return number } else { return nil } }
    var bool: Bool? { if case let .bool(flag) = self { return flag } else { return nil } }
    var array: [CheckJSON]? { if case let .array(values) = self { return values } else { return nil } }

    /// An object without one of its keys.
    func removing(_ key: String) -> CheckJSON {
        guard case let .object(fields) = self else { return self }
        return .object(fields.filter { $0.0 != key })
    }

    /// Reads a JSON text whose numbers are integers (as in every report this tool writes).
    static func parse(_ bytes: [UInt8]) throws -> CheckJSON {
        var parser = CheckJSONParser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == bytes.count else { throw CheckJSONParser.Failure(offset: parser.position) }
        return value
    }
}

/// Recursive descent over UTF-8 bytes.
struct CheckJSONParser {
    struct Failure: Error {
        /// Byte offset where the text stopped being the JSON expected.
        let offset: Int
    }

    let bytes: [UInt8]
    var position = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func value() throws -> CheckJSON {
        skipSpace()
        guard position < bytes.count else { throw Failure(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try container(close: UInt8(ascii: "}")) { parser in
            let key = try parser.string()
            parser.skipSpace()
            try parser.expect(UInt8(ascii: ":"))
            return (key, try parser.value())
        })
        case UInt8(ascii: "["): return .array(try container(close: UInt8(ascii: "]")) { parser in ("", try parser.value()) }.map(\.1))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .int(try integer())
        }
    }

    /// The entries of an object or array, from its opening bracket to `close`.
    private mutating func container(
        close: UInt8, _ entry: (inout CheckJSONParser) throws -> (String, CheckJSON)
    ) throws -> [(String, CheckJSON)] {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw Failure(offset: position) }
        position += 1
        var entries: [(String, CheckJSON)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            return entries
        }
        while true {
            skipSpace()
            entries.append(try entry(&self))
            skipSpace()
            guard position < bytes.count else { throw Failure(offset: position) }
            if bytes[position] == close {
                position += 1
                return entries
            }
            try expect(UInt8(ascii: ","))
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard position < bytes.count, bytes[position] == byte else { throw Failure(offset: position) }
        position += 1
    }

    private mutating func word(_ text: String) throws {
        for byte in text.utf8 { try expect(byte) }
    }

    private mutating func integer() throws -> Int {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        guard let number = Int(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw Failure(offset: start) }
        return number
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: text, as: UTF8.self) else { throw Failure(offset: position) }
                return string
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Failure(offset: position) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        try word("\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: position) }
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Failure(offset: position) }
                    text.append(contentsOf: String(Character(unicode)).utf8)
                default: throw Failure(offset: position - 1)
                }
            case 0..<0x20: throw Failure(offset: position - 1)
            default: text.append(byte)
            }
        }
        throw Failure(offset: position)
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw Failure(offset: position) }
        position += 4
        return value
    }
}
