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
        let staged = try StagedFile(url, permissions: permissions, flush: flush, produce)
        do { try staged.moveIntoPlace() } catch {
            staged.discard()
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
