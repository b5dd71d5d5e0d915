import PCRE2

/// Where a match of a regex can begin, read mechanically from its source: the detect stage
/// then runs the rule (compiled `PCRE2_ANCHORED`) only at those positions instead of
/// scanning the whole text.
///
/// A start set is a few alternatives; a match can begin at position `p` only if one of them
/// holds there: the byte before `p` is in `previous` (or `p` is 0), the byte before that in
/// `beforePrevious` (or `p` is 1 or less; a lookbehind of two characters says it), the byte at
/// `p` is in `first`, and — when the alternative has `leads` — the text at `p` begins with one of them
/// (compared as `StartSet.folded` reads text: ASCII letters in lower case, "ſ" as "s", the
/// Kelvin sign as "k", the only non-ASCII characters PCRE2 matches caselessly with ASCII).
///
/// Every answer is a necessary condition, never a guess: each piece of syntax either says
/// what it surely implies (literals, classes, properties, `\b`, `^`, a lookbehind of one
/// character, a lookahead) or says nothing (negative lookaheads, back references,
/// subroutine calls, longer lookbehinds). A pattern that uses syntax whose start cannot be
/// vouched for (`\G`, `\K`, verbs, callouts, extended mode, `\Q…\E`, octal escapes) has no start
/// set and keeps the whole-text scan; so does one that can match the empty string, unless a word
/// shape (`WordShape`) proves that text follows each of its matches (an empty match could
/// otherwise stand at the end of the text, where no byte is there to check).
///
/// Beside where a match begins, the reading learns what the text after that must look like when
/// it can (`shape`): a word, then a gap (spaces, tabs, no-break spaces) and one of a few
/// characters, or one of a few characters right after the word.
public struct StartSet: Sendable, Equatable {
    public struct Alternative: Sendable, Equatable {
        public var previous: ByteSet
        public var first: ByteSet
        /// The byte two before the start (`.all`: any).
        public var beforePrevious: ByteSet = .all
        /// Folded strings, one of which begins every match this alternative stands for; nil: any.
        public var leads: Set<[UInt8]>?

        /// Selective on its own (`StartSet.isSelective`): a lead of two units or more, a first byte
        /// that is no letter or space, a line's start, or the two bytes before pinned down as
        /// described there.
        var isSelective: Bool {
            if let leads, (leads.map(\.count).min() ?? 0) >= 2 { return true }
            // After a line break only ("^" in multiline mode): a paragraph's first byte.
            if !previous.isEmpty, previous.intersection(StartSet.newlineEnds.complement).isEmpty { return true }
            let wordsAndSpaces = StartSet.letters.union(StartSet.spaces)
            if first.intersection(wordsAndSpaces).isEmpty { return true }
            guard previous.intersection(StartSet.letters).isEmpty else { return false }
            if beforePrevious.intersection(wordsAndSpaces.union(StartSet.digits)).isEmpty { return true }
            return first.intersection(StartSet.lowercase.union(StartSet.spaces)).isEmpty
                && beforePrevious.intersection(StartSet.spaces).isEmpty
        }

        /// After a non-letter: at a word's start, or at no word.
        var startsAfterANonLetter: Bool { previous.intersection(StartSet.letters).isEmpty }

        /// A capital (or no letter, digit or space) after a non-letter: a word's start that is no
        /// ordinary lower-case word.
        var startsOnACapital: Bool {
            startsAfterANonLetter && first.intersection(StartSet.lowercase.union(StartSet.spaces).union(StartSet.digits)).isEmpty
        }
    }

    public var alternatives: [Alternative]
    /// What the text after the start must look like (`WordShape`), when that can be read.
    public var shape: WordShape?
    /// What the first bytes of a match must be, when that can be read.
    public var prefix: BytePrefix?

    init(alternatives: [Alternative], shape: WordShape?, prefix: BytePrefix? = nil) {
        self.alternatives = alternatives
        self.shape = shape
        self.prefix = prefix
    }

    /// The start set of `pattern` (compiled with `PCRE2_UTF | PCRE2_UCP`, and
    /// `PCRE2_CASELESS` when `caseless`), or nil when none can be vouched for.
    public static func derive(from pattern: String, caseless: Bool = false, readsPrefix: Bool = false) -> StartSet? {
        read(pattern, caseless: caseless, readsPrefix: readsPrefix).flatMap(StartSet.init(reading:))
    }

    /// Patterns up to this long are read again for their byte prefix when their start set is not
    /// selective without it (identifier rules are short; the prefix would cost long name lists'
    /// reading dearly, and filter little there).
    static let prefixPatternLimit = 1_200

    /// `starts` (of `pattern`), or — when that is not selective and the pattern is short — the
    /// start set read again with its byte prefix.
    static func withPrefixWhenItPays(_ starts: StartSet?, of pattern: String, caseless: Bool) -> StartSet? {
        guard let starts, !starts.isSelectiveWithShape, pattern.utf8.count <= prefixPatternLimit,
              starts.isSelective(shaped: starts.hasSelectiveShape, prefixed: true)
        else { return starts }
        return derive(from: pattern, caseless: caseless, readsPrefix: true) ?? starts
    }

    /// Every byte a match of `pattern` may hold (what its lookarounds read aside), or nil when
    /// that cannot be vouched for. A byte outside it ends every match: the pre-filter reads the
    /// text between two such bytes around a required literal, not the whole line.
    public static func matchBytes(of pattern: String, caseless: Bool = false) -> ByteSet? {
        read(pattern, caseless: caseless)?.matchBytes
    }

    /// What a reading of a whole pattern tells.
    public struct Reading {
        let summary: Summary
        public var matchBytes: ByteSet { summary.alphabet }
    }

    /// Reads `pattern` once for all it tells (`init(reading:)`, `matchBytes`).
    public static func read(_ pattern: String, caseless: Bool, readsPrefix: Bool = false) -> Reading? {
        // Twice: the first reading learns what each named group matches, so that the second
        // can read a call of one, `(?&name)`, as the group itself (groups are often defined
        // after their calls, in `(?(DEFINE)…)`).
        let bytes = Array(pattern.utf8)
        var reader = Reader(bytes, caseless: caseless)
        reader.readsPrefix = readsPrefix
        if callsNamedGroup(bytes) {
            var groupReader = reader
            guard (try? groupReader.readPattern()) != nil else { return nil }
            reader.calledGroups = groupReader.namedGroups.compactMapValues { $0 }
        }
        guard let summary = try? reader.readPattern() else { return nil }
        return Reading(summary: summary)
    }

    /// The start set a reading proves, or nil when none can be vouched for.
    public init?(reading: Reading) {
        let summary = reading.summary
        let shape = WordShape(summary.shape)
        var starts = summary.first
        if summary.nullable {
            // An empty match ("(?=[A-Z])\b(?=(?<value>…))", a lookahead that captures) can begin
            // wherever the assertions it passes hold — but also at the end of the text, where no
            // byte is there to check, unless a word shape proves that text follows every match.
            guard shape != nil else { return nil }
            starts = StartSet.union(starts, summary.guards.map { Alternative(previous: $0.previous, first: $0.first, beforePrevious: $0.beforePrevious, leads: nil) })
        }
        guard !starts.isEmpty else { return nil }
        // A match starts on a character boundary: never at a UTF-8 continuation byte.
        let alternatives = starts.map {
            Alternative(previous: $0.previous, first: $0.first.intersection(ByteSet.characterStarts), beforePrevious: $0.beforePrevious, leads: $0.leads)
        }.filter { !$0.first.isEmpty }
        // Nothing to gain when every position of every text qualifies.
        guard !alternatives.isEmpty,
              !alternatives.contains(where: { $0.previous == .all && $0.beforePrevious == .all && $0.first == .characterStarts && $0.leads == nil })
        else { return nil }
        self.init(alternatives: alternatives, shape: shape, prefix: summary.prefix.flatMap(BytePrefix.init))
    }

