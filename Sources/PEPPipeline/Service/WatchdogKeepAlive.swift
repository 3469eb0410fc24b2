import Foundation

/// Keeps the systemd watchdog fed while whole-ledger work runs between polls (the outputs of
/// a first drain of thousands of PEPs can take minutes), from a thread of its own, for at most
/// `limit` seconds: work that runs longer than that is taken to be hung, the pings stop, and
/// systemd restarts the service, which picks the work up again from the ledger.
final class WatchdogKeepAlive: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true

    /// Starts pinging every `period` seconds (half the watchdog interval); does nothing when the
    /// watchdog is off (`period` nil).
    init(notifier: SystemdNotifier, period: Double?, limit: Double = 900) {
        guard let period else {
            running = false
            return
        }
        let deadline = Date().addingTimeInterval(limit)
        Thread.detachNewThread { [self] in
            var lastPing = Date.distantPast
            while isRunning, Date() < deadline {
                if Date().timeIntervalSince(lastPing) >= period {
                    notifier.watchdog()
                    lastPing = Date()
                }
                Thread.sleep(forTimeInterval: min(period, 0.5))
            }
        }
    }

    private var isRunning: Bool { lock.withLock { running } }

    func stop() { lock.withLock { running = false } }
}
