import Foundation

/// Where a redaction run's outputs go, and the checks made before anything is written: no
/// two inputs share an output, and no output is an input.
///
/// Made from the run's snapshot of its inputs (`InputSet`), which already leaves out what
/// the run writes: an `--out-dir` inside an input folder, and the `-o`/`--audit`/`--report`
/// files wherever the walk meets them.
struct OutputPlan: Sendable {
    typealias Destination = RedactRun.Destination

    let request: RedactRun.Request
    private let outputDirectory: URL?

    /// What the run writes, to leave out of its inputs (before the inputs are walked).
    static func exclusions(of request: RedactRun.Request) -> InputSet.Exclusions {
        if let directory = request.outputDirectory {
            return .init(directories: [URL(fileURLWithPath: directory)])
        }
        let files = [request.output.flatMap { $0 == "-" ? nil : $0 }, request.audit, request.report].compactMap { $0 }
        return .init(files: files.map { URL(fileURLWithPath: $0) })
    }

    init(request: RedactRun.Request, inputs: InputSet) throws {
        self.request = request
        if let directory = request.outputDirectory {
            guard request.output == nil, request.audit == nil, request.report == nil else {
                throw UsageError("--out-dir writes NAME.txt and NAME.audit.jsonl for every input; it cannot be combined with -o, --audit or --report")
            }
            outputDirectory = URL(fileURLWithPath: directory)
        } else {
            outputDirectory = nil
            guard inputs.files.count == 1 else {
                throw UsageError("\(inputs.files.count) inputs need --out-dir DIR (one output per input)")
            }
        }
        try check(inputs)
    }

    /// True when the run writes files (and so flushes them at the end).
    var writesFiles: Bool {
        outputDirectory != nil || (request.output.map { $0 != "-" } ?? false) || request.audit != nil || request.report != nil
    }

    /// Where one input's text, audit and report go.
    func destination(_ input: InputFile) -> Destination {
        if let root = outputDirectory {
            let stem = input.stem
            return Destination(text: root.appendingPathComponent(stem + (input.isDocx ? ".docx" : ".txt")), audit: root.appendingPathComponent(stem + ".audit.jsonl"))
        }
        if let output = request.output, output != "-" {
            let url = URL(fileURLWithPath: output)
            let audit = request.audit.map { URL(fileURLWithPath: $0) } ?? url.deletingPathExtension().appendingPathExtension("audit.jsonl")
            return Destination(text: url, audit: audit, report: request.report.map { URL(fileURLWithPath: $0) })
        }
        return Destination(text: nil, audit: request.audit.map { URL(fileURLWithPath: $0) }, report: request.report.map { URL(fileURLWithPath: $0) })
    }

    /// No two inputs write the same file ("a.txt" and "a.TXT", or "x.txt" in two folders),
    /// no document writes two outputs to one file, and no output is an input.
    private func check(_ inputs: InputSet) throws {
        // Hashes of the text outputs (memory stays small for a large archive); a repeated
        // hash is confirmed by name in a second pass over the snapshot.
        var seen: Set<Int> = [], repeated: Set<Int> = []
        for input in inputs.files {
            let destination = destination(input)
            if input.isDocx, !(destination.text.map { DocxDraft.isDocxName($0.lastPathComponent) } ?? false) {
                throw UsageError("\(input.displayName) is a Word document: write it with -o FILE.docx or --out-dir DIR")
            }
            let urls = [destination.text, destination.audit, destination.report].compactMap { $0 }
            for url in urls where inputs.isInput(url) {
                throw InputError(path: url.path, problem: "is an input; refusing to overwrite it")
            }
            let paths = urls.map { $0.standardizedFileURL.path }
            if Set(paths).count < paths.count {
                throw UsageError("the text, audit and report of \(input.displayName) would be written to the same file; give each its own name")
            }
            if outputDirectory != nil, let path = paths.first, !seen.insert(path.hashValue).inserted { repeated.insert(path.hashValue) }
        }
        guard !repeated.isEmpty else { return }
        var firstWith: [String: String] = [:]
        for input in inputs.files {
            guard let path = destination(input).text?.standardizedFileURL.path, repeated.contains(path.hashValue) else { continue }
            if let other = firstWith.updateValue(input.displayName, forKey: path) {
                throw UsageError("\(other) and \(input.displayName) would both be written to \(path); give them separate runs or --out-dir folders")
            }
        }
    }
}
