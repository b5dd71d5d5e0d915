/// The render stage: applies edits back to front to produce the publishable text.
public enum Renderer {
    /// One forward pass, so a large document with many edits stays linear.
    /// - Precondition: edits do not overlap.
    public static func apply(_ edits: [Edit], to document: Document) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(document.bytes.count)
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            output.append(contentsOf: document.bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: document.bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }
}
