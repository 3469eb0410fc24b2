import Foundation
import Logging

extension Pipeline {
    /// The service's whole-ledger work after a busy poll (and once at start, which is how a
    /// crash's missing outputs are made good): brings every output up to date and logs what it
    /// wrote. Throws only when some output could not be written (the rest were).
    package func serviceAfterCycle(now: Date) throws {
        let summary: OutputSummary
        do {
            summary = try publishOutputs(now: now)
        } catch let failure as OutputFailure {
            log(failure.summary)
            throw failure
        }
        log(summary)
    }

    /// The service's check on every poll: the monthly PP+ finance close when it is due.
    package func serviceEveryCycle(now: Date) throws {
        guard let close = try financeCloseIfDue(now: now) else { return }
        for line in close.lines { logger.notice("finance close", metadata: ["line": "\(line)"]) }
    }

    private func log(_ summary: OutputSummary) {
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
