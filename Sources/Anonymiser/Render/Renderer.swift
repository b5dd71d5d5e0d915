/// The render stage: applies edits back to front to produce the publishable text.
public enum Renderer {
    /// One forward pass, so a large document with many edits stays linear.
    /// - Precondition: edits do not overlap.
    /// The output begins with the byte-order mark the input began with (`TextEncoding.outputPrefix`).
    public static func apply(_ edits: [Edit], to document: Document) -> [UInt8] {
        var output: [UInt8] = Array(document.encoding.outputPrefix.utf8)
        output.reserveCapacity(document.bytes.count + output.count + edits.count * 8)
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            output.append(contentsOf: document.bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: document.bytes[cursor...])
        return output
    }
}
