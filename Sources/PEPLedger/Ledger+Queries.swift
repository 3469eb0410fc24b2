import Foundation
import GRDB
import PEPModel

/// What reports, the dashboard and finance outputs read.
extension Ledger {
    /// The current (not superseded) rated submissions for a term, each with its latest rating
    /// and PP+ totals, oldest receipt first.
    package func currentRatedSubmissions(term: Term, academicYear: AcademicYear) throws -> [RatedSubmissionSummary] {
        try currentRatedSubmissions(where: "s.term = ? AND s.academic_year = ?", [term.rawValue, academicYear.description])
    }

    /// The current rated submissions of every term (those with a child, term and academic
    /// year), oldest receipt first: the dashboard's rows.
    package func currentRatedSubmissions() throws -> [RatedSubmissionSummary] {
        try currentRatedSubmissions(
            where: "s.child_la_id IS NOT NULL AND s.term IS NOT NULL AND s.academic_year IS NOT NULL", [])
    }

    func currentRatedSubmissions(where clause: String, _ arguments: StatementArguments) throws
        -> [RatedSubmissionSummary]
    {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.file_name, s.child_la_id, s.term, s.academic_year, s.sha256, s.received_at,
                        p.school_urn, p.meeting_date, \(PEPHeadline.columns),
                        r.id AS run_id, r.quality, r.compliance, r.assessable,
                        (SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d
                            WHERE d.run_id = r.id) AS requested,
                        (SELECT COALESCE(SUM(d.approved_pence), 0) FROM funding_decision d
                            WHERE d.run_id = r.id AND d.status = 'approved') AS approved
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    LEFT JOIN pep p ON p.submission_id = s.id
                    WHERE s.status = 'rated' AND s.superseded_by IS NULL AND \(clause)
                    ORDER BY s.received_at, s.id
                    """,
                arguments: arguments)
            return try rows.map { row in
                let requested = Pence(row["requested"])
                let approved = Pence(row["approved"])
                guard let quality = Rating(rawValue: row["quality"]), let compliance = Rating(rawValue: row["compliance"]),
                    let term = (row["term"] as String?).flatMap(Term.init(rawValue:)),
                    let academicYear = (row["academic_year"] as String?).flatMap({ AcademicYear(parsing: $0) })
                else { throw LedgerError.inconsistent("run \(row["run_id"] as Int64) has an unknown rating or term") }
                return RatedSubmissionSummary(
                    submissionID: row["id"], runID: row["run_id"], fileName: row["file_name"],
                    childLAID: row["child_la_id"], schoolURN: row["school_urn"], term: term,
                    academicYear: academicYear, receivedAt: row["received_at"],
                    meetingDate: (row["meeting_date"] as String?).flatMap { CalendarDate(iso: $0) },
                    quality: quality, compliance: compliance, assessable: row["assessable"],
                    requested: requested, approved: approved, held: requested - approved, sha256: row["sha256"],
                    headline: Self.headline(row))
            }
        }
    }

    /// The stored `Assessment` JSON of a submission's latest rating run, or nil.
    package func assessmentJSON(submissionID: Int64) throws -> String? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT assessment_json FROM rating_run WHERE submission_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [submissionID])
        }
    }

    /// The submission currently superseding `submissionID`, if any.
    package func supersededBy(submissionID: Int64) throws -> Int64? {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT superseded_by FROM submission WHERE id = ?", arguments: [submissionID])
        }
    }

    /// Every funding decision of a submission, in request order.
    package func decisions(submissionID: Int64) throws -> [DecisionRecord] {
        try decisions(where: "d.submission_id = ? ORDER BY d.request_index", [submissionID])
    }

    /// Approved decisions on no payment batch yet: what the next finance close pays. Optionally
    /// one financial year only. Ordered by school, child, id.
    package func unbatchedApprovedDecisions(financialYear: FinancialYear? = nil) throws -> [DecisionRecord] {
        try decisions(
            where: """
                d.status = 'approved' AND b.decision_id IS NULL
                    AND (? IS NULL OR d.financial_year = ?)
                ORDER BY d.school_urn, d.child_la_id, d.id
                """,
            [financialYear?.description, financialYear?.description])
    }

    /// Held decisions of current submissions, with their reasons: what a coordinator must clear.
    package func heldDecisions() throws -> [DecisionRecord] {
        try decisions(where: "d.status = 'held' ORDER BY d.school_urn, d.child_la_id, d.id", [])
    }

    func decisions(where clause: String, _ arguments: StatementArguments) throws -> [DecisionRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(DecisionRecord.columns) FROM funding_decision d
                    LEFT JOIN batch_item b ON b.decision_id = d.id
                    WHERE \(clause)
                    """,
                arguments: arguments
            ).map(DecisionRecord.init(row:))
        }
    }
}
