import Foundation
import PropertyBased
import Testing
@testable import Anonymiser

/// A word list used as a matcher (`places.town`): phrases found over the tokens, the ambiguous
/// ones only after a preposition of place, and — so that most capitalised words cost a few table
/// reads — a capitalised word whose hash no phrase's first word has is passed over.
@Suite struct PhraseListTests {
    /// Phrases as the list file gives them: keys (`NameKey`).
    static let list = PhraseList(
        phrases: Set(["Stoke on Trent", "Reading", "Ynys Môn", "O'Neill Cross", "March"].map { NameKey.normalise($0) }),
        ambiguous: [NameKey.normalise("Reading")])

    static func found(_ text: String) -> [String] {
        let document = Document(name: "t", text: text)
        return list.matches(in: document, tokens: Tokenizer.tokens(in: document.bytes)).map { document.string($0) }
    }

    @Test func phrasesAreFoundWholeAndAmbiguousOnesOnlyAfterAPlace() {
        #expect(Self.found("She lives in Stoke on Trent now.") == ["Stoke on Trent"])
        #expect(Self.found("Reading the letter, he moved to Reading.") == ["Reading"])
        #expect(Self.found("The office at Ynys Môn wrote.") == ["Ynys Môn"], "a phrase that is not ASCII")
        #expect(Self.found("near O'Neill Cross") == ["O'Neill Cross"], "an apostrophe inside the first word")
        #expect(Self.found("It rained in March.") == [], "a month, not after a word of living")
        #expect(Self.found("Stoke Newington and Trent") == [], "no phrase")
    }

    @Test func theFirstWordFilterPassesOverOnlyWordsNoPhraseBeginsWith() {
        let words = PhraseList.FirstWords(["stoke", "ynys", "o'neill's"])
        for word in ["Stoke", "STOKE", "stoke", "Ynys", "O`Neill's", "O'Neill's"] {
            #expect(words.mayHold(word: ArraySlice(word.utf8)), "\(word)")
        }
        #expect(words.mayHold(word: ArraySlice("Môn".utf8)), "not ASCII: left to the key")
        #expect(!words.mayHold(word: ArraySlice("Trent".utf8)))
        #expect(!words.mayHold(word: ArraySlice("Council".utf8)))
    }

    /// Whatever the words, one whose key is among them is never passed over, however it is
    /// written (any capitals, a backtick for an apostrophe, hyphens).
    @Test func aWordWhoseKeyIsInTheSetIsNeverPassedOver() async {
        let letters = Array("abcdefghijklmnopqrstuvwxyz'-`")
        let words = Gen.int(in: 0...1_000_000).array(of: 1...12).array(of: 1...40)
        await propertyCheck(count: 200, input: words) { picks in
            let written = picks.map { word in
                String(word.enumerated().map { index, pick in
                    let letter = letters[index == 0 ? pick % 26 : pick % letters.count]
                    return pick / letters.count % 2 == 0 ? Character(letter.uppercased()) : letter
                })
            }
            let keys = written.map { NameKey.normalise(utf8: ArraySlice($0.utf8)) }
            let set = PhraseList.FirstWords(keys)
            for word in written { #expect(set.mayHold(word: ArraySlice(word.utf8)), "\(word) among \(keys)") }
        }
    }
}