    /// Whether trying the rule only at its candidates beats PCRE2's own scan: each anchored
    /// try costs a call into the regex, which pays only where candidates are rare — where every
    /// alternative wants a lead of two or more units, or a first byte that is no letter or space.
    /// (Measured: rules starting on any capital or any word cost more tried one by one.) So is a
    /// start the two bytes before which are pinned down, no letter right before it and: no space
    /// or line break before that, for a capital ("(?<=\p{Ll}[ ])\p{Lu}", a capital inside a
    /// sentence), or only punctuation before that, for any start ("(?<=,[ ])an?", after ", ").
    public var isSelective: Bool { alternatives.allSatisfy(\.isSelective) }

    /// The word shape, when checking it before each try pays (`WordShape.filters`).
    public var filteringShape: WordShape? { shape.flatMap { $0.filters ? $0 : nil } }

    /// The byte prefix, when checking it before each try pays (`BytePrefix.filters`).
    public var filteringPrefix: BytePrefix? { prefix.flatMap { $0.filters ? $0 : nil } }

    /// Whether trying the rule only at its candidates beats PCRE2's scan once the word shape and
    /// the byte prefix are checked there too: the start set is selective on its own; or every
    /// match starts on a capital (or no letter, digit or space) after a non-letter and the shape
    /// filters what follows the word — a name rule at a capitalised word ("Jane Whitfield", not
    /// "The complaint"); or every match starts after a non-letter and the prefix filters its
    /// first bytes — an identifier rule at a word ("AB 12…", not "an apple").
    public var isSelectiveWithShape: Bool { isSelective(shaped: hasSelectiveShape, prefixed: filteringPrefix != nil) }

    /// Whether the word shape filters enough to make a capital a selective start: it must ask for
    /// a gap after the word. One that also lets the word end at a character ("Wood, 20", "Hall
    /// (94)", `WordShape.immediate`) passes every capitalised word before a comma or a bracket; it
    /// is checked before each try, but stands in for no literals, byte prefix or text scan.
    var hasSelectiveShape: Bool { filteringShape.map { $0.immediate.isEmpty } ?? false }

    /// Whether every alternative is selective, given a filtering word shape (`shaped`) and byte
    /// prefix (`prefixed`) checked before each try.
    func isSelective(shaped: Bool, prefixed: Bool) -> Bool {
        alternatives.allSatisfy { $0.isSelective || (shaped && $0.startsOnACapital) || (prefixed && $0.startsAfterANonLetter) }
    }

    /// Whether the pattern holds "(?&" or "(?P>". Searched byte by byte: `String.contains` and
    /// `firstRange(of:)` both go through Foundation's generic search, some 5% of all this reading.
    static func callsNamedGroup(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?") {
                if bytes[index + 2] == UInt8(ascii: "&") { return true }
                if bytes[index + 2] == UInt8(ascii: "P"), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ">") { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether a match may begin at `position` of `text` (a character boundary).
    public func admits(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position < text.count else { return false }
        return alternatives.contains { alternative in
            (position == 0 || alternative.previous.contains(text[position - 1])) && alternative.first.contains(text[position])
                && (position < 2 || alternative.beforePrevious.contains(text[position - 2]))
                && (alternative.leads.map { leads in leads.contains { StartSet.begins(text, at: position, with: $0) } } ?? true)
        }
    }

    /// Whether `text` at `position`, read folded, begins with `lead`.
    static func begins(_ text: UnsafeBufferPointer<UInt8>, at position: Int, with lead: [UInt8]) -> Bool {
        var offset = position
        for byte in lead {
            guard let (unit, width) = folded(text, at: offset), unit == byte else { return false }
            offset += width
        }
        return true
    }

    /// One unit of text as leads are written: an ASCII letter in lower case, "ſ" (U+017F) as
    /// "s" and the Kelvin sign (U+212A) as "k" — so a caseless literal and the text agree —,
    /// any other byte as itself. Returns the unit and the bytes it took, nil at the end.
    @inline(__always)
    static func folded(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt8, Int)? {
        guard offset < text.count else { return nil }
        let byte = text[offset]
        if byte < 0x80 { return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte, 1) }
        if byte == 0xC5, offset + 1 < text.count, text[offset + 1] == 0xBF { return (UInt8(ascii: "s"), 2) }
        if byte == 0xE2, offset + 2 < text.count, text[offset + 1] == 0x84, text[offset + 2] == 0xAA { return (UInt8(ascii: "k"), 3) }
        return (byte, 1)
    }

    /// Leads are cut to this many units: longer ones cost more to compare and filter little more.
    static let leadLength = 12
    /// A piece with more fixed strings (or leads) than this is read as having none.
    static let stringLimit = 1024

    struct Unsupported: Error {}

    /// A necessary condition on the byte before a position and the byte at it.
    struct Condition: Equatable {
        var previous: ByteSet
        var first: ByteSet
        var beforePrevious: ByteSet = .all
        static let any = Condition(previous: .all, first: .all)
    }

    /// What the reader learns of a piece of a pattern.
    struct Summary {
        /// Whether it can match the empty string.
        var nullable: Bool
        /// Where its non-empty matches can begin.
        var first: [Alternative]
        /// What holds where it matches the empty string (when `nullable`): the conditions of
        /// the assertions it then passes.
        var guards: [Condition]
        /// The folded strings it can match, when they are few and known.
        var strings: Set<[UInt8]>?
        /// Folded strings one of which begins each of its non-empty matches.
        var leads: Set<[UInt8]>?
        /// Bytes its non-empty matches may end with (for a lookbehind).
        var last: ByteSet = .all
        /// When it is exactly one character of a set (for a negative lookbehind): that set.
        var single: Characters?
        /// Whether it is literal text (one fixed string, no quantifier): the next literal joins it.
        var isLiteralRun = false
        /// Whether a non-empty match may be one byte long (then the byte before its last byte is
        /// outside it), and the bytes that may stand before the last byte inside a longer one
        /// (for a lookbehind of two characters).
        var mayBeOneByte = true
        var beforeLast: ByteSet = .all
        /// What it does to the word-shape automaton (`WordShape`); anything, unless known.
        var shape: WordShape.Transfer = .top
        /// Every byte its matches may hold (what lookarounds read is not part of a match).
        var alphabet: ByteSet = .all
        /// What it puts at the first offsets of a match (`BytePrefix`); nil: not known (or not read).
        /// Kept on the heap: a summary is copied often, and the transfer is large.
        var prefixBox: BytePrefix.Box?
        var prefix: BytePrefix.Transfer? {
            get { prefixBox?.transfer }
            set { prefixBox = newValue.map(BytePrefix.Box.init) }
        }

        /// This literal text followed by `next`, as one piece.
        func joined(_ next: Summary) -> Summary {
            guard let text = strings?.first, let more = next.strings?.first else { return self }
            let whole = text + more
            var result = self
            result.strings = whole.count <= leadLength ? [whole] : nil
            result.leads = [Array(whole.prefix(leadLength))]
            result.last = next.last
            result.single = nil
            result.isLiteralRun = result.strings != nil
            result.beforeLast = next.beforeLast.union(next.mayBeOneByte ? last : .none)
            result.mayBeOneByte = false
            result.shape = shape.then(next.shape)
            result.alphabet = alphabet.union(next.alphabet)
            result.prefix = prefix.flatMap { own in next.prefix.map { own.then($0) } }
            return result
        }

        /// An assertion: consumes nothing, holds only where `conditions` do.
        static func assertion(_ conditions: [Condition]) -> Summary {
            Summary(
                nullable: true, first: [], guards: conditions, strings: [[]], leads: nil, last: .none, mayBeOneByte: false, beforeLast: .none,
                shape: .identity, alphabet: .none, prefixBox: BytePrefix.Box.identity)
        }

        /// Something this reader does not look into (a back reference, a subroutine call).
        static let unknown = Summary(
            nullable: true, first: [Alternative(previous: .all, first: .all, leads: nil)], guards: [.any], strings: nil, leads: nil)

        /// One character of `characters` (its byte prefix too, when `prefix`).
        static func character(_ characters: Characters, prefix: Bool = false) -> Summary {
            let strings = characters.foldedStrings
            return Summary(
                nullable: false, first: [Alternative(previous: .all, first: characters.firstBytes, leads: nil)], guards: [],
                strings: strings, leads: strings, last: characters.lastBytes, single: characters,
                mayBeOneByte: !characters.mayASCII.isEmpty, beforeLast: characters.beforeLastBytes, shape: .character(characters),
                alphabet: characters.allBytes, prefixBox: prefix ? BytePrefix.Box(.character(characters)) : nil)
        }
    }
}

