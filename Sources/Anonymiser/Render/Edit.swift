/// One change to the text: a byte range of the input and what replaces it.
public struct Edit: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: String
    public let category: String
    public let rule: String
    /// The pseudonym letter, for a person.
    public let person: String?
    /// The role a staff member or representative is named by instead.
    public let role: String?

    public init(range: Range<Int>, replacement: String, category: String, rule: String, person: String? = nil, role: String? = nil) {
        self.range = range
        self.replacement = replacement
        self.category = category
        self.rule = rule
        self.person = person
        self.role = role
    }
}

/// A residual detail a person must decide on. The text is not changed.
public struct ReviewFlag: Sendable, Equatable {
    public let range: Range<Int>
    public let category: String
    public let rule: String
    public let reason: String
    public let suggestion: String
}

extension Edit {
    /// Edits in text order with no two overlapping. The stages never produce overlaps; should a
    /// future rule do so, the overlapping edits become one edit over their union (both
    /// replacements, in order), so nothing of either is left in the text and rendering cannot fail.
    static func disjoint(_ edits: [Edit]) -> [Edit] {
        var result: [Edit] = []
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            guard let last = result.last, edit.range.lowerBound < last.range.upperBound else {
                result.append(edit)
                continue
            }
            let union = last.range.lowerBound..<max(last.range.upperBound, edit.range.upperBound)
            let text = edit.range.upperBound > last.range.upperBound ? last.replacement + " " + edit.replacement : last.replacement
            result[result.count - 1] = Edit(range: union, replacement: text, category: last.category, rule: last.rule,
                                            person: last.person, role: last.role)
        }
        return result
    }
}

extension Edit {
    /// The same edit in a text that starts `offset` bytes earlier (a segment's edit in its draft).
    func shifted(by offset: Int) -> Edit {
        Edit(range: range.lowerBound + offset..<range.upperBound + offset, replacement: replacement, category: category, rule: rule,
             person: person, role: role)
    }
}

extension ReviewFlag {
    func shifted(by offset: Int) -> ReviewFlag {
        ReviewFlag(range: range.lowerBound + offset..<range.upperBound + offset, category: category, rule: rule, reason: reason,
                   suggestion: suggestion)
    }
}
