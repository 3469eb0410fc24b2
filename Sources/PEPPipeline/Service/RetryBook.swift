import Foundation

/// Which items failed for a transient reason, how often, and when each may be tried again.
///
/// Kept per item (by path), so one stuck file waits on its own schedule while the rest of the
/// inbox flows. In memory only: after a restart every item is tried at once, which is what a
/// restart is for.
package struct RetryBook: Sendable {
    package struct Entry: Sendable, Equatable {
        package var failures: Int
        package var nextAttempt: Date
        package var reason: String
    }

    package let schedule: BackoffSchedule
    private(set) var entries: [String: Entry] = [:]

    package init(schedule: BackoffSchedule = BackoffSchedule()) { self.schedule = schedule }

    /// Records a failure and returns the entry, with the time of the next attempt.
    @discardableResult
    package mutating func recordFailure(_ key: String, reason: String, now: Date) -> Entry {
        let failures = (entries[key]?.failures ?? 0) + 1
        let entry = Entry(
            failures: failures, nextAttempt: now.addingTimeInterval(schedule.delay(afterFailures: failures)), reason: reason)
        entries[key] = entry
        return entry
    }

    /// Whether the item may be tried now (true for an item that never failed).
    package func isDue(_ key: String, now: Date) -> Bool {
        guard let entry = entries[key] else { return true }
        return entry.nextAttempt <= now
    }

    package func entry(_ key: String) -> Entry? { entries[key] }

    /// The item went through: forget its failures.
    package mutating func recordSuccess(_ key: String) { entries[key] = nil }

    /// Forgets items that are no longer in any inbox (moved or removed by someone).
    package mutating func keepOnly(_ keys: Set<String>) {
        entries = entries.filter { keys.contains($0.key) }
    }

    /// Items waiting for their next attempt.
    package var count: Int { entries.count }

    /// The earliest time any waiting item may be tried.
    package var nextAttempt: Date? { entries.values.map(\.nextAttempt).min() }
}
