/// A JSON object written with its keys in a fixed order, so audit lines read the same
/// way every time and byte-compare across runs (JSONEncoder's key order is not fixed).
public struct JSONLine: Sendable {
    public enum Value: Sendable {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
        case object(JSONLine)
        case array([Value])
    }

    private var fields: [(String, Value)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String?) { fields.append((key, value.map(Value.string) ?? .null)) }
    public mutating func add(_ key: String, _ value: Int) { fields.append((key, .int(value))) }
    public mutating func add(_ key: String, _ value: Bool) { fields.append((key, .bool(value))) }
    public mutating func add(_ key: String, _ value: Value) { fields.append((key, value)) }

    public var text: String {
        "{" + fields.map { "\(JSONLine.quote($0.0)):\(JSONLine.render($0.1))" }.joined(separator: ",") + "}"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case let .string(text): return quote(text)
        case let .int(number): return String(number)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case let .object(line): return line.text
        case let .array(values): return "[" + values.map(render).joined(separator: ",") + "]"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
