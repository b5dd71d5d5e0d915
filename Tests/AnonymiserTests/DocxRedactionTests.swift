import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Anonymiser

/// Redacting Word documents: every story and hiding place, formatting kept, refusals.
final class DocxRedactionTests: XCTestCase {
    private func tree(_ bytes: [UInt8], _ part: String) throws -> PartTree {
        let data = try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == part }?.data, "no part \(part)")
        return try XMLPart.read(data)
    }

    private func texts(_ bytes: [UInt8], _ part: String) throws -> String {
        let root = try XCTUnwrap(try tree(bytes, part).rootElement())
        return root.descendantElements().filter { $0.isW("t") }.map { $0.stringValue ?? "" }.joined()
    }

    func testNoPlantedValueSurvivesInAnyPartOfTheHidingPlaces() throws {
        let (bytes, _, _) = try DocxFixtures.redact("hiding-places.docx")
        XCTAssertEqual(try DocxFixtures.plantedValues(in: bytes), [])
        let original = try DocxFixtures.bytes("hiding-places.docx")
        XCTAssertGreaterThan(try DocxFixtures.plantedValues(in: original).count, 20, "the fixture plants its values")
    }

    func testTheDraftWithChangesAcceptedAndCommentsDroppedKeepsNothingIdentifying() throws {
        let (bytes, _, _) = try DocxFixtures.redact("draft.docx", options: .init(acceptsChanges: true, dropsComments: true))
        XCTAssertEqual(try DocxFixtures.plantedValues(in: bytes), [])
        let names = try DocxFixtures.parts(bytes).map(\.name)
        for removed in ["word/comments.xml", "word/people.xml", "docProps/custom.xml", "docProps/thumbnail.jpeg", "customXml/item1.xml"] {
            XCTAssertFalse(names.contains(removed), removed)
        }
        let body = try texts(bytes, "word/document.xml")
        // The insertion is kept (and redacted), the deletion gone.
        XCTAssertTrue(body.contains("Her son, "), body)
        XCTAssertFalse(body.contains("lives at"), body)
        let types = String(decoding: try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == "[Content_Types].xml" }).data, as: UTF8.self)
        XCTAssertFalse(types.contains("comments"), "no content type is left for a removed part")
    }

    func testEveryStoryGetsThePseudonymsOfOneAnalysis() throws {
        let (bytes, redaction, _) = try DocxFixtures.redact("hiding-places.docx")
        let complainant = try XCTUnwrap(redaction.edits.first { $0.category == Rule.personCategory }?.person)
        let body = try texts(bytes, "word/document.xml")
        XCTAssertTrue(body.contains("The complainant, Mrs \(complainant), complains"), body)
        XCTAssertTrue(try texts(bytes, "word/header1.xml").contains("Mrs \(complainant)"))
        XCTAssertTrue(try texts(bytes, "word/footnotes.xml").contains("Mrs \(complainant)"))
        let header2 = try texts(bytes, "word/header2.xml")
        XCTAssertTrue(header2.hasPrefix("Annex prepared for Mr "), header2)
        XCTAssertFalse(header2.contains("Mr \(complainant)"), "the neighbour is another person: \(header2)")
        // Both copies of the text box (the shape and its VML fallback).
        let boxes = try XCTUnwrap(try tree(bytes, "word/document.xml").rootElement()).descendantElements().filter { $0.isW("txbxContent") }
        XCTAssertEqual(boxes.count, 2)
        for box in boxes {
            let text = box.descendantElements().filter { $0.isW("t") }.map { $0.stringValue ?? "" }.joined()
            XCTAssertEqual(text, "Contact: Mrs \(complainant), [phone number]")
        }
    }

    func testANameOverThreeRunsTakesTheFormattingOfItsFirstRunAndNeighboursKeepTheirs() throws {
        let original = try DocxFixtures.bytes("hiding-places.docx")
        let (bytes, _, _) = try DocxFixtures.redact("hiding-places.docx")
        func summaryRuns(_ bytes: [UInt8]) throws -> [(text: String, properties: String)] {
            let root = try XCTUnwrap(try tree(bytes, "word/document.xml").rootElement())
            let paragraph = try XCTUnwrap(root.descendantElements().first { element in
                element.isW("p") && element.descendantElements().contains { $0.isW("t") && $0.stringValue == "Summary: " }
            })
            return paragraph.descendantElements().filter { $0.isW("r") }.map { run in
                (run.descendantElements().filter { $0.isW("t") }.map { $0.stringValue ?? "" }.joined(),
                 run.descendantElements().first { $0.isW("rPr") }?.xmlString ?? "")
            }
        }
        let before = try summaryRuns(original)
        let after = try summaryRuns(bytes)
        XCTAssertEqual(before.map(\.text), ["Summary: ", "The complainant, ", "Mrs ", "Eleanor ", "Pemberton",
                                           ", complains that the Council failed to repair damp in her flat."])
        XCTAssertEqual(after.map(\.text), ["Summary: ", "The complainant, ", "Mrs X", "", "",
                                          ", complains that the Council failed to repair damp in her flat."])
        XCTAssertEqual(after.map(\.properties), before.map(\.properties), "every run keeps its formatting")
        XCTAssertTrue(after[2].properties.contains("w:b"), "the replacement is bold, as the run where the name starts")
    }

    func testAnUntouchedDocumentRoundTripsPartForPart() throws {
        let original = try DocxFixtures.parts(DocxFixtures.bytes("plain.docx"))
        let (bytes, redaction, _) = try DocxFixtures.redact("plain.docx")
        XCTAssertEqual(redaction.edits, [])
        let published = try DocxFixtures.parts(bytes)
        XCTAssertEqual(published.map(\.name), original.map(\.name), "the input's entry order")
        for (before, after) in zip(original, published) {
            guard before.data != after.data else { continue }
            XCTAssertTrue(DocxDocument.isXML(before.name), "\(before.name) changed")
            XCTAssertEqual(try canonical(after.data), try canonical(before.data), before.name)
        }
    }

    func testEveryPartOfEveryFixtureIsWrittenBackByteForByteAndChangedPartsStayWellFormed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: DocxFixtures.folder.path).filter {
            $0.hasSuffix(".docx") && !$0.hasPrefix("refuse-")
        }
        XCTAssertGreaterThan(names.count, 10)
        for name in names {
            for (part, data) in try DocxFixtures.parts(DocxFixtures.bytes(name)) where DocxDocument.isXML(part) {
                XCTAssertEqual(XMLPart.write(try XMLPart.read(data)), data, "\(name): \(part)")
            }
        }
        let (bytes, _, _) = try DocxFixtures.redact("draft.docx", options: .init(acceptsChanges: true, dropsComments: true))
        for (part, data) in try DocxFixtures.parts(bytes) where DocxDocument.isXML(part) {
            XCTAssertNoThrow(try XMLPart.checkWellFormed(data), part)
            // libxml2 reads the same document the tool wrote.
            XCTAssertNoThrow(try XMLDocument(data: data, options: [.nodePreserveWhitespace]), part)
        }
    }

    private func canonical(_ data: Data) throws -> String {
        try XMLDocument(data: data, options: [.nodePreserveWhitespace]).xmlString(options: [.nodeCompactEmptyElement])
    }

    func testTheSameInputGivesTheSameBytes() throws {
        let options = DocxOptions(acceptsChanges: true, dropsComments: true)
        let first = try DocxFixtures.redact("draft.docx", options: options).bytes
        let second = try DocxFixtures.redact("draft.docx", options: options).bytes
        XCTAssertEqual(Digest.sha256(first), Digest.sha256(second))
    }

    func testHiddenTextAndPicturesAreFlaggedAndPicturesLoseTheirMetadata() throws {
        let (bytes, redaction, draft) = try DocxFixtures.redact("hiding-places.docx")
        let flagged = draft.flaggingHiddenContent(redaction).flags
        let hidden = try XCTUnwrap(flagged.first { $0.rule == "docx.hidden-text" })
        XCTAssertEqual(redaction.document.string(hidden.range), " Draft note: ask Dr Farquharson about the damp.")
        XCTAssertEqual(flagged.filter { $0.rule == "docx.picture" }.count, 1)
        let body = try texts(bytes, "word/document.xml")
        XCTAssertTrue(body.contains("Draft note: ask Dr ") && !body.contains("Farquharson"), "hidden text is redacted too: \(body)")
        let picture = try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == "word/media/image1.png" }).data
        let original = try XCTUnwrap(try DocxFixtures.parts(DocxFixtures.bytes("hiding-places.docx")).first { $0.name == "word/media/image1.png" }).data
        XCTAssertNotNil(original.range(of: Data("tEXt".utf8)))
        XCTAssertNil(picture.range(of: Data("tEXt".utf8)))
        XCTAssertNotNil(picture.range(of: Data("IDAT".utf8)), "the pixels stay")
    }

    func testFieldsAreUnlinkedExceptPageNumbersAndMailtoLinksBecomeText() throws {
        let (bytes, _, _) = try DocxFixtures.redact("hiding-places.docx")
        let root = try XCTUnwrap(try tree(bytes, "word/document.xml").rootElement())
        XCTAssertFalse(root.descendantElements().contains { $0.isW("instrText") }, "the AUTHOR field is unlinked")
        XCTAssertEqual(root.descendantElements().filter { $0.isW("fldSimple") }.map { $0.wAttribute("instr") }, [" PAGE "])
        XCTAssertFalse(root.descendantElements().contains { $0.isW("hyperlink") })
        XCTAssertTrue(try texts(bytes, "word/document.xml").contains("at her email address."))
        let rels = String(decoding: try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == "word/_rels/document.xml.rels" }).data, as: UTF8.self)
        XCTAssertFalse(rels.contains("mailto:"))
    }

    func testMetadataIsEmptied() throws {
        let (bytes, _, _) = try DocxFixtures.redact("hiding-places.docx")
        let core = try XCTUnwrap(try tree(bytes, "docProps/core.xml").rootElement())
        for field in ["creator", "lastModifiedBy", "title"] {
            XCTAssertEqual(core.children.first { $0.localName == field }?.stringValue, "", field)
        }
        let settings = String(decoding: try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == "word/settings.xml" }).data, as: UTF8.self)
        for gone in ["rsid", "attachedTemplate", "docVar"] { XCTAssertFalse(settings.contains(gone), gone) }
        let document = String(decoding: try XCTUnwrap(try DocxFixtures.parts(bytes).first { $0.name == "word/document.xml" }).data, as: UTF8.self)
        XCTAssertFalse(document.contains("w:rsid"))
    }

    func testTheAuditNamesPartStoryParagraphAndOffset() throws {
        let (bytes, redaction, draft) = try DocxFixtures.redact("hiding-places.docx")
        var audit = AuditTrail(redaction: redaction, inputName: "hiding-places.docx", inputSHA256: "x", caseReference: "c", patternsFingerprint: "p")
        audit.docx = (draft.locator, Digest.sha256(bytes))
        let lines = audit.jsonLines.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].contains("\"outputSHA256\":\"\(Digest.sha256(bytes))\""))
        XCTAssertTrue(lines[0].contains("\"format\":\"docx\""))
        XCTAssertTrue(lines.contains { $0.contains(#""part":"word/footnotes.xml","story":"footnote","paragraph":"#) }, lines.joined(separator: "\n"))
        let split = try XCTUnwrap(lines.first { $0.contains(#""original":"Mrs Eleanor Pemberton""#) })
        XCTAssertTrue(split.contains(#""part":"word/document.xml","story":"body","paragraph":2,"offset":26"#), split)
    }

    func testWhatCannotBeCleanedIsRefusedByName() throws {
        let expectations = [
            "refuse-not-zip.docx": "is not a .docx package (not a ZIP file)",
            "refuse-legacy.docx": "Word 97-2003 .doc",
            "refuse-macro.docx": "contains macros",
            "refuse-embedded.docx": "contains 1 embedded object (word/document.xml (w:object)), which cannot be cleaned",
            "refuse-malformed.docx": "does not parse strictly (word/document.xml",
            "draft.docx": "has 1 insertion, 1 deletion, 1 comment: accept or reject them in Word, or pass --accept-changes / --drop-comments",
        ]
        for (name, message) in expectations {
            XCTAssertThrowsError(try DocxDraft(bytes: DocxFixtures.bytes(name), name: name, options: .init()), name) { error in
                let error = error as? InputError
                XCTAssertEqual(error?.path, name)
                XCTAssertTrue(error?.problem.contains(message) ?? false, "\(name): \(String(describing: error))")
            }
        }
        // Accepting the changes alone still leaves the comment.
        XCTAssertThrowsError(try DocxDraft(bytes: DocxFixtures.bytes("draft.docx"), name: "d", options: .init(acceptsChanges: true))) {
            XCTAssertTrue(($0 as? InputError)?.problem.contains("has 1 comment:") ?? false, "\($0)")
        }
    }
}
