/// How long to wait before trying a failed item again: exponential, capped.
///
/// With the defaults: 5 s, 10 s, 20 s, 40 s … up to one hour between attempts. A transient
/// fault (disk full, permission denied on a move, ledger busy) clears on its own or after a
/// person acts; the cap keeps a stuck item from being forgotten, and from filling the log.
package struct BackoffSchedule: Sendable, Equatable {
    /// Wait after the first failure, in seconds.
    package var initial: Double
    /// Each further failure multiplies the wait by this.
    package var multiplier: Double
    /// The longest wait, in seconds.
    package var maximum: Double

    package init(initial: Double = 5, multiplier: Double = 2, maximum: Double = 3600) {
        self.initial = max(0, initial)
        self.multiplier = max(1, multiplier)
        self.maximum = max(self.initial, maximum)
    }

    /// The wait after `failures` consecutive failures (1 = the first).
    package func delay(afterFailures failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        var delay = initial
        for _ in 1..<failures {
            delay *= multiplier
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}
