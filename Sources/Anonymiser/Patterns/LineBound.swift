/// Whether a regex can only ever match inside one line — the condition for running a rule
/// on just the lines that contain one of its `requires` literals.
///
/// It reads the pattern's source token by token and answers "no" for anything that can
/// match "\n" and for anything it cannot vouch for: whitespace and negated escapes,
/// character classes that admit "\n", properties other than letters, marks, numbers,
/// punctuation, symbols and space separators, dot-all mode, backtracking verbs, `\G` (it
/// would match at every window's start), octal escapes and back references. Lookarounds
/// are read the same way: a literal seen only by a lookaround on the next line would put
/// the window on the wrong line.
enum LineBound {
    /// True when no match of `source` can contain (or look across) a line break.
    static func isLineBound(_ source: String) -> Bool {
        var reader = Reader(Array(source.utf8))
        return reader.readPattern()
    }

    /// What a piece of a pattern may match, as far as "\n" goes.
    enum Content: Equatable {
        case excludesLineBreak
        case holdsLineBreak
        /// Not worth reading (octal, back references, `\G`, unknown properties…).
        case unknown
    }

    /// Properties that never include "\n" (a control character, category Cc).
    static let safeProperties: Set<String> = [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "L&", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Zs", "Xan", "Xwd", "Xuc", "Latin",
    ]
    /// Properties that include "\n".
    static let lineBreakProperties: Set<String> = ["C", "Cc", "Any", "Xsp", "Xps", "Common", "Zyyy"]
    /// POSIX classes without "\n", and with it.
    static let safePosixClasses: Set<String> = ["alpha", "alnum", "digit", "lower", "upper", "punct", "word", "xdigit", "blank", "graph", "print"]
    static let lineBreakPosixClasses: Set<String> = ["space", "cntrl", "ascii"]

    private struct Reader: PatternSourceReader {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func readPattern() -> Bool {
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\\"):
                    guard readEscape() == .excludesLineBreak else { return false }
                case UInt8(ascii: "["):
                    guard readClass() == .excludesLineBreak else { return false }
                case UInt8(ascii: "("):
                    guard readGroupOpening() else { return false }
                case 0x0A:
                    return false
                default:
                    index += 1
                }
            }
            return true
        }

        /// `(*VERB)` and inline flags that turn dot-all on (`(?s)`, `(?is:`) are refused.
        mutating func readGroupOpening() -> Bool {
            index += 1
            if peek() == UInt8(ascii: "*") { return false }
            guard peek() == UInt8(ascii: "?") else { return true }
            var cursor = index + 1
            var flags: [UInt8] = []
            while cursor < bytes.count, isFlag(bytes[cursor]) {
                flags.append(bytes[cursor])
                cursor += 1
            }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: ")") {
                // Flags after "-" are turned off.
                if flags.prefix(while: { $0 != UInt8(ascii: "-") }).contains(UInt8(ascii: "s")) { return false }
            }
            index += 1
            return true
        }

        func isFlag(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "^")
        }

        /// Reads one escape; for a single character, `character` is set to its value.
        mutating func readEscape(character: inout Int?) -> Content {
            character = nil
            guard let kind = peek(1) else { index += 1; return .unknown }
            index += 2
            switch kind {
            case UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "R"), UInt8(ascii: "v"), UInt8(ascii: "D"),
                 UInt8(ascii: "W"), UInt8(ascii: "H"):
                if kind == UInt8(ascii: "n") { character = 0x0A }
                return .holdsLineBreak
            case UInt8(ascii: "X"), UInt8(ascii: "C"), UInt8(ascii: "c"), UInt8(ascii: "G"), UInt8(ascii: "o"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .unknown
            case UInt8(ascii: "x"):
                guard let value = hexValue() else { return .unknown }
                character = value
                return value == 0x0A ? .holdsLineBreak : .excludesLineBreak
            case UInt8(ascii: "N"):
                return peek() == UInt8(ascii: "{") ? .unknown : .excludesLineBreak
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                guard var name = propertyName() else { return .unknown }
                var negated = kind == UInt8(ascii: "P")
                if name.hasPrefix("^") { name.removeFirst(); negated.toggle() }
                if LineBound.safeProperties.contains(name) { return negated ? .holdsLineBreak : .excludesLineBreak }
                if LineBound.lineBreakProperties.contains(name) { return negated ? .unknown : .holdsLineBreak }
                return .unknown
            case UInt8(ascii: "Q"):
                // \Q…\E: literal text.
                var content = Content.excludesLineBreak
                while let byte = peek(), !(byte == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "E")) {
                    if byte == 0x0A { content = .holdsLineBreak }
                    index += 1
                }
                index += 2
                return content
            case UInt8(ascii: "t"): character = 0x09
            case UInt8(ascii: "r"): character = 0x0D
            case UInt8(ascii: "f"): character = 0x0C
            case UInt8(ascii: "e"): character = 0x1B
            case UInt8(ascii: "a"): character = 0x07
            case UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "h"), UInt8(ascii: "S"), UInt8(ascii: "V"),
                 UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "K"),
                 UInt8(ascii: "E"):
                break
            default:
                // An escaped punctuation mark or letter stands for itself.
                character = Int(kind)
            }
            return .excludesLineBreak
        }

        mutating func readEscape() -> Content {
            var character: Int?
            return readEscape(character: &character)
        }

        /// Reads a character class and says whether it can match "\n".
        mutating func readClass() -> Content {
            index += 1
            let negated = peek() == UInt8(ascii: "^")
            if negated { index += 1 }
            var holds = false  // an item surely includes "\n"
            var unsure = false  // an item might
            var first = true
            var previous: Int?  // the last single character, for a range
            func note(_ content: Content) {
                if content == .holdsLineBreak { holds = true } else if content == .unknown { unsure = true }
            }
            while let byte = peek() {
                if byte == UInt8(ascii: "]") && !first { index += 1; break }
                first = false
                if byte == UInt8(ascii: "[") && peek(1) == UInt8(ascii: ":") {
                    var text = posixClassName()
                    let complement = text.hasPrefix("^")
                    if complement { text.removeFirst() }
                    if LineBound.safePosixClasses.contains(text) {
                        note(complement ? .holdsLineBreak : .excludesLineBreak)
                    } else if LineBound.lineBreakPosixClasses.contains(text) {
                        note(complement ? .unknown : .holdsLineBreak)
                    } else {
                        note(.unknown)
                    }
                    previous = nil
                    continue
                }
                if byte == UInt8(ascii: "-"), let low = previous, let next = peek(1), next != UInt8(ascii: "]") {
                    index += 1
                    var high: Int?
                    if next == UInt8(ascii: "\\") {
                        let content = readEscape(character: &high)
                        if high == nil { note(content == .excludesLineBreak ? .unknown : content) }
                    } else {
                        high = Int(next)
                        index += 1
                    }
                    if let high, low <= 0x0A && high >= 0x0A { note(.holdsLineBreak) }
                    previous = nil
                    continue
                }
                if byte == UInt8(ascii: "\\") {
                    var character: Int?
                    note(readEscape(character: &character))
                    previous = character
                    continue
                }
                if byte == 0x0A { note(.holdsLineBreak) }
                previous = Int(byte)
                index += 1
            }
            // A negated class leaves "\n" out only when one of its items surely holds it.
            if negated { return holds ? .excludesLineBreak : .holdsLineBreak }
            return holds ? .holdsLineBreak : unsure ? .unknown : .excludesLineBreak
        }
    }
}
