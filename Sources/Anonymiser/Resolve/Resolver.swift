/// The resolve stage: one finding per range. Allowed phrases drop what lies inside them;
/// of overlapping identifiers the longer span wins, then the higher confidence, then the
/// earlier rule. Flags are resolved the same way among themselves and never sit on top
/// of a replaced identifier (the detail is already gone).
public struct Resolver: Sendable {
    public struct Resolution: Sendable {
        /// Direct identifiers to replace with placeholders, in text order.
        public var identifiers: [Candidate] = []
        /// Residual details to flag, in text order.
        public var flags: [Candidate] = []
        /// Matches of person rules, for the linker.
        public var people: [Candidate] = []
        /// Spans kept on purpose.
        public var allowed: [Range<Int>] = []
    }

    let rules: [Rule]

    public init(patterns: PatternSet) {
        rules = patterns.rules
    }

    public func resolve(_ candidates: [Candidate]) -> Resolution {
        var resolution = Resolution()
        var replaceable: [Candidate] = []
        var flaggable: [Candidate] = []
        for candidate in candidates {
            let rule = rules[candidate.ruleIndex]
            switch rule.action {
            case .allow: resolution.allowed.append(candidate.range)
            case .flag: flaggable.append(candidate)
            case .replace where rule.findsPeople: resolution.people.append(candidate)
            case .replace: replaceable.append(candidate)
            }
        }
        let allowed = RangeSet(resolution.allowed)
        resolution.identifiers = keepBest(replaceable.filter { !allowed.overlaps($0.range) })
        let replaced = RangeSet(resolution.identifiers.map(\.range))
        resolution.flags = keepBest(flaggable.filter { !allowed.overlaps($0.range) && !replaced.overlaps($0.range) })
        return resolution
    }

    /// Greedy by priority: longer span, then higher confidence, then rule order, then position.
    func keepBest(_ candidates: [Candidate]) -> [Candidate] {
        let ranked = candidates.sorted { a, b in
            if a.range.count != b.range.count { return a.range.count > b.range.count }
            let (ca, cb) = (rules[a.ruleIndex].confidence, rules[b.ruleIndex].confidence)
            if ca != cb { return ca > cb }
            if a.ruleIndex != b.ruleIndex { return a.ruleIndex < b.ruleIndex }
            return a.range.lowerBound < b.range.lowerBound
        }
        var kept: [Candidate] = []
        var taken = DisjointRanges()
        for candidate in ranked where taken.insert(candidate.range) {
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
