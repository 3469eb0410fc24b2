import Foundation

/// What a clean close left: the ledger file's identity and state (device, inode, size,
/// modification time) in `ledger.sqlite-closed`, written only after the last connection closed
/// and SQLite folded its write-ahead log into the file.
///
/// The open checks the whole file (`PRAGMA quick_check`, which reads every page: seconds at a
/// few years' PEPs) unless the file is exactly as a clean close left it and no write-ahead log
/// is waiting. A `kill -9`, a crash, a restore, another program writing the file, or bytes
/// overwritten on disk by anything that updates the modification time all change that, and the
/// next open checks everything. Damage that leaves the file's times alone (a failing disk) is
/// met by SQLite when it reads a damaged page, and by `pepqa ledger backup`, which checks its
/// copy whole (`integrity_check`).
struct CleanCloseStamp {
    let ledgerPath: String

    var path: String { ledgerPath + "-closed" }

    /// The file's identity and state now, or nil when it cannot be read.
    private func current() -> String? {
        var info = stat()
        guard stat(ledgerPath, &info) == 0 else { return nil }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Whether the file is as the last clean close left it, with no write-ahead log to replay.
    func matches() -> Bool {
        guard let stamp = FileManager.default.contents(atPath: path), let now = current() else { return false }
        var wal = stat()
        if stat(ledgerPath + "-wal", &wal) == 0, wal.st_size > 0 { return false }
        return String(decoding: stamp, as: UTF8.self) == now
    }

    /// Forgets the stamp: the file is about to change.
    func remove() { unlink(path) }

    /// Notes the file as it is now, after a clean close; nothing when a write-ahead log is left
    /// (another process still has the ledger open, so the file may change under the stamp).
    func write() {
        var wal = stat()
        if stat(ledgerPath + "-wal", &wal) == 0, wal.st_size > 0 { return }
        guard let now = current() else { return }
        // A torn or lost stamp only means the next open checks the whole file.
        FileManager.default.createFile(atPath: path, contents: Data(now.utf8), attributes: [.posixPermissions: 0o640])
    }
}
