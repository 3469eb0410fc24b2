import Foundation
import GRDB
import PEPModel

/// Facts about a child from earlier submissions, for the rules that look back (caps, "Red two
/// terms running", a copied child's voice). Read-only: what it sums is written by the
/// submission and payment stores.
package struct HistoryStore: Sendable {
    let database: any DatabaseWriter

    /// The history for the PEP about to be assessed; empty when it names no child, term or
    /// academic year. `receivedAt` is the new submission's receipt time (see the other overload).
    package func childHistory(for pep: PEP, receivedAt: Date?, excludingSubmission: Int64? = nil) throws -> ChildHistory {
        guard let key = SubmissionKey(pep: pep) else { return ChildHistory() }
        return try childHistory(
            childLAID: key.childLAID, term: key.term, academicYear: key.academicYear,
            financialYear: key.financialYear(meetingDate: pep.meeting.date?.value),
            excludingSubmission: excludingSubmission, receivedAt: receivedAt)
    }

    /// A child's history as seen by a new (or re-rated) submission.
    ///
    /// - `approvedThisTerm`: pence already on payment batches for this child, term and year
    ///   (whichever submission they came from: a resubmission never pays twice), plus pence
    ///   approved but unpaid on current submissions other than `excludingSubmission` that will
    ///   still stand after this one. With `receivedAt`, a current submission for the same term
    ///   received before it is left out: this one is about to supersede it and withdraw its
    ///   unpaid approvals. Without `receivedAt`, every other current submission counts.
    /// - `approvedThisFinancialYear`: the same over every term of `financialYear`.
    /// - `lastTermRating`: the quality of the current submission for the previous term (autumn
    ///   -> the summer before, spring -> autumn, summer -> spring), nil if it could not be
    ///   assessed (its quality is then not a verdict) or there is none.
    /// - `ppPlusPaidLastTerm`: whether any PP+ for the previous term is approved or paid.
    /// - `lastTermChildVoice`: `child_voice` from the previous term's current PEP.
    package func childHistory(
        childLAID: String, term: Term, academicYear: AcademicYear, financialYear: FinancialYear,
        excludingSubmission: Int64? = nil, receivedAt: Date? = nil
    ) throws -> ChildHistory {
        try database.read { db in
            let scope = HistoryScope(
                childLAID: childLAID, term: term, academicYear: academicYear, excluding: excludingSubmission,
                receivedAt: receivedAt)
            let termFilter = "d.term = :term AND d.academic_year = :year"
            let fyFilter = "d.financial_year = :fy"
            var arguments = scope.arguments
            arguments += ["fy": financialYear.description]
            let previous = term.previous(in: academicYear)
            let last = try Self.lastTerm(
                childLAID: childLAID, term: previous.term, academicYear: previous.academicYear, db)
            return ChildHistory(
                approvedThisFinancialYear: try Self.approved(where: fyFilter, arguments, db),
                approvedThisTerm: try Self.approved(where: termFilter, arguments, db),
                lastTermRating: last.rating,
                ppPlusPaidLastTerm: last.ppPlusApproved,
                lastTermChildVoice: last.childVoice)
        }
    }

    /// Paid plus standing unpaid approvals for a child, over the decisions `filter` selects.
    static func approved(where filter: String, _ arguments: StatementArguments, _ db: Database) throws -> Pence {
        let pence = try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT
                        (SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                            JOIN funding_decision d ON d.id = b.decision_id
                            WHERE d.child_la_id = :child AND \(filter))
                        + (SELECT COALESCE(SUM(d.approved_pence), 0) FROM funding_decision d
                            JOIN submission s ON s.id = d.submission_id
                            WHERE d.child_la_id = :child AND \(filter)
                                AND d.status = 'approved' AND s.superseded_by IS NULL
                                AND NOT EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = d.id)
                                AND s.id IS NOT :excluding
                                AND NOT (:received IS NOT NULL AND s.term = :term AND s.academic_year = :year
                                    AND (s.received_at < :received OR (s.received_at = :received AND s.id < :tieID))))
                    """),
            arguments: arguments)
        return Pence(pence ?? 0)
    }

    /// Rating, PP+ and child's voice of the current submission for one term.
    static func lastTerm(
        childLAID: String, term: Term, academicYear: AcademicYear, _ db: Database
    ) throws -> (rating: Rating?, ppPlusApproved: Bool, childVoice: String?) {
        let arguments: StatementArguments = [
            "child": childLAID, "term": term.rawValue, "year": academicYear.description,
        ]
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT r.quality, r.assessable, json_extract(p.canonical_json, '$.child_voice') AS voice
                    FROM submission s
                    JOIN rating_run r ON r.submission_id = s.id
                    LEFT JOIN pep p ON p.submission_id = s.id
                    WHERE s.child_la_id = :child AND s.term = :term AND s.academic_year = :year
                        AND s.superseded_by IS NULL
                    ORDER BY r.id DESC LIMIT 1
                    """),
            arguments: arguments)
        let approved =
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM funding_decision d
                            WHERE d.child_la_id = :child AND d.term = :term AND d.academic_year = :year
                                AND d.status = 'approved' AND d.approved_pence > 0)
                        """),
                arguments: arguments) ?? false
        let assessable: Bool = row?["assessable"] ?? false
        let rating = assessable ? (row?["quality"] as String?).flatMap(Rating.init(rawValue:)) : nil
        return (rating, approved, row?["voice"])
    }
}

/// The named arguments every history query shares.
struct HistoryScope {
    var arguments: StatementArguments

    init(childLAID: String, term: Term, academicYear: AcademicYear, excluding: Int64?, receivedAt: Date?) {
        arguments = [
            "child": childLAID, "term": term.rawValue, "year": academicYear.description,
            "excluding": excluding, "received": receivedAt,
            // A new submission gets a higher id than any recorded one, so wins every tie.
            "tieID": excluding ?? Int64.max,
        ]
    }
}
