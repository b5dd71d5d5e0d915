/// JSON written straight into bytes in the one layout every JSON report has: two-space
/// indent, one key or element a line, keys in the order written, empty containers on one
/// line. A report is written with it piece by piece, so a streamed array can take its place
/// between two calls (`key("results")`, then the spooled elements) with no template to splice.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Entries written so far in each open container, innermost last.
    private var entries: [Int] = []
    /// The depth of the outermost value (an array element of a report starts deeper).
    private let baseDepth: Int

    /// `depth`: how deep the first value sits; an element of a streamed array is written
    /// at its own depth, indent included.
    init(depth: Int = 0) {
        baseDepth = depth
        pad(depth)
    }

    /// The depth of the next key or element.
    var depth: Int { baseDepth + entries.count }

    /// Hands over what was written so far (before a streamed section), keeping the open containers.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object's entry; its value follows.
    mutating func key(_ name: String) {
        nextEntry()
        quote(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts an array's element; its value follows.
    mutating func element() { nextEntry() }

    mutating func string(_ text: String) { quote(text) }
    mutating func int(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }
    mutating func bool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    mutating func field(_ name: String, _ text: String) { key(name); quote(text) }
    mutating func field(_ name: String, _ number: Int) { key(name); int(number) }
    mutating func field(_ name: String, _ flag: Bool) { key(name); bool(flag) }
    mutating func field(_ name: String, _ value: CheckJSON) { key(name); self.value(value) }

    mutating func value(_ value: CheckJSON) {
        switch value {
        case let .string(text): quote(text)
        case let .int(number): int(number)
        case let .bool(flag): bool(flag)
        case .null: bytes.append(contentsOf: "null".utf8)
        case let .array(values):
            beginArray()
            for item in values {
                element()
                self.value(item)
            }
            endArray()
        case let .object(fields):
            beginObject()
            for (name, item) in fields { field(name, item) }
            endObject()
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        entries.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        let written = entries.removeLast()
        if written > 0 {
            bytes.append(UInt8(ascii: "\n"))
            pad(depth)
        }
        bytes.append(bracket)
    }

    private mutating func nextEntry() {
        if entries[entries.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        entries[entries.count - 1] += 1
        bytes.append(UInt8(ascii: "\n"))
        pad(depth)
    }

    private mutating func pad(_ depth: Int) {
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// A JSON string: the escapes of the audit's `JSONLine`, so both read the same.
    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            return bytes.append(UInt8(ascii: "\""))
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
