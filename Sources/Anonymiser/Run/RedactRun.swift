import Foundation

/// `anonymise redact`: reads the inputs, redacts each, writes text and audit trails.
///
/// Every input is read and validated before anything is written, so bad input leaves
/// no output behind; each output is written atomically; an input is never written to.
///
/// A document belongs to a case when `--case` names one or, without it, when the document
/// carries its own Ombudsman reference ("24 013 403"). Such a document is redacted against
/// the case registry (`CaseStore`), in one transaction: known people keep their letters,
/// new ones are stored. The store is opened only when some input has a case, and before
/// anything is written. A document with no reference and no `--case` is a one-off: nothing
/// is stored. `usesStore: false` (`--no-store`) makes every document a one-off.
/// The registry transaction commits before the outputs are written: if writing fails, a
/// second run gives the same text, because the people are then known.
public struct RedactRun: Sendable {
    public struct Request: Sendable {
        public var inputs: [String]
        /// `-o`: one output file, or "-" for standard output.
        public var output: String?
        /// `--out-dir`: batch mode.
        public var outputDirectory: String?
        /// `--audit`: where the audit trail of a single input goes.
        public var audit: String?
        /// `--report`: an HTML review page for a single input.
        public var report: String?
        /// `--case`: the case every input belongs to.
        public var caseReference: String?
        /// `--store`: the case registry's file (default: `$ANONYMISE_STORE`, else `./.anonymise/cases.sqlite`).
        public var store: String?
        /// False with `--no-store`: no document uses the case registry.
        public var usesStore: Bool
        /// Called inside each document's registry transaction (a test hook: `TransactionStop`).
        public var insideStoreTransaction: (@Sendable () -> Void)?
        /// How a .docx's tracked changes and comments are handled.
        public var docx = DocxOptions()
        /// `--decisions`: a reviewer's decisions file for the single input (`Decisions`).
        public var decisions: String?
        /// `--reviewer`: who decided, for the audit (default: the decisions file's reviewer).
        public var reviewer: String?
        /// `--require-decisions`: fail (exit 1, nothing written) while a flag is undecided or a decision stale.
        public var requiresDecisions = false
        /// `--review-key`: the key review fingerprints are made under (`ReviewKey`).
        public var reviewKey: String?

        public init(inputs: [String], output: String? = nil, outputDirectory: String? = nil, audit: String? = nil, caseReference: String? = nil,
                    store: String? = nil, usesStore: Bool = true, report: String? = nil) {
            self.inputs = inputs
            self.output = output
            self.outputDirectory = outputDirectory
            self.audit = audit
            self.caseReference = caseReference
            self.store = store
            self.usesStore = usesStore
            self.report = report
        }
    }

    /// Where a document's text and audit go.
    struct Destination: Sendable {
        var text: URL?  // nil: standard output
        var audit: URL?
        var report: URL?
    }

    public let anonymiser: Anonymiser
    public let request: Request

    public init(anonymiser: Anonymiser, request: Request) {
        self.anonymiser = anonymiser
        self.request = request
    }

    /// Runs the request. `readStandardInput` is called at most once; `writeStandardOutput`
    /// receives text meant for standard output. Returns one summary per document.
    public func run(readStandardInput: () -> Data, writeStandardOutput: (String) -> Void) throws -> [DocumentSummary] {
        var summaries: [DocumentSummary] = []
        try run(readStandardInput: readStandardInput, writeStandardOutput: writeStandardOutput) { summaries.append($0) }
        return summaries
    }

