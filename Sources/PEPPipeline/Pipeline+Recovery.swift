import Foundation
import PEPLedger
import PEPModel
import PEPOutput

extension Pipeline {
    /// What the ledger holds for these bytes (nil when never seen).
    package func recorded(sha256: String) throws -> RecordedSubmission? {
        try ledger.submissions.recorded(sha256: sha256)
    }

    /// Makes sure a rated submission's QA report exists, writing it again if not.
    ///
    /// The ledger commit comes before the report is written, so a crash between the two leaves a
    /// recorded submission without its report, and the file still in the inbox. When the service
    /// meets that file again it is a duplicate: this rebuilds the report from the file (the PEP as
    /// read) and the assessment stored in the ledger, without rating it again (a second rating
    /// would see its own first one in the child's history).
    /// - Returns: true when a report was missing and has been written.
    @discardableResult
    package func ensureReport(for submission: Submission, submissionID: Int64) throws -> Bool {
        guard let json = try ledger.ratings.assessmentJSON(submissionID: submissionID) else { return false }
        let read = try registry.read(submission.bytes, file: submission.fileName)
        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(json.utf8))
        let report = QAReport(
            submissionID: submissionID, fileName: submission.fileName, sha256: submission.sha256,
            format: read.format, receivedOn: CalendarDate(englandDateOf: submission.receivedAt),
            sender: submission.sender, pep: read.pep, assessment: assessment)
        guard !reports.exists(report) else { return false }
        _ = try reports.publish(report)
        logger.notice("QA report written again after an interrupted run", metadata: ["submission.id": "\(submissionID)"])
        return true
    }
}
