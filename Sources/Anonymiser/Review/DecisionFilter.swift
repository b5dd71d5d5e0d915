/// `check --decisions`: a flag a reviewer decided to keep as written — rejected with a reason
/// (the detail stays, on purpose), or a flag-only item accepted — is not reported; an undecided
/// one is, and so is one the reviewer agreed to replace (an accepted or edited rewording): a
/// published text that still says it was not made from those decisions. Flags are `note` findings,
/// fingerprinted as `redact` fingerprints them (`Fingerprinter`: rule, text, the lower-case words
/// around it, ordinal); in a published text, where rewordings beside a flag change the words
/// around it, a flag is matched by its detail fingerprint (rule and text) instead.
public struct DecisionFilter: Sendable {
    public let fingerprinter: Fingerprinter
    /// Fingerprints of items decided so that the text stays as written.
    let kept: Set<String>
    /// Detail fingerprints (rule and text) of the same: a published text's rewordings change
    /// the words around a kept flag, never its rule and text.
    let keptDetails: Set<String>

    public init(decisions: Decisions, fingerprinter: Fingerprinter) {
        self.fingerprinter = fingerprinter
        let keeping = decisions.items.filter { $0.decision == .reject || ($0.decision == .accept && $0.item == .flag) }
        kept = Set(keeping.map(\.fingerprint))
        keptDetails = Set(keeping.compactMap(\.detail))
    }

    /// The findings without the decided flags, and how many were dropped.
    public func filter(_ findings: [Finding], in document: Document) -> ([Finding], Int) {
        let flags = findings.enumerated().filter { $0.element.level == .note }
        let fingerprints = fingerprinter.fingerprints(
            of: flags.map { Fingerprinter.Anchor(rule: $0.element.rule, range: $0.element.range) }, in: document)
        let decided = Set(zip(flags, fingerprints).filter { flag, fingerprint in
            kept.contains(fingerprint)
                || keptDetails.contains(fingerprinter.detailFingerprint(rule: flag.element.rule, text: flag.element.text))
        }.map(\.0.offset))
        return (findings.enumerated().filter { !decided.contains($0.offset) }.map(\.element), decided.count)
    }
}
