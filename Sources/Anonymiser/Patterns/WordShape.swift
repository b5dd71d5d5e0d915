/// What the text after a rule's start must look like: the word there, then a gap (spaces, tabs,
/// no-break spaces) and one of a few characters — "Jane Whitfield" and "Mrs Okafor", not "The complaint" — or one of a
/// few characters right after the word ("Wood, 20", "Hall (94)") — read mechanically from the
/// regex like the start set (`StartSet`), and checked with a few table reads before the regex
/// runs. A rule that would be tried at every capital of a text (a name rule) is then tried only
/// where a capitalised word is followed by what can come after it in a match.
///
/// The reading runs the regex through a small automaton over the text's characters: state
/// `word` while the characters are word characters (`wordBytes`: ASCII letters and digits,
/// "'", "-", ".", "`", and every non-ASCII character but the no-break space), `gap` once a
/// space, tab or no-break space follows ("Mrs\u{A0}Okafor", "is\u{A0}78"), `done` at the first
/// other character after the gap — which is recorded in `next` — or at the first character
/// after the word that is neither (recorded in `immediate`). Every piece of syntax maps each
/// state to the states it may lead to (`Transfer`); a piece the reader cannot vouch for (a back
/// reference, a call of a group not known) may lead anywhere (`fail` among them). When every
/// match, and every text a positive lookahead holds at the start, ends in `done`, the text at
/// every start of a match is a run of word bytes (empty or not), then either a byte of
/// `immediate`, or one or more gap characters and a byte of `next`. The run is exactly the
/// regex's word, because what ends it is no word character; the gap is exactly the regex's,
/// because `next` holds no space or tab and the check reads every no-break space there as gap.
/// So the check never turns away a position where the regex matches.
public struct WordShape: Sendable, Equatable {
    /// Bytes one of which follows the gap (the lead byte, for a non-ASCII character).
    public let next: ByteSet
    /// Bytes that may follow the word directly, with no gap: ASCII bytes that are neither word
    /// nor gap bytes ("," and "(" after a name).
    public let immediate: ByteSet

    /// Bytes a word is read over: ASCII letters, digits, "'", "-", ".", "`", and every byte of a
    /// non-ASCII character (so no table of Unicode letters is needed, nor can one disagree with
    /// PCRE2's) — but for the no-break space, C2 A0, which is a gap.
    static let wordBytes = StartSet.letters.union(StartSet.digits).union(ByteSet(Array("'-.`".utf8)))
        .union(ByteSet(range: 0x80...0xFF))
    static let gapBytes = ByteSet([0x20, 0x09])

    /// Whether a gap character starts at `offset`, and how many bytes it has (0: none).
    @inline(__always)
    static func gapLength(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let byte = text[offset]
        if gapBytes.contains(byte) { return 1 }
        return byte == 0xC2 && offset &+ 1 < text.count && text[offset &+ 1] == 0xA0 ? 2 : 0
    }

    /// Whether the text at `position` has the shape: a word, then a byte of `immediate`, or a
    /// gap and a byte of `next`. (The candidate pass checks it from tables,
    /// `StartIndex.afterWord`; this is the definition its tests hold those tables to.)
    @inline(__always)
    public func admits(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        admits(code: WordShape.byteAfterWord(in: text, at: position))
    }

    /// Whether a code of `byteAfterWord` is one the shape allows.
    func admits(code: Int) -> Bool {
        if code < WordShape.afterGap { return immediate.contains(UInt8(code)) }
        return code < WordShape.nothingAfter && next.contains(UInt8(code - WordShape.afterGap))
    }

    /// What follows the word at `position`, as a code: the byte itself (below `afterGap`) when it
    /// is no gap byte; `afterGap` plus the byte after the gap when a gap follows; `nothingAfter`
    /// when the text ends in the word or the gap.
    @inline(__always)
    static func byteAfterWord(in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let word = WordShape.wordBytes
        var offset = position
        while offset < text.count, word.contains(text[offset]), text[offset] != 0xC2 || gapLength(in: text, at: offset) == 0 {
            offset &+= 1
        }
        guard offset < text.count else { return nothingAfter }
        var gap = gapLength(in: text, at: offset)
        guard gap != 0 else { return Int(text[offset]) }
        repeat {
            offset &+= gap
            gap = offset < text.count ? gapLength(in: text, at: offset) : 0
        } while gap != 0
        return offset < text.count ? afterGap &+ Int(text[offset]) : nothingAfter
    }

    /// Codes of `byteAfterWord`: 0..<256 a byte right after the word, 256..<512 a byte after a
    /// gap, 512 nothing.
    static let afterGap = 256, nothingAfter = 512, codes = 513

    /// Whether checking the shape turns away enough to pay for itself: `next` leaves out at
    /// least a third of the lower-case letters, or of the capitals.
    var filters: Bool {
        next.intersection(StartSet.lowercase).count <= 17 || next.intersection(StartSet.uppercase).count <= 17
    }

    /// The shape a whole pattern's transfer proves, or nil.
    init?(_ transfer: Transfer) {
        guard transfer.fromWord == [.done] else { return nil }
        next = transfer.nextFromWord
        immediate = transfer.immediateFromWord
    }

