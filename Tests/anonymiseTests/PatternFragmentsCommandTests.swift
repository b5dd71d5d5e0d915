import Foundation
import XCTest

/// Rules of a user's folder written with fragments, through the real binary.
final class PatternFragmentsCommandTests: CommandLineTestCase {
    private let rule = """
    rules:
      - id: mine.locker
        category: reference
        description: A locker number at a given postcode.
        regex: 'locker (?<value>[0-9]{3}) at {{postcode}}'
        confidence: 0.9
        action: replace
        placeholder: '[locker]'
        examples:
          match: [{text: 'locker 123 at NE1 4AB', value: '123'}]
          no-match: ['locker 123 at home']

    """

    /// `patterns test DIR` tests the folder's rules alone, yet they may use the built-in fragments.
    func testAFolderTestedAloneUsesTheBuiltInFragments() throws {
        _ = try write(rule, to: "mine/mine.yaml")
        let result = try run(["patterns", "test", "mine"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1 rules, 2 examples: all pass\n")
        let redacted = try run(["redact", "-", "--patterns", "mine", "--no-store", "--quiet"], stdin: "Her locker 123 at NE1 4AB was emptied.\n")
        XCTAssertEqual(redacted.status, 0, redacted.stderr)
        XCTAssertEqual(redacted.stdout, "Her locker [locker] at [postcode] was emptied.\n")
    }

    func testAnUnknownFragmentIsExit2NamingFileAndRule() throws {
        _ = try write(rule.replacingOccurrences(of: "{{postcode}}", with: "{{post-code}}"), to: "mine/mine.yaml")
        let result = try run(["redact", "-", "--patterns", "mine", "--no-store"], stdin: "text\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("mine/mine.yaml: rule mine.locker: unknown fragment `{{post-code}}` in the regex"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
