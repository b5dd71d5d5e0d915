/// The literals a regex cannot match without: the `requires` of a rule that gives none.
///
/// The pattern is read as sequences and alternations, and each is asked which strings every
/// match must contain one of. A run of literal characters is in every match as written (a
/// run of spaces, tabs or no-break spaces reads as one space, as the pre-filter reads text);
/// a group that must match brings its own answer; an alternation unites its alternatives'
/// answers, and has none if one alternative has none. Of a sequence's answers the most
/// selective is kept (`moreSelective`).
///
/// A small class of printable ASCII characters joins a run as each of its characters
/// ("[0-9][A-Z]{2}" needs "0a" … "9z": the shape of an identifier), an "s" with its caseless
/// twin "ſ"; a class with "k" is refused (lower-casing folds its twin, the Kelvin sign, away).
/// Characters outside ASCII that have no other case, such as "’" and "–", may stand in such a
/// class too ("['’]s" needs "'s" or "’s").
/// Lookarounds, optional parts, other classes and properties contribute nothing; nor do calls
/// of named groups, nor `(?(DEFINE)…)`. A pattern using syntax this reader cannot vouch for —
/// extended mode, `\Q…\E`, `\K`, back references, numbered recursion, other conditionals,
/// verbs, callouts — gets no literals: the rule then runs everywhere, which is slower but
/// never wrong.
///
/// Literals are compared ASCII-case-insensitively (like written `requires`), so under a
/// caseless flag the Unicode-only case pairs of a literal "k" or "s" (the Kelvin sign, the
/// long s) are not seen; drafts do not use them.
enum RequiredLiterals {
    /// The literals (lower-cased), or nil when the pattern promises none worth using: every
    /// literal must be at least `minimumLength` bytes, and there may be at most `maximumCount`.
    static func derive(from pattern: String, minimumLength: Int = minimumLength, maximumCount: Int = maximumCount) -> [String]? {
        var reader = Reader(Array(pattern.utf8))
        guard let found = try? reader.readPattern(), !found.isEmpty,
              isUsable(found, minimumLength: minimumLength, maximumCount: maximumCount), isSelective(found)
        else { return nil }
        return found.sorted()
    }

    /// `derive`'s limits by default: no literal shorter than three bytes (unless a shape), at most 512.
    static let minimumLength = 3
    static let maximumCount = 512

    /// Whether a pre-filter can take a set of literals: each long enough or a shape, not too many.
    static func isUsable(_ set: Set<String>, minimumLength: Int = minimumLength, maximumCount: Int = maximumCount) -> Bool {
        !set.isEmpty && set.count <= maximumCount && set.allSatisfy { $0.utf8.count >= minimumLength || isShape($0) }
    }

    /// The syntax this reader does not vouch for.
    struct Unsupported: Error {}

    /// Words on nearly every line of a decision: a literal set holding one filters nothing. (Two
    /// letters are a literal only after a space, " of": long enough, but no more selective.)
    static let commonWords: Set<String> = [
        "the", "and", "for", "with", "that", "this", "from", "was", "were", "are", "has", "had", "have", "his",
        "her", "she", "they", "their", "not", "but", "which", "who", "would", "will", "been", "said", "there",
        "what", "when", "any", "all", "can", "did", "does", "its", "our", "out", "one", "about", "into", "also",
        "of", "to", "in", "is", "it", "on", "at", "be", "as", "by", "or", "an", "we", "he", "me", "my", "so",
        "no", "do", "if", "up", "us", "am", "go",
    ]

    /// A digit next to a letter ("1a", "b2"): two characters, but rare in prose — the shape of
    /// a postcode's inward code, a reference or a registration, read from classes such as
    /// "[0-9][A-Z]".
    static func isShape(_ literal: String) -> Bool {
        let bytes = Array(literal.utf8)
        return bytes.count == 2 && isDigitBesideLetter(bytes[0], bytes[1], nonASCIIIsLetter: false)
    }

