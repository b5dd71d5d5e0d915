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
public struct RedactRun {
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
    struct Destination {
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
    /// error in input order is thrown after the summaries before it.
    public func run(
        readStandardInput: () -> Data, writeStandardOutput: (String) -> Void, each: (DocumentSummary) throws -> Void
    ) throws {
        let inputs = try InputSet.expand(request.inputs)
        let destinations = try plan(inputs)
        if inputs.filter(\.isStandardInput).count > 1 {
            throw InputError(path: "-", problem: "standard input can be read only once")
        }
        if !request.usesStore && request.store != nil {
            throw UsageError("--store and --no-store cannot be combined")
        }
        let explicitCase = try request.caseReference.map(CaseReference.canonical)
        // Validate every input before writing anything.
        var standardInput: Data?
        var cases: [String?] = []
        for input in inputs {
            let document: Document
            if input.isStandardInput {
                standardInput = readStandardInput()
                document = try Document(data: standardInput!, name: "-")
            } else {
                document = try Document(contentsOf: input.url!, name: input.displayName)
            }
            cases.append(request.usesStore ? try explicitCase ?? Anonymiser.ombudsmanReference(in: document).map(CaseReference.canonical) : nil)
        }
        // The registry is opened (and checked) only when a document has a case.
        let store = try cases.contains { $0 != nil } ? CaseStore(url: CaseStore.location(request.store)) : nil
        if let directory = request.outputDirectory { try AtomicFile.prepareDirectory(URL(fileURLWithPath: directory)) }

        // One document, start to finish: read, redact (against its case), write text and audit.
        func process(_ position: Int) throws -> DocumentSummary {
            let (input, destination, reference) = (inputs[position], destinations[position], cases[position])
            let data = try input.url.map { url in
                do { return try Data(contentsOf: url) } catch { throw InputError(path: input.displayName, problem: "cannot be read") }
            } ?? standardInput!
            let document = try Document(data: data, name: input.displayName)
            let inputSHA256 = Digest.sha256(data)
            let redaction: Redaction
            var outcome: CaseOutcome?
            if let reference, let store {
                (redaction, outcome) = try store.redact(inCase: reference, inputSHA256: inputSHA256) { context in
                    try anonymiser.redact(document, case: context)
                }
            } else {
                redaction = try anonymiser.redact(document)
            }
            let caseReference = outcome?.reference ?? request.caseReference ?? redaction.caseReference
                ?? (input.isStandardInput ? "stdin" : (input.relativePath as NSString).deletingPathExtension)
            let audit = AuditTrail(
                redaction: redaction, inputName: input.displayName, inputSHA256: inputSHA256,
                caseReference: caseReference, patternsFingerprint: anonymiser.patterns.fingerprint)
            if let textURL = destination.text {
                try AtomicFile.prepareDirectory(textURL.deletingLastPathComponent())
                try AtomicFile.write(Data(redaction.output.utf8), to: textURL, flush: false)
            } else {
                writeStandardOutput(redaction.output)
            }
            if let reportURL = destination.report {
                try AtomicFile.prepareDirectory(reportURL.deletingLastPathComponent())
                // The report shows original wording: owner-only, like the audit.
                try AtomicFile.write(Data(ReviewReport(redaction: redaction, title: input.displayName).html.utf8), to: reportURL, permissions: 0o600, flush: false)
            }
            if let auditURL = destination.audit {
                try AtomicFile.prepareDirectory(auditURL.deletingLastPathComponent())
                // The audit holds the real names: owner-only.
                try AtomicFile.write(Data(audit.jsonLines.utf8), to: auditURL, permissions: 0o600, flush: false)
            }
            return DocumentSummary(name: input.displayName, redaction: redaction, case: outcome)
        }

        // Documents of one case run one after another in input order, so who becomes Y and who Z
        // never depends on thread timing; different cases (and one-offs) run concurrently, a few
        // per core at a time so memory stays flat however large the batch. Summaries (and the
        // first error) come back in input order.
        var groups: [[Int]] = []
        var groupOfCase: [String: Int] = [:]
        for position in inputs.indices {
            if let reference = cases[position] {
                if let group = groupOfCase[reference] { groups[group].append(position); continue }
                groupOfCase[reference] = groups.count
            }
            groups.append([position])
        }
        // Outputs are renamed into place unflushed and flushed together when the batch ends
        // (also after a failure: what was written is complete and should survive a power cut).
        // The case registry commits are flushed one by one: they must never be lost.
        defer { if destinations.contains(where: { $0.text != nil || $0.audit != nil || $0.report != nil }) { AtomicFile.flushAll() } }
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        // Results wait here until every document before them has been handed over.
        var pending: [Int: Result<DocumentSummary, Error>] = [:]
        var nextToHand = 0
        for start in stride(from: 0, to: groups.count, by: width) {
            let batch = groups[start..<min(start + width, groups.count)]
            var results = [[(Int, Result<DocumentSummary, Error>)]](repeating: [], count: batch.count)
            results.withUnsafeMutableBufferPointer { slots in
                DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
                    for position in batch[batch.startIndex + offset] {
                        let result = Result { try process(position) }
                        slots[offset].append((position, result))
                        if case .failure = result { break }
                    }
                }
            }
            for (position, result) in results.joined() { pending[position] = result }
            while let result = pending.removeValue(forKey: nextToHand) {
                try each(try result.get())
                nextToHand += 1
            }
            if results.joined().contains(where: { if case .failure = $0.1 { return true } else { return false } }) { break }
        }
        // After a failure: what did run, in input order, up to the first error.
        for position in pending.keys.sorted() { try each(try pending[position]!.get()) }
    }

