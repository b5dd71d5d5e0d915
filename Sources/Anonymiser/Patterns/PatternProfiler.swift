import Foundation

/// Times every rule over sample documents (`anonymise patterns profile`), so a pattern
/// author can see which rules cost the most and whether their `requires` pre-filter helps.
public struct PatternProfiler: Sendable {
    public struct Entry: Sendable {
        public let ruleID: String
        public let seconds: Double
        public let candidates: Int
        /// Documents the `requires` pre-filter let through.
        public let documentsScanned: Int
        /// Positions the rule's regex was tried at, anchored (nil: it scans the text instead).
        public var tries: Int? = nil
    }

    public let patterns: PatternSet

    public init(patterns: PatternSet) {
        self.patterns = patterns
    }

    /// The rules' own time, and — as the entry `candidatePositionsID` — the pass that finds
    /// where the rules with a start set are tried (shared by all of them).
    public func profile(_ documents: [Document]) throws -> [Entry] {
        let detector = Detector(patterns: patterns)
        let clock = Detector.RuleClock(rules: patterns.rules.count)
        var found = [Int](repeating: 0, count: patterns.rules.count)
        var scanned = [Int](repeating: 0, count: patterns.rules.count)
        for document in documents {
            let tokens = Tokenizer.tokens(in: document.bytes)
            let prefilter = detector.prefilter(document)
            for index in patterns.rules.indices where prefilter.holdsLiteral(ofRule: index) { scanned[index] += 1 }
            for candidate in try detector.detect(in: document, tokens: tokens, scan: .candidates, clock: clock) {
                found[candidate.ruleIndex] += 1
            }
        }
        let rules = patterns.rules.indices.map {
            Entry(ruleID: patterns.rules[$0].id, seconds: clock.seconds[$0], candidates: found[$0], documentsScanned: scanned[$0],
                  tries: patterns.rules[$0].anchoredForm == nil ? nil : clock.tries[$0])
        }
        // Its "found": the (position, rule) pairs it visited, each one anchored try of a rule.
        let positions = Entry(
            ruleID: PatternProfiler.candidatePositionsID, seconds: clock.candidatePositions, candidates: clock.candidateVisits,
            documentsScanned: documents.count)
        return (rules + [positions]).sorted { $0.seconds > $1.seconds }
    }

    public static let candidatePositionsID = "(candidate positions of every anchored rule)"
}
