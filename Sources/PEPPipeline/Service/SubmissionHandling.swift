import PEPLedger
import PEPModel

/// What the service needs of the pipeline, as a protocol so that tests can stand in a handler
/// that fails, blocks or counts (the real one is `DocumentRater`).
package protocol SubmissionHandling: Sendable {
    /// Reads a submission's bytes into a PEP, touching nothing else: safe on any thread, ahead
    /// of the submission's turn (`ReadAhead`).
    func prepare(_ submission: Submission) -> PreparedRead
    /// Assesses, records and reports one submission, read by `prepare` (or read now when the
    /// read is missing or stale); never throws (see `DocumentRater.handle`).
    func handle(_ submission: Submission, prepared: PreparedRead?) -> DocumentOutcome
    /// What the ledger holds for these bytes, or nil when it has never seen them.
    func recorded(sha256: String) throws -> RecordedSubmission?
    /// Writes a rated submission's QA report again, from the ledger, if it is missing (after a crash).
    @discardableResult
    func ensureReport(submissionID: Int64) throws -> Bool
    /// Waits for work handed to other threads (the reports of `ReportQueue`): called at the
    /// end of every poll and of `pepqa process`, before the outputs are published.
    func finishPending()
}

extension SubmissionHandling {
    package func finishPending() {}

    /// Reads and handles a submission in one go, on this thread.
    package func handle(_ submission: Submission) -> DocumentOutcome { handle(submission, prepared: nil) }
}
