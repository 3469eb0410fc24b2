import Foundation
import Synchronization

/// Says when the once-a-day work is due: the first poll at or after `hour` o'clock (England's
/// time) on each day, counted from the last time the work ran (a publish after a busy poll
/// counts: it refreshed the tracker too).
///
/// A clock runs out on a day when nothing arrives ("QA overdue" turns true overnight), so the
/// service cannot wait for a file to refresh the tracker.
package final class DailyRefresh: Sendable {
    let hour: Int
    private let lastRun = Mutex<Date?>(nil)
    static let england = TimeZone(identifier: "Europe/London") ?? .gmt

    package init(hour: Int) {
        self.hour = hour
    }

    /// Records that the work ran at `date`.
    package func ran(at date: Date) {
        lastRun.withLock { $0 = date }
    }

    /// Whether the work is due at `now`: today's refresh time has passed and the work has not
    /// run since.
    package func isDue(now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.england
        guard let todays = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: now) else { return false }
        guard now >= todays else { return false }
        return lastRun.withLock { last in last.map { $0 < todays } ?? true }
    }
}
