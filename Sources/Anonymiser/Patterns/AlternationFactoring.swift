/// A regex rewritten so that PCRE2 tries, of an alternation of words, only those that begin with
/// the letter in the text: `(?:Mrs|Mr|Dr|Dame|Sir)` is compiled as `(?:M(?:rs|r)|D(?:r|ame)|Sir)`.
///
/// Why: PCRE2 tries the alternatives of a group one after the other, each failing on its first
/// character, so a list of fifty titles or a hundred roles costs some hundred and fifty
/// instructions at every position where it is tried — and the lists of the rules are tried at
/// every capital or word. Grouped by first letter, a position pays one comparison a letter.
///
/// The rewrite changes no match, groups included. At a position, an alternative whose first
/// letter is not the text's fails at once, whatever its place; the alternatives that can match
/// there keep their order, so PCRE2 tries the same ones in the same order and backtracks the same
/// way. Only alternations that keep that promise are rewritten: every alternative starts with an
/// ASCII letter or digit, not quantified on its own; no alternative holds a capturing group
/// (its number would move) or an option setting ("(?i)", which reaches the alternatives after
/// it) or a verb; none stands inside a lookbehind; a conditional's yes and no branches and a
/// branch-reset group's alternatives are never reordered (the groups inside them may be).
/// Letters are grouped as caseless matching would join them ("M" with "m"), and the letter is
/// taken out in front only when all of a group's alternatives begin with the same byte. A pattern
/// with what this reader does not follow (extended mode, `\Q…\E`, a callout, `(?*…)`, `(?<*…)`,
/// `(*pla:…)`, nesting past 200 groups) is left as written; so is one that would compile only as
/// written (`PatternSet.compile` falls back).
///
/// `CompiledRegexTests` holds every rule's compiled regex to its regex as written, match for
/// match, on the samples, the corpora and generated text.
enum AlternationFactoring {
    /// `pattern` with its alternations of words grouped by first letter (itself when nothing
    /// can be, or when it cannot be read).
    static func factored(_ pattern: String) -> String {
        var reader = Reader(bytes: Array(pattern.utf8))
        reader.out.reserveCapacity(reader.bytes.count)
        guard reader.alternation(factoring: true) != nil, reader.index == reader.bytes.count else { return pattern }
        return String(decoding: reader.out, as: UTF8.self)
    }

    /// Reads the pattern once, copying it to `out` (runs of plain bytes at a time) and rewriting
    /// each alternation there as soon as its ")" is reached.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var out: [UInt8] = []
        /// Groups open at the cursor: past `depthLimit` the pattern is left as written (each
        /// group read is a call deeper, and PCRE2 itself refuses nesting beyond 250).
        var depth = 0
        static let depthLimit = 200

        /// What a piece of pattern holds that forbids reordering the alternatives around it.
        struct Holds: OptionSet {
            let rawValue: Int
            static let capture = Holds(rawValue: 1)
            static let optionSetting = Holds(rawValue: 2)
        }

        func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        func starts(with text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

        static func isPlain(_ byte: UInt8) -> Bool {
            byte != UInt8(ascii: "|") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "(")
                && byte != UInt8(ascii: ")")
        }

        /// Copies `bytes[start..<index]` to `out`.
        mutating func copy(from start: Int) { out.append(contentsOf: bytes[start..<index]) }

        /// Reads alternatives up to the ")" closing the group (not consumed) or the end of the
        /// pattern, copying them to `out` — grouped when `factoring` and they allow it; returns
        /// what they hold, nil when the pattern cannot be read.
        mutating func alternation(factoring: Bool) -> Holds? {
            let begin = out.count
            // Where each alternative begins in `out` (each but the first after its "|").
            var starts = [begin]
            var holds: Holds = []
            while let byte = peek(), byte != UInt8(ascii: ")") {
                switch byte {
                case UInt8(ascii: "|"):
                    out.append(byte)
                    index += 1
                    starts.append(out.count)
                case UInt8(ascii: "\\"):
                    let start = index
                    guard skipEscape() else { return nil }
                    copy(from: start)
                case UInt8(ascii: "["):
                    let start = index
                    guard skipClass() else { return nil }
                    copy(from: start)
                case UInt8(ascii: "("):
                    guard let inner = group() else { return nil }
                    holds.formUnion(inner)
                default:
                    let start = index
                    while let byte = peek(), Reader.isPlain(byte) { index += 1 }
                    copy(from: start)
                }
            }
            if factoring, holds.isEmpty, starts.count > 2 {
                let ends = starts.dropFirst().map { $0 - 1 } + [out.count]
                let alternatives = zip(starts, ends).map { Array(out[$0..<$1]) }
                if let grouped = AlternationFactoring.grouped(alternatives) {
                    out.removeSubrange(begin...)
                    out += grouped
                }
            }
            return holds
        }

