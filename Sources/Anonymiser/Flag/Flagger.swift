/// The flag stage: residual details become flags with their rule's reason and
/// suggestion; house-style problems the tool cannot settle alone are flagged too.
/// Flags never change the text.
public struct Flagger: Sendable {
    let rules: [Rule]

    public init(patterns: PatternSet) {
        rules = patterns.rules
    }

    public func flags(from candidates: [Candidate], people: [Person], mentions: [PersonMention], edits: [Edit],
                      generalised: [Range<Int>: Edit] = [:]) -> [ReviewFlag] {
        let rewordedRanges = Set(generalised.values.map(\.range))
        let changed = RangeSet(edits.map(\.range).filter { !rewordedRanges.contains($0) })
        var flags = candidates.compactMap { candidate -> ReviewFlag? in
            // A detail inside a replaced name or identifier is gone already.
            guard !changed.overlaps(candidate.range) else { return nil }
            let rule = rules[candidate.ruleIndex]
            var suggestion = rule.suggestion ?? ""
            if let applied = generalised[candidate.range]?.replacement {
                suggestion = "generalised to \"\(applied)\"; check the sentence reads well (suggested: \(suggestion))"
            }
            return ReviewFlag(range: candidate.range, category: rule.category, rule: rule.id,
                              reason: rule.reason ?? "", suggestion: suggestion)
        }
        flags += consistencyFlags(people: people, mentions: mentions)
        return flags.sorted { ($0.range.lowerBound, $0.rule) < ($1.range.lowerBound, $1.rule) }
    }

    /// A person written with two titles ("Mrs Whitfield" and "Miss Whitfield") is given
    /// the commoner one; the reviewer should check which is right.
    private func consistencyFlags(people: [Person], mentions: [PersonMention]) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        for (position, person) in people.enumerated() where person.role == nil && Set(person.titles).count > 1 {
            let chosen = person.titles[0].text
            guard let odd = mentions.first(where: { $0.person == position && $0.title != nil && $0.title?.text != chosen }) else { continue }
            flags.append(ReviewFlag(
                range: odd.range, category: "consistency", rule: "house-style.title-mismatch",
                reason: "the same person is written with different titles (\(Set(person.titles.map(\.text)).sorted().joined(separator: ", ")))",
                suggestion: "use one title for them throughout (\(chosen) was chosen)"))
        }
        return flags
    }
}