    /// Runs the request, handing each document's summary to `each` in input order as soon as
    /// it and those before it are done (memory stays flat however large the batch). The first
    /// error in input order is thrown after the summaries before it. Returns what the walk of
    /// the input folders left out. `progress` hears of each document as it is handed over.
    @discardableResult
    public func run(
        readStandardInput: () -> Data, writeStandardOutput: (String) -> Void, progress: BatchProgress? = nil,
        each: (DocumentSummary) throws -> Void
    ) throws -> SkippedInputs {
        if !request.usesStore && request.store != nil {
            throw UsageError("--store and --no-store cannot be combined")
        }
        let explicitCase = try request.caseReference.map(CaseReference.canonical)
        // One walk, before anything is written: the run works from this snapshot, so what it
        // writes (or anyone adds) meanwhile is never read.
        let inputs = try InputSet(request.inputs, excluding: OutputPlan.exclusions(of: request))
        let plan = try OutputPlan(request: request, inputs: inputs)
        let review = try ReviewSetting.load(request, inputs: inputs)

        // Every input is read and checked before anything is written, one at a time (memory
        // stays flat): what each document's case is.
        var standardInput: Data?
        var caseKeys: [UInt64] = []  // 0: a one-off; otherwise the case, hashed (runs one at a time)
        caseKeys.reserveCapacity(inputs.files.count)
        for input in inputs.files {
            let document: Document
            if input.isStandardInput {
                standardInput = readStandardInput()
                document = try Document(data: standardInput!, name: "-")
            } else if input.isDocx {
                document = try DocxDraft(bytes: Document.read(input.url!, name: input.displayName), name: input.displayName, options: request.docx).document
            } else {
                document = try Document(contentsOf: input.url!, name: input.displayName)
            }
            let reference = request.usesStore ? try explicitCase ?? Anonymiser.ombudsmanReference(in: document).map(CaseReference.canonical) : nil
            caseKeys.append(reference.map(RedactRun.caseKey) ?? 0)
        }
        // The registry is opened (and checked) only when a document has a case.
        let store = try caseKeys.contains { $0 != 0 }
            ? CaseStore(url: CaseStore.location(request.store), insideTransaction: request.insideStoreTransaction) : nil
        if let directory = request.outputDirectory { try AtomicFile.prepareDirectory(URL(fileURLWithPath: directory)) }
        let keys = caseKeys
        let stdinData = standardInput
        let files = inputs.files
        progress?.start(files)
        // What a published .docx must pass before it is put in place.
        let gate = files.contains(where: \.isDocx) ? Checker(patterns: anonymiser.patterns) : nil

        // Outputs are renamed into place unflushed and flushed together when the batch ends
        // (also after a failure: what was written is complete and should survive a power cut).
        // The case registry commits are flushed one by one: they must never be lost.
        defer { if plan.writesFiles { AtomicFile.flushAll() } }

        // Documents of one case run one after another in input order, so who becomes Y and who Z
        // never depends on thread timing; different cases (and one-offs) run concurrently.
        // Summaries (and the first error) come back in input order.
        var position = 0
        try OrderedParallel.forEach(next: { () -> Int? in
            guard position < files.count else { return nil }
            position += 1
            return position - 1
        }, key: { keys[$0] == 0 ? nil : keys[$0] }, { index in
            try process(files[index], destination: plan.destination(files[index]), hasCase: keys[index] != 0,
                        explicitCase: explicitCase, standardInput: stdinData, store: store, gate: gate, review: review)
        }, each: { (summary, standardOutput) in
            progress?.advance()
            if let standardOutput { writeStandardOutput(standardOutput) }
            try each(summary)
        })
        return inputs.skipped
    }

    /// Applies a reviewer's item decisions to the proposed redaction and works out what they
    /// did; throws `ReviewIncomplete` when `--require-decisions` refuses. `withoutNotAPerson`
    /// redacts again as if no one were marked "not a person" (only when needed): decisions on
    /// the mentions such a mark removed are superseded, not stale.
    private func decide(
        _ review: ReviewSetting, proposed: Redaction, people: [(decision: Decisions.PersonDecision, pseudonym: String)], name: String,
        withoutNotAPerson: () throws -> Redaction
    ) throws -> (Redaction, ReviewOutcome) {
        let applier = review.applier!
        var (reviewed, outcome) = applier.apply(to: proposed)
        if let fingerprint = outcome.editedToTheOriginal.first,
           let number = applier.decisions.items.firstIndex(where: { $0.fingerprint == fingerprint }) {
            throw InputError(path: request.decisions ?? "decisions", problem: "items[\(number)]: the edited text is the original wording: "
                + "to keep it, reject the item with a reason")
        }
        outcome.people = people
        let matchedPeople = Set(people.map(\.decision.fingerprint))
        outcome.stale += applier.decisions.people.map(\.fingerprint).filter { !matchedPeople.contains($0) }
        if !outcome.stale.isEmpty && people.contains(where: { $0.decision.decision == .notAPerson }) {
            let current = Set(ReviewItem.items(of: proposed, fingerprinter: review.fingerprinter).map(\.fingerprint))
            let removed = Set(ReviewItem.items(of: try withoutNotAPerson(), fingerprinter: review.fingerprinter)
                .filter { $0.category == Rule.personCategory && !current.contains($0.fingerprint) }.map(\.fingerprint))
            outcome.superseded = outcome.stale.filter(removed.contains)
            outcome.stale.removeAll(where: removed.contains)
        }
        if let reviewer = request.reviewer { outcome.reviewer = reviewer }
        if request.requiresDecisions && !outcome.isComplete {
            throw ReviewIncomplete(name: name, outcome: outcome)
        }
        return (reviewed, outcome)
    }

