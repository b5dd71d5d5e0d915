import Foundation
import PropertyBased
import Testing
@testable import Anonymiser

/// `NameKey.normalise` reads ASCII and Latin text through tables; every other text goes
/// character by character through Foundation (`normaliseCharacters`). Both must give the
/// same key for the same text, or a name written "Zoë" in one draft and found through the
/// other path in the next would be two people.
@Suite struct NameKeyTests {
    @Test func keysFoldCaseAccentsApostrophesDashesAndSpaces() {
        #expect(NameKey.normalise("Zoë") == "zoe")
        #expect(NameKey.normalise("ŁUKASZ Wiśniewski") == "lukasz wisniewski")
        #expect(NameKey.normalise("Ștefan Țurcan") == "stefan turcan")
        #expect(NameKey.normalise("O’Brien") == "o'brien")
        #expect(NameKey.normalise("Smith\u{2010}Jones") == "smith-jones")
        #expect(NameKey.normalise("  Anne\u{00A0}\u{00A0}Marie\t") == "anne marie")
        #expect(NameKey.normalise("Ro\u{00AD}berts") == "roberts")
        #expect(NameKey.normalise("Søren Đorđević") == "soren dordevic")
    }

    /// Each scalar the tables know, alone and between letters and spaces.
    @Test func everyTabledScalarGivesTheKeyOfTheCharacterPath() {
        let scalars = (0x80..<LatinKeys.latinEnd).map { $0 } + LatinKeys.punctuation
        for value in scalars {
            let character = String(UnicodeScalar(value)!)
            for text in [character, "a" + character + "b", " " + character + " X", character + character] {
                #expect(NameKey.normalise(text) == NameKey.normaliseCharacters(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    /// Pieces a generated text is made of: ASCII letters, punctuation and spaces, Latin letters
    /// with accents, the no-break space and soft hyphen, curly apostrophes and dashes — and, so
    /// that the character path is taken too, a combining accent, a Greek and a Cyrillic letter,
    /// an emoji and the zero-width joiner.
    static let pieces: [String] = [
        "a", "Z", "k", "s", " ", "  ", "\t", "\n", "-", "'", "`", ".", "7",
        "é", "Ë", "ł", "Ø", "đ", "ı", "İ", "ß", "ș", "Ț", "ơ", "ư", "Ŋ", "ĳ", "ŉ", "ſ", "\u{0149}", "\u{01C5}",
        "\u{00A0}", "\u{0085}", "\u{00AD}", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2010}", "\u{2011}", "\u{2013}",
        "\u{0301}", "Ω", "Ж", "😀", "\u{200D}", "\u{1EA1}",
    ]
    static let texts = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...12).map { picks in
        picks.map { NameKeyTests.pieces[$0] }.joined()
    }

    @Test func generatedTextsGetTheSameKeyOnBothPaths() async {
        await propertyCheck(count: 2000, input: Self.texts) { text in
            #expect(NameKey.normalise(text) == NameKey.normaliseCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(NameKey.normalise(utf8: ArraySlice(Array(text.utf8))) == NameKey.normaliseCharacters(text))
        }
    }

    /// Bytes that are not UTF-8 (a lone continuation byte, a cut sequence, an over-long form)
    /// are read as the character path reads them: as U+FFFD.
    @Test func bytesThatAreNoUTF8TakeTheCharacterPath() {
        for bytes: [UInt8] in [[0x41, 0x80, 0x42], [0xC3], [0x61, 0xE2, 0x80], [0xE0, 0x81, 0x81], [0xC0, 0x81], [0xED, 0xA0, 0x80]] {
            #expect(NameKey.normalise(utf8: ArraySlice(bytes)) == NameKey.normaliseCharacters(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// The word lists as they ship: every entry's key is the one the character path gives.
    @Test func everyWordListEntryGetsTheSameKeyOnBothPaths() throws {
        let lists = Fixtures.repository.appendingPathComponent("Patterns/lists")
        for file in try FileManager.default.contentsOfDirectory(atPath: lists.path).sorted() {
            let text = try String(contentsOf: lists.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.unicodeScalars.contains(where: { !$0.isASCII }) {
                #expect(NameKey.normalise(line) == NameKey.normaliseCharacters(line), "\(file): \(line)")
            }
        }
    }
}
