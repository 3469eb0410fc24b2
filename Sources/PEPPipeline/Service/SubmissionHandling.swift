import PEPLedger
import PEPModel

/// What the service needs of the pipeline, as a protocol so that tests can stand in a handler
/// that fails, blocks or counts (the real one is `DocumentRater`).
package protocol SubmissionHandling: Sendable {
    /// Reads, assesses, records and reports one submission; never throws (see `DocumentRater.handle`).
    func handle(_ submission: Submission) -> DocumentOutcome
    /// What the ledger holds for these bytes, or nil when it has never seen them.
    func recorded(sha256: String) throws -> RecordedSubmission?
    /// Writes a rated submission's QA report again, from the ledger, if it is missing (after a crash).
    @discardableResult
    func ensureReport(submissionID: Int64) throws -> Bool
}
