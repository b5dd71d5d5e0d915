import Foundation
import XCTest
@testable import Anonymiser

/// `check` on Word documents: every channel is read, and a finding names it.
final class DocxCheckTests: XCTestCase {
    private func check(_ bytes: [UInt8], name: String) throws -> [Finding] {
        try DocxChecker(checker: DocxFixtures.gate).check(bytes: bytes, name: name).findings
    }

    func testEachSingleChannelFixtureFailsAndTheFindingNamesItsChannel() throws {
        let channels: [String: (rule: String, place: String)] = [
            "channel-header": (CheckRuleID.titledName, "header (word/header1.xml)"),
            "channel-footnote": (CheckRuleID.titledName, "footnote (word/footnotes.xml)"),
            "channel-textbox": (CheckRuleID.titledName, "text box (word/document.xml)"),
            "channel-comment": (DocxRuleID.comment, "comments"),
            "channel-deletion": (DocxRuleID.trackedChange, "tracked changes"),
            "channel-core-author": (DocxRuleID.author, "creator is not empty"),
            "channel-custom-property": (DocxRuleID.customProperty, "custom properties"),
            "channel-people": (DocxRuleID.people, "word/people.xml"),
            "channel-mailto": (DocxRuleID.mailto, "mailto:"),
            "channel-author-field": (DocxRuleID.field, "the field AUTHOR"),
            "channel-alt-text": (CheckRuleID.titledName, "alt text (word/document.xml)"),
            "channel-thumbnail": (DocxRuleID.thumbnail, "thumbnail"),
            "channel-template": (DocxRuleID.template, "attached template"),
        ]
        for (name, expected) in channels {
            let findings = try check(DocxFixtures.bytes(name + ".docx"), name: name)
            XCTAssertTrue(findings.contains(where: { $0.level == .error && $0.rule == expected.rule && $0.message.contains(expected.place) }),
                          "\(name): \(findings.map { "\($0.rule) \($0.message)" })")
        }
        // The planted name inside the deletion and the comment is read too.
        for name in ["channel-deletion", "channel-comment"] {
            let findings = try check(DocxFixtures.bytes(name + ".docx"), name: name)
            XCTAssertTrue(findings.contains(where: { $0.rule == CheckRuleID.titledName }), "\(name): \(findings.map(\.rule))")
        }
    }

    func testAPlainDocumentAndEveryRedactedOnePass() throws {
        XCTAssertEqual(try check(DocxFixtures.bytes("plain.docx"), name: "plain").filter { $0.level == .error }.map(\.message), [])
        let (bytes, _, _) = try DocxFixtures.redact("draft.docx", options: .init(acceptsChanges: true, dropsComments: true))
        XCTAssertEqual(try check(bytes, name: "published").filter { $0.level == .error }.map(\.message), [])
    }

    func testTheDraftFailsOnEveryChannelAtOnce() throws {
        let rules = Set(try check(DocxFixtures.bytes("draft.docx"), name: "draft").map(\.rule))
        for rule in [DocxRuleID.trackedChange, DocxRuleID.comment, DocxRuleID.people, DocxRuleID.customProperty, DocxRuleID.thumbnail,
                     DocxRuleID.author, DocxRuleID.template, DocxRuleID.mailto, DocxRuleID.field, DocxRuleID.hiddenData,
                     CheckRuleID.titledName, "contact.phone-mobile"] {
            XCTAssertTrue(rules.contains(rule), "\(rule) in \(rules.sorted())")
        }
    }

    func testAPartThatDoesNotParseIsAFindingAndEveryRuleIsInTheCatalogue() throws {
        let findings = try check(DocxFixtures.bytes("refuse-malformed.docx"), name: "malformed")
        XCTAssertTrue(findings.contains(where: { $0.rule == DocxRuleID.unreadablePart && $0.message.contains("word/document.xml") }))
        let catalogue = CheckRuleCatalogue(patterns: Fixtures.patterns)
        for rule in DocxRuleID.rules { XCTAssertNotNil(catalogue.rule(rule.id), rule.id) }
    }
}