        /// Steps over an escape: `\x{…}`, `\p{…}`, `\k<name>`, or a backslash and one character.
        mutating func skipEscape() -> Bool {
            // "\Q…\E" quotes what follows: not read.
            guard let next = peek(1), next != UInt8(ascii: "Q") else { return false }
            index += 2
            // "\cX": a control character, X included (whatever X is, even "|" or "\").
            if next == UInt8(ascii: "c") {
                guard peek() != nil else { return false }
                index += 1
            }
            // "\x{…}", "\p{…}", "\P{…}", "\N{…}", "\o{…}", "\g{…}", "\k{…}", "\g<…>", "\k'…'".
            if next == UInt8(ascii: "x") || next == UInt8(ascii: "p") || next == UInt8(ascii: "P") || next == UInt8(ascii: "N")
                || next == UInt8(ascii: "o") || next == UInt8(ascii: "g") || next == UInt8(ascii: "k") {
                let named = next == UInt8(ascii: "k") || next == UInt8(ascii: "g")
                let closer: UInt8? = switch peek() {
                case UInt8(ascii: "{"): UInt8(ascii: "}")
                case UInt8(ascii: "<") where named: UInt8(ascii: ">")
                case UInt8(ascii: "'") where named: UInt8(ascii: "'")
                default: nil
                }
                if let closer {
                    index += 1
                    while let byte = peek(), byte != closer { index += 1 }
                    guard peek() == closer else { return false }
                    index += 1
                }
            }
            // A character of several bytes escaped: the rest of it too.
            while let byte = peek(), byte & 0xC0 == 0x80 { index += 1 }
            return true
        }

        /// Steps over a bracketed class (a "]" first in it is a member; escapes and POSIX classes
        /// are stepped over whole).
        mutating func skipClass() -> Bool {
            index += 1
            if peek() == UInt8(ascii: "^") { index += 1 }
            if peek() == UInt8(ascii: "]") { index += 1 }
            while let byte = peek(), byte != UInt8(ascii: "]") {
                if byte == UInt8(ascii: "\\") {
                    guard skipEscape() else { return false }
                } else if let end = posixClassEnd() {
                    index = end
                } else {
                    index += 1
                }
            }
            guard peek() == UInt8(ascii: "]") else { return false }
            index += 1
            return true
        }

