/// Whether a regex can only ever match inside one line — the condition for running a rule
/// on just the lines that contain one of its `requires` literals.
///
/// It reads the pattern's source, conservatively: any construct that can match a line
/// break makes the pattern multi-line, even where the context would rule it out.
/// Lookarounds do not matter (the scan still sees the whole text), only what a match
/// can consume.
enum LineBound {
    /// Constructs that can consume "\n": whitespace and negated classes, explicit line
    /// breaks and control characters, "any character" forms, dot-all mode.
    static let lineCrossing = [
        #"\s"#, #"\n"#, #"\r"#, #"\R"#, #"\v"#, #"\f"#, #"\D"#, #"\W"#, #"\H"#, #"\P"#, #"\p{^"#, #"\p{C"#, #"\p{Any"#,
        #"\p{Xsp"#, #"\p{Xps"#, #"\X"#, #"\C"#, #"\c"#, #"\0"#, #"\N{U+"#, #"\o{"#, "(?s", "(*CR", "(*LF", "(*ANY",
        "[:space:", "[:cntrl:", "[:^", "\n",
    ]

    /// True when no match of `source` can contain a line break.
    static func isLineBound(_ source: String) -> Bool {
        guard let rest = withoutClassesExcludingLineBreaks(source) else { return false }
        if lineCrossing.contains(where: rest.contains) { return false }
        return !hasControlCharacterEscape(rest)
    }

    /// The source with every negated class that excludes line breaks (`[^\n,]`, `[^\s]`)
    /// taken out; nil when a negated class admits them (`[^,]`).
    private static func withoutClassesExcludingLineBreaks(_ source: String) -> String? {
        let bytes = Array(source.utf8)
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                kept += bytes[index..<min(index + 2, bytes.count)]
                index += 2
                continue
            }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                kept.append(bytes[index])
                index += 1
                continue
            }
            // The class body runs to the first unescaped "]" that is not its first character.
            var end = index + 2
            if end < bytes.count && bytes[end] == UInt8(ascii: "]") { end += 1 }
            while end < bytes.count && bytes[end] != UInt8(ascii: "]") {
                if bytes[end] == UInt8(ascii: "[") { return nil }  // a POSIX class inside: not worth reading
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            let body = String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self)
            guard [#"\n"#, #"\s"#, #"\v"#].contains(where: body.contains) else { return nil }
            kept.append(UInt8(ascii: "x"))
            index = end + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// `\x0A`, `\x{a}`, `\x{1F}`: any hexadecimal escape below a space (a range such as
    /// `[\x00-\x{FF}]` starts with one).
    private static func hasControlCharacterEscape(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "\\") else { continue }
            if bytes[index + 1] == UInt8(ascii: "\\") { index += 1; continue }
            guard bytes[index + 1] == UInt8(ascii: "x") else { continue }
            var digits: [UInt8]
            if bytes[index + 2] == UInt8(ascii: "{") {
                digits = Array(bytes[(index + 3)...].prefix { $0 != UInt8(ascii: "}") })
            } else {
                digits = Array(bytes[(index + 2)...].prefix(2).prefix { isHexDigit($0) })
            }
            digits = Array(digits.drop { $0 == UInt8(ascii: "0") })
            guard let value = Int(String(decoding: digits.isEmpty ? [UInt8(ascii: "0")] : digits, as: UTF8.self), radix: 16)
            else { return true }
            if value < 0x20 { return true }
        }
        return false
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
    }
}