// MARK: - Combining summaries

extension StartSet {
    /// At most this many alternatives per piece; more are merged into one.
    static let alternativeLimit = 12

    static func union(_ first: [Alternative], _ second: [Alternative]) -> [Alternative] {
        var result = first
        for alternative in second {
            if let same = result.firstIndex(where: {
                $0.previous == alternative.previous && $0.beforePrevious == alternative.beforePrevious && $0.leads == alternative.leads
            }) {
                result[same].first.formUnion(alternative.first)
            } else {
                result.append(alternative)
            }
        }
        if result.count > alternativeLimit { result = mergedByPrevious(result) }
        if result.count > alternativeLimit {
            var merged = Alternative(previous: .none, first: .none, beforePrevious: .none, leads: nil)
            for alternative in result {
                merged.previous.formUnion(alternative.previous)
                merged.first.formUnion(alternative.first)
                merged.beforePrevious.formUnion(alternative.beforePrevious)
            }
            result = [merged]
        }
        return result
    }

    /// Too many alternatives, fewer kept: those with the same `previous` become one with leads
    /// (their first bytes and their leads together) and one without. Each admits every position
    /// one of the alternatives it replaces admits, and the leads stay — merging them all into one
    /// would lose every lead.
    static func mergedByPrevious(_ alternatives: [Alternative]) -> [Alternative] {
        var result: [Alternative] = []
        for alternative in alternatives {
            let withLeads = alternative.leads != nil
            if let same = result.firstIndex(where: {
                $0.previous == alternative.previous && $0.beforePrevious == alternative.beforePrevious && ($0.leads != nil) == withLeads
            }) {
                var merged = result[same]
                merged.first.formUnion(alternative.first)
                if let leads = merged.leads, let more = alternative.leads {
                    let all = leads.union(more)
                    // Too many to keep: the merged one stands for any text.
                    merged.leads = all.count <= stringLimit ? all : nil
                }
                result[same] = merged
            } else {
                result.append(alternative)
            }
        }
        return result
    }

    static func union(_ first: [Condition], _ second: [Condition]) -> [Condition] {
        var result = first
        for condition in second where !result.contains(condition) { result.append(condition) }
        if result.count > alternativeLimit {
            var merged = Condition(previous: .none, first: .none, beforePrevious: .none)
            for condition in result {
                merged.previous.formUnion(condition.previous)
                merged.first.formUnion(condition.first)
                merged.beforePrevious.formUnion(condition.beforePrevious)
            }
            result = [merged]
        }
        return result
    }

    /// Alternatives that must also meet one of `conditions` (they constrain the same position).
    static func meeting(_ alternatives: [Alternative], _ conditions: [Condition]) -> [Alternative] {
        var result: [Alternative] = []
        for alternative in alternatives {
            for condition in conditions {
                let first = alternative.first.intersection(condition.first)
                if !first.isEmpty {
                    result = union(result, [Alternative(
                        previous: alternative.previous.intersection(condition.previous), first: first,
                        beforePrevious: alternative.beforePrevious.intersection(condition.beforePrevious), leads: alternative.leads)])
                }
            }
        }
        return result
    }

    static func meeting(_ conditions: [Condition], _ others: [Condition]) -> [Condition] {
        var result: [Condition] = []
        for condition in conditions {
            for other in others {
                let first = condition.first.intersection(other.first)
                if !first.isEmpty {
                    result = union(result, [Condition(
                        previous: condition.previous.intersection(other.previous), first: first,
                        beforePrevious: condition.beforePrevious.intersection(other.beforePrevious))])
                }
            }
        }
        return result
    }

    /// Gives every alternative `leads` when it has none, or has shorter ones.
    static func tagging(_ alternatives: [Alternative], with leads: Set<[UInt8]>?) -> [Alternative] {
        guard let leads, !leads.isEmpty, !leads.contains([]) else { return alternatives }
        let shortest = leads.map(\.count).min()!
        return alternatives.map { alternative in
            var tagged = alternative
            if let own = alternative.leads, (own.map(\.count).min() ?? 0) >= shortest { return tagged }
            tagged.leads = leads
            return tagged
        }
    }

    /// Every string of `first` followed by every string of `second`, each cut to `limit` units;
    /// nil when there would be too many.
    static func product(_ first: Set<[UInt8]>, _ second: Set<[UInt8]>, limit: Int) -> Set<[UInt8]>? {
        guard first.count * second.count <= stringLimit else { return nil }
        var result: Set<[UInt8]> = []
        for head in first {
            for tail in second { result.insert(Array((head + tail).prefix(limit))) }
        }
        return result
    }

    static func sequence(_ items: [Summary]) -> Summary {
        var nullable = true
        var first: [Alternative] = []
        var guards: [Condition] = [.any]
        for item in items where nullable {
            first = union(first, meeting(item.first, guards))
            if item.nullable { guards = meeting(guards, item.guards) }
            nullable = item.nullable
        }
        if !nullable { guards = [] }
        // Fixed strings: exact while every item has them and none was cut.
        var strings: Set<[UInt8]>? = [[]]
        for item in items {
            guard let known = strings, let next = item.strings,
                  let joined = product(known, next, limit: Int.max), joined.allSatisfy({ $0.count <= leadLength })
            else { strings = nil; break }
            strings = joined
        }
        let leads = sequenceLeads(items[...])
        // A non-empty match ends in the last item that matched something.
        var last = ByteSet.none
        for item in items.reversed() {
            last.formUnion(item.last)
            if !item.nullable { break }
        }
        // The byte before that last byte: inside the same item, or — when the item matched one
        // byte — the last byte of an earlier item that matched something, or outside the sequence.
        var beforeLast = ByteSet.none
        var mayBeOneByte = false
        for ending in items.indices.reversed() {
            let item = items[ending]
            beforeLast.formUnion(item.beforeLast)
            if item.mayBeOneByte {
                var outside = true
                for earlier in items[..<ending].reversed() {
                    beforeLast.formUnion(earlier.last)
                    if !earlier.nullable { outside = false; break }
                }
                if outside { mayBeOneByte = true }
            }
            if !item.nullable { break }
        }
        return Summary(
            nullable: nullable, first: tagging(first, with: leads), guards: guards, strings: strings, leads: leads, last: last,
            single: items.count == 1 ? items[0].single : nil, mayBeOneByte: mayBeOneByte, beforeLast: beforeLast,
            shape: items.reduce(WordShape.Transfer.identity) { $0.then($1.shape) },
            alphabet: items.reduce(ByteSet.none) { $0.union($1.alphabet) },
            prefixBox: items.reduce(BytePrefix.Transfer?.some(.identity)) { sequence, item in sequence.flatMap { known in item.prefix.map { known.then($0) } } }
                .map(BytePrefix.Box.init))
    }

    /// The leads of the non-empty matches of a sequence: its fixed beginning, followed by the
    /// leads of what comes next when that cannot be empty.
    static func sequenceLeads(_ items: ArraySlice<Summary>) -> Set<[UInt8]>? {
        var fixed: Set<[UInt8]> = [[]]
        var rest = items
        while let item = rest.first, let strings = item.strings, let joined = product(fixed, strings, limit: leadLength) {
            fixed = joined
            rest = rest.dropFirst()
        }
        let nonEmpty = fixed.filter { !$0.isEmpty }
        guard let next = rest.first else { return nonEmpty.isEmpty ? nil : nonEmpty }
        // What the rest's non-empty matches begin with.
        var following = next.leads
        if next.nullable {
            following = following.flatMap { known in sequenceLeads(rest.dropFirst()).map { known.union($0) } }
        }
        if !rest.allSatisfy(\.nullable), let following, let joined = product(fixed, following, limit: leadLength) {
            return joined
        }
        // The rest may match nothing: a non-empty fixed beginning is all such a match begins with.
        var result = nonEmpty
        if fixed.contains([]) {
            guard let following else { return nil }
            result.formUnion(following)
        }
        return result.isEmpty ? nil : result
    }

