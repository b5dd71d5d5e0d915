/// A lookahead written before a rule's regex that names, as a character class, the characters
/// its matches can start with (read from the regex, `StartSet`): "(?=[A-Zthe\x{C0}-\x{FF}])".
///
/// Why: PCRE2 skips, at once, every position where no match can begin when it can tell from the
/// regex which code units a match starts with (a "start bitmap"). It cannot when the regex starts
/// with a Unicode property (`\p{Lu}`, the first letter of every name rule) or with a class that
/// holds one — then a scan of the whole text enters the regex at every position, and `(*UCP)\b`
/// alone costs tens of instructions there. A class of plain code points restores the bitmap. The
/// lookahead changes no match: every match starts with one of those characters (the same reading
/// that the candidate scan trusts, held to it by `CompiledRegexTests` on generated text and the
/// corpora).
///
/// Only for rules that scan text (the whole of it, its lines or windows): an anchored rule is
/// tried at positions of the candidate scan's choosing.
public struct StartLookahead: Sendable, Equatable {
    /// The lookahead, to put before the regex.
    public let pattern: String
    /// The bytes a match can start with (the UTF-8 lead bytes of its first characters).
    public let firstBytes: ByteSet

    /// The lookahead for the start set `starts`, or nil when it would admit every character.
    public init?(_ starts: StartSet) {
        var first = ByteSet.none
        for alternative in starts.alternatives { first = first.union(alternative.first) }
        first = first.intersection(.characterStarts)
        guard first != .characterStarts, first != .none else { return nil }
        firstBytes = first
        pattern = "(?=[" + StartLookahead.classBody(of: first) + "])"
    }

    /// The class body (between the brackets) of every character whose UTF-8 form starts with one
    /// of `bytes`, as ranges of `\x{…}` escapes (no character needs quoting then).
    static func classBody(of bytes: ByteSet) -> String {
        var ranges: [ClosedRange<UInt32>] = []
        for byte in (0...255).map(UInt8.init) where bytes.contains(byte) {
            guard let range = characters(startingWith: byte) else { continue }
            if let last = ranges.last, last.upperBound + 1 == range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { range in
            range.lowerBound == range.upperBound ? escape(range.lowerBound) : escape(range.lowerBound) + "-" + escape(range.upperBound)
        }.joined()
    }

    /// The code points whose UTF-8 form begins with `byte` (nil for a continuation byte or a byte
    /// no valid UTF-8 holds). Surrogates, which UTF-8 cannot hold, are left out of 0xED's.
    static func characters(startingWith byte: UInt8) -> ClosedRange<UInt32>? {
        let value = UInt32(byte)
        switch byte {
        case 0x00...0x7F: return value...value
        case 0xC2...0xDF: let low = (value - 0xC0) << 6; return low...(low + 0x3F)
        case 0xE0: return 0x800...0xFFF
        case 0xED: return 0xD000...0xD7FF
        case 0xE1...0xEF: let low = (value - 0xE0) << 12; return low...(low + 0xFFF)
        case 0xF0: return 0x10000...0x3FFFF
        case 0xF1...0xF3: let low = (value - 0xF0) << 18; return low...(low + 0x3FFFF)
        case 0xF4: return 0x100000...0x10FFFF
        default: return nil
        }
    }

    static func escape(_ codePoint: UInt32) -> String { "\\x{" + String(codePoint, radix: 16, uppercase: true) + "}" }
}
