import Foundation
import Testing
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket the test owns, standing in for systemd's notify socket.
final class NotifySocket {
    let path: String
    let fd: Int32

    init() throws {
        path = NSTemporaryDirectory() + "pepqa-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(rc == 0)
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram, or nil after a two-second wait.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var n = recv(fd, &buffer, buffer.count, 0)
        // A signal (SIGCHLD from another test's child process) interrupts recv: read again.
        while n < 0 && errno == EINTR { n = recv(fd, &buffer, buffer.count, 0) }
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }

    deinit {
        close(fd)
        unlink(path)
    }
}

@Test func readyMessageReachesTheNotifySocket() throws {
    let socket = try NotifySocket()
    let notifier = SystemdNotifier(socketPath: socket.path)
    notifier.ready(status: "Watching 1 inbox")
    #expect(socket.receive() == "READY=1\nSTATUS=Watching 1 inbox")
}

@Test func statusAndWatchdogAreSeparateDatagrams() throws {
    let socket = try NotifySocket()
    let notifier = SystemdNotifier(socketPath: socket.path)
    notifier.status("Processing 3 of 10")
    notifier.watchdog()
    #expect(socket.receive() == "STATUS=Processing 3 of 10")
    #expect(socket.receive() == "WATCHDOG=1")
}

@Test func withoutNotifySocketNothingIsSent() {
    let notifier = SystemdNotifier.fromEnvironment([:])
    #expect(!notifier.isActive)
    #expect(notifier.send("READY=1") == false)
}

@Test func watchdogIntervalComesFromWatchdogUsec() {
    let notifier = SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"])
    #expect(notifier.watchdogInterval == .seconds(30))
}

@Test func watchdogForAnotherProcessIsIgnored() {
    let notifier = SystemdNotifier.fromEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"])
    #expect(notifier.watchdogInterval == nil || getpid() == 1)
}

@Test func longWorkBetweenPollsKeepsTheWatchdogFedUntilItEnds() throws {
    let socket = try NotifySocket()
    let notifier = SystemdNotifier(socketPath: socket.path, watchdogInterval: .milliseconds(100))
    let keepAlive = WatchdogKeepAlive(notifier: notifier, period: 0.05)
    Thread.sleep(forTimeInterval: 0.6)
    keepAlive.stop()
    Thread.sleep(forTimeInterval: 0.3)
    let during = socket.drain().filter { $0 == "WATCHDOG=1" }.count
    #expect(during >= 2)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(socket.drain().isEmpty, "no ping after the work ended")
}

@Test func aHungPieceOfWorkStopsBeingCoveredAfterItsLimit() throws {
    let socket = try NotifySocket()
    let notifier = SystemdNotifier(socketPath: socket.path, watchdogInterval: .milliseconds(100))
    let keepAlive = WatchdogKeepAlive(notifier: notifier, period: 0.05, limit: 0.2)
    defer { keepAlive.stop() }
    Thread.sleep(forTimeInterval: 0.6)
    _ = socket.drain()
    Thread.sleep(forTimeInterval: 0.2)
    #expect(socket.drain().isEmpty, "the pings stop at the limit, so systemd can restart a hung service")
}

@Test func noKeepAliveWhenTheWatchdogIsOff() throws {
    let socket = try NotifySocket()
    let keepAlive = WatchdogKeepAlive(notifier: SystemdNotifier(socketPath: socket.path), period: nil)
    Thread.sleep(forTimeInterval: 0.1)
    keepAlive.stop()
    #expect(socket.drain().isEmpty)
}
