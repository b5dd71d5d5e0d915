import Foundation
import ZIPFoundation

/// A .docx file as its parts: the ZIP entries in the order the input has them, each with
/// its uncompressed bytes. Written back deterministically: the input's entry order, one
/// fixed timestamp, fixed permissions, every part deflated the same way; a part the tool
/// did not change is written with exactly the bytes it was read with.
struct DocxPackage {
    struct Part {
        let name: String
        var data: Data
        let isDirectory: Bool
    }

    private(set) var parts: [Part]
    private var positions: [String: Int]

    /// The ZIP timestamp every entry gets (the earliest a ZIP can hold): a document written
    /// twice is the same bytes, and the output does not tell when it was made.
    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z
    /// More than any real decision holds: a package that inflates beyond it is refused.
    static let maximumSize: UInt64 = 1 << 30

    /// Reads a package; `name` is how errors name the file.
    init(bytes: [UInt8], name: String) throws {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw InputError(path: name, problem: "is a password-protected document or a Word 97-2003 .doc file, not a .docx package: "
                + "remove the password, or save it as a .docx (Word Document) in Word")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw InputError(path: name, problem: "is not a .docx package (not a ZIP file)")
        }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw InputError(path: name, problem: "is not a readable .docx package (a damaged ZIP file)")
        }
        var parts: [Part] = []
        var positions: [String: Int] = [:]
        var total: UInt64 = 0
        for entry in archive {
            total += UInt64(entry.uncompressedSize)
            guard total <= DocxPackage.maximumSize else { throw InputError(path: name, problem: "inflates to more than 1 GB; refusing to read it") }
            guard positions[entry.path] == nil else { throw InputError(path: name, problem: "holds the part \(entry.path) twice") }
            var data = Data()
            if entry.type == .file {
                do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                    throw InputError(path: name, problem: "has a part that cannot be unpacked (\(entry.path)): damaged or encrypted")
                }
            }
            positions[entry.path] = parts.count
            parts.append(Part(name: entry.path, data: data, isDirectory: entry.type == .directory))
        }
        guard positions["[Content_Types].xml"] != nil else {
            throw InputError(path: name, problem: "is a ZIP file but not a .docx package (no [Content_Types].xml)")
        }
        self.parts = parts
        self.positions = positions
    }

    var names: [String] { parts.map(\.name) }

    func data(_ name: String) -> Data? { positions[name].map { parts[$0].data } }

    func contains(_ name: String) -> Bool { positions[name] != nil }

    mutating func set(_ name: String, _ data: Data) {
        guard let position = positions[name] else { return }
        parts[position].data = data
    }

    mutating func remove(_ name: String) {
        guard positions[name] != nil else { return }
        parts.removeAll { $0.name == name }
        positions = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1.name, $0) })
    }

    /// The package as ZIP bytes, the same for the same parts.
    func zipped() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            if part.isDirectory {
                try archive.addEntry(with: part.name, type: .directory, uncompressedSize: 0, modificationDate: DocxPackage.fixedDate,
                                     permissions: 0o755, provider: { (_: Int64, _: Int) in Data() })
                continue
            }
            let data = part.data
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: DocxPackage.fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { (position: Int64, size: Int) in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw InputError(path: "-", problem: "the .docx package could not be assembled") }
        return data
    }
}
