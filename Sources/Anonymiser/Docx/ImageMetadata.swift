import Foundation

/// Text a camera or editor writes into a picture (EXIF, XMP, IPTC, comments: the owner's
/// name, the place, the device), removed; the pixels are kept byte for byte. PNG and JPEG;
/// other formats are left as they are (every picture is flagged for a person anyway).
enum ImageMetadata {
    /// The picture without its metadata, or nil when it has none (or is not PNG or JPEG).
    static func stripped(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return strippedPNG(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return strippedJPEG(bytes) }
        return nil
    }

    /// PNG text and EXIF chunks: tEXt, zTXt, iTXt, eXIf, tIME.
    private static let pngMetadata: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]

    private static func strippedPNG(_ bytes: [UInt8]) -> Data? {
        var output = Array(bytes[0..<8])
        var offset = 8
        var removed = false
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 12 + length
            guard end <= bytes.count else { return nil }  // damaged: left for the person who looks at it
            let kind = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if pngMetadata.contains(kind) { removed = true } else { output += bytes[offset..<end] }
            offset = end
        }
        return removed ? Data(output) : nil
    }

    private static func strippedJPEG(_ bytes: [UInt8]) -> Data? {
        var output: [UInt8] = [0xFF, 0xD8]
        var offset = 2
        var removed = false
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            // Start of scan: the compressed picture follows, to the end.
            if marker == 0xDA { break }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 2 + length
            guard length >= 2, end <= bytes.count else { return nil }
            // APP1 (EXIF, XMP), APP13 (IPTC), COM: text about the picture, not the picture.
            if marker == 0xE1 || marker == 0xED || marker == 0xFE { removed = true } else { output += bytes[offset..<end] }
            offset = end
        }
        guard removed else { return nil }
        return Data(output + bytes[offset...])
    }
}

/// Every picture of a package without its metadata.
enum ImageCleaner {
    static func clean(_ document: DocxDocument) {
        for part in document.package.parts where !part.isDirectory && !DocxDocument.isXML(part.name) {
            if let stripped = ImageMetadata.stripped(part.data) { document.replace(part.name, with: stripped) }
        }
    }
}