    static func alternation(_ branches: [Summary]) -> Summary {
        var first: [Alternative] = []
        var guards: [Condition] = []
        var strings: Set<[UInt8]>? = []
        var leads: Set<[UInt8]>? = []
        for branch in branches {
            first = union(first, tagging(branch.first, with: branch.leads))
            if branch.nullable { guards = union(guards, branch.guards) }
            if let known = branch.strings, let all = strings, all.count + known.count <= stringLimit {
                strings = all.union(known)
            } else {
                strings = nil
            }
            // A branch that can only match nothing adds no lead.
            if branch.first.isEmpty { continue }
            if let known = branch.leads, let all = leads, all.count + known.count <= stringLimit {
                leads = all.union(known)
            } else {
                leads = nil
            }
        }
        if leads?.isEmpty == true { leads = nil }
        var single: Characters? = Characters()
        for branch in branches {
            if let characters = branch.single { single?.formUnion(characters) } else { single = nil }
        }
        return Summary(
            nullable: branches.contains(where: \.nullable), first: first, guards: guards, strings: strings, leads: leads,
            last: branches.reduce(ByteSet.none) { $0.union($1.last) }, single: single,
            mayBeOneByte: branches.contains(where: \.mayBeOneByte), beforeLast: branches.reduce(ByteSet.none) { $0.union($1.beforeLast) },
            shape: branches.dropFirst().reduce(branches[0].shape) { $0.or($1.shape) },
            alphabet: branches.reduce(ByteSet.none) { $0.union($1.alphabet) },
            prefixBox: branches.dropFirst().reduce(branches[0].prefix) { union, branch in union.flatMap { known in branch.prefix.map { known.or($0) } } }
                .map(BytePrefix.Box.init))
    }

    /// `item` repeated at least `minimum` times (and at most `maximum`, nil: any number).
    static func repeated(_ item: Summary, minimum: Int, maximum: Int?) -> Summary {
        if maximum == 0 { return .assertion([.any]) }
        var result = item
        if !(minimum == 1 && maximum == 1) {
            result.single = nil
            result.isLiteralRun = false
        }
        if minimum == 0 {
            result.nullable = true
            result.guards = [.any]
        }
        if !(minimum == 1 && maximum == 1) {
            // The last repetition ends the match; a one-byte one follows an earlier one, or nothing.
            result.beforeLast = item.beforeLast.union(item.mayBeOneByte ? item.last : .none)
        }
        // Fixed strings survive "?" only.
        if minimum == 0 && maximum == 1, let strings = item.strings {
            result.strings = strings.union([[]])
        } else if !(minimum == 1 && maximum == 1) {
            result.strings = nil
        }
        result.shape = item.shape.repeated(minimum: minimum, maximum: maximum)
        result.prefix = item.prefix?.repeated(minimum: minimum, maximum: maximum)
        // Every non-empty match begins with a non-empty repetition: `leads` stay.
        return result
    }
}

// MARK: - Characters

extension StartSet {
    /// A set of characters as far as bytes go: which ASCII characters it may and surely
    /// holds, the lead bytes of the other characters it may hold, and whether it surely holds
    /// every non-ASCII character.
    struct Characters {
        var mayASCII = ByteSet.none
        var mustASCII = ByteSet.none
        var mayHigh = ByteSet.none
        var mustAllHigh = false
        /// What is known of the no-break space (U+00A0) in the set, which the word shape reads as a
        /// gap like a space (`WordShape`); nil: only what the lead bytes say.
        var noBreakSpace: NoBreakSpace?

        struct NoBreakSpace {
            /// The set may hold U+00A0, surely holds it, may hold another non-ASCII character.
            var may: Bool, must: Bool, mayOtherHigh: Bool
            /// A set without U+00A0 that may hold other non-ASCII characters (letters, digits).
            static let without = NoBreakSpace(may: false, must: false, mayOtherHigh: true)
            /// A set that holds U+00A0 and may hold others (white space).
            static let with = NoBreakSpace(may: true, must: true, mayOtherHigh: true)
        }

        var mayNoBreakSpace: Bool { noBreakSpace?.may ?? mayHigh.contains(0xC2) }
        var mustNoBreakSpace: Bool { noBreakSpace?.must ?? mustAllHigh }
        var mayOtherHigh: Bool { noBreakSpace?.mayOtherHigh ?? !mayHigh.isEmpty }

        static let anyHigh = ByteSet(range: 0xC2...0xF4)

        /// ASCII characters given exactly, and any non-ASCII (properties, \w, \d… under UCP).
        static func ascii(_ set: ByteSet, high: Bool) -> Characters {
            Characters(mayASCII: set, mustASCII: set, mayHigh: high ? anyHigh : .none, mustAllHigh: false)
        }

        static func scalar(_ value: UInt32) -> Characters {
            if value < 0x80 { return ascii(ByteSet([UInt8(value)]), high: false) }
            let isNoBreakSpace = value == 0xA0
            return Characters(
                mayHigh: ByteSet([Characters.leadByte(value)]),
                noBreakSpace: NoBreakSpace(may: isNoBreakSpace, must: isNoBreakSpace, mayOtherHigh: !isNoBreakSpace))
        }

        /// These characters, with what is known of the no-break space among them.
        func with(_ noBreakSpace: NoBreakSpace) -> Characters {
            var result = self
            result.noBreakSpace = noBreakSpace
            return result
        }

        static let anything = Characters(mayASCII: .ascii, mustASCII: .ascii, mayHigh: anyHigh, mustAllHigh: true)

        static func leadByte(_ value: UInt32) -> UInt8 {
            switch value {
            case ..<0x80: return UInt8(value)
            case ..<0x800: return UInt8(0xC0 | (value >> 6))
            case ..<0x10000: return UInt8(0xE0 | (value >> 12))
            default: return UInt8(0xF0 | (value >> 18))
            }
        }

        var negated: Characters {
            Characters(
                mayASCII: mustASCII.complement.intersection(.ascii), mustASCII: mayASCII.complement.intersection(.ascii),
                mayHigh: mustAllHigh ? .none : Characters.anyHigh, mustAllHigh: mayHigh.isEmpty,
                noBreakSpace: NoBreakSpace(may: !mustNoBreakSpace, must: !mayNoBreakSpace, mayOtherHigh: !mustAllHigh))
        }

        mutating func formUnion(_ other: Characters) {
            noBreakSpace = NoBreakSpace(
                may: mayNoBreakSpace || other.mayNoBreakSpace, must: mustNoBreakSpace || other.mustNoBreakSpace,
                mayOtherHigh: mayOtherHigh || other.mayOtherHigh)
            mayASCII.formUnion(other.mayASCII)
            mustASCII.formUnion(other.mustASCII)
            mayHigh.formUnion(other.mayHigh)
            mustAllHigh = mustAllHigh || other.mustAllHigh
        }

        /// Under a caseless match, a letter also matches its other case, and "k" and "s" the
        /// Kelvin sign and the long s (the only non-ASCII partners of ASCII letters).
        var caseFolded: Characters {
            var result = self
            for byte in mayASCII.intersection(StartSet.letters).members {
                result.mayASCII.insert(byte ^ 0x20)
                if byte | 0x20 == UInt8(ascii: "k") || byte | 0x20 == UInt8(ascii: "s") {
                    result.noBreakSpace = NoBreakSpace(may: mayNoBreakSpace, must: mustNoBreakSpace, mayOtherHigh: true)
                }
                if byte | 0x20 == UInt8(ascii: "k") { result.mayHigh.insert(0xE2) }
                if byte | 0x20 == UInt8(ascii: "s") { result.mayHigh.insert(0xC5) }
            }
            return result
        }

        var firstBytes: ByteSet { mayASCII.union(mayHigh) }

        /// Every byte one of these characters may hold.
        var allBytes: ByteSet { mayHigh.isEmpty ? mayASCII : mayASCII.union(ByteSet(range: 0x80...0xFF)) }

        /// Bytes that may stand before the last byte of one of these characters, inside it.
        var beforeLastBytes: ByteSet { mayHigh.isEmpty ? .none : ByteSet(range: 0x80...0xFF) }

