/// The audit's record of a review (`AuditTrail.review`): who decided what about which item,
/// when and why. One line per applied decision, in text order, then person decisions, then
/// superseded and stale decisions (fingerprint only). Items are located as every audit record is (code
/// points, line, column) and carry their fingerprint, so the decisions file can be matched.
struct ReviewAuditLines {
    let review: ReviewOutcome
    let document: Document

    static func count(of review: ReviewOutcome) -> Int {
        review.applied.count + review.people.count + review.stale.count + review.superseded.count
    }

    var lines: [String] {
        var lines: [String] = []
        for applied in review.applied {
            let item = applied.item, decision = applied.decision
            let start = document.position(ofByte: item.range.lowerBound)
            var line = JSONLine()
            line.add("type", "decision")
            line.add("start", start.offset)
            line.add("end", document.codePointOffset(ofByte: item.range.upperBound))
            line.add("line", start.line)
            line.add("column", start.column)
            line.add("category", item.category)
            line.add("rule", item.rule)
            line.add("item", item.kind.rawValue)
            line.add("fingerprint", item.fingerprint)
            line.add("decision", decision.decision.rawValue)
            if let reason = decision.reason { line.add("reason", reason.rawValue) }
            if let note = decision.note { line.add("note", note) }
            if decision.decision == .edit { line.add("replacement", decision.replacement ?? "") }
            line.add("reviewer", decision.reviewer ?? review.reviewer)
            line.add("time", decision.time)
            lines.append(line.text)
        }
        for (decision, pseudonym) in review.people {
            var line = JSONLine()
            line.add("type", "person-decision")
            line.add("fingerprint", decision.fingerprint)
            line.add("decision", decision.decision.rawValue)
            line.add("person", pseudonym)
            if let letter = decision.letter { line.add("letter", letter) }
            if let title = decision.title { line.add("title", title) }
            if let role = decision.role { line.add("role", role) }
            line.add("reviewer", decision.reviewer ?? review.reviewer)
            line.add("time", decision.time)
            lines.append(line.text)
        }
        for fingerprint in review.superseded {
            var line = JSONLine()
            line.add("type", "superseded-decision")
            line.add("fingerprint", fingerprint)
            lines.append(line.text)
        }
        for fingerprint in review.stale {
            var line = JSONLine()
            line.add("type", "stale-decision")
            line.add("fingerprint", fingerprint)
            lines.append(line.text)
        }
        return lines
    }
}
