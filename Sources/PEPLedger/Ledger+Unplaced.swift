import Foundation
import GRDB
import PEPModel

/// A current rated submission that names no child, term or academic year: it cannot sit in a
/// term's list, yet a coordinator must see it (a letter instead of a form, a blank template).
package struct UnplacedSubmission: Sendable, Hashable {
    package var submissionID: Int64
    package var fileName: String
    package var sha256: String
    package var receivedAt: Date
    package var assessable: Bool
    package var headline: PEPHeadline
}

extension Ledger {
    /// Current rated submissions with no child ID, term or academic year, oldest receipt first.
    package func unplacedRatedSubmissions() throws -> [UnplacedSubmission] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.file_name, s.sha256, s.received_at, r.assessable, \(PEPHeadline.columns)
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    JOIN pep p ON p.submission_id = s.id
                    WHERE s.status = 'rated' AND s.superseded_by IS NULL
                        AND (s.child_la_id IS NULL OR s.term IS NULL OR s.academic_year IS NULL)
                    ORDER BY s.received_at, s.id
                    """
            ).map { row in
                UnplacedSubmission(
                    submissionID: row["id"], fileName: row["file_name"], sha256: row["sha256"], receivedAt: row["received_at"],
                    assessable: row["assessable"], headline: Self.headline(row))
            }
        }
    }
}