    /// A case reference as a key for running a case's documents one at a time (never 0).
    static func caseKey(_ reference: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(reference)
        return UInt64(bitPattern: Int64(hasher.finalize())) | 1
    }

    /// One document, start to finish: read, redact (against its case), write text and audit.
    /// Returns its summary, and its text when that goes to standard output.
    private func process(
        _ input: InputFile, destination: Destination, hasCase: Bool, explicitCase: String?, standardInput: Data?, store: CaseStore?,
        gate: Checker?, review: ReviewSetting?
    ) throws -> (DocumentSummary, String?) {
        // Read again: a file removed or replaced since the run began fails here, by name. The
        // input's own bytes are hashed, then handed to the document (plain UTF-8 is not copied).
        let raw = try input.url.map { try Document.read($0, name: input.displayName) } ?? [UInt8](standardInput!)
        let inputSHA256 = Digest.sha256(raw)
        // A .docx: its stories' joined text is redacted, and the edits written back into its runs.
        let docx = input.isDocx ? try DocxDraft(bytes: raw, name: input.displayName, options: request.docx) : nil
        let document: Document
        if let docx { document = docx.document } else { document = try Document(input: consume raw, name: input.displayName) }
        var redaction: Redaction
        var outcome: CaseOutcome?
        var reviewOutcome: ReviewOutcome?
        let reference = hasCase ? try explicitCase ?? Anonymiser.ombudsmanReference(in: document).map(CaseReference.canonical) : nil
        // The page shows the tool's proposals (after person decisions); the output has every decision applied.
        var proposed: Redaction
        if let reference, let store {
            if let review, review.applier != nil {
                // Person decisions, the redaction and the item decisions in one transaction: a run
                // `--require-decisions` refuses leaves the registry as it was.
                let result = try store.redact(inCase: reference, inputSHA256: inputSHA256, decisions: review.people) { context in
                    try anonymiser.redact(document, case: context)
                } review: { proposed, context, people in
                    let (reviewed, result) = try decide(review, proposed: proposed, people: people, name: input.displayName) {
                        let marked = Set(people.filter { $0.decision.decision == .notAPerson }.map(\.decision.fingerprint))
                        return try anonymiser.redact(document, case: context.withPeopleAgain(marked, fingerprinter: review.fingerprinter))
                    }
                    reviewOutcome = result
                    return reviewed
                }
                (proposed, redaction, outcome) = (result.proposed, result.reviewed, result.outcome)
            } else {
                (redaction, outcome) = try store.redact(inCase: reference, inputSHA256: inputSHA256) { context in
                    try anonymiser.redact(document, case: context)
                }
                proposed = redaction
            }
            // The page is made against the case as a re-run sees it (its people now known), so
            // the fingerprints it carries are the ones the re-run computes.
            if destination.report != nil, let context = try store.context(for: reference) {
                proposed = try anonymiser.redact(document, case: context)
            }
        } else {
            let first = try anonymiser.redact(document)
            redaction = first
            var peopleDecided: [(decision: Decisions.PersonDecision, pseudonym: String)] = []
            if let people = review?.people, !people.isEmpty {
                let (context, matched) = try people.context(for: first.people, reference: "one-off")
                peopleDecided = matched
                if !matched.isEmpty { redaction = try anonymiser.redact(document, case: context) }
            }
            proposed = redaction
            if let review, review.applier != nil {
                (redaction, reviewOutcome) = try decide(review, proposed: proposed, people: peopleDecided, name: input.displayName) { first }
            }
        }
        let caseReference = outcome?.reference ?? request.caseReference ?? redaction.caseReference
            ?? (input.isStandardInput ? "stdin" : (input.relativePath as NSString).deletingPathExtension)
        // Only a real reference goes on the page and into its decisions file, never a file name.
        let reviewReference = outcome?.reference ?? explicitCase ?? proposed.caseReference
        if let docx { redaction = docx.flaggingHiddenContent(redaction) }
        let publishedDocx = try docx.map { try $0.published(redaction, gate: gate!) }
        var audit = AuditTrail(
            redaction: redaction, inputName: input.displayName, inputSHA256: inputSHA256,
            caseReference: caseReference, patternsFingerprint: anonymiser.patterns.fingerprint)
        if let docx, let publishedDocx { audit.docx = (docx.locator, Digest.sha256(publishedDocx)) }
        audit.review = reviewOutcome
        // All of a document's outputs or none: each is written in full beside its place, then
        // all are renamed into place together.
        var outputs = OutputTransaction(flush: false)
        var standardOutput: String?
        if let textURL = destination.text {
            if let publishedDocx {
                try outputs.stage(Data(publishedDocx), to: textURL)
            } else {
                try outputs.stage(to: textURL) { write in try redaction.writeOutput(into: write) }
            }
        } else if docx == nil {
            standardOutput = redaction.output
        }
        if let reportURL = destination.report {
            // The report shows original wording: owner-only, like the audit.
            let page = ReviewPage(redaction: proposed, fingerprinter: review!.fingerprinter, title: input.displayName,
                                  caseReference: reviewReference, decisions: review?.applier?.decisions,
                                  realInitials: try reviewReference.flatMap { try store?.context(for: $0)?.realInitials } ?? [])
            try outputs.stage(Data(page.html.utf8), to: reportURL, permissions: 0o600)
        }
        if let auditURL = destination.audit {
            // The audit holds the real names: owner-only.
            try outputs.stage(to: auditURL, permissions: 0o600) { write in try audit.write(into: write) }
        }
        try outputs.commit()
        return (DocumentSummary(name: input.displayName, redaction: redaction, case: outcome, review: reviewOutcome), standardOutput)
    }
}

