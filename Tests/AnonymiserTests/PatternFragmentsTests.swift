import XCTest
@testable import Anonymiser

/// Named fragments (`{{name}}`) and word lists (`{{list:NAME}}`) in pattern files: how they
/// expand, what a mistake in them reports, and the readability limit on the built-in rules.
final class PatternFragmentsTests: XCTestCase {
    /// The limit the built-in rules are written to: a longer piece must be split into named fragments.
    static let longestWrittenRegex = 1_000

    func testNoBuiltInRegexOrFragmentIsLongerThanTheLimit() throws {
        let folder = try PatternFolder(directory: Fixtures.patternsDirectory)
        var pieces = 0
        for name in try folder.ruleFiles() {
            let file = try PatternFile.decode(folder.read(name), file: name)
            for rule in file.rules {
                guard let regex = rule.regex else { continue }
                pieces += 1
                XCTAssertLessThanOrEqual(regex.count, Self.longestWrittenRegex, "\(name): rule \(rule.id)")
            }
            for (fragment, spec) in file.fragments {
                for piece in spec.pieces {
                    pieces += 1
                    XCTAssertLessThanOrEqual(piece.count, Self.longestWrittenRegex, "\(name): fragment \(fragment)")
                }
            }
        }
        XCTAssertGreaterThan(pieces, 300, "the built-in rules were not read")
    }

    /// The built-in rules use fragments, so the limit above is met by naming pieces, not by
    /// dropping rules: many rules expand to far more than they are written with.
    func testBuiltInRulesAreWrittenWithFragments() throws {
        let folder = try PatternFolder(directory: Fixtures.patternsDirectory)
        var written: [String: String] = [:]
        for name in try folder.ruleFiles() {
            for rule in try PatternFile.decode(folder.read(name), file: name).rules { written[rule.id] = rule.regex }
        }
        let expanded = Fixtures.patterns.rules.filter { rule in
            guard case .regex = rule.matcher, let text = written[rule.id] else { return false }
            return text.contains("{{") && rule.source.count > Self.longestWrittenRegex
        }
        XCTAssertGreaterThan(expanded.count, 50)
        XCTAssertFalse(Fixtures.patterns.rules.contains { $0.source.contains("{{") }, "a reference was left unexpanded")
    }

    /// The example of Patterns/SCHEMA.md, "Fragments".
    func testFragmentsListsAndWordListsExpandIntoOneRegex() throws {
        let folder = try patternFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lists"), withIntermediateDirectories: true)
        try "# test list\nPolish\nSierra\nSierra Leonean\nC++ fan\n".write(
            to: folder.appendingPathComponent("lists/demonyms.txt"), atomically: true, encoding: .utf8)
        try """
        fragments:
          place-word: '\\p{Lu}[\\p{L}''’-]*\\p{L}'
          sentence-starters: [The, This, That, In, 'On', At, '{{months}}']
          months: 'January|February|March|April|May|June|July|August|September|October|November|December'
        rules:
          - id: local.lives-in
            category: place
            description: A place someone lives in.
            regex: '\\blives[ \\x{A0}]+in[ \\x{A0}]+(?<value>(?!(?:{{sentence-starters}})\\b){{place-word}})'
            confidence: 0.5
            action: flag
            reason: "names where someone lives"
            suggestion: "the area"
            examples:
              match: [{text: "She lives in Oakwood now.", value: "Oakwood"}]
              no-match: ["She lives in March housing."]
          - id: local.nationality
            category: nationality
            description: A nationality.
            regex: '\\b(?<value>{{list:demonyms}})[ \\x{A0}]+(?:national|citizen)'
            confidence: 0.5
            action: flag
            reason: "states a nationality"
            suggestion: "a foreign national"
            examples:
              match: [{text: "a Sierra Leonean national", value: "Sierra Leonean"}]
        """.write(to: folder.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        let set = try PatternSet.load(directories: [folder])
        XCTAssertEqual(set.rule(id: "local.lives-in")?.source,
                       #"\blives[ \x{A0}]+in[ \x{A0}]+(?<value>(?!(?:The|This|That|In|On|At|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}[\p{L}'’-]*\p{L})"#)
        // Longest first, then code point order; regex syntax escaped; a space also matches a no-break space.
        XCTAssertEqual(set.rule(id: "local.nationality")?.source,
                       #"\b(?<value>Sierra[ \x{A0}]Leonean|C\+\+[ \x{A0}]fan|Polish|Sierra)[ \x{A0}]+(?:national|citizen)"#)
        XCTAssertEqual(try PatternTester(patterns: set).run().map(\.description), [])
    }

    func testAnUnknownFragmentNamesTheFileAndTheRule() throws {
        let folder = try patternFolder()
        try rule(id: "test.unknown", regex: "(?<value>{{no-such-piece}})[0-9]+").write(
            to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("t.yaml: rule test.unknown: unknown fragment `{{no-such-piece}}`"), message)
        }
    }

    func testAFragmentThatRefersToItselfIsAnError() throws {
        let folder = try patternFolder()
        try """
        fragments:
          outer: '(?:a{{inner}})'
          inner: 'b|{{outer}}'
        """.write(to: folder.appendingPathComponent("pieces.yaml"), atomically: true, encoding: .utf8)
        try rule(id: "test.loop", regex: "{{outer}}").write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("pieces.yaml: fragments refer to themselves in a loop: inner → outer → inner"), message)
        }
    }

