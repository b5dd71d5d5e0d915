/// A word or number in a document, by byte range.
///
/// Twelve bytes a token (two 32-bit offsets and a flag byte): a document holds about one token
/// for every six bytes of text, so the token array is the largest thing the analysis keeps.
/// Offsets fit 32 bits because `Document` refuses text of 4 GiB or more.
public struct Token: Equatable, Sendable {
    public enum Kind: Sendable { case word, number }
    private let start: UInt32
    private let end: UInt32
    private let flags: UInt8

    private static let numberFlag: UInt8 = 1, capitalisedFlag: UInt8 = 2, allCapsFlag: UInt8 = 4

    public init(range: Range<Int>, kind: Kind, isCapitalised: Bool, isAllCaps: Bool) {
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
        flags = (kind == .number ? Token.numberFlag : 0) | (isCapitalised ? Token.capitalisedFlag : 0) | (isAllCaps ? Token.allCapsFlag : 0)
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var kind: Kind { flags & Token.numberFlag != 0 ? .number : .word }
    /// First character is an upper-case letter.
    public var isCapitalised: Bool { flags & Token.capitalisedFlag != 0 }
    /// Every letter is upper case and there are at least two letters.
    public var isAllCaps: Bool { flags & Token.allCapsFlag != 0 }
}

/// Splits UTF-8 text into words and numbers.
///
/// A word is a run of letters (and combining marks) that may contain an apostrophe
/// or hyphen between letters — O'Brien, Smith-Jones, Stoke-on-Trent — but a trailing
/// possessive ('s, ’s) is left outside the word, so "Whitfield’s" yields "Whitfield".
public enum Tokenizer {
    public static func tokens(in bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        // About one token in six bytes of English prose; the array grows if a text has more.
        tokens.reserveCapacity(bytes.count / 6 + 16)
        forEachToken(in: bytes) { tokens.append($0) }
        return tokens
    }

    /// Every token in text order, without keeping them (a pass over a long text in no memory).
    @inline(__always)
    public static func forEachToken(in bytes: [UInt8], _ body: (Token) -> Void) {
        var index = 0
        let count = bytes.count
        while index < count {
            let (scalar, length) = decode(bytes, at: index)
            if isLetter(scalar) {
                let word = wordAfter(in: bytes, at: index)
                body(Token(range: index..<word.end, kind: .word, isCapitalised: isUppercase(scalar), isAllCaps: word.upper >= 2 && word.lower == 0))
                index = word.end
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                let start = index
                while index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                body(Token(range: start..<index, kind: .number, isCapitalised: false, isAllCaps: false))
            } else {
                index += length
            }
        }
    }

    /// The end of the word that starts at `start` (a letter there), and how many of its letters
    /// are upper and lower case: letters and combining marks, an apostrophe or hyphen between
    /// letters, but not a closing possessive.
    @inline(__always)
    static func wordAfter(in bytes: [UInt8], at start: Int) -> (end: Int, upper: Int, lower: Int) {
        var upper = 0, lower = 0
        let count = bytes.count
        var cursor = start
        while cursor < count {
            let (current, currentLength) = decode(bytes, at: cursor)
            if isLetter(current) || (!current.isASCII && current.properties.generalCategory == .nonspacingMark) {
                if isUppercase(current) { upper += 1 } else if isLowercase(current) { lower += 1 }
                cursor += currentLength
                continue
            }
            let isHyphen = current == "-" || current == "\u{2010}" || current == "\u{2011}"
            if current == "'" || current == "\u{2019}" || current == "\u{02BC}" || isHyphen {
                let next = cursor + currentLength
                guard next < count else { break }
                let (after, afterLength) = decode(bytes, at: next)
                guard isLetter(after) else { break }
                if !isHyphen && (after == "s" || after == "S") {
                    // "'s" followed by a non-letter is a possessive, not part of the name.
                    let end = next + afterLength
                    if end >= count || !isLetter(decode(bytes, at: end).0) { break }
                }
                cursor = next
                continue
            }
            break
        }
        return (cursor, upper, lower)
    }

    /// The end of the word the tokenizer reads from `start` — as if a token began there — or nil
    /// when no letter starts there.
    public static func wordEnd(in bytes: [UInt8], at start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let (scalar, _) = decode(bytes, at: start)
        return isLetter(scalar) ? wordAfter(in: bytes, at: start).end : nil
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic
    }

    // ASCII first: the Unicode property tables cost far more than a range check, and most
    // letters of an English decision are ASCII.
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 0x61 && scalar.value <= 0x7A) : scalar.properties.isLowercase
    }

    /// Decodes the scalar starting at `index` (valid UTF-8 is assumed) and its byte length.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let length: Int
        if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 }
        else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 }
        else { value = UInt32(lead & 0x1F); length = 2 }
        var offset = 1
        while offset < length && index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
