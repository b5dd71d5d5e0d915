/// The render stage: applies edits back to front to produce the publishable text.
public enum Renderer {
    /// One forward pass, so a large document with many edits stays linear.
    /// The output begins with the byte-order mark the input began with (`TextEncoding.outputPrefix`).
    ///
    /// Edits should not overlap; if two do (a stage upstream let a name and an identifier
    /// claim the same bytes), no byte of either survives: an edit inside the one before it
    /// adds nothing, one that runs past it replaces the rest of its range too.
    public static func apply(_ edits: [Edit], to document: Document) -> [UInt8] {
        var output: [UInt8] = Array(document.encoding.outputPrefix.utf8)
        output.reserveCapacity(document.bytes.count + output.count + edits.count * 8)
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if edit.range.lowerBound < cursor && edit.range.upperBound <= cursor { continue }
            if edit.range.lowerBound >= cursor {
                output.append(contentsOf: document.bytes[cursor..<edit.range.lowerBound])
            }
            output.append(contentsOf: edit.replacement.utf8)
            cursor = max(cursor, edit.range.upperBound)
        }
        output.append(contentsOf: document.bytes[cursor...])
        return output
    }
}