    func testAFragmentDefinedTwiceIsAnError() throws {
        let folder = try patternFolder()
        try "fragments:\n  digits: '[0-9]+'\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "fragments:\n  digits: '[0-9]{2,}'\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("b.yaml: fragment `digits` is already defined in"), message)
            XCTAssertTrue(message.contains("a.yaml"), message)
        }
    }

    func testAMissingWordListIsAnError() throws {
        let folder = try patternFolder()
        try rule(id: "test.list", regex: "(?<value>{{list:nationalities}})").write(
            to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("lists/nationalities.txt: no such word list for `{{list:nationalities}}`"), message)
        }
    }

    /// A file may hold fragments only, or rules only; one with neither is a mistake.
    func testAFileNeedsRulesOrFragments() throws {
        let folder = try patternFolder()
        try "fragments:\n  digits: '[0-9]+'\n".write(to: folder.appendingPathComponent("pieces.yaml"), atomically: true, encoding: .utf8)
        try rule(id: "test.digits", regex: "(?<value>{{digits}})").write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try PatternSet.load(directories: [folder]).rule(id: "test.digits")?.source, "(?<value>[0-9]+)")
        try "rule:\n  - id: typo\n".write(to: folder.appendingPathComponent("typo.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PatternSet.load(directories: [folder])) { error in
            XCTAssertTrue("\(error)".hasSuffix("typo.yaml: has neither `rules` nor `fragments`"), "\(error)")
        }
    }

    /// A folder added to the built-in set may use the built-in fragments.
    func testAnAddedFolderUsesTheBuiltInFragments() throws {
        let folder = try patternFolder()
        try rule(id: "local.postcode-after-ref", regex: "\\bPC:[ ]?(?<value>{{postcode}})", match: "PC: NE1 4AB").write(
            to: folder.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        let set = try PatternSet.load(directories: [Fixtures.patternsDirectory, folder])
        let added = try XCTUnwrap(set.rule(id: "local.postcode-after-ref"))
        XCTAssertFalse(added.source.contains("{{"))
        XCTAssertEqual(try PatternTester(patterns: PatternSet(rules: [added], lexicon: set.lexicon, fingerprint: "")).run().map(\.description), [])
    }

    private func rule(id: String, regex: String, match: String = "12") -> String {
        """
        rules:
          - id: \(id)
            category: reference
            description: A test rule.
            regex: '\(regex)'
            confidence: 0.5
            action: replace
            placeholder: "[reference]"
            examples:
              match: ["\(match)"]
        """
    }
}
