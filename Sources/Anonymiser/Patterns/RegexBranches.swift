/// A regex read as the union of simpler patterns, one per branch of its alternation:
/// `A|B|C` as `A`, `B`, `C`, and `P(?:A|B|C)S` as `PAS`, `PBS`, `PCS`.
///
/// Every match of the regex is a match of one of the branch patterns, so what a reader learns
/// of each branch (where it can start, the literals it cannot match without) is a necessary
/// condition for the matches that branch stands for. The branch patterns are read, never
/// compiled or run: the rule still runs its own regex wherever one of them may match.
///
/// Only what keeps that promise is split: a top-level alternation, else the first top-level
/// non-capturing, branch-reset or atomic group with alternatives and no quantifier. A pattern
/// whose meaning depends on group numbers or on options set between branches (numbered calls
/// and conditionals, recursion, an option setting at the split level, extended mode,
/// `\Q…\E`, comments) is not split.
enum RegexBranches {
    /// The branch patterns of `pattern`, or nil when it has no alternation that may be split.
    static func split(_ pattern: String) -> [String]? {
        let bytes = Array(pattern.utf8)
        guard let top = Reader.read(bytes) else { return nil }
        if top.alternatives.count > 1 {
            guard !top.setsOptions else { return nil }
            return top.alternatives.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        guard let group = top.groups.first(where: { $0.splittable && $0.alternatives.count > 1 }) else { return nil }
        let prefix = bytes[..<group.opener.lowerBound], suffix = bytes[group.end...]
        return group.alternatives.map { alternative in
            // No group is needed around it: it holds no "|" of its own level, no option setting, and
            // no quantifier follows the group.
            String(decoding: prefix + bytes[alternative] + suffix, as: UTF8.self)
        }
    }

    /// A group at the top level of the pattern.
    struct Group {
        /// Its opening bytes ("(?:", "(?|", "(?>", "(?<name>", "(").
        var opener: Range<Int>
        /// Its alternatives' bytes, between the opener and ")".
        var alternatives: [Range<Int>]
        /// The offset just past its ")".
        var end: Int
        /// Whether it may be split: a non-capturing, branch-reset or atomic group, with no
        /// quantifier after it and no option setting among its alternatives.
        var splittable: Bool
    }

    struct TopLevel {
        var alternatives: [Range<Int>]
        var groups: [Group]
        /// Whether an option setting such as "(?i)" stands at the top level.
        var setsOptions: Bool
    }

    private struct Reader: PatternSourceReader {
        let bytes: [UInt8]
        var index = 0

        static func read(_ bytes: [UInt8]) -> TopLevel? {
            var reader = Reader(bytes: bytes)
            return reader.readTop()
        }

        mutating func readTop() -> TopLevel? {
            var top = TopLevel(alternatives: [], groups: [], setsOptions: false)
            var start = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "|"):
                    top.alternatives.append(start..<index)
                    index += 1
                    start = index
                case UInt8(ascii: "("):
                    let opener = index
                    guard let kind = readOpener() else { return nil }
                    if kind == .optionSetting { top.setsOptions = true }
                    if kind == .optionSetting || kind == .call { continue }
                    let body = index
                    var alternatives: [Range<Int>] = []
                    var innerStart = body
                    var setsOptions = false
                    var depth = 0
                    while true {
                        guard index < bytes.count else { return nil }
                        let byte = bytes[index]
                        if byte == UInt8(ascii: ")") {
                            if depth == 0 { break }
                            depth -= 1
                            index += 1
                        } else if byte == UInt8(ascii: "(") {
                            guard let inner = readOpener() else { return nil }
                            switch inner {
                            case .optionSetting: if depth == 0 { setsOptions = true }
                            case .call: break
                            case .plain, .other: depth += 1
                            }
                        } else if byte == UInt8(ascii: "|") && depth == 0 {
                            alternatives.append(innerStart..<index)
                            index += 1
                            innerStart = index
                        } else {
                            guard skipAtom() else { return nil }
                        }
                    }
                    alternatives.append(innerStart..<index)
                    index += 1  // ")"
                    let quantified = peek().map { [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{")].contains($0) } ?? false
                    top.groups.append(Group(
                        opener: opener..<body, alternatives: alternatives, end: index,
                        splittable: kind == .plain && !quantified && !setsOptions))
                case UInt8(ascii: ")"):
                    return nil
                default:
                    guard skipAtom() else { return nil }
                }
            }
            top.alternatives.append(start..<bytes.count)
            return top
        }

        /// A group to split or not, any other group, an option setting such as "(?i)", a call.
        enum Opener { case plain, other, optionSetting, call }

        /// Reads a group's opening bytes, the cursor on its "(": what kind of group it is, nil
        /// for syntax that depends on group numbers or is not read here.
        mutating func readOpener() -> Opener? {
            index += 1
            guard peek() == UInt8(ascii: "?") else {
                // "(*VERB)" and callouts are not read; a bare "(" is a numbered group.
                return peek() == UInt8(ascii: "*") ? nil : .other
            }
            if starts(with: "?:") || starts(with: "?|") || starts(with: "?>") {
                index += 2
                return .plain
            }
            if starts(with: "?=") || starts(with: "?!") || starts(with: "?<=") || starts(with: "?<!") {
                index += starts(with: "?<") ? 3 : 2
                return .other
            }
            if starts(with: "?(DEFINE)") {
                index += 9
                return .other
            }
            if starts(with: "?<") || starts(with: "?P<") || starts(with: "?'") {
                // A named group: its name, then its body.
                let close = starts(with: "?'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                index += starts(with: "?P<") ? 3 : 2
                while let byte = peek(), byte != close { index += 1 }
                guard peek() == close else { return nil }
                index += 1
                return .other
            }
            if starts(with: "?&") || starts(with: "?P>") {
                // A call of a named group consumes text like an atom: read to its ")".
                while let byte = peek(), byte != UInt8(ascii: ")") { index += 1 }
                guard peek() == UInt8(ascii: ")") else { return nil }
                index += 1
                return .call
            }
            // Options: "(?i)" sets them for what follows, "(?i:…)" for the group only.
            var cursor = index + 1
            while cursor < bytes.count, Reader.isOptionLetter(bytes[cursor]) {
                if bytes[cursor] == UInt8(ascii: "x") { return nil }
                cursor += 1
            }
            guard cursor > index + 1, cursor < bytes.count else { return nil }  // (?R), (?1), (?#…), (?(…)…) …
            if bytes[cursor] == UInt8(ascii: ")") {
                index = cursor + 1
                return .optionSetting
            }
            guard bytes[cursor] == UInt8(ascii: ":") else { return nil }
            index = cursor + 1
            return .other
        }

        static func isOptionLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "^")
        }

        /// Steps over one piece that opens no group: an escape, a class, any other byte.
        mutating func skipAtom() -> Bool {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard let next = peek(1) else { return false }
                // \Q…\E quotes parentheses; numbered back references and \g depend on numbering.
                if next == UInt8(ascii: "Q") || next == UInt8(ascii: "E") || next == UInt8(ascii: "g") { return false }
                if next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9") { return false }
                index += 2
                return true
            }
            if byte == UInt8(ascii: "[") {
                index += 1
                if peek() == UInt8(ascii: "^") { index += 1 }
                if peek() == UInt8(ascii: "]") { index += 1 }
                while let inside = peek() {
                    if inside == UInt8(ascii: "\\") {
                        index += 2
                    } else if inside == UInt8(ascii: "["), peek(1) == UInt8(ascii: ":") {
                        _ = posixClassName()
                    } else if inside == UInt8(ascii: "]") {
                        index += 1
                        return true
                    } else {
                        index += 1
                    }
                }
                return false
            }
            index += 1
            return true
        }
    }
}
