import Foundation

/// A file or folder as the file system knows it (device and inode): the same whatever path,
/// link or spelling reaches it, so a run can tell that an output is one of its inputs, or
/// that a linked folder leads back to one it is walking.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of what a path leads to (links followed), nil if nothing is there.
    init?(_ url: URL) {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        self.init(status)
    }
}
