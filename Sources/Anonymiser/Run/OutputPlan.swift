import Foundation

/// Where a redaction run's outputs go, and the checks made before anything is written: no
/// two inputs share an output, and no output is an input.
///
/// It learns the inputs one at a time, as the run walks them, and keeps only hashes of
/// output names (and input paths, when the output folder overlaps an input folder), so a
/// batch of any size costs little memory; the rare suspect is confirmed by walking the
/// inputs again.
struct OutputPlan: Sendable {
    typealias Destination = RedactRun.Destination

    let request: RedactRun.Request
    private let outputDirectory: URL?
    /// Hashes of output stems seen so far (batches of two or more paths), and the repeated ones.
    private var stems: Set<Int> = []
    private var repeatedStems: Set<Int> = []
    /// Whether an output might land on an input: the output folder overlaps an input's.
    private let outputsMayBeInputs: Bool

    init(request: RedactRun.Request) throws {
        self.request = request
        if let directory = request.outputDirectory {
            guard request.output == nil, request.audit == nil, request.report == nil else {
                throw UsageError("--out-dir writes NAME.txt and NAME.audit.jsonl for every input; it cannot be combined with -o, --audit or --report")
            }
            let root = URL(fileURLWithPath: directory)
            outputDirectory = root
            let resolvedRoot = OutputPlan.resolved(root)
            outputsMayBeInputs = request.inputs.filter { $0 != "-" }.contains { path in
                let input = OutputPlan.resolved(URL(fileURLWithPath: path))
                return input == resolvedRoot || input.hasPrefix(resolvedRoot + "/") || resolvedRoot.hasPrefix(input + "/")
            }
        } else {
            outputDirectory = nil
            outputsMayBeInputs = false
            var walk = try InputWalk(request.inputs)
            var inputs = 0
            while try walk.next() != nil { inputs += 1 }
            guard inputs == 1 else { throw UsageError("\(inputs) inputs need --out-dir DIR (one output per input)") }
        }
    }

    /// True when the run writes files (and so flushes them at the end).
    var writesFiles: Bool {
        outputDirectory != nil || (request.output.map { $0 != "-" } ?? false) || request.audit != nil || request.report != nil
    }

    /// Where one input's text, audit and report go.
    func destination(_ input: InputFile) -> Destination {
        if let root = outputDirectory {
            let stem = (input.relativePath as NSString).deletingPathExtension
            return Destination(text: root.appendingPathComponent(stem + ".txt"), audit: root.appendingPathComponent(stem + ".audit.jsonl"))
        }
        if let output = request.output, output != "-" {
            let url = URL(fileURLWithPath: output)
            let audit = request.audit.map { URL(fileURLWithPath: $0) } ?? url.deletingPathExtension().appendingPathExtension("audit.jsonl")
            return Destination(text: url, audit: audit, report: request.report.map { URL(fileURLWithPath: $0) })
        }
        return Destination(text: nil, audit: request.audit.map { URL(fileURLWithPath: $0) }, report: request.report.map { URL(fileURLWithPath: $0) })
    }

    /// Learns one input (in walking order).
    mutating func add(_ input: InputFile) throws {
        if outputDirectory == nil {
            // One input: its outputs are checked against it at once.
            guard let path = input.url.map(OutputPlan.resolved) else { return }
            try refuseOverwriting(destination(input), inputPaths: [path])
        } else if request.inputs.count > 1 {
            // Within one folder relative paths are unique; across folders they may repeat.
            let (inserted, _) = stems.insert(OutputPlan.stem(of: input).hashValue)
            if !inserted { repeatedStems.insert(OutputPlan.stem(of: input).hashValue) }
        }
    }

    /// The checks that need every input: confirmed by a second walk, only when suspect.
    func finish() throws {
        if !repeatedStems.isEmpty {
            var firstWith: [String: String] = [:]
            var walk = try InputWalk(request.inputs)
            while let input = try walk.next() {
                let stem = OutputPlan.stem(of: input)
                guard repeatedStems.contains(stem.hashValue) else { continue }
                if let other = firstWith[stem], let path = destination(input).text?.standardizedFileURL.path {
                    throw UsageError("\(other) and \(input.displayName) would both be written to \(path); give them separate runs or --out-dir folders")
                }
                firstWith[stem] = input.displayName
            }
        }
        if outputsMayBeInputs {
            var inputPaths: Set<String> = []
            var walk = try InputWalk(request.inputs)
            while let input = try walk.next() { if let url = input.url { inputPaths.insert(OutputPlan.resolved(url)) } }
            walk = try InputWalk(request.inputs)
            while let input = try walk.next() { try refuseOverwriting(destination(input), inputPaths: inputPaths) }
        }
    }

    private func refuseOverwriting(_ destination: Destination, inputPaths: Set<String>) throws {
        for url in [destination.text, destination.audit, destination.report].compactMap({ $0 }) where inputPaths.contains(OutputPlan.resolved(url)) {
            throw InputError(path: url.path, problem: "is an input; refusing to overwrite it")
        }
    }

    private static func stem(of input: InputFile) -> String {
        (input.relativePath as NSString).deletingPathExtension
    }

    private static func resolved(_ url: URL) -> String {
        url.resolvingSymlinksInPath().standardizedFileURL.path
    }
}
