import Foundation

/// Sends `WATCHDOG=1` at half the interval systemd asked for (`WatchdogSec=`), from the loop
/// itself, between documents and during sleeps: a loop that hangs stops the pings, and
/// systemd restarts it. Nothing is sent when the watchdog is off.
struct WatchdogPacer {
    let notifier: SystemdNotifier
    /// Half of `WATCHDOG_USEC`, in seconds; nil when the watchdog is off.
    let period: Double?
    private var lastPing = Date.distantPast

    init(notifier: SystemdNotifier) {
        self.notifier = notifier
        period = notifier.watchdogInterval.map { interval in
            let (seconds, attoseconds) = interval.components
            return (Double(seconds) + Double(attoseconds) / 1e18) / 2
        }
    }

    /// Pings if half an interval has passed since the last ping.
    mutating func pingIfDue(now: Date = Date()) {
        guard let period, now.timeIntervalSince(lastPing) >= period else { return }
        notifier.watchdog()
        lastPing = now
    }
}
