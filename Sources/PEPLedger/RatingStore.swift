import Foundation
import GRDB
import PEPModel

/// Rating runs: what each assessment of a submission stored (its result JSON, criterion rows),
/// and the current rated submissions read back from them, so that reports, the dashboard and
/// exports are made from the ledger alone and never from a re-read of the source file.
package struct RatingStore: Sendable {
    let database: any DatabaseWriter

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
        let row = try database.read { db in
            try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT s.id, r.id AS run_id, s.file_name, s.sha256, s.format, s.received_at, s.sender,
                            s.file_modified_at, s.sent_at, p.canonical_json, r.assessment_json, r.created_at
                        FROM rating_run r
                        JOIN submission s ON s.id = r.submission_id
                        JOIN pep p ON p.submission_id = s.id
                        WHERE \(clause)
                        """),
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
            fileModifiedAt: row["file_modified_at"], sentAt: row["sent_at"], sender: row["sender"], canonicalJSON: row["canonical_json"],
            assessment: assessment,
            ratedAt: row["created_at"])
    }

    /// Rated submissions (current or superseded) with their headlines, by id.
    /// - Parameters:
    ///   - after: only submissions with a higher id;
    ///   - limit: at most this many, by id (a page: the next page starts after the last id).
    package func ratedSubmissionHeadlines(after: Int64 = 0, limit: Int = .max) throws -> [SubmissionHeadline] {
        try database.read { db in
            try Row.decodeAll(
                db.cachedStatement(
                    sql: """
                        SELECT s.id, s.sha256, \(PEPHeadline.columns)
                        FROM submission s JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                        WHERE s.id > ? AND s.status = 'rated' ORDER BY s.id LIMIT ?
                        """), arguments: [after, limit]
            ) { row in
                SubmissionHeadline(submissionID: row["id"], sha256: row["sha256"], headline: PEPHeadline(row: row))
            }
        }
    }

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

    func currentRatedSubmissions(
        where clause: String, _ arguments: StatementArguments
    ) throws
        -> [RatedSubmissionSummary]
    {
        try database.read { db in
            return try Row.decodeAll(
                db.cachedStatement(
                    sql: """
                        SELECT s.id, s.file_name, s.child_la_id, s.term, s.academic_year, s.sha256, s.received_at,
                            p.school_urn, p.meeting_date, \(PEPHeadline.columns),
                            r.id AS run_id, r.quality, r.compliance, r.assessable,
                            (SELECT c.at FROM qa_completion c WHERE c.submission_id = s.id) AS qa_completed_at,
                            (SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d
                                WHERE d.run_id = r.id) AS requested,
                            (SELECT COALESCE(SUM(\(PaymentStore.vshAmount)), 0) FROM funding_decision d
                                WHERE d.run_id = r.id AND \(PaymentStore.vshApproved)) AS approved
                        FROM submission s
                        JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                        LEFT JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                        WHERE s.status = 'rated' AND s.superseded_by IS NULL AND \(clause)
                        ORDER BY s.received_at, s.id
                        """),
                arguments: arguments
            ) { row in
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
                    headline: PEPHeadline(row: row), qaCompletedAt: row["qa_completed_at"])
            }
        }
    }

    /// The stored `Assessment` JSON of a submission's latest rating run, or nil.
    package func assessmentJSON(submissionID: Int64) throws -> String? {
        try database.read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT assessment_json FROM rating_run WHERE submission_id = ? ORDER BY id DESC LIMIT 1"),
                arguments: [submissionID])
        }
    }

    /// A submission `s` that names no child, term or academic year: the expression of the
    /// partial index `submission_unplaced` (LedgerSchema.termSummaries), which SQLite uses only
    /// for a query that says the same.
    static let unplaced = "(s.child_la_id IS NULL OR s.term IS NULL OR s.academic_year IS NULL)"

    /// How many `unplacedRatedSubmissions()` there are, counted over their partial index.
    package func unplacedCount() throws -> Int {
        try database.read { db in
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COUNT(*) FROM submission s
                        WHERE s.status = 'rated' AND s.superseded_by IS NULL
                            AND \(Self.unplaced)
                        """)) ?? 0
        }
    }

    /// Current rated submissions with no child ID, term or academic year, oldest receipt first.
    package func unplacedRatedSubmissions() throws -> [UnplacedSubmission] {
        try database.read { db in
            try Row.decodeAll(
                db.cachedStatement(
                    sql: """
                        SELECT s.id, s.file_name, s.sha256, s.received_at, r.assessable, \(PEPHeadline.columns)
                        FROM submission s
                        JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                        JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                        WHERE s.status = 'rated' AND s.superseded_by IS NULL
                            AND \(Self.unplaced)
                        ORDER BY s.received_at, s.id
                        """)
            ) { row in
                UnplacedSubmission(
                    submissionID: row["id"], fileName: row["file_name"], sha256: row["sha256"], receivedAt: row["received_at"],
                    assessable: row["assessable"], headline: PEPHeadline(row: row))
            }
        }
    }

    // MARK: - Rows, written by SubmissionStore.recordRated

    /// Inserts a rating run with its assessment JSON; returns its id.
    static func insertRun(
        _ assessment: Assessment, json: String, submissionID: Int64, at date: Date, _ db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO rating_run (submission_id, ruleset_hash, ruleset_version, quality, compliance,
                    assessable, assessment_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            submissionID, assessment.ruleSetHash, assessment.ruleSetVersion, assessment.quality.rawValue,
            assessment.compliance.rawValue, assessment.assessable, json, date,
        ])
        return db.lastInsertedRowID
    }

    /// Inserts one criterion row per result, in assessment order, and the run's outcomes
    /// (`run_outcome`, what the termly statistics count). The rows are taken from the
    /// assessment's JSON by SQLite in one statement: a statement and a JSON encoding of the
    /// evidence for each of some 45 criteria were a twentieth of a document's CPU.
    static func insertResults(_ results: [CriterionResult], assessmentJSON: String, runID: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO criterion_result (run_id, position, criterion_id, section, severity, axis, outcome,
                    evidence_json)
                SELECT ?1, key, json_extract(value, '$.id'), json_extract(value, '$.section'),
                    json_extract(value, '$.severity'), json_extract(value, '$.axis'), json_extract(value, '$.outcome'),
                    json_extract(value, '$.evidence')
                FROM json_each(?2, '$.results')
                """
        ).execute(arguments: [runID, assessmentJSON])
        guard db.changesCount == results.count else {
            throw LedgerError.inconsistent("run \(runID): \(db.changesCount) criterion rows for \(results.count) results")
        }
        try db.cachedStatement(sql: "INSERT INTO run_outcome (run_id, outcomes) VALUES (?, ?)")
            .execute(arguments: [runID, CriterionOutcomes.encode(results)])
    }
}
