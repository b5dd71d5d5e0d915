/// Runs every rule's examples (`anonymise patterns test`, and the test suite):
/// a rule may never ship with an example it fails.
public struct PatternTester: Sendable {
    public struct Failure: Equatable, Sendable, CustomStringConvertible {
        public let ruleID: String
        public let file: String
        public let example: String
        public let problem: String

        public var description: String { "\(file): rule \(ruleID): \(problem): \(example.debugDescription)" }
    }

    public let patterns: PatternSet

    public init(patterns: PatternSet) {
        self.patterns = patterns
    }

    /// Every failing example; empty when all pass.
    public func run() throws -> [Failure] {
        var failures: [Failure] = []
        let detector = Detector(patterns: patterns)
        for (index, rule) in patterns.rules.enumerated() {
            func fail(_ example: String, _ problem: String) {
                failures.append(Failure(ruleID: rule.id, file: rule.file, example: example, problem: problem))
            }
            for positive in rule.examples.match {
                let values = try exampleValues(of: index, in: positive.text, detector: detector)
                let unfiltered = try exampleValues(of: index, in: positive.text, detector: detector, prefiltered: false)
                if values != unfiltered {
                    // The regex matches, but no `requires` literal stands on the match's line.
                    fail(positive.text, "the `requires` pre-filter hides \(unfiltered.filter { !values.contains($0) }.map(\.debugDescription).joined(separator: ", ")): add a literal")
                } else if values.isEmpty {
                    fail(positive.text, "does not match")
                } else if let expected = positive.value, !values.contains(expected) {
                    fail(positive.text, "matches \(values.map(\.debugDescription).joined(separator: ", ")), expected \(expected.debugDescription)")
                }
            }
            for negative in rule.examples.noMatch {
                // Without the pre-filter: the regex itself must leave the example alone.
                let values = try exampleValues(of: index, in: negative, detector: detector, prefiltered: false)
                if !values.isEmpty {
                    fail(negative, "should not match but found \(values.map(\.debugDescription).joined(separator: ", "))")
                }
            }
        }
        return failures
    }

    /// What the rule finds in an example: the `value` group, else the `name` group, else the match.
    func exampleValues(of ruleIndex: Int, in text: String, detector: Detector, prefiltered: Bool = true) throws -> [String] {
        let document = Document(name: "example", text: text)
        let tokens = Tokenizer.tokens(in: document.bytes)
        // With the pre-filter, as in a real run, unless asked for the regex alone.
        let prefilter = prefiltered ? detector.prefilter(document) : nil
        return try detector.candidates(of: ruleIndex, in: document, tokens: tokens, prefilter: prefilter).map { candidate in
            let range = candidate.groups["value"] ?? candidate.groups["name"] ?? candidate.range
            return document.string(range)
        }
    }
}
