import Foundation
import PropertyBased
import Testing
@testable import Anonymiser

/// The word lists are read at every start, so they are read byte by byte; the entries must be
/// exactly those that Foundation's trimming of every Unicode space gives.
struct WordListFileTests {
    /// The reading the fast one replaces: Foundation trims, then the name key.
    private static func reference(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A).compactMap { line in
            let entry = Substring(line).trimmingCharacters(in: .whitespacesAndNewlines)
            return entry.isEmpty || entry.hasPrefix("#") ? nil : NameKey.normalise(entry)
        }
    }

    @Test func entriesOfAnyListAreThoseOfFoundationsTrimming() async throws {
        let pieces = ["Smith", "O'Brien", "Zoë", "Łukasz", "van der Berg", " ", "\t", "\r", "\u{00A0}", "\u{2003}", "\u{3000}",
                      "# comment", "#", "é", "\u{200B}", "\u{FEFF}", "-", "\n", "\n", "\n"]
        await propertyCheck(count: 300, input: Gen.int(in: 0...pieces.count - 1).array(of: 0...40)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            let read = try? WordListFile.read(Data(text.utf8), name: "list")
            #expect(read == WordListFileTests.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func spacesCommentsAndBlankLinesAreNotEntries() throws {
        let text = "  Whitfield \r\n\n# a comment\n\u{00A0}Zoë\u{2003}\n\t\n"
        #expect(try WordListFile.read(Data(text.utf8), name: "list") == ["whitfield", "zoe"])
    }
}

/// The ASCII short cut of the name key gives what the character-by-character key gives.
struct NameKeyShortCutTests {
    @Test func asciiTextHasTheKeyOfTheCharacterByCharacterReading() async {
        let pieces = ["Mrs", "Jane", "WHITFIELD", " ", "  ", "\t", "\r\n", "\n", "\r", "\u{0B}", "\u{0C}", "`", "'", "O", "-", ".",
                      "\u{01}", "\u{1F}", "\u{7F}", "7", "@", "Z", "a"]
        await propertyCheck(count: 400, input: Gen.int(in: 0...pieces.count - 1).array(of: 0...12)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(NameKey.normalise(text) == NameKey.normaliseCharacters(text), "\(text.debugDescription)")
            #expect(NameKey.normalise(utf8: ArraySlice(text.utf8)) == NameKey.normaliseCharacters(text), "\(text.debugDescription)")
        }
    }
}

/// The linker's name table: its bitmap may only ever say "look it up", never hide a key.
struct NameTableTests {
    @Test func everyAddedKeyIsFoundAndOthersAreNot() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...50_000).array(of: 1...300)) { numbers in
            var table = NameTable()
            var expected: [String: [Int]] = [:]
            for (person, number) in numbers.enumerated() {
                let key = "name\(number)"
                table.add(key, person: person)
                expected[key, default: []].append(person)
            }
            for (key, people) in expected { #expect(table[key] == people) }
            for number in 50_001...50_200 { #expect(table["name\(number)"] == nil) }
        }
    }
}
