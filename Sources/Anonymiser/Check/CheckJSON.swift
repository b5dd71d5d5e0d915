/// A JSON value with its object keys in a fixed order, so reports byte-compare across runs.
indirect enum CheckJSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([CheckJSON])
    case object([(String, CheckJSON)])

    /// Two-space indented, one key per line; empty arrays and objects stay on one line.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case let .string(text): return JSONLine.quote(text)
        case let .int(number): return String(number)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case let .array(values):
            if values.isEmpty { return "[]" }
            return "[\n" + values.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case let .object(fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { pad + JSONLine.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }
}