    /// Decides every output path up front, and refuses plans that would overwrite an input.
    func plan(_ inputs: [InputFile]) throws -> [Destination] {
        let destinations: [Destination]
        if let directory = request.outputDirectory {
            guard request.output == nil, request.audit == nil, request.report == nil else {
                throw UsageError("--out-dir writes NAME.txt and NAME.audit.jsonl for every input; it cannot be combined with -o, --audit or --report")
            }
            let root = URL(fileURLWithPath: directory)
            destinations = inputs.map { input in
                let stem = (input.relativePath as NSString).deletingPathExtension
                return Destination(text: root.appendingPathComponent(stem + ".txt"),
                                   audit: root.appendingPathComponent(stem + ".audit.jsonl"))
            }
        } else {
            guard inputs.count == 1 else {
                throw UsageError("\(inputs.count) inputs need --out-dir DIR (one output per input)")
            }
            if let output = request.output, output != "-" {
                let url = URL(fileURLWithPath: output)
                let audit = request.audit.map { URL(fileURLWithPath: $0) }
                    ?? url.deletingPathExtension().appendingPathExtension("audit.jsonl")
                destinations = [Destination(text: url, audit: audit, report: request.report.map { URL(fileURLWithPath: $0) })]
            } else {
                destinations = [Destination(text: nil, audit: request.audit.map { URL(fileURLWithPath: $0) },
                                            report: request.report.map { URL(fileURLWithPath: $0) })]
            }
        }
        // Two inputs must not share an output ("a/x.txt" and "b/x.txt" given as two folders).
        var planned: [String: String] = [:]
        for (input, destination) in zip(inputs, destinations) {
            guard let path = destination.text?.standardizedFileURL.path else { continue }
            if let other = planned[path] {
                throw UsageError("\(other) and \(input.displayName) would both be written to \(path); give them separate runs or --out-dir folders")
            }
            planned[path] = input.displayName
        }
        let inputPaths = Set(inputs.compactMap { $0.url?.resolvingSymlinksInPath().standardizedFileURL.path })
        for destination in destinations {
            for url in [destination.text, destination.audit, destination.report].compactMap({ $0 }) where inputPaths.contains(url.resolvingSymlinksInPath().standardizedFileURL.path) {
                throw InputError(path: url.path, problem: "is an input; refusing to overwrite it")
            }
        }
        return destinations
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

    init(name: String, redaction: Redaction, case outcome: CaseOutcome? = nil) {
        self.name = name
        caseOutcome = outcome
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
        return "\(name): " + parts.joined(separator: "; ")
    }
}
