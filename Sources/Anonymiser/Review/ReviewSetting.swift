import Foundation

/// What a `redact` run needs for review: the key's fingerprinter (for a review page or for
/// decisions), and the decisions to apply. Loaded and checked before anything is written.
struct ReviewSetting: Sendable {
    let fingerprinter: Fingerprinter
    let applier: DecisionApplier?
    let people: PersonDecisions?

    /// Nil when the run neither writes a review page nor applies decisions.
    static func load(_ request: RedactRun.Request, inputs: InputSet) throws -> ReviewSetting? {
        guard request.report != nil || request.decisions != nil else {
            if request.requiresDecisions { throw UsageError("--require-decisions needs --decisions FILE") }
            if request.reviewer != nil { throw UsageError("--reviewer is used only with --decisions FILE") }
            return nil
        }
        if request.requiresDecisions && request.decisions == nil { throw UsageError("--require-decisions needs --decisions FILE") }
        if request.decisions != nil && inputs.files.count != 1 {
            throw UsageError("--decisions belongs to one draft: give exactly one input")
        }
        let decisions = try request.decisions.map { try Decisions.load(URL(fileURLWithPath: $0), name: $0) }
        // A page may make the default key; applying decisions needs the key they were made with.
        let key = try ReviewKey.load(explicit: request.reviewKey, store: request.store, create: request.report != nil && decisions == nil)
        let fingerprinter = Fingerprinter(key: key)
        guard let decisions, let path = request.decisions else { return ReviewSetting(fingerprinter: fingerprinter, applier: nil, people: nil) }
        guard decisions.key == fingerprinter.keyIdentifier else {
            throw InputError(path: path, problem: "was made under another review key (\(decisions.key), this run has \(fingerprinter.keyIdentifier)): "
                + "give the key of the page it came from with --review-key FILE or $\(ReviewKey.environmentVariable)")
        }
        return ReviewSetting(
            fingerprinter: fingerprinter, applier: DecisionApplier(decisions: decisions, fingerprinter: fingerprinter),
            people: PersonDecisions(decisions: decisions.people, fingerprinter: fingerprinter, source: path))
    }
}

/// `--require-decisions` refused a document: a flag undecided or a decision stale. Exit 1.
public struct ReviewIncomplete: Error, CustomStringConvertible, Sendable {
    public let name: String
    public let undecidedFlags: Int
    public let stale: Int

    init(name: String, outcome: ReviewOutcome) {
        self.name = name
        undecidedFlags = outcome.undecidedFlags
        stale = outcome.stale.count
    }

    public var description: String {
        var problems: [String] = []
        if undecidedFlags > 0 { problems.append("\(undecidedFlags) \(undecidedFlags == 1 ? "flag" : "flags") undecided") }
        if stale > 0 { problems.append("\(stale) stale \(stale == 1 ? "decision" : "decisions") (the draft changed there: review it again)") }
        return "\(name): not every flag is decided: " + problems.joined(separator: ", ") + "; nothing written"
    }
}
