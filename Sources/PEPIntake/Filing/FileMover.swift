import struct Foundation.Date

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Moves and writes files so that a crash leaves either the old state or the new, never half a file.
///
/// A move is a `rename` within one file system. Across file systems (`EXDEV`, e.g. an archive
/// on another mount) it copies to a temporary file beside the destination, fsyncs it, renames
/// it into place, fsyncs the directory, and only then unlinks the source.
enum FileMover {
    /// Moves `source` to `destination`, refusing to replace an existing file.
    static func move(_ source: String, to destination: String) throws(IntakeIOError) {
        guard FileStatus.lstat(destination) == nil else {
            throw IntakeIOError("move a file to", path: destination, reason: "a file with that name already exists")
        }
        if rename(source, destination) == 0 {
            syncDirectory(of: destination)
            return
        }
        let code = errno
        guard code == EXDEV else { throw IntakeIOError("move", path: source, reason: describe(code)) }
        try copyAcrossFileSystems(source, to: destination)
    }

    /// The cross-file-system path of `move`: copy, fsync, rename into place, then unlink the source.
    static func copyAcrossFileSystems(_ source: String, to destination: String) throws(IntakeIOError) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw IntakeIOError("open", path: source, reason: describe(errno)) }
        defer { close(input) }
        let mode = FileStatus.stat(source).map { mode_t($0.mode & 0o777) } ?? 0o640
        let temporary = temporaryPath(beside: destination)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard output >= 0 else { throw IntakeIOError("create", path: temporary, reason: describe(errno)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0, writeAll(output, buffer[0..<count]) else {
                let reason = describe(errno)
                close(output)
                unlink(temporary)
                throw IntakeIOError("copy", path: source, reason: reason)
            }
        }
        guard fsync(output) == 0, close(output) == 0 else {
            unlink(temporary)
            throw IntakeIOError("flush", path: temporary, reason: describe(errno))
        }
        guard FileStatus.lstat(destination) == nil, rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw IntakeIOError("move a file to", path: destination, reason: "a file with that name already exists")
        }
        syncDirectory(of: destination)
        guard unlink(source) == 0 else { throw IntakeIOError("remove", path: source, reason: describe(errno)) }
    }

    /// Writes `bytes` to `destination` atomically: temporary file, fsync, rename, directory fsync.
    static func writeAtomically(_ bytes: [UInt8], to destination: String) throws(IntakeIOError) {
        let temporary = temporaryPath(beside: destination)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        guard output >= 0 else { throw IntakeIOError("create", path: temporary, reason: describe(errno)) }
        guard writeAll(output, bytes[...]), fsync(output) == 0 else {
            let reason = describe(errno)
            close(output)
            unlink(temporary)
            throw IntakeIOError("write", path: temporary, reason: reason)
        }
        close(output)
        guard rename(temporary, destination) == 0 else {
            let reason = describe(errno)
            unlink(temporary)
            throw IntakeIOError("rename into place", path: destination, reason: reason)
        }
        syncDirectory(of: destination)
    }

    /// Creates `path` and its missing parents.
    static func makeDirectories(_ path: String) throws(IntakeIOError) {
        if FileStatus.stat(path)?.isDirectory == true { return }
        let parent = parentPath(path)
        if parent != path, !parent.isEmpty { try makeDirectories(parent) }
        guard mkdir(path, 0o750) == 0 || errno == EEXIST else {
            throw IntakeIOError("create the folder", path: path, reason: describe(errno))
        }
    }

    static func parentPath(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private static func temporaryPath(beside destination: String) -> String {
        let random = UInt64.random(in: 0...UInt64.max)
        return parentPath(destination) + "/.pepqa-tmp-\(String(random, radix: 16))"
    }

    /// Makes a rename durable: fsync the directory that holds the new name.
    private static func syncDirectory(of path: String) {
        let descriptor = open(parentPath(path), O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
