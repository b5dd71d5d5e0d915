/// The render stage: applies edits back to front to produce the publishable text.
public enum Renderer {
    /// - Precondition: edits do not overlap.
    public static func apply(_ edits: [Edit], to document: Document) -> String {
        var bytes = document.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
