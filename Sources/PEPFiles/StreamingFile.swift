import struct Foundation.URL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written a piece at a time into a temporary beside its name, for outputs too large to
/// hold whole (an export batch after the export was switched on over years of PEPs): memory
/// holds one buffer, not the file. `finish` fsyncs it; the caller then puts it in place
/// (`WriteOnceFile.Staging` links it, refusing to replace). Until then, and after `discard`,
/// only the temporary exists, hidden and named for the start-up sweep, never a half file
/// under the real name.
package final class StreamingFile {
    /// Where the bytes are being written.
    package let temporary: URL
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 16

    /// Creates the temporary beside `url` (and any missing folders).
    package init(beside url: URL, mode: mode_t = 0o640) throws(FileIOError) {
        try DurableFile.makeDirectories(url.deletingLastPathComponent(), mode: 0o755)
        temporary = DurableFile.temporaryURL(beside: url)
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileIOError("create", path: temporary.path, reason: DurableFile.describe(errno)) }
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    deinit { discard() }

    /// Appends `text` (UTF-8).
    package func write(_ text: String) throws(FileIOError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// Writes what is buffered and fsyncs: the temporary now holds the whole file.
    package func finish() throws(FileIOError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw FileIOError("flush", path: temporary.path, reason: DurableFile.describe(errno)) }
        close(descriptor)
        descriptor = -1
    }

    /// Closes and removes the temporary (a failure part way, or a file already put in place by a link).
    package func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporary.path)
    }

    private func flush() throws(FileIOError) {
        guard descriptor >= 0 else { throw FileIOError("write", path: temporary.path, reason: "the file was already finished") }
        guard DurableFile.writeAll(descriptor, buffer[...]) else {
            throw FileIOError("write", path: temporary.path, reason: DurableFile.describe(errno))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
