import Foundation
import Synchronization

/// When the service tries a failed publish again between documents (a full disk, an output
/// folder made read-only): after 5 s, 10 s, 20 s … up to 15 minutes (`BackoffSchedule`), so a
/// stuck output neither fills the log every poll nor waits for the next document to be retried.
/// A poll that took a document publishes whatever the backoff says (the ledger changed).
package final class OutputBackoff: Sendable {
    let schedule: BackoffSchedule
    private let state = Mutex<(failures: Int, next: Date?)>((0, nil))

    package init(schedule: BackoffSchedule = BackoffSchedule(maximum: 900)) {
        self.schedule = schedule
    }

    /// Whether an idle poll may try to publish at `now`.
    package func isDue(now: Date) -> Bool {
        state.withLock { s in s.next.map { now >= $0 } ?? true }
    }

    /// Records a failed publish at `now`; the next try waits longer each time.
    package func failed(now: Date) {
        let schedule = self.schedule
        state.withLock { s in
            s.failures += 1
            s.next = now.addingTimeInterval(schedule.delay(afterFailures: s.failures))
        }
    }

    /// Records a publish that succeeded (or had nothing to do).
    package func succeeded() {
        state.withLock { $0 = (0, nil) }
    }
}
