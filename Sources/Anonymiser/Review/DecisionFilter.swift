/// `check --decisions`: a flag a reviewer decided — rejected with a reason (the detail stays,
/// on purpose) or accepted — is not reported; an undecided one is. Flags are `note` findings,
/// fingerprinted as `redact` fingerprints them (`Fingerprinter`: rule, text, the lower-case words
/// around it, ordinal), so the check of a published text finds the decisions made on its draft.
public struct DecisionFilter: Sendable {
    public let fingerprinter: Fingerprinter
    /// Fingerprints of items decided so that the text stays as written.
    let kept: Set<String>

    public init(decisions: Decisions, fingerprinter: Fingerprinter) {
        self.fingerprinter = fingerprinter
        kept = Set(decisions.items.filter { $0.decision != .edit }.map(\.fingerprint))
    }

    /// The findings without the decided flags, and how many were dropped.
    public func filter(_ findings: [Finding], in document: Document) -> ([Finding], Int) {
        let flags = findings.enumerated().filter { $0.element.level == .note }
        let fingerprints = fingerprinter.fingerprints(
            of: flags.map { Fingerprinter.Anchor(rule: $0.element.rule, range: $0.element.range) }, in: document)
        let decided = Set(zip(flags, fingerprints).filter { kept.contains($0.1) }.map(\.0.offset))
        return (findings.enumerated().filter { !decided.contains($0.offset) }.map(\.element), decided.count)
    }
}
