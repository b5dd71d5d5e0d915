import Foundation

/// A file written in full beside its destination, under a hidden temporary name, and not
/// yet in place: `moveIntoPlace()` renames it there, `discard()` removes it. Writing
/// everything first means a failure (a full disk, a folder that cannot be written) leaves
/// the destination as it was.
struct StagedFile {
    let destination: URL
    let temporary: URL

    /// Writes the parts `produce` hands over into the temporary file, created with its
    /// final permissions (an owner-only audit is never readable by others, even for a
    /// moment), flushed to disk unless `flush` is false (a batch flushes once at its end).
    init(_ destination: URL, permissions: Int? = nil, flush: Bool = true, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        self.destination = destination
        temporary = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode_t(permissions ?? 0o644))
        guard descriptor >= 0 else { throw StagedFile.failure(destination, errno) }
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
                guard written else { throw StagedFile.failure(destination, errno) }
            }
            if flush { guard fsync(descriptor) == 0 else { throw StagedFile.failure(destination, errno) } }
            closed = true
            // Without fsync, a delayed write error (a full disk, a quota) shows here.
            guard close(descriptor) == 0 else { throw StagedFile.failure(destination, errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    func moveIntoPlace() throws {
        guard rename(temporary.path, destination.path) == 0 else { throw StagedFile.failure(destination, errno) }
    }

    func discard() {
        unlink(temporary.path)
    }

    static func failure(_ url: URL, _ code: Int32) -> InputError {
        InputError(path: url.path, problem: "cannot be written (\(String(cString: strerror(code))))")
    }
}

/// The outputs of one document — text, audit, review page — put in place together or not
/// at all. Each is staged in full first; then they are renamed into place one by one, an
/// existing file kept under a hard link until every rename has succeeded. If anything
/// fails, the files renamed so far are taken back (an earlier output restored, a new one
/// removed), the folders made for them are removed if empty, and the error is thrown.
struct OutputTransaction {
    private var staged: [StagedFile] = []
    private var createdDirectories: [URL] = []
    let flush: Bool

    init(flush: Bool = true) {
        self.flush = flush
    }

    /// Writes one output beside its destination (making its folder if needed).
    mutating func stage(_ data: Data, to url: URL, permissions: Int? = nil) throws {
        try stage(to: url, permissions: permissions) { write in try write(data) }
    }

    mutating func stage(to url: URL, permissions: Int? = nil, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        do {
            try makeDirectory(url.deletingLastPathComponent())
            staged.append(try StagedFile(url, permissions: permissions, flush: flush, produce))
        } catch {
            discard()
            throw error
        }
    }

    /// Renames every staged output into place, all or none.
    func commit() throws {
        var done: [(file: StagedFile, backup: URL?)] = []
        do {
            for file in staged {
                let backup = try OutputTransaction.keep(file.destination)
                do { try file.moveIntoPlace() } catch {
                    if let backup { unlink(backup.path) }
                    throw error
                }
                done.append((file, backup))
            }
        } catch {
            for (file, backup) in done.reversed() {
                if let backup { rename(backup.path, file.destination.path) } else { unlink(file.destination.path) }
            }
            for file in staged.dropFirst(done.count) { file.discard() }
            removeCreatedDirectories()
            throw error
        }
        for case let (_, backup?) in done { unlink(backup.path) }
    }

    /// Removes every staged output (and the folders made for them).
    func discard() {
        for file in staged { file.discard() }
        removeCreatedDirectories()
    }

    /// A hard link to an existing destination, so it can be restored; nil when there is none.
    private static func keep(_ destination: URL) throws -> URL? {
        var status = stat()
        guard lstat(destination.path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw InputError(path: destination.path, problem: "cannot be written (it is a directory)")
        }
        let backup = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).old")
        guard link(destination.path, backup.path) == 0 else { throw StagedFile.failure(destination, errno) }
        return backup
    }

    /// Makes a folder and any missing parents, remembering which were new.
    private mutating func makeDirectory(_ url: URL) throws {
        var missing: [URL] = []
        var directory = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            missing.append(directory)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        if missing.isEmpty && !isDirectory.boolValue {
            throw InputError(path: url.path, problem: "exists and is not a directory")
        }
        for directory in missing.reversed() {
            if mkdir(directory.path, 0o777) == 0 {
                createdDirectories.append(directory)
            } else if errno != EEXIST {
                throw InputError(path: directory.path, problem: "cannot be created (\(String(cString: strerror(errno))))")
            }
        }
    }

    private func removeCreatedDirectories() {
        for directory in createdDirectories.reversed() { rmdir(directory.path) }
    }
}
