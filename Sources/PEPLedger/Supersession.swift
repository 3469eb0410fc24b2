import GRDB
import PEPModel

/// Supersession: for each child, term and academic year, the submission received last stands
/// and every other one points (through `superseded_by`) to a later one. A superseded
/// submission stays in the ledger with its rating; its decisions not yet paid become
/// `superseded`, while paid ones stand (money that has gone out is never un-recorded), so a
/// resubmission never pays twice.
///
/// Only `Database` functions: supersession happens inside the transaction that records the
/// later submission (`SubmissionStore.recordRated`), never on its own.
enum Supersession {
    /// The id of the current (not superseded) rated submission for a key.
    static func currentSubmission(for key: SubmissionKey, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM submission
                    WHERE child_la_id = ? AND term = ? AND academic_year = ? AND superseded_by IS NULL
                    """),
            arguments: [key.childLAID, key.term.rawValue, key.academicYear.description])
    }

    /// Whether submission `id` was received after `other` (ties go to the higher id), compared
    /// as stored, so that Swift and SQL agree to the millisecond.
    static func isLater(_ id: Int64, than other: Int64, _ db: Database) throws -> Bool {
        let later = try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT n.received_at > o.received_at OR (n.received_at = o.received_at AND n.id > o.id)
                    FROM submission n, submission o WHERE n.id = ? AND o.id = ?
                    """),
            arguments: [id, other])
        guard let later else { throw LedgerError.inconsistent("submission \(id) or \(other) not found") }
        return later
    }

    /// Marks `old` superseded by `new`, and withdraws its unpaid decisions.
    static func supersede(_ old: Int64, by new: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE submission SET superseded_by = ? WHERE id = ?").execute(arguments: [new, old])
        try withdrawUnpaidDecisions(of: old, db)
    }

    /// Approved and held decisions of a submission that are on no payment batch become
    /// `superseded`; paid ones stay approved.
    static func withdrawUnpaidDecisions(of submissionID: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE funding_decision SET status = 'superseded'
                WHERE submission_id = ? AND status IN ('approved', 'held')
                    AND NOT EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = funding_decision.id)
                """
        ).execute(arguments: [submissionID])
    }
}
