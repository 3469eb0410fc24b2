import struct Foundation.URL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes and moves files so that a crash leaves either the old state or the new, never half a
/// file: the one way every stage puts a file in place (outputs, quarantine notes, archive moves).
///
/// A write goes to a temporary file beside the target (`.<name>.tmp-<pid>-<n>`), is fsynced,
/// renamed over the target, and the folder is fsynced so the rename survives a power cut. A
/// move is a `rename` within one file system; across file systems (`EXDEV`, e.g. an archive on
/// another mount) it copies to such a temporary file, renames it into place, fsyncs the folder,
/// and only then unlinks the source. After a crash at any moment, at worst a temporary file is
/// left (the service's start-up sweep removes it), never a torn file.
package enum DurableFile {
    /// Writes `bytes` to `url` atomically, replacing any file there, creating missing folders.
    /// - Parameter mode: permission bits of the new file (default 0640: the service's group may read).
    package static func write(_ bytes: some Collection<UInt8>, to url: URL, mode: mode_t = 0o640) throws(FileIOError) {
        let folder = url.deletingLastPathComponent()
        try makeDirectories(folder, mode: 0o755)
        let temporary = temporaryURL(beside: url)
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard output >= 0 else { throw FileIOError("create", path: temporary.path, reason: describe(errno)) }
        guard writeAll(output, Array(bytes)[...]), fsync(output) == 0 else {
            let reason = describe(errno)
            close(output)
            unlink(temporary.path)
            throw FileIOError("write", path: url.path, reason: reason)
        }
        close(output)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = describe(errno)
            unlink(temporary.path)
            throw FileIOError("rename into place", path: url.path, reason: reason)
        }
        syncDirectory(folder)
    }

    /// Writes `text` as UTF-8; see `write(_:to:mode:)` for bytes.
    package static func write(_ text: String, to url: URL, mode: mode_t = 0o640) throws(FileIOError) {
        try write(Array(text.utf8), to: url, mode: mode)
    }

    /// Writes `text` as `write` does, only when the file does not already hold exactly it: a
    /// publish rewrites (and fsyncs) only the pages whose content changed. A file of another
    /// size is not read at all.
    /// - Returns: true when the file was written.
    @discardableResult
    package static func writeIfChanged(_ text: String, to url: URL) throws(FileIOError) -> Bool {
        let bytes = Array(text.utf8)
        if holds(bytes, url) { return false }
        try write(bytes, to: url)
        return true
    }

    /// Whether the file at `url` holds exactly `bytes`.
    static func holds(_ bytes: [UInt8], _ url: URL) -> Bool {
        var status = stat()
        guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count else {
            return false
        }
        let input = open(url.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)  // one more: a file that grew meanwhile
        let filled = fill(input, &existing)
        return filled == bytes.count && existing[..<filled].elementsEqual(bytes)
    }

    /// Moves `source` to `destination`, refusing to replace an existing file.
    package static func move(_ source: URL, to destination: URL) throws(FileIOError) {
        guard !exists(destination) else {
            throw FileIOError("move a file to", path: destination.path, reason: "a file with that name already exists")
        }
        if rename(source.path, destination.path) == 0 {
            keepPrivate(destination.path)
            syncDirectory(destination.deletingLastPathComponent())
            return
        }
        let code = errno
        guard code == EXDEV else { throw FileIOError("move", path: source.path, reason: describe(code)) }
        try copyAcrossFileSystems(source, to: destination)
    }

    /// The most a moved file keeps of its mode: a school's document (a child's personal data)
    /// arrives with whatever mode the mail server or file share gave it, often 0644; once
    /// archived or quarantined it is readable by the service's user and group only.
    static let privateBits: mode_t = 0o640

    /// Takes from a moved file every permission beyond `privateBits`.
    static func keepPrivate(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        let mode = mode_t(status.st_mode) & 0o7777
        if mode & ~privateBits != 0 { _ = chmod(path, mode & privateBits) }
    }

    /// The cross-file-system path of `move`: copy, fsync, rename into place, then unlink the source.
    static func copyAcrossFileSystems(_ source: URL, to destination: URL) throws(FileIOError) {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileIOError("open", path: source.path, reason: describe(errno)) }
        defer { close(input) }
        var status = stat()
        let mode = fstat(input, &status) == 0 ? mode_t(status.st_mode) & privateBits : 0o640
        let temporary = temporaryURL(beside: destination)
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard output >= 0 else { throw FileIOError("create", path: temporary.path, reason: describe(errno)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count == 0 { break }
            guard count > 0, writeAll(output, buffer[0..<count]) else {
                let reason = describe(errno)
                close(output)
                unlink(temporary.path)
                throw FileIOError("copy", path: source.path, reason: reason)
            }
        }
        guard fsync(output) == 0, close(output) == 0 else {
            unlink(temporary.path)
            throw FileIOError("flush", path: temporary.path, reason: describe(errno))
        }
        guard !exists(destination), rename(temporary.path, destination.path) == 0 else {
            unlink(temporary.path)
            throw FileIOError("move a file to", path: destination.path, reason: "a file with that name already exists")
        }
        syncDirectory(destination.deletingLastPathComponent())
        guard unlink(source.path) == 0 else { throw FileIOError("remove", path: source.path, reason: describe(errno)) }
    }

    /// Creates `folder` and its missing parents with `mode` (before the umask).
    package static func makeDirectories(_ folder: URL, mode: mode_t = 0o750) throws(FileIOError) {
        var status = stat()
        if stat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
        let parent = folder.deletingLastPathComponent()
        if parent.path != folder.path, !parent.path.isEmpty { try makeDirectories(parent, mode: mode) }
        guard mkdir(folder.path, mode) == 0 || errno == EEXIST else {
            throw FileIOError("create the folder", path: folder.path, reason: describe(errno))
        }
    }

    /// Makes a rename in `folder` durable: fsync the folder that holds the new name.
    package static func syncDirectory(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The system's text for an `errno` value.
    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `.<name>.tmp-<pid>-<random>` beside `url`: hidden from the drop-folder scan, tied to
    /// this process for the start-up sweep.
    static func temporaryURL(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    private static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// libc's `write(2)`, which `DurableFile.write` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

extension DurableFile {
    /// Whether two files hold the same bytes, read a piece at a time.
    package static func sameContents(_ a: URL, _ b: URL) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a.path, &sa) == 0, stat(b.path, &sb) == 0, sa.st_size == sb.st_size else { return false }
        let fa = open(a.path, O_RDONLY | O_CLOEXEC)
        let fb = open(b.path, O_RDONLY | O_CLOEXEC)
        defer {
            if fa >= 0 { close(fa) }
            if fb >= 0 { close(fb) }
        }
        guard fa >= 0, fb >= 0 else { return false }
        var ba = [UInt8](repeating: 0, count: 1 << 16)
        var bb = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let na = fill(fa, &ba)
            let nb = fill(fb, &bb)
            guard na == nb, na >= 0, ba[..<na] == bb[..<nb] else { return false }
            if na < ba.count { return true }
        }
    }

    /// Reads until `buffer` is full or the file ends; the count read, or -1 on an error.
    static func fill(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return -1 }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
