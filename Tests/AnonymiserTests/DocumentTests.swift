import XCTest
@testable import Anonymiser

final class DocumentTests: XCTestCase {
    func testPositionsAreCodePointsWithOneBasedLineAndColumn() {
        let document = Document(name: "d", text: "Zoë said\nŁukasz 😀 replied")
        let byte = Array(document.text.utf8).count - "replied".utf8.count
        let position = document.position(ofByte: byte)
        XCTAssertEqual(position.line, 2)
        XCTAssertEqual(position.column, 10)  // Ł u k a s z ␠ 😀 ␠ → 9 code points before
        XCTAssertEqual(position.offset, Array("Zoë said\nŁukasz 😀 ".unicodeScalars).count)
    }

    func testCodePointOffsetsAcrossCheckpointStride() {
        let text = String(repeating: "é", count: 5000) + "end"
        let document = Document(name: "d", text: text)
        XCTAssertEqual(document.codePointOffset(ofByte: 10000), 5000)
        XCTAssertEqual(document.codePointOffset(ofByte: 10003), 5003)
    }

    func testRejectsNulBytesAndInvalidUTF8() {
        XCTAssertThrowsError(try Document(data: Data([0x41, 0x00, 0x42]), name: "bin.txt")) { error in
            XCTAssertEqual((error as? InputError)?.description, "bin.txt: is not a text file (it contains NUL bytes)")
        }
        XCTAssertThrowsError(try Document(data: Data([0x41, 0xC3, 0x28]), name: "latin.txt")) { error in
            XCTAssertEqual((error as? InputError)?.description, "latin.txt: is not valid UTF-8 text")
        }
    }

    func testByteOrderMarkIsNotPartOfTheText() throws {
        let document = try Document(data: Data([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)), name: "bom.txt")
        XCTAssertEqual(document.text, "Hi")
        XCTAssertEqual(document.encoding, .utf8WithByteOrderMark)
    }

    func testUTF16NeedsItsByteOrderMark() throws {
        let little = try Document(data: Data([0xFF, 0xFE, 0x48, 0x00, 0xEB, 0x00, 0x3D, 0xD8, 0x00, 0xDE]), name: "le.txt")
        XCTAssertEqual(little.text, "Hë😀")
        XCTAssertEqual(little.encoding, .utf16LittleEndian)
        let big = try Document(data: Data([0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69]), name: "be.txt")
        XCTAssertEqual(big.text, "Hi")
        XCTAssertThrowsError(try Document(data: Data([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), name: "lone.txt")) { error in
            XCTAssertEqual((error as? InputError)?.description, "lone.txt: is not valid UTF-16 text")
        }
        XCTAssertThrowsError(try Document(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), name: "zip.txt")) { error in
            XCTAssertEqual((error as? InputError)?.description, "zip.txt: is not a text file (it contains NUL bytes)", "binary, not UTF-16")
        }
        XCTAssertThrowsError(try Document(data: Data([0x48, 0x00, 0x69, 0x00, 0x21, 0x00]), name: "bare.txt")) { error in
            XCTAssertEqual((error as? InputError)?.description, "bare.txt: looks like UTF-16 text without a byte-order mark: convert it to UTF-8")
        }
    }

    func testTokensKeepNamesWholeAndLeavePossessivesOut() {
        let document = Document(name: "d", text: "Mrs O'Brien’s son, Smith-Jones, and Zoë's dog; Stoke-on-Trent 2024.")
        let words = Tokenizer.tokens(in: document.bytes).map { document.string($0.range) }
        XCTAssertEqual(words, ["Mrs", "O'Brien", "s", "son", "Smith-Jones", "and", "Zoë", "s", "dog", "Stoke-on-Trent", "2024"])
    }
}

/// Overlapping edits (a fault upstream) never crash the render and never let a byte of
/// either range through.
final class RendererTests: XCTestCase {
    func testOverlappingEditsLeaveNoByteOfEither() {
        let document = Document(name: "d", text: "Ask Jane Whitfield at 1 High Street today")
        func edit(_ range: Range<Int>, _ text: String) -> Edit { Edit(range: range, replacement: text, category: "c", rule: "r") }
        // "Jane Whitfield" (4..<18), "Whitfield at 1 High Street" (9..<35), "High" (24..<28).
        let output = Renderer.apply([edit(4..<18, "Mrs X"), edit(9..<35, "[address]"), edit(24..<28, "[x]")], to: document)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "Ask Mrs X[address] today")
    }
}
