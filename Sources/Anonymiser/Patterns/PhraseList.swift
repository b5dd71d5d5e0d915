import Foundation

/// A word list used as a matcher (e.g. UK places): capitalised phrases of up to
/// `maxWords` words, found by hash lookup over the document's tokens rather than by a
/// regex alternation of thousands of names.
public struct PhraseList: Sendable {
    public let phrases: Set<String>
    /// Entries that are also ordinary words or first names ("Reading", "Derby"?): they
    /// count only after a preposition of place ("lives in Reading").
    public let ambiguous: Set<String>
    public let maxWords: Int
    /// The first words of every longer phrase ("stoke", "stoke on" for "stoke on trent"): a
    /// candidate that is not one of these cannot grow into a phrase, so the search stops.
    let openings: Set<String>
    /// The first words of every phrase, as bits of `FirstWords` hashes: a capitalised ASCII word
    /// whose bit is clear begins no phrase, and is passed over without making its key (most
    /// capitalised words of a page are no place).
    let firstWords: FirstWords

    static let placePrepositions: Set<String> = [
        "in", "at", "near", "from", "to", "around", "outside", "towards", "of", "between", "into",
    ]

    public init(phrases: Set<String>, ambiguous: Set<String> = []) {
        self.phrases = phrases
        self.ambiguous = ambiguous
        maxWords = phrases.map { $0.split(separator: " ").count }.max() ?? 1
        var openings: Set<String> = []
        for phrase in phrases {
            let words = phrase.split(separator: " ")
            for count in words.indices.dropFirst() { openings.insert(words[..<count].joined(separator: " ")) }
        }
        self.openings = openings
        firstWords = FirstWords(phrases.map { $0.split(separator: " ", maxSplits: 1).first.map(String.init) ?? $0 })
    }

    /// A set of words (keys, as `NameKey` makes them) as 65,536 bits of their hashes: "may be one
    /// of them" or "is not".
    struct FirstWords: Sendable {
        private var bits = [UInt64](repeating: 0, count: 1024)

        init(_ words: [String]) {
            for word in words {
                let hash = FirstWords.hash(word.utf8)
                bits[hash >> 6] |= 1 << UInt64(hash & 63)
            }
        }

        static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(truncatingIfNeeded: hash ^ hash >> 32) & 0xFFFF
        }

        /// False when the word in `bytes` (as the tokenizer cuts it) is none of the words, told from
        /// the key `NameKey` gives plain ASCII byte by byte (`NameKey.asciiKey(of:)`). True when it
        /// may be one, or holds a byte outside ASCII or white space (its key is then left to `NameKey`).
        func mayHold(word bytes: ArraySlice<UInt8>) -> Bool {
            guard bytes.allSatisfy({ $0 < 0x80 && NameKey.asciiKey(of: $0) != nil }) else { return true }
            let hash = FirstWords.hash(bytes.lazy.map { NameKey.asciiKey(of: $0)! })
            return bits[hash >> 6] & (1 << UInt64(hash & 63)) != 0
        }
    }

    public static func load(_ url: URL, ambiguous: URL?) throws -> PhraseList {
        try PhraseList(list: Data(contentsOf: url), ambiguous: ambiguous.map { try Data(contentsOf: $0) })
    }

    /// A list and its ambiguous entries from the files' bytes.
    init(list: Data, ambiguous: Data?) throws {
        self.init(phrases: Set(try WordListFile.read(list, name: "list")),
                  ambiguous: try ambiguous.map { Set(try WordListFile.read($0, name: "ambiguous list")) } ?? [])
    }

    /// Byte ranges of list phrases in the document, longest phrase first at each start.
    public func matches(in document: Document, tokens: [Token]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            let first = tokens[index]
            guard first.kind == .word, first.isCapitalised, firstWords.mayHold(word: document.bytes[first.range]) else {
                index += 1
                continue
            }
            var matchedWords = 0
            var key = ""
            var candidate = ""
            for length in 1...maxWords {
                let position = index + length - 1
                guard position < tokens.count, tokens[position].kind == .word else { break }
                if length > 1 {
                    // Words of one phrase are separated by single spaces on one line.
                    let gap = tokens[position - 1].range.upperBound..<tokens[position].range.lowerBound
                    guard gap.count == 1, document.bytes[gap.lowerBound] == 0x20 else { break }
                    candidate += " "
                }
                candidate += NameKey.normalise(utf8: document.bytes[tokens[position].range])
                if phrases.contains(candidate) { matchedWords = length; key = candidate }
                guard openings.contains(candidate) else { break }
            }
            if matchedWords > 0 {
                let placed = PhraseList.timeWords.contains(key)
                    ? followsResidence(index, tokens: tokens, document: document)
                    : !ambiguous.contains(key) || followsPlacePreposition(index, tokens: tokens, document: document)
                if placed {
                    found.append(first.range.lowerBound..<tokens[index + matchedWords - 1].range.upperBound)
                    index += matchedWords
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// Place names that are also months or days ("March"): "in March" is a date, so these count
    /// only after a word of living or moving and a preposition ("lives in March", "moved to March").
    static let timeWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    static let residenceWords: Set<String> = [
        "live", "lives", "lived", "living", "resides", "resided", "residing", "resident", "residents", "moved", "moving",
        "relocated", "rehoused", "born", "grew", "up", "near", "town", "village", "family", "home", "house", "flat",
    ]

    private func followsResidence(_ index: Int, tokens: [Token], document: Document) -> Bool {
        guard index > 1, followsPlacePreposition(index, tokens: tokens, document: document), tokens[index - 2].kind == .word else { return false }
        // "moved in March 2024", "born on 3 March": a number after it makes it a date.
        if index + 1 < tokens.count, tokens[index + 1].kind == .number { return false }
        let preposition = NameKey.normalise(document.string(tokens[index - 1].range))
        if preposition == "in" && ["moved", "moving", "born", "grew", "up"].contains(NameKey.normalise(document.string(tokens[index - 2].range))) {
            return false   // "moved in March", "was born in May"
        }
        return PhraseList.residenceWords.contains(NameKey.normalise(document.string(tokens[index - 2].range)))
    }

    private func followsPlacePreposition(_ index: Int, tokens: [Token], document: Document) -> Bool {
        guard index > 0, tokens[index - 1].kind == .word else { return false }
        return PhraseList.placePrepositions.contains(NameKey.normalise(document.string(tokens[index - 1].range)))
    }
}
