import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Speaks systemd's `sd_notify` protocol: datagrams such as `READY=1`, `STATUS=...` and
/// `WATCHDOG=1` sent to the `AF_UNIX` socket named in `$NOTIFY_SOCKET`.
///
/// Written here rather than linking libsystemd: the protocol is one datagram per message, and
/// this keeps the build free of another system library. With no `$NOTIFY_SOCKET` (run by hand,
/// or under cron) every call does nothing.
package struct SystemdNotifier: Sendable {
    /// The socket path; a leading `@` means Linux's abstract namespace.
    package let socketPath: String?
    /// How often systemd expects `WATCHDOG=1`, from `$WATCHDOG_USEC` (nil when off).
    package let watchdogInterval: Duration?

    package init(socketPath: String?, watchdogInterval: Duration? = nil) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
        self.watchdogInterval = watchdogInterval
    }

    /// Reads `$NOTIFY_SOCKET`, `$WATCHDOG_USEC` and `$WATCHDOG_PID` (the watchdog is ours only
    /// when `WATCHDOG_PID` is unset or names this process).
    package static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> SystemdNotifier {
        var interval: Duration?
        if let usec = env["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0 {
            let pidMatches = env["WATCHDOG_PID"].flatMap(Int32.init).map { $0 == getpid() } ?? true
            if pidMatches { interval = .microseconds(usec) }
        }
        return SystemdNotifier(socketPath: env["NOTIFY_SOCKET"], watchdogInterval: interval)
    }

    package var isActive: Bool { socketPath != nil }

    package func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    package func status(_ text: String) { send("STATUS=\(text)") }
    package func watchdog() { send("WATCHDOG=1") }
    package func stopping(status: String) { send("STOPPING=1\nSTATUS=\(status)") }

    /// Sends one datagram; failures are ignored (systemd may not be listening, and the service
    /// must not stop over a status message). Never blocks: when the socket's queue is full (a
    /// busy systemd, or a test reading late) the message is dropped rather than stalling the
    /// loop; the next status or ping follows soon.
    @discardableResult
    package func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            if pathBytes.count < capacity { raw[pathBytes.count] = 0 }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT), sa, length)
            }
        }
        return sent == bytes.count
    }
}
