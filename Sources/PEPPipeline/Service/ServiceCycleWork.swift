import Foundation
import Logging

/// The service's work between polls (`RunOptions.afterCycle` and `.everyCycle`): the outputs
/// at start and after a busy poll, and after any other when the ledger changed (a failed publish
/// tried again with backoff); on every poll, the tracker's daily refresh and the daily reminder
/// that a finance run is due; each logged.
package struct ServiceCycleWork: Sendable {
    let outputs: OutputPublisher
    let finance: FinanceCloser
    let tracker: DailyRefresh
    /// Once a day (at 9), the reminder that a PP+ finance run is due: the service never
    /// prepares or pays one itself.
    let financeReminder = DailyRefresh(hour: 9)
    /// When an idle poll may try a failed publish again.
    let outputBackoff = OutputBackoff()
    let logger: Logger

    /// After a busy poll (and once at start, which is how a crash's missing outputs are made
    /// good): brings every output up to date and logs what it wrote. Throws only when some
    /// output could not be written (the rest were).
    package func afterCycle(now: Date) throws {
        let summary: OutputSummary?
        let started = ContinuousClock.now
        let startedCPU = ThreadCPUTime.milliseconds()
        do {
            summary = try outputs.publishIfChanged(now: now)
            // Published now, or already today: the mark a publish keeps holds its day, so the
            // outputs match it only when they were made today (the first publish of a day makes
            // every term again), and the daily refresh owes nothing. Without this, each new
            // process (`run --once` from a timer) refreshed the whole tracker after its hour.
            tracker.ran(at: now)
            outputBackoff.succeeded()
        } catch let failure as OutputFailure {
            outputBackoff.failed(now: now)
            log(failure.summary)
            throw failure
        } catch {
            outputBackoff.failed(now: now)
            throw error
        }
        if let summary { log(summary, took: ContinuousClock.now - started, cpu: ThreadCPUTime.milliseconds() - startedCPU) }
    }

    /// On every poll: the outputs when something changed (a person's decision in the
    /// workbench, a finance run), the tracker's daily refresh, and the finance reminder, when due.
    /// A failed refresh waits out the same backoff as a failed publish (it writes the same
    /// folder): tried on every poll, a full or read-only disk would log an error every few
    /// seconds and keep the publish from ever being tried.
    package func everyCycle(now: Date) throws {
        if tracker.isDue(now: now), outputBackoff.isDue(now: now) {
            do {
                let files = try outputs.publishTracker(now: now)
                tracker.ran(at: now)
                logger.info("tracker refreshed", metadata: ["files": "\(files.count)"])
            } catch {
                outputBackoff.failed(now: now)
                throw error
            }
        }
        if financeReminder.isDue(now: now) {
            financeReminder.ran(at: now)
            if let reminder = try finance.reminderIfDue(now: now) {
                logger.notice("finance run due", metadata: ["reminder": "\(reminder)"])
            }
        }
        if outputBackoff.isDue(now: now) { try afterCycle(now: now) }
    }

    /// One line for each publish, with what it cost (wall time, and the CPU time of the thread
    /// that published): the work a poll does beyond rating, which IT can watch grow (or not) with
    /// the ledger; and one for what it wrote, when it wrote anything.
    private func log(_ summary: OutputSummary, took: Duration? = nil, cpu: Double = 0) {
        if let took {
            let (seconds, attoseconds) = took.components
            let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
            logger.info(
                "outputs published",
                metadata: [
                    "ms": "\(String(format: "%.1f", ms))", "cpu_ms": "\(String(format: "%.1f", cpu))",
                    "dashboard_pages": "\(summary.dashboardPagesWritten)",
                    "tracker_files": "\(summary.trackerFiles.count)",
                ])
        }
        guard summary.wroteAnything else { return }
        logger.info(
            "outputs written",
            metadata: [
                "feedback": "\(summary.feedbackWritten.count)", "export_files": "\(summary.exportFiles.count)",
                "reports_restored": "\(summary.reportsRestored.count)", "finance_files": "\(summary.financeFiles.count)",
                "payment_notices": "\(summary.paymentNotices.count)",
            ])
    }
}
