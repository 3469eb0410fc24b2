import Foundation
import PEPFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file that must never be replaced (an export or finance batch): like
/// `DurableFile.write`, but the final step is `link(2)`, which fails if the name exists, instead
/// of `rename(2)`, which would silently overwrite. A crash leaves either no file or the whole file.
package enum WriteOnceFile {
    package struct AlreadyExists: Error, CustomStringConvertible {
        package let path: String
        package var description: String { "refusing to overwrite \(path): a batch file is written once and never replaced" }
    }

    /// - Throws: `AlreadyExists` when `url` exists, `FileIOError` on I/O failure.
    package static func write(_ text: String, to url: URL, mode: mode_t = 0o640) throws {
        if FileManager.default.fileExists(atPath: url.path) { throw AlreadyExists(path: url.path) }
        let folder = url.deletingLastPathComponent()
        let staging = folder.appendingPathComponent(".\(url.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try DurableFile.write(text, to: staging, mode: mode)
        defer { unlink(staging.path) }
        guard link(staging.path, url.path) == 0 else {
            let code = errno
            if code == EEXIST { throw AlreadyExists(path: url.path) }
            throw FileIOError("link into place", path: url.path, reason: DurableFile.describe(code))
        }
        DurableFile.syncDirectory(folder)
    }

    /// A different file already holds the name: a batch file would be replaced.
    package struct Conflict: Error, CustomStringConvertible {
        package let path: String
        package var description: String {
            "\(path) exists with other content: a batch file is written once and never replaced (was the ledger replaced?)"
        }
    }

    /// Writes `text` once, for outputs rendered again after a crash: when the file is already
    /// there with exactly this content, it is left alone.
    /// - Returns: true when the file was written now, false when it was already there.
    /// - Throws: `Conflict` when the file exists with other content; I/O errors.
    @discardableResult
    package static func writeOrConfirm(_ text: String, to url: URL, mode: mode_t = 0o640) throws -> Bool {
        let staging = try Staging(for: url, mode: mode)
        try staging.write(text)
        return try staging.place()
    }

    /// A write-once file written a piece at a time (`StreamingFile`), for a batch too large to
    /// hold whole, then put in place as `writeOrConfirm` does: linked under its name, or, when
    /// a file is already there (a crash after it was written), confirmed byte for byte.
    package final class Staging {
        let url: URL
        let file: StreamingFile

        package init(for url: URL, mode: mode_t = 0o640) throws {
            self.url = url
            file = try StreamingFile(beside: url, mode: mode)
        }

        package func write(_ text: String) throws { try file.write(text) }

        /// - Returns: true when the file was put in place now, false when it was already there.
        /// - Throws: `Conflict` when the file there holds other bytes; I/O errors. The staged
        ///   bytes are removed either way.
        package func place() throws -> Bool {
            defer { file.discard() }
            try file.finish()
            guard link(file.temporary.path, url.path) == 0 else {
                let code = errno
                guard code == EEXIST else {
                    throw FileIOError("link into place", path: url.path, reason: DurableFile.describe(code))
                }
                guard DurableFile.sameContents(file.temporary, url) else { throw Conflict(path: url.path) }
                return false
            }
            DurableFile.syncDirectory(url.deletingLastPathComponent())
            return true
        }
    }

    /// `000042`.
    package static func sequenceLabel(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