        /// Bytes the last byte of one of these characters may be (for a lookbehind).
        var lastBytes: ByteSet { mayHigh.isEmpty ? mayASCII : mayASCII.union(ByteSet(range: 0x80...0xBF)) }

        /// Bytes the last byte of a character outside this set may be.
        var lastBytesOutside: ByteSet {
            var result = mustASCII.complement.intersection(.ascii)
            if !mustAllHigh { result.formUnion(ByteSet(range: 0x80...0xBF)) }
            return result
        }

        /// The folded one-unit strings of a small ASCII set without other characters.
        var foldedStrings: Set<[UInt8]>? {
            let implied = ByteSet([0xC5, 0xE2])
            // (Two cases of each of up to eight letters at most.)
            guard mayHigh.intersection(implied.complement).isEmpty, !mayASCII.isEmpty, mayASCII.count <= 16 else { return nil }
            let units = Set(mayASCII.members.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            // A stray Kelvin or long-s lead byte without its letter is not a folded unit.
            if mayHigh.contains(0xE2) && !units.contains(UInt8(ascii: "k")) { return nil }
            if mayHigh.contains(0xC5) && !units.contains(UInt8(ascii: "s")) { return nil }
            guard units.count <= 8 else { return nil }
            return Set(units.map { [$0] })
        }
    }
}

/// A set of byte values.
public struct ByteSet: Sendable, Hashable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        words = (0, 0, 0, 0)
        for byte in bytes { insert(byte) }
    }

    init(range: ClosedRange<UInt8>) { self.init(range) }

    public static let none = ByteSet(words: (0, 0, 0, 0))
    public static let all = ByteSet(words: (~0, ~0, ~0, ~0))
    static let ascii = ByteSet(words: (~0, ~0, 0, 0))
    /// Bytes a UTF-8 character can start with.
    static let characterStarts = ByteSet(range: 0x00...0x7F).union(ByteSet(range: 0xC2...0xF4))

    public static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    public var isEmpty: Bool { self == .none }
    public var members: [UInt8] {
        var result: [UInt8] = []
        for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
            var rest = word
            while rest != 0 {
                result.append(UInt8(index * 64 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return result
    }

    var count: Int { words.0.nonzeroBitCount + words.1.nonzeroBitCount + words.2.nonzeroBitCount + words.3.nonzeroBitCount }

    func union(_ other: ByteSet) -> ByteSet {
        ByteSet(words: (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3))
    }

    mutating func formUnion(_ other: ByteSet) { self = union(other) }

    func intersection(_ other: ByteSet) -> ByteSet {
        ByteSet(words: (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3))
    }

    func subtracting(_ other: ByteSet) -> ByteSet { intersection(other.complement) }

    var complement: ByteSet { ByteSet(words: (~words.0, ~words.1, ~words.2, ~words.3)) }
}

// MARK: - Reading the pattern

extension StartSet {
    static let wordASCII = ByteSet(range: 0x30...0x39).union(ByteSet(range: 0x41...0x5A)).union(ByteSet(range: 0x61...0x7A))
        .union(ByteSet([UInt8(ascii: "_")]))
    static let continuationAndHigh = ByteSet(range: 0x80...0xFF)
    /// `\b`: a word character on one side only (non-ASCII characters may be either).
    static let wordBoundary = [
        Condition(previous: wordASCII.complement, first: wordASCII.union(continuationAndHigh)),
        Condition(previous: wordASCII.union(continuationAndHigh), first: wordASCII.complement),
    ]
    /// The last bytes of every newline PCRE2 may be built to know (LF, CR, VT, FF, NEL, LS, PS).
    static let newlineEnds = ByteSet([0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0xA8, 0xA9])

    /// ASCII members of the escapes and properties PCRE2 (with UCP) gives; all of them may also
    /// hold non-ASCII characters.
    static let digits = ByteSet(range: 0x30...0x39)
    static let letters = ByteSet(range: 0x41...0x5A).union(ByteSet(range: 0x61...0x7A))
    static let lowercase = ByteSet(range: 0x61...0x7A)
    static let uppercase = ByteSet(range: 0x41...0x5A)
    /// ASCII characters that stand for themselves in a pattern (outside a class).
    static let plainLiterals = ByteSet(range: 0x20...0x7E).intersection(ByteSet(Array("\\^$.|?*+()[]{}#".utf8)).complement)
    static let quantifierStarts = ByteSet(Array("?*+{".utf8))
    static let spaces = ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])
    static let properties: [String: ByteSet] = [
        "L": letters, "L&": letters, "Lu": ByteSet(range: 0x41...0x5A), "Ll": ByteSet(range: 0x61...0x7A), "Lt": .none, "Lm": .none,
        "Lo": .none, "N": digits, "Nd": digits, "Nl": .none, "No": .none, "M": .none, "Mn": .none, "Mc": .none, "Me": .none,
        "P": ByteSet(Array("!\"#%&'()*,-./:;?@[\\]_{}".utf8)), "S": ByteSet(Array("$+<=>^`|~".utf8)), "Z": ByteSet([0x20]),
        "Zs": ByteSet([0x20]), "Zl": .none, "Zp": .none, "Xan": letters.union(digits), "Xwd": wordASCII, "Xsp": spaces,
        "Xps": spaces, "Latin": letters,
    ]

    struct Reader: PatternSourceReader {
        let bytes: [UInt8]
        var index = 0
        var caseless: Bool
        var multiline = false
        /// Whether the byte prefix is read too (it costs: only where it may pay).
        var readsPrefix = false
        /// What each named group read so far matches (nil: a name given twice, not vouched for).
        var namedGroups: [String: Summary?] = [:]
        /// What the groups a call may name match, from an earlier reading of the whole pattern.
        var calledGroups: [String: Summary] = [:]

        init(_ bytes: [UInt8], caseless: Bool) {
            self.bytes = bytes
            self.caseless = caseless
        }

        mutating func readPattern() throws -> Summary {
            let summary = try readAlternation()
            guard index == bytes.count else { throw Unsupported() }
            return summary
        }

        mutating func readAlternation() throws -> Summary {
            var branches: [Summary] = []
            while true {
                branches.append(try readSequence())
                guard peek() == UInt8(ascii: "|") else { break }
                index += 1
            }
            return branches.count == 1 ? branches[0] : StartSet.alternation(branches)
        }

        mutating func readSequence() throws -> Summary {
            var items: [Summary] = []
            while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                if let run = readLiteralRun() {
                    if let previous = items.last, previous.isLiteralRun {
                        items[items.count - 1] = previous.joined(run)
                    } else {
                        items.append(run)
                    }
                    continue
                }
                let item = try readItem()
                if let (minimum, maximum) = try readQuantifier() {
                    items.append(StartSet.repeated(item, minimum: minimum, maximum: maximum))
                } else if item.isLiteralRun, let previous = items.last, previous.isLiteralRun {
                    // A run of literal characters is one piece (far fewer sets to combine).
                    items[items.count - 1] = previous.joined(item)
                } else {
                    items.append(item)
                }
            }
            return items.count == 1 ? items[0] : StartSet.sequence(items)
        }

        mutating func readQuantifier() throws -> (Int, Int?)? {
            guard let byte = peek() else { return nil }
            var bounds: (Int, Int?)
            switch byte {
            case UInt8(ascii: "?"): bounds = (0, 1); index += 1
            case UInt8(ascii: "*"): bounds = (0, nil); index += 1
            case UInt8(ascii: "+"): bounds = (1, nil); index += 1
            case UInt8(ascii: "{"):
                var cursor = index + 1
                func number() -> Int? {
                    var digits: [UInt8] = []
                    while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) { digits.append(bytes[cursor]); cursor += 1 }
                    return digits.isEmpty ? nil : Int(String(decoding: digits, as: UTF8.self))
                }
                let minimum = number()
                // "{,3}" reads differently across PCRE2 versions: not vouched for.
                if minimum == nil && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ",") { throw Unsupported() }
                guard let minimum, cursor < bytes.count else { return nil }
                var maximum: Int? = minimum
                if bytes[cursor] == UInt8(ascii: ",") {
                    cursor += 1
                    maximum = number()
                }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
                bounds = (minimum, maximum)
                index = cursor + 1
            default:
                return nil
            }
            if peek() == UInt8(ascii: "?") || peek() == UInt8(ascii: "+") { index += 1 }  // lazy, possessive
            return bounds
        }

        mutating func readItem() throws -> Summary {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                return try readGroup()
            case UInt8(ascii: "["):
                return .character(try readClass(), prefix: readsPrefix)
            case UInt8(ascii: "\\"):
                return try readEscape()
            case UInt8(ascii: "."):
                index += 1
                return .character(.anything, prefix: readsPrefix)
            case UInt8(ascii: "^"):
                index += 1
                return .assertion([Condition(previous: multiline ? StartSet.newlineEnds : .none, first: .all)])
            case UInt8(ascii: "$"):
                index += 1
                return .assertion([.any])
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                throw Unsupported()
            default:
                return literal(try readScalar())
            }
        }

        /// Plain ASCII text of two characters or more, no quantifier after its last, read as one
        /// piece at once: what joining its characters one by one gives, without the sets built
        /// for each (the costliest part of reading word lists). At most `leadLength + 1`
        /// characters, where joining stops too.
        mutating func readLiteralRun() -> Summary? {
            var end = index
            while end < bytes.count, end - index <= StartSet.leadLength, StartSet.plainLiterals.contains(bytes[end]) { end += 1 }
            // A quantifier (or what may be one) takes the last character.
            if end < bytes.count, StartSet.quantifierStarts.contains(bytes[end]) { end -= 1 }
            guard end - index >= 2 else { return nil }
            let run = bytes[index..<end]
            index = end
            let lastCharacter = literal(UInt32(run[end - 1])), beforeLastCharacter = literal(UInt32(run[end - 2]))
            let units = run.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var summary = literal(UInt32(run[run.startIndex]))
            summary.strings = units.count <= StartSet.leadLength ? [units] : nil
            summary.leads = [Array(units.prefix(StartSet.leadLength))]
            summary.last = lastCharacter.last
            summary.single = nil
            summary.isLiteralRun = summary.strings != nil
            summary.beforeLast = lastCharacter.beforeLast.union(lastCharacter.mayBeOneByte ? beforeLastCharacter.last : .none)
            summary.mayBeOneByte = false
            summary.shape = run.dropFirst().reduce(summary.shape) { $0.then(.ascii($1, caseless: caseless)) }
            summary.prefix = summary.prefix.map { first in
                run.dropFirst().prefix(BytePrefix.depth).reduce(first) { $0.then(.ascii($1, caseless: caseless)) }
            }
            let characters = Characters.ascii(ByteSet(run), high: false)
            summary.alphabet = (caseless ? characters.caseFolded : characters).allBytes
            return summary
        }

        /// One UTF-8 character of the pattern, as a code point.
        mutating func readScalar() throws -> UInt32 {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            guard length > 0, index + length <= bytes.count,
                  let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first
            else { throw Unsupported() }
            index += length
            return scalar.value
        }

        func literal(_ value: UInt32) -> Summary {
            if value < 0x80 {
                var characters = Characters.scalar(value)
                if caseless { characters = characters.caseFolded }
                let unit = UInt8(value)
                let strings: Set<[UInt8]> = [[unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit]]
                var summary = Summary(
                    nullable: false, first: [Alternative(previous: .all, first: characters.firstBytes, leads: nil)], guards: [],
                    strings: strings, leads: strings, last: characters.lastBytes, single: characters,
                    mayBeOneByte: true, beforeLast: characters.beforeLastBytes, shape: .ascii(unit, caseless: caseless),
                    alphabet: characters.allBytes, prefixBox: readsPrefix ? BytePrefix.Box(.ascii(unit, caseless: caseless)) : nil)
                summary.isLiteralRun = true
                return summary
            }
            // The Kelvin sign and the long s match "k" and "s" (caselessly), and read as them.
            let asciiPartner: UInt8? = value == 0x212A ? UInt8(ascii: "k") : value == 0x17F ? UInt8(ascii: "s") : nil
            if caseless && value != 0xA0 {
                // Its case partners' lead bytes are not worth knowing.
                // None of them is the no-break space, which has no case.
                var characters = Characters(mayHigh: Characters.anyHigh).with(.without)
                if let asciiPartner { characters = Characters.ascii(ByteSet([asciiPartner, asciiPartner ^ 0x20]), high: true).with(.without) }
                var summary = Summary.character(characters, prefix: readsPrefix)
                summary.strings = asciiPartner.map { [[$0]] }
                summary.leads = summary.strings
                return summary
            }
            var summary = Summary.character(Characters.scalar(value), prefix: readsPrefix)
            let folded = asciiPartner.map { [$0] } ?? Array(String(UnicodeScalar(value)!).utf8)
            summary.strings = [folded]
            summary.leads = [folded]
            summary.isLiteralRun = true
            return summary
        }

        mutating func readGroup() throws -> Summary {
            index += 1
            guard peek() == UInt8(ascii: "?") else {
                if peek() == UInt8(ascii: "*") { throw Unsupported() }  // verbs, (*pla:…)
                return try readBody()
            }
            index += 1
            guard let kind = peek() else { throw Unsupported() }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
                index += 1
                return try readBody()
            case UInt8(ascii: "="):
                index += 1
                let body = try readBody()
                var conditions = body.first.map { Condition(previous: $0.previous, first: $0.first, beforePrevious: $0.beforePrevious) }
                if body.nullable { conditions = StartSet.union(conditions, body.guards) }
                var lookahead = Summary.assertion(conditions)
                lookahead.shape = .lookahead(body.shape)
                return lookahead
            case UInt8(ascii: "!"):
                index += 1
                _ = try readBody()
                return .assertion([.any])
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "="):
                index += 2
                let body = try readBody()
                // The byte before that is known when no match of the body is one byte long.
                return .assertion([body.nullable ? .any : Condition(
                    previous: body.last, first: .all, beforePrevious: body.mayBeOneByte ? .all : body.beforeLast)])
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "!"):
                index += 2
                let body = try readBody()
                // Only "not after one of these characters" says something of the byte before.
                guard let characters = body.single else { return .assertion([.any]) }
                return .assertion([Condition(previous: characters.lastBytesOutside, first: .all)])
            case UInt8(ascii: "<"), UInt8(ascii: "'"):
                let name = try skipName(closing: kind == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'"))
                return record(try readBody(), as: name)
            case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "<"):
                index += 1
                let name = try skipName(closing: UInt8(ascii: ">"))
                return record(try readBody(), as: name)
            case UInt8(ascii: "P") where peek(1) == UInt8(ascii: ">"):
                // A subroutine call by name: the group it calls, when known.
                index += 1
                return call(try skipName(closing: UInt8(ascii: ")")))
            case UInt8(ascii: "&"):
                return call(try skipName(closing: UInt8(ascii: ")")))
            case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "="):
                // A back reference by name.
                index += 1
                try skipName(closing: UInt8(ascii: ")"))
                return unknown
            case UInt8(ascii: "R"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 // "(?-1)" is a call; "(?-i)" unsets an option.
                 UInt8(ascii: "-") where peek(1).map({ (0x30...0x39).contains($0) }) ?? false:
                // A subroutine call or recursion.
                while let next = peek(), next != UInt8(ascii: ")") { index += 1 }
                guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
                index += 1
                return unknown
            case UInt8(ascii: "#"):
                while let next = peek(), next != UInt8(ascii: ")") { index += 1 }
                guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
                index += 1
                return .assertion([.any])
            case UInt8(ascii: "("):
                return try readConditional()
            default:
                return try readFlags()
            }
        }

        /// A group's alternatives up to its ")", with the options of the group's surroundings
        /// restored after it.
        mutating func readBody() throws -> Summary {
            let (savedCaseless, savedMultiline) = (caseless, multiline)
            let summary = try readAlternation()
            guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
            index += 1
            (caseless, multiline) = (savedCaseless, savedMultiline)
            return summary
        }

        /// `(?(condition)yes|no)`: `(?(DEFINE)…)` never matches here; other conditionals are not read.
        mutating func readConditional() throws -> Summary {
            index += 1
            let isDefine = bytes[index...].starts(with: Array("DEFINE)".utf8))
            if peek() == UInt8(ascii: "?") {
                index -= 1
                _ = try readGroup()  // an assertion as condition
            } else {
                while let next = peek(), next != UInt8(ascii: ")") { index += 1 }
                guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
                index += 1
            }
            _ = try readBody()
            return isDefine ? .assertion([.any]) : unknown
        }

        /// Inline options: "(?i)" or "(?i-m:…)". Extended mode would change what a space means.
        mutating func readFlags() throws -> Summary {
            var on = true
            var newCaseless = caseless, newMultiline = multiline
            while let next = peek(), next != UInt8(ascii: ")"), next != UInt8(ascii: ":") {
                switch next {
                case UInt8(ascii: "i"): newCaseless = on
                case UInt8(ascii: "m"): newMultiline = on
                case UInt8(ascii: "-"): on = false
                case UInt8(ascii: "^"): newCaseless = false; newMultiline = false
                case UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "J"), UInt8(ascii: "U"): break
                default: throw Unsupported()  // "x", "xx", callouts, anything unknown
                }
                index += 1
            }
            guard let end = peek() else { throw Unsupported() }
            index += 1
            if end == UInt8(ascii: ")") {
                // To the end of the enclosing group.
                (caseless, multiline) = (newCaseless, newMultiline)
                return .assertion([.any])
            }
            let (savedCaseless, savedMultiline) = (caseless, multiline)
            (caseless, multiline) = (newCaseless, newMultiline)
            let summary = try readAlternation()
            guard peek() == UInt8(ascii: ")") else { throw Unsupported() }
            index += 1
            (caseless, multiline) = (savedCaseless, savedMultiline)
            return summary
        }

        /// A named group's summary, kept for the calls of it; returned as read.
        mutating func record(_ summary: Summary, as name: String) -> Summary {
            namedGroups[name] = namedGroups[name] == nil ? .some(summary) : .some(nil)
            return summary
        }

        /// A piece the reader does not follow (a back reference, a call of a group not known): it
        /// may start anywhere and consume anything — its byte prefix too, when read.
        var unknown: Summary {
            var summary = Summary.unknown
            if readsPrefix { summary.prefix = .top }
            return summary
        }

        /// A call of the group `name`: matches what the group matches (PCRE2 runs it with the
        /// options of its definition, as the earlier reading read it); unknown when not known.
        func call(_ name: String) -> Summary {
            guard var summary = calledGroups[name] else { return unknown }
            // A call is atomic and never literal text to be joined with what follows.
            summary.isLiteralRun = false
            return summary
        }

        /// Reads a name up to `closing` (the cursor on the character before the name).
        @discardableResult
        mutating func skipName(closing: UInt8) throws -> String {
            index += 1
            let start = index
            while let next = peek(), next != closing {
                guard (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || next == UInt8(ascii: "_") else {
                    throw Unsupported()
                }
                index += 1
            }
            guard peek() == closing else { throw Unsupported() }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            return name
        }

        /// A character-type escape (`\d`, `\w`, `\pL`…), the cursor just past its letter; nil for others.
        mutating func characterType(_ kind: UInt8) -> Characters? {
            switch kind {
            // Under UCP, \s and \h hold the no-break space (a Zs space); \d, \w and \v do not.
            case UInt8(ascii: "d"): return Characters.ascii(StartSet.digits, high: true).with(.without)
            case UInt8(ascii: "D"): return Characters.ascii(StartSet.digits, high: true).with(.without).negated
            case UInt8(ascii: "w"): return Characters.ascii(StartSet.wordASCII, high: true).with(.without)
            case UInt8(ascii: "W"): return Characters.ascii(StartSet.wordASCII, high: true).with(.without).negated
            case UInt8(ascii: "s"): return Characters.ascii(StartSet.spaces, high: true).with(.with)
            case UInt8(ascii: "S"): return Characters.ascii(StartSet.spaces, high: true).with(.with).negated
            case UInt8(ascii: "h"): return Characters.ascii(ByteSet([0x09, 0x20]), high: true).with(.with)
            case UInt8(ascii: "H"): return Characters.ascii(ByteSet([0x09, 0x20]), high: true).with(.with).negated
            case UInt8(ascii: "v"): return Characters.ascii(ByteSet([0x0A, 0x0B, 0x0C, 0x0D]), high: true).with(.without)
            case UInt8(ascii: "V"): return Characters.ascii(ByteSet([0x0A, 0x0B, 0x0C, 0x0D]), high: true).with(.without).negated
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                guard var name = propertyName() else { return .anything }
                var negated = kind == UInt8(ascii: "P")
                if name.hasPrefix("^") { name.removeFirst(); negated.toggle() }
                var characters = StartSet.properties[name].map { Characters.ascii($0, high: true) }
                    ?? Characters(mayASCII: .ascii, mustASCII: .none, mayHigh: Characters.anyHigh, mustAllHigh: false)
                // A letter, mark or number category never holds the no-break space (a Zs space).
                if StartSet.categoriesWithoutNoBreakSpace.contains(name) { characters = characters.with(.without) }
                return negated ? characters.negated : characters
            default: return nil
            }
        }

        /// A control character escape (`\t`, `\n`…) or `\x`, the cursor just past its letter.
        mutating func characterEscape(_ kind: UInt8) -> UInt32? {
            switch kind {
            case UInt8(ascii: "t"): return 0x09
            case UInt8(ascii: "n"): return 0x0A
            case UInt8(ascii: "r"): return 0x0D
            case UInt8(ascii: "f"): return 0x0C
            case UInt8(ascii: "e"): return 0x1B
            case UInt8(ascii: "a"): return 0x07
            case UInt8(ascii: "x"): return hexValue().map(UInt32.init)
            default: return nil
            }
        }

        mutating func readEscape() throws -> Summary {
            guard let kind = peek(1) else { throw Unsupported() }
            index += 2
            if var characters = characterType(kind) {
                if caseless { characters = characters.caseFolded }
                return .character(characters, prefix: readsPrefix)
            }
            if kind != UInt8(ascii: "x"), let value = characterEscape(kind) { return literal(value) }
            switch kind {
            case UInt8(ascii: "x"):
                guard let value = hexValue() else { throw Unsupported() }
                return literal(UInt32(value))
            case UInt8(ascii: "b"): return .assertion(StartSet.wordBoundary)
            case UInt8(ascii: "B"), UInt8(ascii: "z"), UInt8(ascii: "Z"): return .assertion([.any])
            case UInt8(ascii: "A"): return .assertion([Condition(previous: .none, first: .all)])
            case UInt8(ascii: "N") where peek() != UInt8(ascii: "{"):
                return .character(Characters(
                    mayASCII: ByteSet.ascii.intersection(ByteSet([0x0A]).complement),
                    mustASCII: ByteSet.ascii.intersection(ByteSet([0x0A]).complement), mayHigh: Characters.anyHigh, mustAllHigh: true),
                    prefix: readsPrefix)
            case UInt8(ascii: "R"): return .character(.ascii(ByteSet([0x0A, 0x0B, 0x0C, 0x0D]), high: true), prefix: readsPrefix)
            case UInt8(ascii: "X"):
                // A grapheme cluster: any number of characters.
                var cluster = Summary.character(.anything)
                cluster.shape = .top
                cluster.prefix = readsPrefix ? .top : nil
                return cluster
            case UInt8(ascii: "k"), UInt8(ascii: "g"):
                // A back reference or subroutine call: \k<name>, \g{1}, \g-1, \g<name>…
                if let open = peek(), let close = [UInt8(ascii: "<"): UInt8(ascii: ">"), UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "'"): UInt8(ascii: "'")][open] {
                    index += 1
                    while let next = peek(), next != close { index += 1 }
                    guard peek() == close else { throw Unsupported() }
                    index += 1
                } else {
                    if peek() == UInt8(ascii: "-") || peek() == UInt8(ascii: "+") { index += 1 }
                    while let next = peek(), (0x30...0x39).contains(next) { index += 1 }
                }
                return unknown
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                // A back reference (or, past the group count, an octal character): either way unread.
                while let next = peek(), (0x30...0x39).contains(next) { index += 1 }
                return unknown
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x20:
                return literal(UInt32(kind))  // escaped punctuation stands for itself
            default:
                // \G, \K, \Q…\E, \c, \o, \0, \C, \N{U+…} and the rest.
                throw Unsupported()
            }
        }

        mutating func readClass() throws -> Characters {
            index += 1
            let negated = peek() == UInt8(ascii: "^")
            if negated { index += 1 }
            var result = Characters()
            var first = true
            // Caselessly, a non-ASCII member also matches its other cases (ÿ and Ÿ, µ and Μ, whose
            // lead bytes differ), the long s "s" and "S", the Kelvin sign "k" and "K".
            // (The no-break space has no other case: `mayOtherHigh` leaves it out.)
            var holdsHigh = false, partners = ByteSet.none
            func add(_ bounds: ClosedRange<UInt32>) {
                let members = StartSet.range(bounds)
                result.formUnion(members)
                holdsHigh = holdsHigh || members.mayOtherHigh
                if bounds.contains(0x17F) { partners.formUnion(ByteSet(Array("sS".utf8))) }
                if bounds.contains(0x212A) { partners.formUnion(ByteSet(Array("kK".utf8))) }
            }
            while true {
                guard let byte = peek() else { throw Unsupported() }
                if byte == UInt8(ascii: "]") && !first { index += 1; break }
                first = false
                if byte == UInt8(ascii: "[") && peek(1) == UInt8(ascii: ":") {
                    _ = posixClassName()
                    result.formUnion(Characters(mayASCII: .ascii, mustASCII: .none, mayHigh: Characters.anyHigh, mustAllHigh: false))
                    continue
                }
                guard let low = try readClassMember(into: &result) else { continue }
                if peek() == UInt8(ascii: "-"), let next = peek(1), next != UInt8(ascii: "]") {
                    index += 1
                    var ignored = Characters()
                    guard let high = try readClassMember(into: &ignored), high >= low else { throw Unsupported() }
                    add(low...high)
                } else {
                    add(low...low)
                }
            }
            if caseless && holdsHigh {
                result.formUnion(Characters(
                    mayASCII: partners, mustASCII: partners, mayHigh: Characters.anyHigh,
                    noBreakSpace: Characters.NoBreakSpace(may: false, must: false, mayOtherHigh: true)))
            }
            if negated { result = result.negated }
            return caseless ? result.caseFolded : result
        }

        /// One member of a class: a single character (returned, for a range) or a character type
        /// (added to `characters`, returns nil).
        mutating func readClassMember(into characters: inout Characters) throws -> UInt32? {
            guard bytes[index] == UInt8(ascii: "\\") else { return try readScalar() }
            guard let kind = peek(1) else { throw Unsupported() }
            index += 2
            if let type = characterType(kind) {
                characters.formUnion(type)
                return nil
            }
            if let value = characterEscape(kind) { return value }
            switch kind {
            case UInt8(ascii: "b"): return 0x08
            case 0x20...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return UInt32(kind)
            default: throw Unsupported()  // \Q, \E, octal, \N…
            }
        }
    }

    /// General categories (as `\p{…}` names them) that never hold the no-break space.
    static let categoriesWithoutNoBreakSpace: Set<String> = [
        "L", "L&", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
    ]

    /// The characters `low` through `high`.
    static func range(_ bounds: ClosedRange<UInt32>) -> Characters {
        var characters = Characters()
        if bounds.lowerBound < 0x80 {
            let ascii = ByteSet(range: UInt8(bounds.lowerBound)...UInt8(min(bounds.upperBound, 0x7F)))
            characters.mayASCII = ascii
            characters.mustASCII = ascii
        }
        if bounds.upperBound >= 0x80 {
            let low = Characters.leadByte(max(bounds.lowerBound, 0x80)), high = Characters.leadByte(bounds.upperBound)
            characters.mayHigh = ByteSet(range: low...high)
            let holdsNoBreakSpace = bounds.contains(0xA0)
            characters.noBreakSpace = Characters.NoBreakSpace(
                may: holdsNoBreakSpace, must: holdsNoBreakSpace, mayOtherHigh: !(max(bounds.lowerBound, 0x80) == 0xA0 && bounds.upperBound == 0xA0))
        }
        return characters
    }
}

