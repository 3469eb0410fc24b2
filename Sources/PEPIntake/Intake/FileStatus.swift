import struct Foundation.Date

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `lstat`/`stat` say about a path: kind, size, modification time (to the nanosecond,
/// which the stability check needs) and status-change time (when the file arrived: see `ArrivalClock`).
struct FileStatus: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case regular, directory, symlink, other }
    var kind: Kind
    var size: Int64
    var modified: Date
    /// `st_ctime`: set by the kernel when the file is created, written or renamed into a folder.
    /// Unlike the modification time, which `cp -p`, `rsync -t` and unzip carry over from the
    /// sender's copy, it cannot be set from user space.
    var changed: Date
    var device: UInt64
    var mode: UInt32

    var isRegularFile: Bool { kind == .regular }
    var isDirectory: Bool { kind == .directory }

    /// The path itself (a symlink is reported as a symlink).
    static func lstat(_ path: String) -> FileStatus? { status(path, follow: false) }
    /// What the path leads to (symlinks followed).
    static func stat(_ path: String) -> FileStatus? { status(path, follow: true) }

    private static func status(_ path: String, follow: Bool) -> FileStatus? {
        var info = SystemStat()
        let result = follow ? systemStat(path, &info) : systemLstat(path, &info)
        guard result == 0 else { return nil }
        let kind: Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            case S_IFLNK: .symlink
            default: .other
            }
        #if canImport(Darwin)
            let (time, change) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (time, change) = (info.st_mtim, info.st_ctim)
        #endif
        let modified = Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        let changed = Date(timeIntervalSince1970: Double(change.tv_sec) + Double(change.tv_nsec) / 1e9)
        return FileStatus(
            kind: kind, size: Int64(info.st_size), modified: modified, changed: changed, device: UInt64(info.st_dev),
            mode: UInt32(info.st_mode))
    }
}

private typealias SystemStat = stat
private func systemStat(_ path: String, _ info: inout SystemStat) -> Int32 { stat(path, &info) }
private func systemLstat(_ path: String, _ info: inout SystemStat) -> Int32 { lstat(path, &info) }