/// A command line that asks for something impossible; exit code 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What a caseworker sees on standard error after a document: counts only, never a real name.
public struct DocumentSummary: Sendable {
    public let name: String
    public let people: [String]
    public let staff: Int
    public let replacements: [String: Int]
    public let flags: [String: Int]
    /// The case registry's part, when the document belongs to a stored case.
    public let caseOutcome: CaseOutcome?
    /// What a reviewer's decisions did, when there were any.
    public let review: ReviewOutcome?

    init(name: String, redaction: Redaction, case outcome: CaseOutcome? = nil, review: ReviewOutcome? = nil) {
        self.name = name
        caseOutcome = outcome
        self.review = review
        let lettered = Set(redaction.mentioned.compactMap(\.letter))
        let order = LetterSequence.houseStyle.letters
        people = lettered.sorted { a, b in
            (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
        }.map(String.init)
        staff = redaction.mentioned.filter { $0.role != nil }.count
        replacements = redaction.edits.reduce(into: [:]) { $0[$1.category, default: 0] += 1 }
        flags = redaction.flags.reduce(into: [:]) { $0[$1.category, default: 0] += 1 }
    }

    public var line: String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var parts: [String] = []
        let peopleText = people.isEmpty ? "no people" : "\(people.count) \(people.count == 1 ? "person" : "people") → \(people.joined(separator: ", "))"
        parts.append(staff > 0 ? "\(peopleText) (+\(staff) by role)" : peopleText)
        let replaced = replacements.values.reduce(0, +)
        parts.append(replaced == 0 ? "no replacements" : "\(replaced) replacements (\(breakdown(replacements)))")
        let flagged = flags.values.reduce(0, +)
        parts.append(flagged == 0 ? "nothing to review" : "\(flagged) flags to review (\(breakdown(flags)))")
        if let outcome = caseOutcome {
            parts.append("case \(outcome.reference) (\(outcome.known) known, \(outcome.new) new)")
        }
        if let review {
            parts.append("decisions: \(review.applied.count + review.people.count) applied, \(review.stale.count) stale, "
                + "\(review.undecided.count) undecided (\(review.undecidedFlags) \(review.undecidedFlags == 1 ? "flag" : "flags"))")
        }
        return "\(name): " + parts.joined(separator: "; ")
    }
}
