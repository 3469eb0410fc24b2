import Dispatch
import Logging
import PEPOutput

/// Renders and writes QA reports on another thread while the next document is rated, when
/// documents are read ahead on other cores (`read_ahead` > 0): the report is a fifth of a
/// document's work, and off the one thread that rates and records, that thread is no longer
/// what keeps the other core waiting.
///
/// Safe to hand over: a report is made from the document's committed record alone, and one
/// not written (a crash, a full disk) is written again from the ledger by the next publish
/// (`ReportRecovery`, which looks among the submissions since the last publish), as after a
/// crash between a commit and its report. Reports are written in order, at most `limit`
/// waiting, so a long backlog never holds more than that many in memory; `finish()` waits
/// for every one (the end of a poll or of `pepqa process`, before the outputs are published).
final class ReportQueue: Sendable {
    private let publisher: ReportPublisher
    private let logger: Logger
    private let queue = DispatchQueue(label: "pepqa.reports", qos: .userInitiated)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore

    init(publisher: ReportPublisher, logger: Logger, limit: Int = 8) {
        self.publisher = publisher
        self.logger = logger
        slots = DispatchSemaphore(value: limit)
    }

    /// Queues `report` to be written; waits only when `limit` are already waiting.
    func publish(_ report: QAReport) {
        slots.wait()
        group.enter()
        queue.async { [publisher, logger, slots, group] in
            defer {
                slots.signal()
                group.leave()
            }
            do {
                _ = try publisher.publish(report)
            } catch {
                logger.error(
                    "QA report not written; the next publish writes it from the ledger",
                    metadata: ["submission.id": "\(report.submissionID.map(String.init) ?? "-")", "error": "\(error)"])
            }
        }
    }

    /// Waits until every queued report is written (or has failed and been logged).
    func finish() { group.wait() }
}
