/// One thing a rule found, before overlaps are resolved: the byte range of its value
/// (the `value` group, else the whole match), the whole match, and for person rules
/// the byte ranges of their named groups.
public struct Candidate: Sendable, Equatable {
    /// Index of the rule in `PatternSet.rules`.
    public let ruleIndex: Int
    public let range: Range<Int>
    public let match: Range<Int>
    public let groups: [String: Range<Int>]

    public init(ruleIndex: Int, range: Range<Int>, match: Range<Int>, groups: [String: Range<Int>] = [:]) {
        self.ruleIndex = ruleIndex
        self.range = range
        self.match = match
        self.groups = groups
    }
}