/// A rule's regex as the candidate scan runs it: where its matches can begin and the regex
/// to try at those positions only — the rule's own regex, compiled `.offsetLimit` so that one
/// compiled form serves both scans (a second, anchored compile doubled the start-up cost of
/// these rules).
///
/// Where the matches can begin is said by one unit, or by one unit per branch of the regex
/// (`RegexBranches`) when the whole is not selective but each branch is, by its start set or
/// by the lines holding its literals: "the village of X", "X, where she lives" — the second
/// starts at any capital, but only on a line holding "where". The rule is tried where any
/// unit admits a position, and there the whole regex runs, as a scan would run it.
///
/// A rule that already runs only on the lines of its own literals keeps that scan unless
/// every branch is selective by its start set: there PCRE2's own scan of those lines was
/// measured to beat a call at every capital of them ("Council" lines, 30% of a decision).
public struct AnchoredForm: Sendable {
    /// Where the matches of one branch (or of the whole regex) can begin.
    public struct Unit: Sendable, Equatable {
        public let starts: StartSet
        /// Literals (lower-case) one of which stands on the line of each match this unit stands
        /// for; empty: none asked.
        public let requires: [[UInt8]]
    }

    public let units: [Unit]
    public let regex: Regex

    /// At most this many branches are read apart.
    static let branchLimit = 16

