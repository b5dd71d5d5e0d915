import Foundation
import PCRE2
import PropertyBased
import Testing
@testable import Anonymiser

/// The word shape read from a regex (`WordShape`): what it proves of the text after a start,
/// what it refuses to prove, and — on generated text — that it never turns away a position
/// where the regex matches.
@Suite struct WordShapeTests {
    static func shape(_ pattern: String, caseless: Bool = false) -> WordShape? {
        StartSet.derive(from: pattern, caseless: caseless)?.shape
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aNameThenASurnameWantsACapitalAfterTheGap() throws {
        let shape = try #require(Self.shape(#"\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+"#))
        #expect(shape.next.contains(UInt8(ascii: "W")))
        #expect(!shape.next.contains(UInt8(ascii: "c")) && !shape.next.contains(UInt8(ascii: " ")))
        #expect(shape.next.contains(0xC3), "a non-ASCII capital (Ø) may follow")
        #expect(shape.filters)
    }

    @Test func surnameParticlesBringTheirFirstLetters() throws {
        let shape = try #require(Self.shape(#"\p{Lu}\p{Ll}+[ ]+(?:(?:van|de)[ ]+)?\p{Lu}\p{Ll}+"#))
        #expect(shape.next.contains(UInt8(ascii: "v")) && shape.next.contains(UInt8(ascii: "d")))
        #expect(!shape.next.contains(UInt8(ascii: "t")))
    }

    @Test func aCaselessLetterBringsItsOtherCaseAndItsUnicodePartner() throws {
        let shape = try #require(Self.shape(#"mr[ ]+k"#, caseless: true))
        #expect(shape.next.contains(UInt8(ascii: "k")) && shape.next.contains(UInt8(ascii: "K")))
        #expect(shape.next.contains(0xE2), "the Kelvin sign's lead byte")
    }

    /// A match that is all lookahead ("(?=…)" capturing the name) has a start set only because
    /// the lookahead proves that text follows it.
    @Test func aLookaheadThatHoldsTheWholeNameGivesAStartAndAShape() throws {
        let starts = try #require(StartSet.derive(from: #"(?=[A-Z])\b(?=(?<name>[A-Z][a-z]+[ ][A-Z][a-z]+))"#))
        #expect(starts.shape != nil)
        let text = Self.bytes("see Jane Whitfield")
        text.withUnsafeBufferPointer { buffer in
            #expect(starts.admits(buffer, at: 4) && starts.shape!.admits(buffer, at: 4))
            #expect(!starts.admits(buffer, at: 0), "no capital")
        }
        #expect(StartSet.derive(from: #"(?=[A-Z])\b(?=(?<name>[A-Z][a-z]+))"#) == nil, "an empty match without a shape could stand at the end")
    }

    @Test func aLookaheadAfterTheGapIsWhatFollowsIt() throws {
        let shape = try #require(Self.shape(#"[A-Z][a-z]+[ ](?=[A-Z])"#))
        #expect(shape.next.contains(UInt8(ascii: "Q")) && !shape.next.contains(UInt8(ascii: "q")))
    }

    @Test func noShapeWhereAMatchNeedNotHaveOne() {
        for pattern in [
            #"[A-Z][a-z]+,[ ][A-Z]"#,  // a comma ends the word
            #"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"#,  // one word may be the whole match
            #"[A-Z][a-z]+\s+[A-Z]"#,  // a line break may be the gap
            #"(?:[A-Z][a-z]+[ ][A-Z]|[0-9]+)"#,  // one branch has none
            #"([A-Z])[a-z]*[ ]\1"#,  // what follows the gap is a back reference
            #"[A-Z][a-z]+[ ](?![a-z])"#,  // only a negative lookahead after the gap
            #"[A-Z]\X[ ][A-Z]"#,  // a grapheme cluster may hold anything
        ] {
            #expect(Self.shape(pattern) == nil, "\(pattern)")
        }
    }

    @Test func theCheckReadsAWordAGapAndOneByte() throws {
        let shape = try #require(Self.shape(#"\p{Lu}[\p{Ll}'’-]+[ \t]+\p{Lu}"#))
        func admits(_ text: String, at position: Int = 0) -> Bool {
            Self.bytes(text).withUnsafeBufferPointer { shape.admits($0, at: position) }
        }
        #expect(admits("Jane Whitfield"))
        #expect(admits("O'Brien-Smith\t\tÖzil"))
        #expect(admits("Zoë  Ørsted"))
        #expect(!admits("The complaint"))
        #expect(!admits("Jane, Whitfield"))
        #expect(!admits("Jane\nWhitfield"))
        #expect(!admits("Jane"))
        #expect(!admits("Jane "))
    }

    /// Shaped patterns of every kind the built-in rules use, checked on generated text: wherever the
    /// anchored regex matches, the start set and the shape both admit the position.
    static let shaped = [
        #"\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+"#,
        #"(?=[\p{Lu}])\b(?=(?<value>\p{Lu}[\p{Ll}\p{M}]+(?:['’][\p{Ll}]+)*(?:[-‐]\p{Lu}\p{Ll}+)*(?:[ \t]+(?=(?:van[ ]+)*\p{Lu})|[ ])(?<s>(?:(?:van|de)[ \t]+)*\p{Lu}\p{Ll}+)))"#,
        #"\b(?:Mrs|Mr|Dr)\.?[ \t]+(?:de[ ]+)?\p{Lu}[\p{Ll}'’]+"#,
        #"(?i)\b(?:mr|mrs)[ ]+[a-z]+"#,
        #"\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){1,3}[ ]+MP\b"#,
        #"(?|(?<n>\p{Lu}\p{Ll}+)[ ]+and[ ]+(?<m>\p{Lu})|(?<n>\p{Lu}{2,})[ ]+&)"#,
        #"\b\p{Lu}\p{Ll}*+[ ]++(?>\p{Lu}|ó)"#,
        #"[A-Z][a-z]*(?:['-][A-Z][a-z]+)?[ ]+[0-9]+"#,
    ]

    static let pieces = [
        "Jane", "Whitfield", "Mr", "Mrs", "Dr.", "de", "van", "and", "&", "MP", "Zoë", "Ørsted", "O'Brien", "Smith-Jones",
        "Kwame’s", "THE", "the", "complaint", "ó", "Óg", "12", "\u{212A}im", "ſam", "é", "É", "x", ",", ".", "-", "'",
    ]
    static let texts = Gen.int(in: 0...1_000_000).array(of: 1...10).map { picks in
        picks.map { pick in pieces[pick % pieces.count] + [" ", "", "  ", "\t", "\n", ", ", " \u{A0}"][pick / 31 % 7] }.joined()
    }

    @Test func neverTurnsAwayAPositionWhereTheRegexMatches() async throws {
        let regexes = try Self.shaped.flatMap { pattern in
            try [false, true].map { caseless -> (StartSet?, Regex) in
                (StartSet.derive(from: pattern, caseless: caseless), try Regex(pattern, options: caseless ? [.caseless, .anchored] : .anchored))
            }
        }
        #expect(regexes.allSatisfy { $0.0?.shape != nil }, "every one of these patterns has a shape")
        await propertyCheck(count: 300, input: Self.texts) { text in
            let bytes = Array(text.utf8)
            let data = MatchData(groups: 8)
            bytes.withUnsafeBufferPointer { buffer in
                for (starts, regex) in regexes {
                    guard let starts, let shape = starts.shape else { continue }
                    for position in buffer.characterStarts {
                        guard (try? regex.match(in: buffer, at: position, using: data)) != nil else { continue }
                        #expect(starts.admits(buffer, at: position) && shape.admits(buffer, at: position),
                                "\(regex.pattern) at \(position) of \(text.debugDescription)")
                    }
                }
            }
        }
    }
}