    /// The automaton's states, as bits of a set.
    struct States: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let word = States(rawValue: 1)
        static let gap = States(rawValue: 2)
        static let done = States(rawValue: 4)
        /// Anything may have happened: only a piece the reader cannot vouch for (`Transfer.top`) leads here.
        static let fail = States(rawValue: 8)
    }

    /// What a piece of a pattern does to the automaton: from `word` and from `gap`, the states
    /// it may end in and the bytes it may record on the way — as `next` (after a gap) or, from
    /// `word` only, as `immediate` (`done` and `fail` stay).
    struct Transfer: PatternTransfer {
        var fromWord: States
        var fromGap: States
        var nextFromWord: ByteSet
        var nextFromGap: ByteSet
        var immediateFromWord: ByteSet = .none

        /// A piece that consumes nothing (an assertion, an empty group).
        static let identity = Transfer(fromWord: .word, fromGap: .gap, nextFromWord: .none, nextFromGap: .none)
        /// A piece that may consume anything.
        static let top = Transfer(
            fromWord: [.word, .gap, .done, .fail], fromGap: [.gap, .done], nextFromWord: .all, nextFromGap: .all, immediateFromWord: .all)

        /// One character of `characters`.
        static func character(_ characters: StartSet.Characters) -> Transfer {
            let ascii = characters.mayASCII, high = characters.mayOtherHigh
            let gap = characters.mayNoBreakSpace || !ascii.intersection(WordShape.gapBytes).isEmpty
            var fromWord: States = []
            if high || !ascii.intersection(WordShape.wordBytes).isEmpty { fromWord.insert(.word) }
            if gap { fromWord.insert(.gap) }
            let immediate = ascii.subtracting(WordShape.wordBytes).subtracting(WordShape.gapBytes)
            if !immediate.isEmpty { fromWord.insert(.done) }
            var fromGap: States = []
            if gap { fromGap.insert(.gap) }
            let recorded = ascii.subtracting(WordShape.gapBytes).union(high ? characters.mayHigh : .none)
            if !recorded.isEmpty { fromGap.insert(.done) }
            return Transfer(fromWord: fromWord, fromGap: fromGap, nextFromWord: .none, nextFromGap: recorded, immediateFromWord: immediate)
        }

        /// This piece, then `following`.
        func then(_ following: Transfer) -> Transfer {
            // `done` and `fail` stay as they are; `word` and `gap` go on as `following` says.
            // A piece run from `gap` has left the word behind, so it records nothing as immediate.
            func step(_ states: States, _ recorded: ByteSet, _ immediate: ByteSet) -> (States, ByteSet, ByteSet) {
                var ends = states.intersection([.done, .fail])
                var next = recorded, immediate = immediate
                if states.contains(.word) {
                    ends.formUnion(following.fromWord)
                    next.formUnion(following.nextFromWord)
                    immediate.formUnion(following.immediateFromWord)
                }
                if states.contains(.gap) {
                    ends.formUnion(following.fromGap)
                    next.formUnion(following.nextFromGap)
                }
                return (ends, next, immediate)
            }
            let (fromWord, nextFromWord, immediateFromWord) = step(self.fromWord, self.nextFromWord, self.immediateFromWord)
            let (fromGap, nextFromGap, _) = step(self.fromGap, self.nextFromGap, .none)
            return Transfer(
                fromWord: fromWord, fromGap: fromGap, nextFromWord: nextFromWord, nextFromGap: nextFromGap,
                immediateFromWord: immediateFromWord)
        }

        /// One ASCII character, as a literal reads it (with its other case when caseless).
        static func ascii(_ byte: UInt8, caseless: Bool) -> Transfer {
            caseless ? caselessASCII[Int(byte)] : plainASCII[Int(byte)]
        }
        private static let plainASCII = asciiTable(caseless: false), caselessASCII = asciiTable(caseless: true)

        /// This piece or `other`.
        func or(_ other: Transfer) -> Transfer {
            Transfer(
                fromWord: fromWord.union(other.fromWord), fromGap: fromGap.union(other.fromGap),
                nextFromWord: nextFromWord.union(other.nextFromWord), nextFromGap: nextFromGap.union(other.nextFromGap),
                immediateFromWord: immediateFromWord.union(other.immediateFromWord))
        }

        /// This piece repeated at least `minimum` times (any number more: a wider reading, never a
        /// narrower one).
        func repeated(minimum: Int, maximum: Int?) -> Transfer {
            if maximum == 0 { return .identity }
            return minimum == 0 ? zeroOrMore : then(zeroOrMore)
        }

        /// A positive lookahead of `body`: where every text it holds leads to `done`, the match
        /// has the shape whatever follows; elsewhere it consumes nothing.
        static func lookahead(_ body: Transfer) -> Transfer {
            var result = Transfer.identity
            if body.fromWord == [.done] {
                result.fromWord = .done
                result.nextFromWord = body.nextFromWord
                result.immediateFromWord = body.immediateFromWord
            }
            if body.fromGap == [.done] { result.fromGap = .done; result.nextFromGap = body.nextFromGap }
            return result
        }
    }
}

/// What a piece of a pattern does to an automaton run over the text it matches (`WordShape`,
/// `BytePrefix`): composed piece by piece like the start set, in sequence and in alternation.
protocol PatternTransfer: Sendable, Equatable {
    /// A piece that consumes nothing.
    static var identity: Self { get }
    /// One character of `characters`.
    static func character(_ characters: StartSet.Characters) -> Self
    /// This piece, then `following`.
    func then(_ following: Self) -> Self
    /// This piece or `other`.
    func or(_ other: Self) -> Self
}

extension PatternTransfer {
    /// Zero or more repetitions of this piece: grown until it holds still (a few rounds: the
    /// automata are small).
    var zeroOrMore: Self {
        var star = Self.identity
        while true {
            let grown = star.or(star.then(self))
            if grown == star { return star }
            star = grown
        }
    }

    /// Every ASCII character's transfer, as a literal reads it (with its other case when caseless).
    static func asciiTable(caseless: Bool) -> [Self] {
        (0..<128).map { byte in
            let characters = StartSet.Characters.scalar(UInt32(byte))
            return character(caseless ? characters.caseFolded : characters)
        }
    }
}
