import Foundation

/// How the service loop behaves, beyond where things are (`ServiceConfiguration`).
package struct RunOptions: Sendable {
    /// Drain the inboxes and return (`pepqa run --once`), instead of watching them.
    package var once = false
    /// Seconds between polls (from `poll_interval_seconds` or `--poll-interval`).
    package var pollInterval: Double = 30
    /// `--once` only: seconds between its polls, so that a file still being written is seen
    /// changing (or not) before it is taken.
    package var onceGap: Double = 1
    /// `--once` only: polls in a row that take nothing while files are still changing before the
    /// run gives up on those files (left for the next run, and reported).
    package var onceMaxWaitingPolls = 10
    /// Whether the start-up sweep walks the trees that grow with every PEP (`out/reports`, the
    /// archive) as well as the rest: only after a run that did not end cleanly (the ledger's
    /// `checkedWhenOpened`), since a temporary is left only by a process that died mid-write.
    package var sweepEverything = true
    /// When a failed item is tried again.
    package var backoff = BackoffSchedule()
    /// Items read ahead on other cores while one is recorded (`ReadAhead`; 0: one core).
    package var readAhead = ServiceConfiguration().resolvedReadAhead
    /// Deaths of the process on one item before that item is quarantined unread.
    package var crashLimit = 3
    /// A progress line in the log every this many items, or every `progressEverySeconds`.
    package var progressEveryDocuments = 100
    package var progressEverySeconds: Double = 10
    /// Called once at start and after each poll cycle that handled anything, with the time.
    /// The place for work over the whole ledger (dashboard, exports, a finance close when due).
    /// An error is logged and the service goes on.
    package var afterCycle: @Sendable (_ now: Date) throws -> Void = { _ in }
    /// Called after every poll cycle, busy or idle, after `afterCycle`: the place for cheap
    /// checks on a schedule (the monthly finance close). An error is logged and the service goes on.
    package var everyCycle: @Sendable (_ now: Date) throws -> Void = { _ in }
    /// Called after each item with (done, total in this cycle, item name): the terminal
    /// progress line of `--once`.
    package var progress: (@Sendable (Int, Int, String) -> Void)?

    package init() {}
}
