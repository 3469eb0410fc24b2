import struct Foundation.URL
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state folder's one-writer lock: an exclusive `flock` on `<state>/pepqa.lock`, held for
/// the life of the process.
///
/// Two `pepqa run` processes on one state folder would both work the same inbox and race each
/// other's filing; a `process` or `finance close` started by hand beside the service would do
/// the same. SQLite keeps the ledger itself consistent, but not the files around it, so the
/// commands that take work (`run`, `process`, `finance close`) hold this lock. `serve` does not:
/// it shares the ledger through SQLite's own locking and takes no inbox.
///
/// `flock` (not a PID file) because the kernel releases it when the holder dies, `kill -9`
/// included: a crashed service never leaves a stale lock behind. The holder's PID is written
/// into the file only so the second process can name it.
package final class StateLock: Sendable {
    package static let fileName = "pepqa.lock"
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock, creating the folder (0750) and the lock file (0640) if needed.
    ///
    /// - Parameters:
    ///   - wait: how long to wait for another holder to finish; `nil` or 0 fails at once.
    ///   - waiting: called once, with the holder's PID, when it starts to wait.
    package static func acquire(
        folder: String, wait: Double? = nil, waiting: (Int32?) -> Void = { _ in }
    ) throws(StateLockError) -> StateLock {
        do {
            try DurableFile.makeDirectories(URL(fileURLWithPath: folder), mode: 0o750)
        } catch {
            throw .unusable(folder: folder, reason: error.reason)
        }
        let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw .unusable(folder: folder, reason: String(cString: strerror(errno))) }
        let deadline = monotonicSeconds() + max(0, wait ?? 0)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw .unusable(folder: folder, reason: String(cString: strerror(reason)))
            }
            let holder = readHolder(descriptor)
            guard monotonicSeconds() < deadline else {
                close(descriptor)
                throw .held(folder: folder, pid: holder, waited: (wait ?? 0) > 0)
            }
            if !announced {
                waiting(holder)
                announced = true
            }
            usleep(100_000)
        }
        writeHolder(descriptor, pid: getpid())
        return StateLock(descriptor: descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.split(whereSeparator: { $0 == "\n" }).first ?? "")
    }

    private static func writeHolder(_ descriptor: Int32, pid: Int32) {
        let bytes = Array("\(pid)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// Why the state lock could not be taken: one line, naming the folder (and the holder).
package enum StateLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds it (`pid` when it wrote one); `waited` when we waited in vain.
    case held(folder: String, pid: Int32?, waited: Bool)
    /// The folder or the lock file could not be created or opened.
    case unusable(folder: String, reason: String)

    package var description: String {
        switch self {
        case .held(let folder, let pid, let waited):
            let who = pid.map { "another pepqa (PID \($0))" } ?? "another pepqa"
            let tail = waited ? "; it did not finish in time" : "; stop it first, or wait until it has finished"
            return "\(who) is working on the state folder \(folder)\(tail)"
        case .unusable(let folder, let reason):
            return "cannot lock the state folder \(folder): \(reason)"
        }
    }
}
