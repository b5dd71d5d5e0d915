/// What the readers of a regex's source text (`LineBound`, `RequiredLiterals`, `RegexBranches`) share: a
/// cursor over its bytes, and the pieces of PCRE2 syntax both step over the same way.
protocol PatternSourceReader {
    var bytes: [UInt8] { get }
    var index: Int { get set }
}

extension PatternSourceReader {
    func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// Whether the text at the cursor begins with `text`.
    func starts(with text: String) -> Bool {
        index <= bytes.count && bytes[index...].starts(with: text.utf8)
    }

    /// The value of `\xHH` or `\x{H…}`, the cursor just past "\x" (nil when not hexadecimal).
    mutating func hexValue() -> Int? {
        var digits: [UInt8] = []
        if peek() == UInt8(ascii: "{") {
            index += 1
            while let byte = peek(), byte != UInt8(ascii: "}") { digits.append(byte); index += 1 }
            index += 1
        } else {
            while digits.count < 2, let byte = peek(), (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20) {
                digits.append(byte)
                index += 1
            }
        }
        return Int(String(decoding: digits.isEmpty ? [UInt8(ascii: "0")] : digits, as: UTF8.self), radix: 16)
    }

    /// The name of `\pL` or `\p{Name}`, the cursor just past "\p" (with its "^" if negated).
    mutating func propertyName() -> String? {
        guard let first = peek() else { return nil }
        index += 1
        guard first == UInt8(ascii: "{") else { return String(decoding: [first], as: UTF8.self) }
        var name: [UInt8] = []
        while let byte = peek(), byte != UInt8(ascii: "}") { name.append(byte); index += 1 }
        index += 1
        return String(decoding: name, as: UTF8.self)
    }

    /// The name of a POSIX class inside a bracketed class ("alpha", "^space"), the cursor on
    /// its "[:"; read past its ":]".
    mutating func posixClassName() -> String {
        var name: [UInt8] = []
        index += 2
        while let byte = peek(), byte != UInt8(ascii: ":") { name.append(byte); index += 1 }
        index += 2
        return String(decoding: name, as: UTF8.self)
    }
}