    /// How rare a literal is in prose, as its length — with a digit beside a letter worth two more
    /// characters: a postcode's "4a" is rarer than a street's " rd", an ordinary word's "ion".
    /// (Unlike `isShape`, a byte of a character outside ASCII counts as a letter here: the long s
    /// of "4ſ", a caseless class's twin of "4s", is one.)
    static func rarity(_ literal: String) -> Int {
        var count = 0, hasShape = false, previous: UInt8 = 0
        for byte in literal.utf8 {
            if count > 0, isDigitBesideLetter(previous, byte, nonASCIIIsLetter: true) { hasShape = true }
            previous = byte
            count += 1
        }
        return count + (hasShape ? 2 : 0)
    }

    /// Whether two adjacent bytes (of lower-case literal text) are a digit and a letter, in either order.
    @inline(__always)
    static func isDigitBesideLetter(_ first: UInt8, _ second: UInt8, nonASCIIIsLetter: Bool) -> Bool {
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (nonASCIIIsLetter && byte >= 0x80) }
        return (isDigit(first) && isLetter(second)) || (isLetter(first) && isDigit(second))
    }

    /// Whether a set of literals is worth a pre-filter: no common word in it (with a space before
    /// it or not).
    static func isSelective(_ set: Set<String>) -> Bool { set.isDisjoint(with: commonWordsWithOrWithoutSpace) }

    /// `commonWords`, each also with a space before it.
    static let commonWordsWithOrWithoutSpace = commonWords.union(commonWords.map { " " + $0 })

    /// Of two answers, the more selective: one a pre-filter can take (`isUsable`: "rd" among a
    /// street's words is too short, where the digit-letter shapes of the postcode after it are
    /// not), then without common words, then the rarer shortest literal (`rarity`), then the fewer
    /// literals.
    static func moreSelective(_ first: Set<String>?, _ second: Set<String>?) -> Set<String>? {
        guard let first else { return second }
        guard let second else { return first }
        func key(_ set: Set<String>) -> (Int, Int, Int, Int) {
            (isUsable(set) ? 1 : 0, isSelective(set) ? 1 : 0, set.map(rarity).min() ?? 0, -set.count)
        }
        return key(second) > key(first) ? second : first
    }

    /// Whether every match of `pattern` holds (in the text it consumes) one of `literals` —
    /// lower-case, spaces read as the pre-filter reads them, as a rule's written `requires` are:
    /// each literal the pattern is read to need (as `derive` reads it, before its limits) contains
    /// one of them. Then, like derived literals, they bound where a match can begin
    /// (`LiteralHits.windows`), not just the line it is on.
    ///
    /// Where a sequence needs several literals ("Mental Capacity Act Code of Practice"), the
    /// reading keeps the one the written literals cover ("code of practice"), not the one
    /// `derive` would prefer ("mental capacity act").
    static func standInEveryMatch(_ literals: [[UInt8]], of pattern: String) -> Bool {
        reading(literals, of: pattern).standInEveryMatch
    }

    /// Both answers for a rule's written literals from one reading of the pattern (start-up reads
    /// every rule's regex, some of them 14,000 characters long): whether they stand in every match
    /// (`standInEveryMatch`), and `refined`, the literals the regex reads around them when each
    /// holds one of them and a pre-filter can use them — at least as selective (" act", not "act").
    static func reading(_ literals: [[UInt8]], of pattern: String) -> (standInEveryMatch: Bool, refined: [String]?) {
        var reader = Reader(Array(pattern.utf8), covering: literals)
        guard !literals.isEmpty, let found = try? reader.readPattern(), isCovered(found, by: literals) else { return (false, nil) }
        return (true, isUsable(found) && isSelective(found) ? found.sorted() : nil)
    }

    /// Whether every literal of `found` holds one of `literals` (spaces read as the pre-filter reads them).
    static func isCovered(_ found: Set<String>, by literals: [[UInt8]]) -> Bool {
        found.allSatisfy { literal in
            let bytes = LiteralIndex.normalisingSpaces(Array(literal.utf8))
            return literals.contains { contains(bytes, $0) }
        }
    }

    /// Whether `bytes` holds `part`.
    static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= bytes.count else { return false }
        return (0...bytes.count - part.count).contains { start in part.indices.allSatisfy { bytes[start + $0] == part[$0] } }
    }

    private struct Reader: PatternSourceReader {
        let bytes: [UInt8]
        var index = 0
        /// Written literals (lower-case, spaces normalised) whose coverage decides, before
        /// selectivity, which of a sequence's answers is kept; nil: selectivity alone.
        let covering: [[UInt8]]?

        init(_ bytes: [UInt8], covering: [[UInt8]]? = nil) {
            self.bytes = bytes
            self.covering = covering
        }

        /// Of two answers for one sequence (both stand in each of its matches), the one to keep:
        /// when reading for written literals, one they cover; else the more selective.
        func preferred(_ first: Set<String>?, _ second: Set<String>?) -> Set<String>? {
            if let covering, let first, let second {
                let firstCovered = RequiredLiterals.isCovered(first, by: covering)
                if firstCovered != RequiredLiterals.isCovered(second, by: covering) { return firstCovered ? first : second }
            }
            return RequiredLiterals.moreSelective(first, second)
        }

        mutating func readPattern() throws -> Set<String> {
            let answer = try readAlternation(after: nil)
            guard index == bytes.count, let found = answer.required else { throw Unsupported() }
            return found
        }

        /// What a piece of a pattern tells: the literals every match contains one of, and —
        /// when it can only match a few fixed strings — those strings, so that a neighbouring
        /// literal can be joined to them ("the " then "Times|Sun" gives "the times", "the sun").
        ///
        /// `ends`: the characters one of which ends every match of the piece (`Before`); for a piece
        /// that `consumesNothing`, what stood before it still does.
        struct Answer {
            var required: Set<String>?
            var exact: Set<String>?
            var ends: Before = nil
            var consumesNothing = false
        }

        /// The characters, as the pre-filter reads them (lower-case; white space as one space), one
        /// of which stands just before a point of every match; nil: not known, or more than
        /// `beforeLimit`. A run of literal text that starts there begins with one of them: after
        /// "[ \t]+" or "(", a role "GP" is " gp" or "(gp", which the words of a page rarely hold,
        /// where "gp" alone would be too short to filter (and "mp" is in "complaint").
        /// (Each character is one Unicode scalar. An alternation starts from the empty set to unite
        /// its alternatives' ends; a sequence reads an empty set as nil.)
        typealias Before = Set<String>?
        static let beforeLimit = 4

        /// `text` without its first Unicode scalar.
        static func withoutFirstScalar(_ text: String) -> String {
            String(Substring(text.unicodeScalars.dropFirst()))
        }

        /// Either of two `Before`s.
        static func either(_ first: Before, _ second: Before) -> Before {
            guard let first, let second else { return nil }
            let both = first.union(second)
            return both.count <= beforeLimit ? both : nil
        }

        /// At most this many strings are carried as a piece's fixed strings.
        static let exactLimit = 64
        /// At most this many strings are carried as a run of small classes' combinations.
        static let classRunLimit = 256

        /// Alternatives up to the ")" closing the group (not consumed) or the end, read after
        /// `before` (`Before`).
        mutating func readAlternation(after before: Before) throws -> Answer {
            var union: Set<String>? = []
            var exact: Set<String>? = []
            var ends: Before = []
            while true {
                let answer = try readSequence(after: before)
                if let found = answer.required { union?.formUnion(found) } else { union = nil }
                if let strings = answer.exact { exact?.formUnion(strings) } else { exact = nil }
                ends = Reader.either(ends, answer.ends)
                guard peek() == UInt8(ascii: "|") else { break }
                index += 1
            }
            if let strings = exact, strings.count > Reader.exactLimit { exact = nil }
            return Answer(required: union, exact: exact, ends: ends)
        }

        /// What one item of a sequence is, as far as literals go.
        enum Item {
            case character(UInt8)
            /// One of a few characters (a small class: "[0-9]", "[ABD-HJ]"), as strings.
            case characters(Set<String>)
            case space
            /// Matches something (or nothing) that is not a known literal.
            case other
            /// A group that must match, with its answer.
            case group(Answer)
            /// An assertion: it consumes nothing, so the literals either side of it are adjacent.
            static let zeroWidth = Item.group(Answer(required: nil, exact: [""], consumesNothing: true))
        }

        /// Literal text followed by more, read as the pre-filter reads it: where a space ends
        /// one and starts the other, the two are one space.
        static func joined(_ text: String, _ next: String) -> String {
            text.hasSuffix(" ") && next.hasPrefix(" ") ? text + next.dropFirst() : text + next
        }

        /// A literal without the spaces after it ("" when it is only spaces). A space before it
        /// stays: it stands for white space every match holds there, which the pre-filter reads as
        /// one space whatever its extent ("[ \t]+MP" needs " mp").
        static func trimmed(_ text: String) -> String {
            guard let last = text.lastIndex(where: { $0 != " " }) else { return "" }
            return String(text[...last])
        }

        /// A sequence read after `entry` (`Before`): "[ \t]+(?:Mrs[ ]+)?(?:GP|MP)" needs " gp" or " mp".
        mutating func readSequence(after entry: Before) throws -> Answer {
            let entry = entry?.isEmpty == true ? nil : entry
            var best: Set<String>?
            // What stands just before the current point.
            var before = entry
            // The strings the literal text read since the last break can be.
            var runs: Set<String> = entry ?? [""]
            // Whether `runs` still holds the whole sequence so far (it is then the sequence's
            // fixed strings): false once anything else has been read, or a run ended.
            var unbroken = true
            func endRun() {
                let literals = Set(runs.map(Reader.trimmed))
                if !literals.contains("") { best = preferred(best, literals) }
                runs = [""]
            }
            func append(_ strings: Set<String>) {
                // (Nothing read yet, the common case: the strings as they are, not joined one by one.)
                if runs.count == 1, runs.first!.isEmpty { runs = strings; return }
                runs = Set(runs.flatMap { run in strings.map { Reader.joined(run, $0) } })
            }
            while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                if let run = readLiteralRun() {
                    append([run])
                    before = [String(run.last!)]
                    continue
                }
                let item = try readItem(after: before)
                let minimum = try readQuantifier()
                // What stands just before the point after the item: what ends it, or — when it may
                // be absent — that or what stood before it.
                let ends: Before
                switch item {
                case let .character(character): ends = [String(UnicodeScalar(character))]
                case let .characters(strings): ends = strings.count <= Reader.beforeLimit ? strings : nil
                case .space: ends = [" "]
                case let .group(answer): ends = answer.consumesNothing ? before : answer.ends
                case .other: ends = nil
                }
                before = minimum == 0 ? Reader.either(before, ends) : ends
                switch item {
                case let .character(character) where minimum == nil:
                    append([String(UnicodeScalar(character))])
                case let .character(character):
                    if minimum! > 0 { append([String(UnicodeScalar(character))]) }  // at least once; maybe more
                    endRun()
                    unbroken = false
                case let .characters(strings) where minimum.map({ $0 > 0 }) ?? true:
                    // Joined to the run while the combinations stay few ("[0-9][A-Z]" gives "0a"…"9z");
                    // repeated, it is there at least once, and what follows may be another of it.
                    if runs.count * strings.count <= Reader.classRunLimit {
                        append(strings)
                    } else {
                        endRun()
                        runs = strings
                        unbroken = false
                    }
                    if minimum != nil {
                        endRun()
                        unbroken = false
                    }
                case .space where minimum.map({ $0 > 0 }) ?? true:
                    // However many there are, the pre-filter reads them as one space.
                    append([" "])
                case let .group(answer) where minimum == nil:
                    best = preferred(best, answer.required)
                    if let strings = answer.exact, runs.count * strings.count <= Reader.exactLimit {
                        append(strings)
                    } else {
                        // Too many combinations, or no fixed strings: a new run starts after the group
                        // (with its strings when it has some), and the sequence is no longer fixed.
                        endRun()
                        if let strings = answer.exact { runs = strings }
                        unbroken = false
                    }
                case let .group(answer):
                    endRun()
                    if minimum! > 0 { best = preferred(best, answer.required) }
                    unbroken = false
                default:
                    endRun()
                    unbroken = false
                }
                // A run that starts here begins with what stands before it.
                if runs == [""], let before { runs = before }
            }
            // The fixed strings without the character before the sequence: it is not the sequence's
            // own (the text around the group supplies it). While the sequence is unbroken every run
            // begins with that seed (a space the sequence reads merges into a space seed). It is one
            // scalar, dropped as one: dropping a `Character` would take a combining mark after it too.
            let exact = unbroken ? Set(runs.map { entry == nil ? $0 : Reader.withoutFirstScalar($0) }) : nil
            endRun()
            return Answer(required: best, exact: exact, ends: before)
        }

        /// A quantifier after an item: nil for none, else its minimum count. A "{" that does not
        /// make a quantifier is left to be read as a literal character.
        mutating func readQuantifier() throws -> Int? {
            guard let byte = peek() else { return nil }
            var minimum: Int
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "*"):
                minimum = 0
                index += 1
            case UInt8(ascii: "+"):
                minimum = 1
                index += 1
            case UInt8(ascii: "{"):
                var cursor = index + 1
                var digits: [UInt8] = []
                while let next = cursor < bytes.count ? bytes[cursor] : nil, (0x30...0x39).contains(next) {
                    digits.append(next)
                    cursor += 1
                }
                // "{,3}" is a literal before PCRE2 10.43 and a quantifier after: not vouched for.
                if digits.isEmpty && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ",") { throw Unsupported() }
                guard !digits.isEmpty, cursor < bytes.count else { return nil }
                if bytes[cursor] == UInt8(ascii: ",") {
                    cursor += 1
                    while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) { cursor += 1 }
                }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
                minimum = Int(String(decoding: digits, as: UTF8.self)) ?? 0
                index = cursor + 1
            default:
                return nil
            }
            if peek() == UInt8(ascii: "?") || peek() == UInt8(ascii: "+") { index += 1 }  // lazy, possessive
            return minimum
        }

        /// Plain ASCII characters (no space), two or more, no quantifier after the last: what
        /// reading them one by one appends, lower-cased, at once (far fewer sets built).
        mutating func readLiteralRun() -> String? {
            var end = index
            while end < bytes.count, StartSet.plainLiterals.contains(bytes[end]), bytes[end] != 0x20 { end += 1 }
            if end < bytes.count, StartSet.quantifierStarts.contains(bytes[end]) { end -= 1 }
            guard end - index >= 2 else { return nil }
            let run = bytes[index..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            index = end
            return String(decoding: run, as: UTF8.self)
        }

        mutating func readItem(after before: Before) throws -> Item {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                return try readGroup(after: before)
            case UInt8(ascii: "["):
                return try readClass()
            case UInt8(ascii: "\\"):
                return try readEscape()
            case UInt8(ascii: "."):
                index += 1
                return .other
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                index += 1
                return .zeroWidth
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                throw Unsupported()  // a quantifier with nothing to repeat
            case 0x20:
                index += 1
                return .space
            case 0x21...0x7E:
                index += 1
                return .character(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            case 0xC2 where peek(1) == 0xA0:
                index += 2
                return .space
            default:
                // A control character or a UTF-8 sequence: some character, not an ASCII literal.
                index += 1
                while let next = peek(), next & 0xC0 == 0x80 { index += 1 }
                return .other
            }
        }

        mutating func readGroup(after before: Before) throws -> Item {
            index += 1
            var contributes = true
            if peek() == UInt8(ascii: "*") { throw Unsupported() }  // verbs, (*pla:…)
            if peek() == UInt8(ascii: "?") {
                index += 1
                guard let kind = peek() else { throw Unsupported() }
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
                    index += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 1
                    contributes = false
                case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!"):
                    index += 2
                    contributes = false
                case UInt8(ascii: "<"), UInt8(ascii: "'"):
                    try skipName(closing: kind == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'"))
                case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "<"):
                    index += 1
                    try skipName(closing: UInt8(ascii: ">"))
                case UInt8(ascii: "#"):
                    while let next = peek(), next != UInt8(ascii: ")") { index += 1 }
                    index += 1
                    return .zeroWidth  // a comment
                case UInt8(ascii: "(") where starts(with: "(DEFINE)"):
                    // Definitions match nothing where they stand; what they define is read where
                    // it is called, as something else (a call brings no literal).
                    index += 8
                    _ = try readAlternation(after: nil)
                    guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
                    index += 1
                    return .zeroWidth
                case _ where kind == UInt8(ascii: "&") || (kind == UInt8(ascii: "P") && peek(1) == UInt8(ascii: ">")):
                    // A call of a named group: it matches something, no literal is promised.
                    if kind == UInt8(ascii: "P") { index += 1 }
                    try skipName(closing: UInt8(ascii: ")"))
                    return .other
                default:
                    // Inline flags: "(?i)" or "(?i-m:". Extended mode ("x") would change what a space
                    // means; anything else here ("(?R)", "(?1)", other "(?(") is not read.
                    var flags: [UInt8] = []
                    while let next = peek(), Reader.inlineFlags.contains(next) {
                        flags.append(next)
                        index += 1
                    }
                    guard !flags.isEmpty, let end = peek() else { throw Unsupported() }
                    index += 1
                    if end == UInt8(ascii: ")") { return .zeroWidth }
                    guard end == UInt8(ascii: ":") else { throw Unsupported() }
                }
            }
            // (A lookaround's text is not the match's: what stands before it says nothing of its own.)
            let answer = try readAlternation(after: contributes ? before : nil)
            guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
            index += 1
            // A lookaround's own literals may lie outside the match, even on another line.
            return contributes ? .group(answer) : .zeroWidth
        }

        mutating func skipName(closing: UInt8) throws {
            index += 1
            while let next = peek(), next != closing {
                guard (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || next == UInt8(ascii: "_") else {
                    throw Unsupported()
                }
                index += 1
            }
            guard peek() == closing else { throw Unsupported() }
            index += 1
        }

        /// Inline option letters that leave literals as they are.
        static let inlineFlags = Set("imnsJU-^".utf8)

        /// Printable ASCII that is no letter or digit: escaped, it stands for itself.
        static func isPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
        }

        /// Code points the pre-filter reads as a space, written in a pattern.
        static func isSpace(_ value: Int) -> Bool { value == 0x20 || value == 0x09 || value == 0xA0 }

        mutating func readEscape() throws -> Item {
            guard let kind = peek(1) else { throw Unsupported() }
            index += 2
            switch kind {
            case UInt8(ascii: "t"):
                return .space
            case UInt8(ascii: "x"):
                guard let value = hexValue() else { throw Unsupported() }
                if Reader.isSpace(value) { return .space }
                if (0x21...0x7E).contains(value) { return .character(UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0)) }
                return .other
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                _ = propertyName()
                return .other
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G"):
                return .zeroWidth
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "S"),
                 UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "R"), UInt8(ascii: "X"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "a"):
                return .other
            case UInt8(ascii: "N") where peek() != UInt8(ascii: "{"):
                return .other
            case let kind where Reader.isPunctuation(kind):
                return .character(kind)  // escaped punctuation stands for itself
            default:
                // \Q…\E, \K, \c, \o, \g, \k, back references, \N{U+…}, \C, \E and the rest.
                throw Unsupported()
            }
        }

        /// A bracketed class: a space when every member is one; its characters when it is a few
        /// printable ASCII characters (listed or in ranges, ASCII letters folded to lower case);
        /// else something else.
        mutating func readClass() throws -> Item {
            index += 1
            var onlySpaces = true
            // The class's characters while it is plain ASCII; nil once it is not.
            var members: Set<UInt8>? = []
            if peek() == UInt8(ascii: "^") {
                onlySpaces = false
                members = nil
                index += 1
            }
            // Its characters outside ASCII, while each is one that has no other case ("’", "–").
            var caselessMembers: Set<String> = []
            var first = true
            while true {
                guard let byte = peek() else { throw Unsupported() }
                if byte == UInt8(ascii: "]") && !first { index += 1; break }
                first = false
                switch byte {
                case UInt8(ascii: "\\"):
                    guard let kind = peek(1) else { throw Unsupported() }
                    index += 2
                    if kind == UInt8(ascii: "x"), let value = hexValue() {
                        if !Reader.isSpace(value) { onlySpaces = false }
                        members = nil
                    } else if kind == UInt8(ascii: "t") {
                        members = nil
                        continue
                    } else {
                        onlySpaces = false
                        if kind == UInt8(ascii: "p") || kind == UInt8(ascii: "P") {
                            _ = propertyName()
                            members = nil
                        } else if kind == UInt8(ascii: "Q") || kind == UInt8(ascii: "E") {
                            throw Unsupported()
                        } else if Reader.isPunctuation(kind) {
                            members?.insert(kind)
                        } else {
                            members = nil
                        }
                    }
                case UInt8(ascii: "[") where peek(1) == UInt8(ascii: ":"):
                    onlySpaces = false
                    members = nil
                    _ = posixClassName()
                case 0x20:
                    members = nil
                    index += 1
                case 0xC2 where peek(1) == 0xA0:
                    members = nil
                    index += 2
                case 0x21...0x7E:
                    onlySpaces = false
                    index += 1
                    // A range "a-z" (a "-" before "]" is itself).
                    if peek() == UInt8(ascii: "-"), let high = peek(1), high != UInt8(ascii: "]") {
                        guard (0x21...0x7E).contains(high), high != UInt8(ascii: "\\"), high != UInt8(ascii: "["), high >= byte else {
                            members = nil
                            continue
                        }
                        index += 2
                        members?.formUnion(byte...high)
                    } else {
                        members?.insert(byte)
                    }
                default:
                    onlySpaces = false
                    let start = index
                    index += 1
                    while let next = peek(), next & 0xC0 == 0x80 { index += 1 }
                    let character = String(decoding: bytes[start..<index], as: UTF8.self)
                    // A range from or to it ("à-ÿ"), or a character with another case (which the
                    // pre-filter would not fold): not read.
                    if peek() == UInt8(ascii: "-"), peek(1) != UInt8(ascii: "]") {
                        members = nil
                    } else if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                              !scalar.properties.changesWhenCaseMapped, !scalar.properties.isWhitespace {
                        caselessMembers.insert(character)
                    } else {
                        members = nil
                    }
                }
            }
            if onlySpaces { return .space }
            guard let members, var strings = Reader.strings(of: members) else { return .other }
            strings.formUnion(caselessMembers)
            guard strings.count <= Reader.classLimit else { return .other }
            return .characters(strings)
        }

        /// At most this many characters make a class worth reading as literals.
        static let classLimit = 36

        /// The strings a class of ASCII characters matches as the pre-filter reads them: letters
        /// folded to lower case, and "s" with the long s ("ſ", which a caseless regex matches as
        /// "s" and the pre-filter does not fold); nil when there are too many, or a "k" (its
        /// caseless twin, the Kelvin sign, would be folded away by lower-casing).
        static func strings(of members: Set<UInt8>) -> Set<String>? {
            var folded = Set(members.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            guard folded.count <= classLimit, !folded.contains(UInt8(ascii: "k")), !folded.contains(UInt8(ascii: " ")) else { return nil }
            var strings = Set(folded.map { String(UnicodeScalar($0)) })
            if folded.remove(UInt8(ascii: "s")) != nil { strings.insert("\u{17F}") }
            return strings
        }
    }
}
