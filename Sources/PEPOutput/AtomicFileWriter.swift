import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one, never half:
/// a temporary file in the same folder, fsync, rename over the target, fsync the folder.
/// After a crash at any moment, at worst a stray `.*.tmp-*` file is left, never a torn output.
package enum AtomicFileWriter {
    package struct WriteError: Error, CustomStringConvertible {
        package let path: String
        package let operation: String
        package let code: Int32
        package var description: String {
            "could not \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// - Parameters:
    ///   - mode: permission bits of the new file (default 0640: the service's group may read).
    package static func write(_ bytes: some Collection<UInt8>, to url: URL, mode: mode_t = 0o640) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: temp.path, operation: "create", code: errno) }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        let array = Array(bytes)
        var written = 0
        while written < array.count {
            let n = array.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress!.advanced(by: written), array.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw WriteError(path: url.path, operation: "write", code: code)
            }
            written += n
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw WriteError(path: url.path, operation: "sync", code: code)
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else { throw WriteError(path: url.path, operation: "rename into", code: errno) }
        ok = true
        syncFolder(folder)
    }

    package static func write(_ text: String, to url: URL, mode: mode_t = 0o640) throws {
        try write(Array(text.utf8), to: url, mode: mode)
    }

    /// Makes a rename durable: fsync the folder that holds the new name.
    package static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
