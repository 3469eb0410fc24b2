import Foundation
import GRDB
import PEPModel

/// Reading back what a rating run stored, so outputs can be made from the ledger alone.
extension Ledger {
    /// A rating run with its submission, PEP and decoded assessment, or nil if there is no such run.
    package func storedRating(runID: Int64) throws -> StoredRating? {
        try storedRating(where: "r.id = ?", runID)
    }

    /// The latest rating run of a submission, or nil if it was never rated.
    package func latestStoredRating(submissionID: Int64) throws -> StoredRating? {
        try storedRating(
            where: "r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = ?)", submissionID)
    }

    func storedRating(where clause: String, _ id: Int64) throws -> StoredRating? {
        let row = try writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.id, r.id AS run_id, s.file_name, s.sha256, s.format, s.received_at, s.sender,
                        p.canonical_json, r.assessment_json, r.created_at
                    FROM rating_run r
                    JOIN submission s ON s.id = r.submission_id
                    JOIN pep p ON p.submission_id = s.id
                    WHERE \(clause)
                    """,
                arguments: [id])
        }
        guard let row else { return nil }
        let runID: Int64 = row["run_id"]
        let assessment: Assessment
        do {
            assessment = try JSONDecoder().decode(Assessment.self, from: Data((row["assessment_json"] as String).utf8))
        } catch {
            throw LedgerError.inconsistent("rating run \(runID) has an assessment that cannot be read")
        }
        return StoredRating(
            submissionID: row["id"], runID: runID, fileName: row["file_name"], sha256: row["sha256"],
            format: (row["format"] as String?).flatMap(DocumentFormat.init(rawValue:)), receivedAt: row["received_at"],
            sender: row["sender"], canonicalJSON: row["canonical_json"], assessment: assessment,
            ratedAt: row["created_at"])
    }

    /// Every rated submission (current or superseded) with its headline, oldest first.
    package func ratedSubmissionHeadlines() throws -> [SubmissionHeadline] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.sha256, \(PEPHeadline.columns)
                    FROM submission s JOIN pep p ON p.submission_id = s.id
                    WHERE s.status = 'rated' ORDER BY s.received_at, s.id
                    """
            ).map { row in
                SubmissionHeadline(submissionID: row["id"], sha256: row["sha256"], headline: Self.headline(row))
            }
        }
    }

    static func headline(_ row: Row) -> PEPHeadline {
        PEPHeadline(
            childID: row["h_child"], firstName: row["h_first"], lastName: row["h_last"], term: row["h_term"],
            academicYear: row["h_year"], schoolName: row["h_school"])
    }
}