    /// Where the matches of `pattern` can begin, when that is selective enough to pay; nil
    /// otherwise. `scansLines`: the rule runs only on the lines of its own literals anyway.
    /// `reading`: the pattern's reading, when already made.
    static func units(of pattern: String, caseless: Bool, scansLines: Bool, reading: StartSet.Reading? = nil) -> [Unit]? {
        let read = reading.map { StartSet(reading: $0) } ?? StartSet.derive(from: pattern, caseless: caseless)
        let whole = StartSet.withPrefixWhenItPays(read, of: pattern, caseless: caseless)
        if let starts = whole, starts.isSelectiveWithShape {
            return [Unit(starts: starts, requires: [])]
        }
        return branchUnits(of: pattern, caseless: caseless, selectiveOnly: scansLines, depth: 0)
    }

    /// Where the matches of a regex without literals to bind it (the analysis's own regexes,
    /// `AnchoredScan`) can begin, when that is selective enough to pay: as for a rule whose lines
    /// are already bound, a branch counts only when its start set is selective.
    static func unitsWithoutLiterals(of pattern: String) -> [Unit]? {
        units(of: pattern, caseless: false, scansLines: true)
    }

    /// One unit per branch, a branch that is neither selective nor bound to the lines of its
    /// literals read apart in turn (its own branches), a few levels deep. `selectiveOnly`: every
    /// branch must be selective by its start set (then none is read for literals or apart: start-up
    /// pays for every reading).
    static func branchUnits(of pattern: String, caseless: Bool, selectiveOnly: Bool, depth: Int) -> [Unit]? {
        guard depth < 3, let branches = RegexBranches.split(pattern) else { return nil }
        var units: [Unit] = []
        for branch in branches {
            guard let starts = StartSet.withPrefixWhenItPays(StartSet.derive(from: branch, caseless: caseless), of: branch, caseless: caseless)
            else { return nil }
            let literals = starts.isSelectiveWithShape || selectiveOnly || !LineBound.isLineBound(branch) ? [] : RequiredLiterals.derive(from: branch) ?? []
            if starts.isSelectiveWithShape || !literals.isEmpty {
                units.append(Unit(starts: starts, requires: literals.map { Array($0.utf8) }))  // already lower-case
            } else {
                guard !selectiveOnly, let inner = branchUnits(of: branch, caseless: caseless, selectiveOnly: false, depth: depth + 1) else { return nil }
                units += inner
            }
            guard units.count <= branchLimit else { return nil }
        }
        return units
    }

    /// Nil unless `regex` can be matched at one position (compiled `.anchored` or `.offsetLimit`).
    init?(units: [Unit], regex: Regex) {
        guard regex.isAnchored || regex.allowsOffsetLimit else { return nil }
        self.units = units
        self.regex = regex
    }
}
