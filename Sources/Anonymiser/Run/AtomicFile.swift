import Foundation

/// Writes a file so that it is either absent or complete: into a temporary file in the
/// same directory, then renamed into place.
public enum AtomicFile {
    /// The temporary file is created with its final permissions (an owner-only audit is never
    /// readable by others, even for a moment) and flushed to disk before the rename — unless
    /// `flush` is false because the caller flushes a whole batch at once (`flushAll()`).
    public static func write(_ data: Data, to url: URL, permissions: Int? = nil, flush: Bool = true) throws {
        try write(to: url, permissions: permissions, flush: flush) { write in try write(data) }
    }

    /// Flushes every file written so far to disk: one call for a batch of outputs instead of
    /// one fsync each (which, for thousands of small files, costs more than redacting them).
    public static func flushAll() {
        sync()
    }

    /// Like `write(_:to:permissions:)` for content produced a part at a time: `produce`
    /// calls its argument with each part, in order. If `produce` throws, nothing is left
    /// behind and its error is rethrown.
    public static func write(
        to url: URL, permissions: Int? = nil, flush: Bool = true, _ produce: ((Data) throws -> Void) throws -> Void
    ) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode_t(permissions ?? 0o644))
        guard descriptor >= 0 else {
            throw InputError(path: url.path, problem: "cannot be written (\(String(cString: strerror(errno))))")
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        do {
            try produce { data in
                let written = data.withUnsafeBytes { buffer -> Bool in
                    var offset = 0
                    while offset < buffer.count {
                        let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if count <= 0 { return false }
                        offset += count
                    }
                    return true
                }
                guard written else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
            if flush { guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) } }
            closed = true
            // Without fsync, a delayed write error (a full disk, a quota) shows here.
            guard close(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard rename(temporary.path, url.path) == 0 else {
                throw InputError(path: url.path, problem: "cannot be written (\(String(cString: strerror(errno))))")
            }
        } catch let error as POSIXError {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: url.path, problem: "cannot be written (\(describe(error)))")
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Makes sure a directory exists and can be written to, before anything is written.
    public static func prepareDirectory(_ url: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError(path: url.path, problem: "exists and is not a directory") }
        } else {
            do { try fileManager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw InputError(path: url.path, problem: "cannot be created (\(describe(error)))")
            }
        }
        guard fileManager.isWritableFile(atPath: url.path) else {
            throw InputError(path: url.path, problem: "is not writable")
        }
    }

    static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}
