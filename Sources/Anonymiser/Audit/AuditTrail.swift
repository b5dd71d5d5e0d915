import Foundation

/// The audit trail of one redaction, as JSON Lines (DESIGN.md): a run record, then one
/// record per replacement and per flag, in text order, hash-chained (`AuditChain`). Offsets are code points into
/// the input, end exclusive, with 1-based line and column.
public struct AuditTrail: Sendable {
    public let redaction: Redaction
    /// The input's name as recorded (the path given on the command line).
    public let inputName: String
    public let inputSHA256: String
    public let caseReference: String
    public let patternsFingerprint: String
    /// For a .docx: where each position of the joined text is (part, story, paragraph,
    /// offset), and the SHA-256 of the published package.
    public var docx: (locator: DocxLocator, outputSHA256: String)?
    /// The reviewer's decisions applied to this redaction (`redact --decisions`): one
    /// `decision` line each, after the changes and flags, then `stale-decision` lines.
    public var review: ReviewOutcome?

    public init(redaction: Redaction, inputName: String, inputSHA256: String, caseReference: String, patternsFingerprint: String) {
        self.redaction = redaction
        self.inputName = inputName
        self.inputSHA256 = inputSHA256
        self.caseReference = caseReference
        self.patternsFingerprint = patternsFingerprint
    }

    /// The whole trail as one string (for tests and small documents; runs stream it with `write`).
    public var jsonLines: String {
        var data = Data()
        write { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes the trail a part (about a megabyte) at a time: the run line, then replacements
    /// and flags interleaved in text order. Each line is made as it is written, so a document
    /// with a million changes never holds its whole audit in memory.
    public func write(into sink: (Data) throws -> Void) rethrows {
        var buffer = ""
        var previous: String?
        // Each line after the first carries the hash of the one before (`AuditChain`).
        func emit(_ record: String) throws {
            let line = previous.map { AuditChain.linked(record, after: $0) } ?? record
            previous = line
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= 1 << 20 {
                try sink(Data(buffer.utf8))
                buffer = ""
            }
        }
        try emit(runLine)
        // Replacements and flags interleaved in text order: a replacement before a flag at the
        // same offset, each kind in its own order.
        var order: [(offset: Int, isFlag: Bool, index: Int)] = []
        order.reserveCapacity(redaction.edits.count + redaction.flags.count)
        for (index, edit) in redaction.edits.enumerated() { order.append((edit.range.lowerBound, false, index)) }
        for (index, flag) in redaction.flags.enumerated() { order.append((flag.range.lowerBound, true, index)) }
        order.sort { ($0.offset, $0.isFlag ? 1 : 0, $0.index) < ($1.offset, $1.isFlag ? 1 : 0, $1.index) }
        for record in order {
            try emit(record.isFlag ? flagLine(redaction.flags[record.index]) : replacementLine(redaction.edits[record.index]))
        }
        if let review {
            for line in ReviewAuditLines(review: review, document: redaction.document).lines { try emit(line) }
        }
        if !buffer.isEmpty { try sink(Data(buffer.utf8)) }
    }

    private var runLine: String {
        let document = redaction.document
        var run = JSONLine()
        run.add("type", "run")
        run.add("tool", "anonymise")
        run.add("version", Anonymiser.version)
        run.add("input", inputName)
        run.add("inputSHA256", inputSHA256)
        run.add("outputSHA256", docx?.outputSHA256 ?? redaction.outputSHA256)
        if docx != nil { run.add("format", "docx") }
        // Only when the input was not plain UTF-8: "UTF-8 with BOM", "UTF-16LE", "UTF-16BE".
        if document.encoding != .utf8 { run.add("encoding", document.encoding.rawValue) }
        run.add("case", caseReference)
        run.add("patterns", patternsFingerprint)
        run.add("people", .array(redaction.mentioned.filter { $0.letter != nil || $0.role != nil }
            .sorted { ($0.letter.map(String.init) ?? "~", $0.firstOffset) < ($1.letter.map(String.init) ?? "~", $1.firstOffset) }
            .map { person in
                var entry = JSONLine()
                entry.add("person", person.letter.map(String.init))
                entry.add("title", person.title?.text)
                entry.add("kind", person.kind.rawValue)
                entry.add("role", person.role)
                entry.add("complainant", person.isComplainant)
                entry.add("known", person.registryID != nil)
                return .object(entry)
            }))
        if let review {
            var decided = JSONLine()
            decided.add("reviewer", review.reviewer)
            decided.add("applied", review.applied.count + review.people.count)
            decided.add("stale", review.stale.count)
            decided.add("undecided", review.undecided.count)
            decided.add("undecidedFlags", review.undecidedFlags)
            run.add("review", .object(decided))
        }
        run.add("records", redaction.edits.count + redaction.flags.count + (review.map { ReviewAuditLines.count(of: $0) } ?? 0))
        return run.text
    }

    private func replacementLine(_ edit: Edit) -> String {
        var line = positioned("replacement", edit.range, category: edit.category, rule: edit.rule)
        line.add("original", redaction.document.string(edit.range))
        line.add("replacement", edit.replacement)
        if edit.category == Rule.personCategory {
            line.add("person", edit.person)
            if let role = edit.role { line.add("role", role) }
        }
        return line.text
    }

    private func flagLine(_ flag: ReviewFlag) -> String {
        var line = positioned("flag", flag.range, category: flag.category, rule: flag.rule)
        line.add("text", redaction.document.string(flag.range))
        line.add("reason", flag.reason)
        line.add("suggestion", flag.suggestion)
        return line.text
    }

    /// A record's type, position (code points from the start, end exclusive; 1-based line and
    /// column), category and rule, in the order every record has them.
    private func positioned(_ type: String, _ range: Range<Int>, category: String, rule: String) -> JSONLine {
        let document = redaction.document
        let (start, end) = (document.position(ofByte: range.lowerBound), document.codePointOffset(ofByte: range.upperBound))
        var line = JSONLine()
        line.add("type", type)
        line.add("start", start.offset)
        line.add("end", end)
        line.add("line", start.line)
        line.add("column", start.column)
        line.add("category", category)
        line.add("rule", rule)
        if let location = docx?.locator.location(ofByte: range.lowerBound) {
            line.add("part", location.part)
            line.add("story", location.story)
            line.add("paragraph", location.paragraph)
            line.add("offset", location.offset)
        }
        return line
    }
}
