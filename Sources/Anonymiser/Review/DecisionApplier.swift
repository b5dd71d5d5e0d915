/// Applies a reviewer's item decisions to a redaction: output = f(draft, rules, case registry,
/// decisions). Accepted items stay as the tool made them; a rejected replacement gives the
/// original wording back; an edit puts the reviewer's text in place (of a replacement, or of a
/// flagged detail). A decision whose fingerprint matches no item is stale. Person-level
/// decisions are applied before the redaction is made (`PersonDecisions`), not here.
public struct DecisionApplier: Sendable {
    public let decisions: Decisions
    public let fingerprinter: Fingerprinter

    public init(decisions: Decisions, fingerprinter: Fingerprinter) {
        self.decisions = decisions
        self.fingerprinter = fingerprinter
    }

    public func apply(to redaction: Redaction) -> (Redaction, ReviewOutcome) {
        let items = ReviewItem.items(of: redaction, fingerprinter: fingerprinter)
        var byFingerprint: [String: Decisions.ItemDecision] = [:]
        for decision in decisions.items { byFingerprint[decision.fingerprint] = decision }
        var edits: [Edit] = []
        var replaced = Set<Range<Int>>()
        var applied: [ReviewOutcome.Applied] = []
        var matched = Set<String>()
        var undecided: [ReviewItem] = []
        var identical: [String] = []
        for item in items {
            guard let decision = byFingerprint[item.fingerprint] else {
                undecided.append(item)
                continue
            }
            matched.insert(item.fingerprint)
            // "Edited" back to the original wording is a rejection without its reason: refused.
            if decision.decision == .edit, decision.replacement == redaction.document.string(item.range) {
                identical.append(item.fingerprint)
            }
            applied.append(ReviewOutcome.Applied(item: item, decision: decision))
            switch decision.decision {
            case .accept: break
            case .reject:
                if let edit = item.edit { replaced.insert(edit.range) }
            case .edit:
                let text = decision.replacement ?? ""
                if let edit = item.edit {
                    replaced.insert(edit.range)
                    edits.append(Edit(range: edit.range, replacement: text, category: edit.category, rule: edit.rule,
                                      person: edit.person, role: edit.role))
                } else {
                    edits.append(Edit(range: item.range, replacement: text, category: item.category, rule: item.rule))
                }
            }
        }
        edits += redaction.edits.filter { !replaced.contains($0.range) }
        let reviewed = Redaction(document: redaction.document, edits: Edit.disjoint(edits), flags: redaction.flags,
                                 people: redaction.people, caseReference: redaction.caseReference)
        let stale = decisions.items.map(\.fingerprint).filter { !matched.contains($0) }
        var outcome = ReviewOutcome(applied: applied, stale: stale, undecided: undecided, reviewer: decisions.reviewer)
        outcome.editedToTheOriginal = identical
        return (reviewed, outcome)
    }
}

/// What applying decisions to one document did: for the audit, the summary and
/// `--require-decisions`.
public struct ReviewOutcome: Sendable {
    public struct Applied: Sendable {
        public let item: ReviewItem
        public let decision: Decisions.ItemDecision
    }

    /// Item decisions that matched, in text order.
    public var applied: [Applied]
    /// Fingerprints of decisions (items, then people) that match nothing in this draft.
    public var stale: [String]
    /// Items nobody decided, in text order.
    public var undecided: [ReviewItem]
    /// Item decisions on mentions of someone a person decision marked "not a person": that
    /// decision removed their items, so these are superseded, not stale.
    public var superseded: [String] = []
    /// Edits whose text is the original wording (a rejection without a reason): refused.
    public var editedToTheOriginal: [String] = []
    /// Person decisions that matched a person, with the pseudonym they were applied to.
    public var people: [(decision: Decisions.PersonDecision, pseudonym: String)] = []
    /// The file's reviewer (`--reviewer` overrides it).
    public var reviewer: String?

    /// Flags nobody decided: what `--require-decisions` refuses.
    public var undecidedFlags: Int { undecided.filter(\.isFlagged).count }

    public var isComplete: Bool { undecidedFlags == 0 && stale.isEmpty }
}
