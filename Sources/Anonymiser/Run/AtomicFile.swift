import Foundation

/// Writes a file so that it is either absent or complete: into a temporary file in the
/// same directory, then renamed into place.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, permissions: Int? = nil) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if let permissions {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw InputError(path: url.path, problem: "cannot be written (\(String(cString: strerror(errno))))")
            }
        } catch let error as InputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: url.path, problem: "cannot be written (\(describe(error)))")
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
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}
