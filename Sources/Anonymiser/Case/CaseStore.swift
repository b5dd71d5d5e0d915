import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The case registry: an SQLite database (GRDB) holding, per case, its people with their
/// pseudonyms and every name variant, and the documents redacted in it. It is the
/// re-identification key, so:
///
/// - the file is created owner-only (0600; SQLite gives its `-wal` and `-shm` files the
///   same mode) in a folder created owner-only (0700);
/// - it runs in WAL mode with a busy timeout, and every change is one IMMEDIATE
///   transaction, so two processes using it at once take turns and never see half a change;
/// - deleted rows are overwritten (`secure_delete`), so a forgotten case's names do not
///   linger in free pages;
/// - a file that is not an SQLite database, another program's database, a damaged store or
///   one written by a newer version is refused with an `InputError` and left untouched.
public final class CaseStore {
    public static let environmentVariable = "ANONYMISE_STORE"
    public static let defaultPath = ".anonymise/cases.sqlite"
    /// How long a process waits for another one's transaction before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// Where the store is: `--store FILE`, else `$ANONYMISE_STORE`, else `./.anonymise/cases.sqlite`.
    public static func location(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let variable = environment[environmentVariable], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        return URL(fileURLWithPath: defaultPath)
    }

    public let url: URL
    /// The path as messages show it.
    public var path: String { url.path }
    let queue: DatabaseQueue
    /// Kept open while the connection lives: closing any descriptor of the database file
    /// would drop SQLite's POSIX locks on it.
    private let lockDescriptor: Int32
    /// Called inside a document's transaction, before it commits (tests stop the process there).
    let insideTransaction: (@Sendable () -> Void)?

    /// Opens the store, creating it (and its folder) when `create` is true; otherwise a
    /// missing store is an `InputError`.
    public init(url: URL, create: Bool = true, insideTransaction: (@Sendable () -> Void)? = nil) throws {
        self.url = url
        self.insideTransaction = insideTransaction
        let path = url.path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw InputError(path: path, problem: "is a directory, not a case store") }
        if !exists {
            guard create else { throw InputError(path: path, problem: "no such case store (nothing has been stored yet)") }
            try CaseStore.createOwnerOnly(url)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(path: path, problem: "cannot be opened (\(String(cString: strerror(errno))))")
        }
        // Setting up (format checks, WAL, migrations) is one process at a time.
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        do {
            try CaseStore.tightenPermissions(descriptor, path: path)
            try CaseStore.checkHeader(descriptor, path: path)
            var configuration = Configuration()
            configuration.busyMode = .timeout(CaseStore.busyTimeout)
            configuration.foreignKeysEnabled = true
            configuration.label = "anonymise.cases"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try CaseStore.prepare(queue, path: path)
            self.queue = queue
        } catch {
            close(descriptor)
            throw CaseStore.inputError(error, path: path)
        }
        lockDescriptor = descriptor
    }

    deinit {
        try? queue.close()
        close(lockDescriptor)
    }

    // MARK: - Opening

    /// Creates the folders (0700) and an empty file (0600) before SQLite sees the path.
    private static func createOwnerOnly(_ url: URL) throws {
        var missing: [URL] = []
        var folder = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) {
            missing.insert(folder, at: 0)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        for directory in missing where mkdir(directory.path, 0o700) != 0 && errno != EEXIST {
            throw InputError(path: directory.path, problem: "cannot be created (\(String(cString: strerror(errno))))")
        }
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {  // another process has just created it: fine
            throw InputError(path: url.path, problem: "cannot be created (\(String(cString: strerror(errno))))")
        }
    }

    /// The store is owner-only even if someone loosened it.
    private static func tightenPermissions(_ descriptor: Int32, path: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw InputError(path: path, problem: "is not a regular file, so it cannot be a case store") }
        if status.st_mode & 0o077 != 0, status.st_uid == getuid() {
            _ = fchmod(descriptor, 0o600)
        }
    }

    /// A non-empty file must start as SQLite files do; anything else is refused before
    /// SQLite opens it, so it cannot be touched.
    private static func checkHeader(_ descriptor: Int32, path: String) throws {
        var header = [UInt8](repeating: 0, count: 16)
        let count = pread(descriptor, &header, 16, 0)
        guard count != 0 else { return }  // empty: a new store
        guard count == 16, header == Array("SQLite format 3\0".utf8) else {
            throw InputError(path: path, problem: "is not a case store (not an SQLite database); it was left unchanged")
        }
    }

    /// Refuses foreign, damaged or newer stores; sets WAL mode; migrates.
    private static func prepare(_ queue: DatabaseQueue, path: String) throws {
        let (tables, superseded) = try queue.read { db -> (Set<String>, Bool) in
            let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            let superseded = tables.contains("grdb_migrations") ? try CaseSchema.migrator.hasBeenSuperseded(db) : false
            return (tables, superseded)
        }
        if !tables.isEmpty && (!tables.contains("grdb_migrations") || !tables.contains("cases")) {
            throw InputError(path: path, problem: "is an SQLite database but not a case store; it was left unchanged")
        }
        if superseded {
            throw InputError(path: path, problem: "was written by a newer version of anonymise; it was left unchanged")
        }
        if !tables.isEmpty {
            let check = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            guard check == ["ok"] else {
                throw InputError(path: path, problem: "is damaged (SQLite integrity check failed); it was left unchanged — restore it from a backup")
            }
        }
        try queue.writeWithoutTransaction { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw InputError(path: path, problem: "cannot use write-ahead logging (journal mode \(mode ?? "unknown"))") }
        }
        try CaseSchema.migrator.migrate(queue)
    }

    /// A database error as one line naming the store; other errors pass unchanged.
    static func inputError(_ error: Error, path: String) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return InputError(path: path, problem: "is not a case store (not an SQLite database); it was left unchanged")
        case .SQLITE_CORRUPT:
            return InputError(path: path, problem: "is damaged (\(error.message ?? "database disk image is malformed")); it was left unchanged — restore it from a backup")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return InputError(path: path, problem: "is busy: another anonymise kept it locked for \(Int(busyTimeout)) seconds; try again")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return InputError(path: path, problem: "cannot be written (\(error.message ?? "permission denied"))")
        case .SQLITE_FULL:
            return InputError(path: path, problem: "cannot be written: the disk is full")
        default:
            return InputError(path: path, problem: "case store error (\(error.message ?? "SQLite error \(error.resultCode.rawValue)"))")
        }
    }

    /// Runs `body`, turning database errors into `InputError`s that name the store.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CaseStore.inputError(error, path: path) }
    }

    /// One IMMEDIATE transaction: it takes the write lock first, so what it reads stays true
    /// until it commits, whoever else uses the store.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try perform {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try perform { try queue.read(body) }
    }

    // MARK: - Maintenance

    /// SQLite's full integrity check: `["ok"]` for a sound store.
    public func integrityCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    /// The migrations applied to this store, in order.
    public func appliedMigrations() throws -> [String] {
        try read { try CaseSchema.migrator.appliedMigrations($0) }
    }

    /// Moves everything from the write-ahead log into the database file and empties the log.
    func checkpoint() throws {
        try perform { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
    }
}
