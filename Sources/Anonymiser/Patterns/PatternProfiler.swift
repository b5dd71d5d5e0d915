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
    }

    public let patterns: PatternSet

    public init(patterns: PatternSet) {
        self.patterns = patterns
    }

    public func profile(_ documents: [Document]) throws -> [Entry] {
        let detector = Detector(patterns: patterns)
        var seconds = [Double](repeating: 0, count: patterns.rules.count)
        var found = [Int](repeating: 0, count: patterns.rules.count)
        var scanned = [Int](repeating: 0, count: patterns.rules.count)
        for document in documents {
            let tokens = Tokenizer.tokens(in: document.bytes)
            let prefilter = detector.prefilter(document)
            for index in patterns.rules.indices where prefilter.holdsLiteral(ofRule: index) {
                let start = DispatchTime.now().uptimeNanoseconds
                found[index] += try detector.candidates(of: index, in: document, tokens: tokens, prefilter: prefilter).count
                seconds[index] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                scanned[index] += 1
            }
        }
        return patterns.rules.indices.map {
            Entry(ruleID: patterns.rules[$0].id, seconds: seconds[$0], candidates: found[$0], documentsScanned: scanned[$0])
        }.sorted { $0.seconds > $1.seconds }
    }
}
