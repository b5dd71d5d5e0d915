/// A self-contained HTML page for a caseworker's review of one redaction: the published
/// text with every change and flag marked, then the flags to decide with their reasons
/// and suggestions, and the people with their pseudonyms. It shows the original wording
/// (on hover, and in the flag table), so it is for staff eyes, like the audit.
public struct ReviewReport: Sendable {
    public let redaction: Redaction
    public let title: String

    public init(redaction: Redaction, title: String) {
        self.redaction = redaction
        self.title = title
    }

    public var html: String {
        let document = redaction.document
        var body = ""
        // The draft, walked once: unchanged text, replacements (new wording, original on hover), flags.
        let marks = (redaction.edits.map { Mark(range: $0.range, edit: $0, flag: nil) }
            + redaction.flags.filter { flag in !redaction.edits.contains { $0.range.overlaps(flag.range) } }
                .map { Mark(range: $0.range, edit: nil, flag: $0) })
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var cursor = 0
        for mark in marks where mark.range.lowerBound >= cursor {
            body += ReviewReport.escape(document.string(cursor..<mark.range.lowerBound))
            let original = ReviewReport.escape(document.string(mark.range))
            if let edit = mark.edit {
                let flagged = redaction.flags.contains { $0.range.overlaps(edit.range) }
                body += "<mark class=\"\(flagged ? "reworded" : edit.category == Rule.personCategory ? "person" : "identifier")\" title=\"\(original) — \(ReviewReport.escape(edit.rule))\">"
                    + ReviewReport.escape(edit.replacement) + "</mark>"
            } else if let flag = mark.flag {
                body += "<mark class=\"flag\" title=\"\(ReviewReport.escape(flag.category)): \(ReviewReport.escape(flag.reason))\">\(original)</mark>"
            }
            cursor = mark.range.upperBound
        }
        body += ReviewReport.escape(document.string(cursor..<document.bytes.count))

        var rows = ""
        for flag in redaction.flags {
            let position = document.position(ofByte: flag.range.lowerBound)
            rows += "<tr><td>\(position.line):\(position.column)</td><td>\(ReviewReport.escape(flag.category))</td>"
                + "<td>\(ReviewReport.escape(document.string(flag.range)))</td><td>\(ReviewReport.escape(flag.reason))</td>"
                + "<td>\(ReviewReport.escape(flag.suggestion))</td></tr>\n"
        }
        var people = ""
        for person in redaction.mentioned.sorted(by: { $0.firstOffset < $1.firstOffset }) {
            let label = person.role ?? [person.title?.text, person.letter.map(String.init)].compactMap { $0 }.joined(separator: " ")
            people += "<li>\(ReviewReport.escape(label))\(person.isComplainant ? " (complainant)" : "")\(person.kind == .child ? " (child)" : "")</li>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>Review: \(ReviewReport.escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; line-height: 1.5; color: #222; }
        pre { white-space: pre-wrap; font-family: inherit; border: 1px solid #ccc; padding: 1rem; }
        mark.person { background: #cfe8ff; } mark.identifier { background: #d9f2d9; }
        mark.flag { background: #ffe08a; } mark.reworded { background: #ffc9a8; }
        table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; }
        .key mark { padding: 0 .3rem; }
        </style>
        </head>
        <body>
        <h1>Review: \(ReviewReport.escape(title))</h1>
        <p class="key"><mark class="person">person</mark> <mark class="identifier">identifier</mark> <mark class="reworded">reworded detail, check it reads well</mark> <mark class="flag">detail to decide</mark> — hover for the original wording.</p>
        <h2>People</h2>
        <ul>
        \(people)</ul>
        <h2>Flags to review (\(redaction.flags.count))</h2>
        <table>
        <tr><th>line:col</th><th>category</th><th>text</th><th>why it may identify</th><th>suggestion</th></tr>
        \(rows)</table>
        <h2>Publishable text</h2>
        <pre>\(body)</pre>
        </body>
        </html>

        """
    }

    private struct Mark {
        let range: Range<Int>
        let edit: Edit?
        let flag: ReviewFlag?
    }

    /// The gate's XML escaping serves HTML too ("&#10;" inside <pre> is a line break).
    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