        /// Where a POSIX class ("[:alpha:]", "[:^digit:]") at the cursor ends, nil when there is none
        /// (then "[" is an ordinary member, as PCRE2 reads it).
        func posixClassEnd() -> Int? {
            guard starts(with: "[:") else { return nil }
            var end = index + 2
            if end < bytes.count, bytes[end] == UInt8(ascii: "^") { end += 1 }
            while end < bytes.count, (0x61...0x7A).contains(bytes[end]) { end += 1 }
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"), bytes[end + 1] == UInt8(ascii: "]") else { return nil }
            return end + 2
        }

        /// Steps over what ends at the next ")" (a verb, a comment, a call, an option setting).
        mutating func skipToClose() -> Bool {
            while let byte = peek(), byte != UInt8(ascii: ")") { index += 1 }
            guard peek() == UInt8(ascii: ")") else { return false }
            index += 1
            return true
        }

        /// Copies a group (or a verb, a comment, a call, an option setting), its inner
        /// alternations rewritten where they may be; returns what it holds.
        mutating func group() -> Holds? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Reader.depthLimit else { return nil }
            let start = index
            if starts(with: "(*") || starts(with: "(?#") {
                // A verb ("(*UCP)", "(*SKIP)") counts as an option setting: nothing is reordered
                // around it. A comment is nothing. An assertion or group written with a name in
                // lower case ("(*pla:…)", "(*atomic:…)") is not read: the pattern stays as written.
                let isVerb = starts(with: "(*")
                if isVerb, let letter = peek(2), (0x61...0x7A).contains(letter) { return nil }
                guard skipToClose() else { return nil }
                copy(from: start)
                return isVerb ? .optionSetting : []
            }
            // The opener, and whether the group's own alternatives may be grouped.
            var holds: Holds = []
            let factoring: Bool
            if starts(with: "(?") {
                guard let kind = peek(2) else { return nil }
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 3
                    factoring = true
                case UInt8(ascii: "|"):
                    index += 3
                    factoring = false
                case UInt8(ascii: "<") where peek(3) == UInt8(ascii: "=") || peek(3) == UInt8(ascii: "!"):
                    // A lookbehind: its alternatives' lengths are its own business.
                    return copyWithoutFactoring(from: start)
                case UInt8(ascii: "<") where peek(3) == UInt8(ascii: "*"):
                    // A non-atomic lookbehind: not read.
                    return nil
                case UInt8(ascii: "<"), UInt8(ascii: "'"), UInt8(ascii: "P") where peek(3) == UInt8(ascii: "<"):
                    let closer = kind == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                    index += kind == UInt8(ascii: "P") ? 4 : 3
                    while let byte = peek(), byte != closer { index += 1 }
                    guard peek() == closer else { return nil }
                    index += 1
                    holds.insert(.capture)
                    factoring = true
                case UInt8(ascii: "("):
                    // A conditional: its condition as written (an assertion read as a group), then its
                    // body, whose own "|" parts a yes and a no branch (kept), its groups rewritten —
                    // "(?(DEFINE)(?<stop>…))" defines the named groups a rule calls.
                    index += 2
                    if peek(1) == UInt8(ascii: "?") {
                        copy(from: start)
                        guard let condition = group() else { return nil }
                        holds.formUnion(condition.intersection(.capture))
                    } else {
                        guard skipToClose() else { return nil }
                        copy(from: start)
                    }
                    guard let body = alternation(factoring: false), peek() == UInt8(ascii: ")") else { return nil }
                    out.append(UInt8(ascii: ")"))
                    index += 1
                    return holds.union(body.intersection(.capture))
                case UInt8(ascii: "&"), UInt8(ascii: "R"), UInt8(ascii: "+"), UInt8(ascii: "-") where peek(3).map({ (0x30...0x39).contains($0) }) ?? false,
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "P") where peek(3) == UInt8(ascii: ">") || peek(3) == UInt8(ascii: "="):
                    // A call or a back reference by name: no group of its own.
                    guard skipToClose() else { return nil }
                    copy(from: start)
                    return []
                default:
                    // Options: "(?i)" sets them for what follows, "(?i:" for the group. Anything else
                    // ("(?*…)", "(?<*…)", a callout "(?C…)") is not read, nor is extended mode ("x"),
                    // where spaces and "#" mean something else: the pattern stays as written.
                    index += 2
                    while let byte = peek(), byte != UInt8(ascii: ":"), byte != UInt8(ascii: ")") {
                        guard "imnsJU^-".utf8.contains(byte) else { return nil }
                        index += 1
                    }
                    guard let end = peek() else { return nil }
                    index += 1
                    if end == UInt8(ascii: ")") {
                        copy(from: start)
                        return .optionSetting
                    }
                    factoring = true
                }
            } else {
                index += 1
                holds.insert(.capture)
                factoring = true
            }
            copy(from: start)
            guard let inner = alternation(factoring: factoring), peek() == UInt8(ascii: ")") else { return nil }
            out.append(UInt8(ascii: ")"))
            index += 1
            // An option set inside a group ends with it; a capture anywhere inside still counts.
            return holds.union(inner.intersection(.capture))
        }

        /// Copies a group as written, its nested groups included, up to its ")"; returns whether
        /// it holds a capture.
        mutating func copyWithoutFactoring(from start: Int) -> Holds? {
            index = start + 1
            var open = 1
            var holds: Holds = []
            while open > 0 {
                guard let byte = peek() else { return nil }
                switch byte {
                case UInt8(ascii: "\\"): guard skipEscape() else { return nil }
                case UInt8(ascii: "["): guard skipClass() else { return nil }
                case UInt8(ascii: "("):
                    if peek(1) != UInt8(ascii: "?") && peek(1) != UInt8(ascii: "*") { holds.insert(.capture) }
                    if peek(1) == UInt8(ascii: "?"), let kind = peek(2),
                       kind == UInt8(ascii: "'") || (kind == UInt8(ascii: "<") && peek(3) != UInt8(ascii: "=") && peek(3) != UInt8(ascii: "!"))
                        || (kind == UInt8(ascii: "P") && peek(3) == UInt8(ascii: "<")) {
                        holds.insert(.capture)
                    }
                    open += 1
                    index += 1
                case UInt8(ascii: ")"):
                    open -= 1
                    index += 1
                default:
                    index += 1
                }
            }
            copy(from: start)
            return holds
        }
    }

    /// `alternatives` grouped by first letter, in the order each letter first appears, the letter
    /// taken out in front of each group whose alternatives all begin with it; nil when one does
    /// not start with a letter or digit of its own, or when no letter can be taken out.
    static func grouped(_ alternatives: [[UInt8]]) -> [UInt8]? {
        guard alternatives.count > 2 else { return nil }
        var keys: [UInt8] = []
        var groups: [UInt8: [[UInt8]]] = [:]
        for alternative in alternatives {
            guard let first = alternative.first, first < 0x80, isLetterOrDigit(first) else { return nil }
            if alternative.count > 1, "?*+{".utf8.contains(alternative[1]) { return nil }
            // "\E" and a comment may stand between a letter and its quantifier.
            if alternative.dropFirst().starts(with: "\\E".utf8) || alternative.dropFirst().starts(with: "(?#".utf8) { return nil }
            let key = isLetter(first) ? first | 0x20 : first
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(alternative)
        }
        var factoredAny = false
        let parts: [[UInt8]] = keys.map { key in
            let group = groups[key]!
            let first = group[0][0]
            // "M" and "m" alternatives together (caseless matching may take either): as written.
            guard group.count > 1, group.allSatisfy({ $0[0] == first }) else {
                return Array(group.joined(separator: [UInt8(ascii: "|")]))
            }
            factoredAny = true
            return [first] + Array("(?:".utf8) + Array(group.map { $0.dropFirst() }.joined(separator: [UInt8(ascii: "|")])) + [UInt8(ascii: ")")]
        }
        return factoredAny ? Array(parts.joined(separator: [UInt8(ascii: "|")])) : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }
}
