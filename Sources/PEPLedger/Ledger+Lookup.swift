import GRDB

/// What the ledger holds for a document's bytes: enough for the service to settle a file it
/// finds still in the inbox after a crash (archive it, or quarantine it with the same reason).
package struct RecordedSubmission: Sendable, Hashable {
    package var submissionID: Int64
    package var status: SubmissionStatus
    /// The one-line reason of a rejected submission; nil for a rated one.
    package var rejectReason: String?
}

extension Ledger {
    /// The submission recorded with these bytes, or nil if the ledger has never seen them.
    package func recorded(sha256: String) throws -> RecordedSubmission? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, status, reject_reason FROM submission WHERE sha256 = ?", arguments: [sha256]),
                let status = SubmissionStatus(rawValue: row["status"])
            else { return nil }
            return RecordedSubmission(submissionID: row["id"], status: status, rejectReason: row["reject_reason"])
        }
    }
}
