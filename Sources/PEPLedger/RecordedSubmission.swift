/// What the ledger holds for a document's bytes: enough for the service to settle a file it
/// finds still in the inbox after a crash (archive it, or quarantine it with the same reason).
package struct RecordedSubmission: Sendable, Hashable {
    package var submissionID: Int64
    package var status: SubmissionStatus
    /// The one-line reason of a rejected submission; nil for a rated one.
    package var rejectReason: String?
}
