import Crypto
import Foundation

/// The render stage: the publishable text is the draft with every edit applied.
///
/// The text is produced in pieces — the byte-order mark the draft began with
/// (`TextEncoding.outputPrefix`), unchanged spans of the draft, replacements — so that a long
/// document can be hashed and written without a second copy of it in memory.
///
/// Edits should not overlap; if two do (a stage upstream let a name and an identifier claim the
/// same bytes), no byte of either survives: an edit inside the one before it adds nothing, one
/// that runs past it replaces the rest of its range too.
public enum Renderer {
    /// Every piece of the publishable text, in order: one forward pass, linear in the text.
    static func forEachPiece(_ edits: [Edit], of document: Document, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try Array(document.encoding.outputPrefix.utf8).withUnsafeBytes { if !$0.isEmpty { try body($0) } }
        let ordered = edits.isSorted ? edits : edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        try document.bytes.withUnsafeBytes { bytes in
            var cursor = 0
            for edit in ordered {
                if edit.range.lowerBound < cursor && edit.range.upperBound <= cursor { continue }
                if edit.range.lowerBound > cursor { try body(UnsafeRawBufferPointer(rebasing: bytes[cursor..<edit.range.lowerBound])) }
                var replacement = edit.replacement
                try replacement.withUTF8 { if !$0.isEmpty { try body(UnsafeRawBufferPointer($0)) } }
                cursor = max(cursor, edit.range.upperBound)
            }
            if cursor < bytes.count { try body(UnsafeRawBufferPointer(rebasing: bytes[cursor...])) }
        }
    }

    /// The publishable text as bytes.
    public static func apply(_ edits: [Edit], to document: Document) -> [UInt8] {
        var size = 0
        forEachPiece(edits, of: document) { size += $0.count }
        var output: [UInt8] = []
        output.reserveCapacity(size)
        forEachPiece(edits, of: document) { output.append(contentsOf: $0) }
        return output
    }

    /// SHA-256 of the publishable text as lower-case hex, without holding the text.
    static func sha256(_ edits: [Edit], of document: Document) -> String {
        var hash = SHA256()
        forEachPiece(edits, of: document) { hash.update(bufferPointer: $0) }
        return Digest.hex(hash.finalize())
    }

    /// Hands the publishable text to `write` in chunks of about a megabyte.
    static func write(_ edits: [Edit], of document: Document, into write: (Data) throws -> Void) throws {
        let chunk = 1 << 20
        var pending = Data()
        try forEachPiece(edits, of: document) { piece in
            pending.append(contentsOf: piece)
            if pending.count >= chunk {
                try write(pending)
                pending = Data()
            }
        }
        if !pending.isEmpty { try write(pending) }
    }
}

extension Array where Element == Edit {
    /// Whether the edits are in text order already (the pipeline's are).
    var isSorted: Bool {
        zip(self, dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound }
    }
}
