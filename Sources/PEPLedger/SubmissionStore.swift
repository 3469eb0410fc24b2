import Foundation
import GRDB
import PEPModel

/// Submissions: every document that arrived, recorded once (by its SHA-256), rated or rejected.
///
/// Recording a rated document is the one transaction that spans concerns: the submission row,
/// its PEP, the rating run (`RatingStore`), the funding decisions (`PaymentStore`) and
/// supersession (`Supersession`) commit together or not at all, so a crash never leaves a
/// submission without its decisions or a decision without its run.
package struct SubmissionStore: Sendable {
    let database: any DatabaseWriter

    /// The submission recorded with these bytes, or nil if the ledger has never seen them.
    package func recorded(sha256: String) throws -> RecordedSubmission? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT id, status, reject_reason FROM submission WHERE sha256 = ?"), arguments: [sha256]),
                let status = SubmissionStatus(rawValue: row["status"])
            else { return nil }
            return RecordedSubmission(submissionID: row["id"], status: status, rejectReason: row["reject_reason"])
        }
    }

    /// Records a document that could not be read (quarantined), so that nothing is lost and
    /// the same bytes again are a known duplicate. Writes nothing if the bytes are known.
    package func recordRejected(
        _ submission: Submission, reason: String, format: DocumentFormat? = nil, at recordedAt: Date
    ) throws -> RejectedOutcome {
        try database.write { db in
            if let existing = try Self.submissionID(db, sha256: submission.sha256) {
                return .duplicate(existingSubmissionID: existing)
            }
            let row = SubmissionRow(
                submission: submission, format: format, recordedAt: recordedAt, status: .rejected,
                rejectReason: reason, key: nil, supersededBy: nil)
            guard let id = try Self.insert(row, db) else {
                return .duplicate(existingSubmissionID: try Self.requireID(db, sha256: submission.sha256))
            }
            try Self.insertAttachments(submission.attachments, of: id, db)
            return .recorded(id)
        }
    }

    /// Records a rated document in ONE transaction: the submission, its attachments, the
    /// canonical PEP, the rating run, its criterion results and funding decisions, and then
    /// supersession. A later submission (by `receivedAt`, ties by id) for the same child, term
    /// and academic year supersedes the current one, whose decisions not yet paid become
    /// superseded; an older one arriving late is recorded already superseded. Writes nothing if
    /// the bytes are known (the UNIQUE constraint on `sha256` is the real guard).
    package func recordRated(
        _ submission: Submission, read: ReadResult, assessment: Assessment, at recordedAt: Date
    ) throws -> RatedOutcome {
        let key = SubmissionKey(pep: read.pep)
        let meetingDate = read.pep.meeting.date?.value
        let payee = Payee(pep: read.pep, key: key, meetingDate: meetingDate)
        try payee.check(assessment.funding, file: submission.fileName)
        let canonicalJSON = read.pep.canonicalJSON.serialized(pretty: false)
        let assessmentJSON = try Self.json(assessment)

        return try database.write { db -> RatedOutcome in
            if let existing = try Self.submissionID(db, sha256: submission.sha256) {
                return .duplicate(existingSubmissionID: existing)
            }
            // The current submission for this key, if it is later than this one.
            let current = try key.flatMap { try Supersession.currentSubmission(for: $0, db) }
            // Inserted pointing at the current one (so the one-current index holds); flipped below.
            let row = SubmissionRow(
                submission: submission, format: read.format, recordedAt: recordedAt, status: .rated,
                rejectReason: nil, key: key, supersededBy: current)
            guard let id = try Self.insert(row, db) else {
                return .duplicate(existingSubmissionID: try Self.requireID(db, sha256: submission.sha256))
            }
            try Self.insertAttachments(submission.attachments, of: id, db)
            try db.cachedStatement(
                sql: """
                    INSERT INTO pep (submission_id, canonical_json, school_urn, meeting_date, headline)
                    VALUES (?1, ?2, ?3, ?4, \(PEPHeadline.extract(from: "?2")))
                    """
            )
            .execute(arguments: [id, canonicalJSON, payee.schoolURN, meetingDate?.iso])
            let runID = try RatingStore.insertRun(assessment, json: assessmentJSON, submissionID: id, at: recordedAt, db)
            try RatingStore.insertResults(assessment.results, assessmentJSON: assessmentJSON, runID: runID, db)
            let decisionIDs = try assessment.funding.map {
                try PaymentStore.insertDecision($0, payee: payee, runID: runID, submissionID: id, at: recordedAt, db)
            }
            var record = RatedRecord(submissionID: id, runID: runID, decisionIDs: decisionIDs)
            if let current {
                if try Supersession.isLater(id, than: current, db) {
                    try Supersession.supersede(current, by: id, db)
                    try db.cachedStatement(sql: "UPDATE submission SET superseded_by = NULL WHERE id = ?").execute(arguments: [id])
                    record.superseded = current
                } else {
                    try Supersession.withdrawUnpaidDecisions(of: id, db)
                    record.supersededBy = current
                }
            }
            return .recorded(record)
        }
    }

    // MARK: - Rows

    /// The submission with these bytes, if any.
    static func submissionID(_ db: Database, sha256: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM submission WHERE sha256 = ?"), arguments: [sha256])
    }

    static func requireID(_ db: Database, sha256: String) throws -> Int64 {
        guard let id = try submissionID(db, sha256: sha256) else {
            throw LedgerError.inconsistent("a duplicate submission vanished")
        }
        return id
    }

    /// Inserts a submission row; nil when the UNIQUE constraint on `sha256` refused it (the
    /// bytes were recorded meanwhile, e.g. by another process).
    static func insert(_ row: SubmissionRow, _ db: Database) throws -> Int64? {
        do {
            try db.cachedStatement(
                sql: """
                    INSERT INTO submission (sha256, file_name, format, origin_kind, origin_path, sender, message_id,
                        received_at, recorded_at, status, reject_reason, child_la_id, term, academic_year, superseded_by,
                        file_modified_at, sent_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: row.arguments)
            return db.lastInsertedRowID
        } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            && (error.message ?? "").contains("submission.sha256")
        {
            return nil
        }
    }

    static func insertAttachments(_ attachments: [AttachmentInfo], of id: Int64, _ db: Database) throws {
        for attachment in attachments {
            try db.cachedStatement(sql: "INSERT INTO attachment (submission_id, file_name, content_type, size) VALUES (?, ?, ?, ?)")
                .execute(arguments: [id, attachment.fileName, attachment.contentType, attachment.size])
        }
    }

    /// JSON with sorted keys: the same value always gives the same bytes.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The values of one `submission` row, in column order.
struct SubmissionRow {
    enum Status: String { case rated, rejected }

    var arguments: StatementArguments

    init(
        submission: Submission, format: DocumentFormat?, recordedAt: Date, status: Status, rejectReason: String?,
        key: SubmissionKey?, supersededBy: Int64?
    ) {
        let (kind, path, sentAt): (String, String, Date?)
        switch submission.origin {
        case .dropFile(let p): (kind, path, sentAt) = ("drop", p, nil)
        case .email(let info): (kind, path, sentAt) = ("email", info.path, info.date)
        }
        arguments = [
            submission.sha256, submission.fileName, format?.rawValue, kind, path, submission.sender,
            submission.messageID, submission.receivedAt, recordedAt, status.rawValue, rejectReason,
            key?.childLAID, key?.term.rawValue, key?.academicYear.description, supersededBy,
            submission.fileModifiedAt, sentAt,
        ]
    }
}
