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
            #"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"#,  // one word may be the whole match
            #"[A-Z][a-z]+(?:[ \x{A0}][A-Z][a-z]+)?"#,  // so may one word before a no-break space
            #"(?:[A-Z][a-z]+[ ][A-Z]|[0-9]+)"#,  // one branch has none
            #"[A-Z][a-z]+\s+[A-Z]"#,  // \s may be another Unicode space, which the check reads as a letter
            #"([A-Z])[a-z]*[ ]\1"#,  // what follows the gap is a back reference
            #"[A-Z][a-z]+[ ](?![a-z])"#,  // only a negative lookahead after the gap
            #"[A-Z]\X[ ][A-Z]"#,  // a grapheme cluster may hold anything
        ] {
            #expect(Self.shape(pattern) == nil, "\(pattern)")
        }
    }

    /// A character that is neither a word character nor a gap may end the word: what may stand
    /// there is the shape's `immediate`, and the check reads it right after the word.
    @Test func aWordMayEndAtACommaOrABracket() throws {
        let shape = try #require(Self.shape(#"\p{Lu}\p{Ll}+(?:,[ \x{A0}]?|[ \x{A0}]?\()[0-9]+"#))
        #expect(shape.immediate == ByteSet(Array(",(".utf8)))
        #expect(shape.next == ByteSet(Array("(".utf8)), "a gap, then only the bracket")
        #expect(shape.filters)
        func admits(_ text: String) -> Bool { Self.bytes(text).withUnsafeBufferPointer { shape.admits($0, at: 0) } }
        #expect(admits("Wood, 20") && admits("Hall (94)") && admits("Hall(94)") && admits("Hall\u{A0}(94)"))
        #expect(!admits("Wood said") && !admits("Wood. 20") && !admits("Wood"))
        // A line break is no gap: it is a character right after the word.
        let lines = try #require(Self.shape(#"[A-Z][a-z]+[ \n]+[A-Z]"#))
        #expect(lines.immediate.contains(0x0A) && lines.next.contains(UInt8(ascii: "W")))
        #expect(Self.bytes("Jane\nWhitfield").withUnsafeBufferPointer { lines.admits($0, at: 0) })
    }

    /// A no-break space is a gap, as a space is, wherever the regex allows one: "Mrs\u{A0}Okafor",
    /// "is\u{A0}78". Letters, digits and \w never hold it, so a name is still one word.
    @Test func aNoBreakSpaceIsAGap() throws {
        let age = try #require(Self.shape(#"\b(?:is|was)[ \x{A0}]+(?:nearly[ \x{A0}]+)?[0-9]+"#))
        #expect(age.next == StartSet.digits.union(ByteSet([UInt8(ascii: "n")])) && age.immediate.isEmpty)
        func admits(_ shape: WordShape, _ text: String) -> Bool { Self.bytes(text).withUnsafeBufferPointer { shape.admits($0, at: 0) } }
        #expect(admits(age, "is\u{A0}78") && admits(age, "was \u{A0} nearly 90") && !admits(age, "is\u{A0}a"))
        let name = try #require(Self.shape(#"\p{Lu}[\p{L}\w]+[ \x{A0}]+\p{Lu}"#))
        #expect(admits(name, "Mrs\u{A0}Okafor") && !admits(name, "Mrs\u{A0}okafor"))
        #expect(!admits(name, "Mrs£Okafor"), "£ shares the no-break space's lead byte, but is part of the word")
    }

    /// What a character set is known to hold of the no-break space, which the shape reads apart.
    @Test func characterSetsKnowTheNoBreakSpace() throws {
        func characters(_ pattern: String) throws -> StartSet.Characters {
            var reader = StartSet.Reader(Array(pattern.utf8), caseless: false)
            return try reader.readClass()
        }
        let spaces = try characters(#"[ \x{A0}]"#)
        #expect(spaces.mayNoBreakSpace && spaces.mustNoBreakSpace && !spaces.mayOtherHigh)
        let notSpaces = try characters(#"[^ \x{A0}]"#)
        #expect(!notSpaces.mayNoBreakSpace && notSpaces.mayOtherHigh)
        let letters = try characters(#"[\p{L}\p{M}\d\w'’-]"#)
        #expect(!letters.mayNoBreakSpace && letters.mayOtherHigh)
        let space = try characters(#"[\s]"#), notSpace = try characters(#"[\S]"#)
        #expect(space.mustNoBreakSpace && !notSpace.mayNoBreakSpace)
        let notDigit = try characters(#"[\D]"#), latin1 = try characters(#"[\x{80}-\x{FF}]"#)
        #expect(notDigit.mustNoBreakSpace && latin1.mustNoBreakSpace && latin1.mayOtherHigh)
        #expect(!(try characters(#"[\x{A1}-\x{FF}]"#)).mayNoBreakSpace)
        #expect(try characters(#"[\p{Latin}]"#).mayNoBreakSpace, "a script it does not know: as wide as the lead bytes")
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
        #expect(admits("Jane\u{A0}Whitfield"), "a no-break space reads as a gap: the regex, not the check, turns it away")
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
        #"(?<=[\p{Ll},][ \x{A0}])\p{Lu}\p{Ll}+(?:[ \x{A0}]+\p{Lu}\p{Ll}+)?(?:,[ \x{A0}]?|[ \x{A0}]?\()[0-9]+"#,
        #"\b(?:is|was)[ \x{A0}]+(?:nearly[ \x{A0}]+)?[0-9]+(?=[ \x{A0}]*(?:[,.)]|$))"#,
        #"\p{Lu}\p{Ll}+[ \t\n]+\p{Lu}"#,
        #"(?:Mrs|Mr)[ \x{A0}]+\p{Lu}[\p{L}\p{M}]*[ \x{A0}]?\([0-9]+\)"#,
    ]

    static let pieces = [
        "Jane", "Whitfield", "Mr", "Mrs", "Dr.", "de", "van", "and", "&", "MP", "Zoë", "Ørsted", "O'Brien", "Smith-Jones",
        "Kwame’s", "THE", "the", "complaint", "ó", "Óg", "12", "\u{212A}im", "ſam", "é", "É", "x", ",", ".", "-", "'",
        "(", "(12)", ")", "is", "was", "nearly", "78", "£", "\u{A0}",
    ]
    static let texts = Gen.int(in: 0...1_000_000).array(of: 1...10).map { picks in
        picks.map { pick in pieces[pick % pieces.count] + [" ", "", "  ", "\t", "\n", ", ", " \u{A0}", "\u{A0}"][pick / 41 % 8] }.joined()
    }

    @Test func neverTurnsAwayAPositionWhereTheRegexMatches() async throws {
        let regexes = try Self.shaped.flatMap { pattern in
            try [false, true].map { caseless -> (StartSet?, Regex) in
                (StartSet.derive(from: pattern, caseless: caseless), try Regex(pattern, options: caseless ? [.caseless, .anchored] : .anchored))
            }
        }
        for (starts, regex) in regexes {
            if starts?.shape == nil { Issue.record("no shape: \(regex.pattern)") }
        }
        await propertyCheck(count: 2_000, input: Self.texts) { text in
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
