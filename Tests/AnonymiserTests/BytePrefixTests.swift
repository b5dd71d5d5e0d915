import Foundation
import PCRE2
import PropertyBased
import Testing
@testable import Anonymiser

/// The byte prefix read from a regex (`BytePrefix`): what it proves of a match's first bytes, what
/// it refuses to prove, and — on generated text — that it never turns away a position where the
/// regex matches.
@Suite struct BytePrefixTests {
    static func prefix(_ pattern: String, caseless: Bool = false) -> BytePrefix? {
        StartSet.derive(from: pattern, caseless: caseless, readsPrefix: true)?.prefix
    }

    static func set(_ characters: String) -> ByteSet { ByteSet(Array(characters.utf8)) }
    static let capitals = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), digits = set("0123456789")

    @Test func eachOffsetHoldsWhatTheRegexPutsThere() throws {
        let prefix = try #require(Self.prefix(#"(?<![\w-])[A-Z]{2}[ .-]?[0-9]{2}"#))
        #expect(prefix.bytes[1] == Self.capitals)
        #expect(prefix.bytes[2] == Self.set(" .-").union(Self.digits))
        #expect(prefix.bytes[3] == Self.digits)
        #expect(prefix.filters, "a digit where a word has a letter")
    }

    @Test func pastTheShortestMatchAnythingMayStand() throws {
        let prefix = try #require(Self.prefix("ab?c"))
        #expect(prefix.bytes[1] == Self.set("bc"))
        #expect(prefix.bytes[2] == .all, "\"ac\" ends before it")
        #expect(prefix.bytes[3] == .all)
    }

    @Test func aNonASCIICharacterPutsItsLeadThenContinuationBytes() throws {
        let prefix = try #require(Self.prefix("é[0-9]"))
        #expect(prefix.bytes[0] == ByteSet([0xC3]))
        #expect(prefix.bytes[1] == ByteSet(range: 0x80...0xBF))
        #expect(prefix.bytes[2] == Self.digits)
        let caseless = try #require(Self.prefix("k[0-9]", caseless: true))
        #expect(caseless.bytes[1].contains(0x84), "the Kelvin sign's second byte")
        #expect(caseless.bytes[1].contains(UInt8(ascii: "7")))
    }

    @Test func lookaroundsPutNothing() throws {
        let prefix = try #require(Self.prefix(#"(?=x)\bx(?!y)[0-9]"#))
        #expect(prefix.bytes[1] == Self.digits)
    }

    @Test func noPrefixWhereNothingPastTheFirstByteIsKnown() {
        for pattern in [
            #"a?b"#,  // "b" alone is a match
            #"(a)\1b"#,  // a back reference may hold anything
            #"a\Xb"#,  // so may a grapheme cluster
            #"(?=[a-z]+)"#,  // an empty match
        ] {
            #expect(Self.prefix(pattern) == nil, "\(pattern)")
        }
    }

    @Test func aBackReferencePastTheFirstBytesLeavesThemKnown() throws {
        // A NINO's separator, repeated by reference: the fourth byte is still a digit.
        let prefix = try #require(Self.prefix(#"(?<![\w-])[A-Z]{2}(?<s>[ .-]?)[0-9]{2}\k<s>[0-9]{2}"#))
        #expect(prefix.bytes[3] == Self.digits)
        #expect(prefix.filters)
        let early = try #require(Self.prefix(#"[A-Z](?<s>[.-])[0-9]\k<s>[0-9]"#))
        #expect(early.bytes[2] == Self.digits)
        #expect(early.bytes[3] == .all, "the reference may hold anything from its own offset on")
    }

    @Test func hexadecimalOffsetsFilterButOneOfThemDoesNot() throws {
        let mac = try #require(Self.prefix(#"(?<![\w:])[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}"#))
        #expect(mac.filters, "six letters of twenty-six at two offsets, none at the third")
        let hexWord = try #require(Self.prefix(#"\b[0-9a-f]{4}"#))
        #expect(hexWord.filters, "(6/26)³ of words get through")
        let one = try #require(Self.prefix(#"\b[0-9a-f][0-9a-z]{3}"#))
        #expect(!one.filters, "one offset of six letters lets a word in four through")
    }

    @Test func aPrefixOfOrdinaryWordsDoesNotFilter() throws {
        let words = try #require(Self.prefix(#"\b[a-z]+[0-9]"#))
        #expect(!words.filters)
    }

    @Test func theCheckReadsTheBytesAfterTheStart() throws {
        let prefix = try #require(Self.prefix(#"[A-Z]{2}[0-9]{2}"#))
        func admits(_ text: String, at position: Int = 0) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { prefix.admits($0, at: position) }
        }
        #expect(admits("AB12"))
        #expect(admits("xAB12", at: 1))
        #expect(!admits("An apple"))
        #expect(!admits("AB1"), "the text ends where every match has a byte")
        #expect(!admits("ABC1"))
    }

    /// Identifier-like patterns and the awkward ones of the start-set tests, on generated text:
    /// wherever the anchored regex matches, the prefix admits the position.
    @Test func neverTurnsAwayAPositionWhereTheRegexMatches() async throws {
        let patterns = CandidateScanPropertyTests.awkward + [
            #"(?<![\w-])(?!BG|GB)[A-CEGHJ-PR-TW-Z]{2}[ \x{A0}.-]?[0-9]{2}(?<s>[ .-]?)[0-9]{2}\k<s>[0-9]{2}[ ]?[A-D]"#,
            #"(?i)(?<![\w-])[A-Z]{2}[0-9]{2}[ ]?[A-Z]{3}"#, #"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){3}"#,
            #"(?<![\w/-])[A-Z0-9]+(?:[/-][A-Z0-9]+)+"#, #"\p{Lu}\.[ ]?\p{Lu}\p{Ll}+"#, #"\p{Lu}{2,}[ ]*,[ ]*\p{Lu}"#,
            #"é[0-9]|ſ[a-z]"#, #"(?:ab|c)?[0-9]{3}"#,
        ]
        let regexes = try patterns.flatMap { pattern in
            try [false, true].compactMap { caseless -> (BytePrefix, Regex)? in
                guard let prefix = Self.prefix(pattern, caseless: caseless) else { return nil }
                return (prefix, try Regex(pattern, options: caseless ? [.caseless, .anchored] : .anchored))
            }
        }
        #expect(regexes.count > 20)
        let extra = ["AB 12 34 56 C", "ab123456c", "KA12 ABC", "\u{212A}A12ABC", "ſa", "é1", "J. Smith", "SMITH, Jo", "REF/2024-0012", "GB12", "c123"]
        await CandidateScanPropertyTests.expectAdmittedWhereverTheyMatch(regexes, extra: extra) { $0.admits($1, at: $2) }
    }
}
