/// The audit trail of one redaction, as JSON Lines (DESIGN.md): a run record, then one
/// record per replacement and per flag, in text order. Offsets are code points into
/// the input, end exclusive, with 1-based line and column.
public struct AuditTrail: Sendable {
    public let redaction: Redaction
    /// The input's name as recorded (the path given on the command line).
    public let inputName: String
    public let inputSHA256: String
    public let caseReference: String
    public let patternsFingerprint: String

    public init(redaction: Redaction, inputName: String, inputSHA256: String, caseReference: String, patternsFingerprint: String) {
        self.redaction = redaction
        self.inputName = inputName
        self.inputSHA256 = inputSHA256
        self.caseReference = caseReference
        self.patternsFingerprint = patternsFingerprint
    }

    public var jsonLines: String {
        let document = redaction.document
        var lines: [String] = []
        var run = JSONLine()
        run.add("type", "run")
        run.add("tool", "anonymise")
        run.add("version", Anonymiser.version)
        run.add("input", inputName)
        run.add("inputSHA256", inputSHA256)
        run.add("outputSHA256", redaction.outputSHA256)
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
        lines.append(run.text)

        // Replacements and flags interleaved in text order.
        var records: [(offset: Int, kind: Int, order: Int, text: String)] = []
        for edit in redaction.edits {
            let (start, end) = (document.position(ofByte: edit.range.lowerBound), document.codePointOffset(ofByte: edit.range.upperBound))
            var line = JSONLine()
            line.add("type", "replacement")
            line.add("start", start.offset)
            line.add("end", end)
            line.add("line", start.line)
            line.add("column", start.column)
            line.add("category", edit.category)
            line.add("rule", edit.rule)
            line.add("original", document.string(edit.range))
            line.add("replacement", edit.replacement)
            if edit.category == Rule.personCategory {
                line.add("person", edit.person)
                if let role = edit.role { line.add("role", role) }
            }
            records.append((edit.range.lowerBound, 0, records.count, line.text))
        }
        for flag in redaction.flags {
            let (start, end) = (document.position(ofByte: flag.range.lowerBound), document.codePointOffset(ofByte: flag.range.upperBound))
            var line = JSONLine()
            line.add("type", "flag")
            line.add("start", start.offset)
            line.add("end", end)
            line.add("line", start.line)
            line.add("column", start.column)
            line.add("category", flag.category)
            line.add("rule", flag.rule)
            line.add("text", document.string(flag.range))
            line.add("reason", flag.reason)
            line.add("suggestion", flag.suggestion)
            records.append((flag.range.lowerBound, 1, records.count, line.text))
        }
        for record in records.sorted(by: { ($0.offset, $0.kind, $0.order) < ($1.offset, $1.kind, $1.order) }) { lines.append(record.text) }
        return lines.joined(separator: "\n") + "\n"
    }
}
