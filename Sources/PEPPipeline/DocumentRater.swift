import Foundation
import Logging
import PEPLedger
import PEPModel
import PEPOutput
import PEPReaders
import PEPRules

/// Rates one submission: read, assess, record, write its QA report. The handler the item
/// processor calls, for `pepqa process` and the service alike.
///
/// `handle(_:)` never throws. A document that cannot be read is data (it is rejected and
/// recorded); only a transient failure (disk, ledger busy) comes back as `.failed`, with
/// nothing recorded, so that the caller can retry it later.
package struct DocumentRater: SubmissionHandling {
    let rules: RuleSet
    let registry: ReaderRegistry
    let ledger: Ledger
    let reports: ReportPublisher
    let builder: StoredReportBuilder
    let logger: Logger
    /// Where reports go when they are written on another thread (reading ahead); nil: here.
    var queue: ReportQueue?
    /// Names these readers, so that a read prepared by an earlier pipeline (before a rules
    /// reload) is not used by this one.
    let readers = UUID()

    /// Reads one submission's bytes; pure, so `ReadAhead` runs it on another core.
    package func prepare(_ submission: Submission) -> PreparedRead {
        PreparedRead(
            readers: readers, sha256: submission.sha256,
            result: Result { () throws(IngestError) in try registry.read(submission.bytes, file: submission.fileName) })
    }

    /// Assesses, records and reports one submission, with the read `prepare` made (made now
    /// if there is none, or it came from other readers or other bytes).
    package func handle(_ submission: Submission, prepared: PreparedRead?) -> DocumentOutcome {
        var log = logger
        log[metadataKey: "submission.sha256"] = "\(submission.sha256.prefix(12))"
        do {
            if try ledger.submissions.recorded(sha256: submission.sha256) != nil {
                log.info("already recorded; skipped")
                return .duplicate(file: submission.fileName, submissionID: nil)
            }
            let usable = prepared.flatMap { $0.readers == readers && $0.sha256 == submission.sha256 ? $0 : nil }
            let read: ReadResult
            switch (usable ?? prepare(submission)).result {
            case .success(let result):
                read = result
            case .failure(let error):
                let reason = error.description
                _ = try ledger.submissions.recordRejected(submission, reason: reason, at: Date())
                log.warning("rejected", metadata: ["reason": "\(error.code)"])
                return .rejected(file: submission.fileName, reason: reason)
            }
            return try rate(submission, read: read, logger: log)
        } catch {
            log.error("not processed; will retry", metadata: ["error": "\(LogLabel.scrub("\(error)", path: submission.fileName))"])
            return .failed(file: submission.fileName, reason: "\(error)")
        }
    }

    func rate(_ submission: Submission, read: ReadResult, logger log: Logger) throws -> DocumentOutcome {
        var log = log
        let receivedOn = CalendarDate(englandDateOf: submission.receivedAt)
        let history = try ledger.history.childHistory(for: read.pep, receivedAt: submission.receivedAt)
        let context = AssessmentContext(receivedOn: receivedOn, attachments: submission.attachments, history: history)
        let assessment = rules.assess(read, context: context)
        let outcome = try ledger.submissions.recordRated(submission, read: read, assessment: assessment, at: Date())
        guard let recorded = outcome.recorded else {
            return .duplicate(file: submission.fileName, submissionID: nil)
        }
        log[metadataKey: "submission.id"] = "\(recorded.submissionID)"
        log[metadataKey: "child.la_id"] = "\(read.pep.child.laId?.value ?? "-")"
        let report = QAReport(
            submissionID: recorded.submissionID, fileName: submission.fileName, sha256: submission.sha256,
            format: read.format, receivedOn: receivedOn, sender: submission.sender, pep: read.pep,
            assessment: assessment)
        let path: String
        if let queue {
            queue.publish(report)
            path = reports.htmlPath(report)
        } else {
            path = try reports.publish(report)
        }
        log.info(
            "rated",
            metadata: [
                "quality": "\(assessment.quality.rawValue)", "compliance": "\(assessment.compliance.rawValue)",
                "assessable": "\(assessment.assessable)",
            ])
        return .rated(
            RatedDocument(
                file: submission.fileName, submissionID: recorded.submissionID,
                childID: read.pep.child.laId?.value ?? "-", assessable: assessment.assessable,
                quality: assessment.quality, compliance: assessment.compliance, requested: assessment.totalRequested,
                approved: assessment.totalApproved, held: assessment.totalHeld,
                supersededEarlier: recorded.superseded != nil, supersededAtOnce: recorded.isSuperseded,
                reportPath: path))
    }

    /// Waits for the reports still being written on another thread (`ReportQueue`).
    package func finishPending() { queue?.finish() }

    /// What the ledger holds for these bytes (nil when never seen).
    package func recorded(sha256: String) throws -> RecordedSubmission? {
        try ledger.submissions.recorded(sha256: sha256)
    }

    /// Makes sure a rated submission's QA report exists, writing it again if not.
    ///
    /// The ledger commit comes before the report is written, so a crash between the two leaves a
    /// recorded submission without its report, and the file still in the inbox. When the service
    /// meets that file again it is a duplicate: this rebuilds the report from the ledger (the
    /// stored PEP and assessment, `StoredReportBuilder`, as every other rebuilt report), without
    /// rating it again (a second rating would see its own first one in the child's history).
    /// - Returns: true when a report was missing and has been written.
    @discardableResult
    package func ensureReport(submissionID: Int64) throws -> Bool {
        guard let stored = try ledger.ratings.latestStoredRating(submissionID: submissionID) else { return false }
        let report = try builder.report(stored)
        guard !reports.exists(report) else { return false }
        _ = try reports.publish(report)
        logger.notice("QA report written again after an interrupted run", metadata: ["submission.id": "\(submissionID)"])
        return true
    }
}
