import Foundation
import GRDB
import PEPModel

/// Why a review change was refused.
package enum ReviewError: Error, Equatable, CustomStringConvertible {
    case unknownSubmission(Int64)
    case alreadyCompleted(Int64)
    case emptyReason
    case unknownCriterion(String)

    package var description: String {
        switch self {
        case .unknownSubmission(let id): return "submission \(id) is not a current rated PEP"
        case .alreadyCompleted(let id): return "QA of submission \(id) is already complete"
        case .emptyReason: return "a reason is required"
        case .unknownCriterion(let id): return "no criterion \(id) in this rating"
        }
    }
}

/// QA reviews: what waits for a coordinator and what they decided. Every change writes its
/// audit entry in the same transaction. Nothing here is ever updated or deleted: the latest
/// override of a subject stands, and a completion is final.
package struct ReviewStore: Sendable {
    let database: any DatabaseWriter

    /// The gate, as SQL over `submission s`: QA of the submission is complete. Feedback and
    /// the case-system export select only such submissions.
    static let qaCompleted = "EXISTS (SELECT 1 FROM qa_completion q WHERE q.submission_id = s.id)"

    /// Current rated PEPs whose QA is not complete, oldest receipt (so oldest QA due) first.
    package func worklist() throws -> [WorklistEntry] {
        try database.read { db in
            return try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id, r.id AS run_id, s.child_la_id, s.term, s.academic_year, s.received_at,
                        p.school_urn, \(PEPHeadline.field("$.school.name")) AS school_name,
                        \(PEPHeadline.field("$.child.year_group")) AS year_group, p.meeting_date,
                        r.quality, r.compliance,
                        (SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d WHERE d.run_id = r.id)
                            AS requested,
                        EXISTS (SELECT 1 FROM qa_clarification c WHERE c.submission_id = s.id) AS clarified,
                        (SELECT group_concat(DISTINCT u) FROM (
                            SELECT user_id AS u FROM qa_override WHERE submission_id = s.id
                            UNION SELECT user_id FROM qa_clarification WHERE submission_id = s.id)) AS touched
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    LEFT JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                    WHERE s.status = 'rated' AND s.superseded_by IS NULL
                        AND NOT EXISTS (SELECT 1 FROM qa_completion q WHERE q.submission_id = s.id)
                    ORDER BY s.received_at, s.id
                    """
            ) { row in
                guard let quality = Rating(rawValue: row["quality"]), let compliance = Rating(rawValue: row["compliance"])
                else { throw LedgerError.inconsistent("run \(row["run_id"] as Int64) has an unknown rating") }
                let touched =
                    (row["touched"] as String?).map {
                        Set($0.split(separator: ",").compactMap { Int64($0) })
                    } ?? []
                return WorklistEntry(
                    submissionID: row["id"], runID: row["run_id"], childLAID: row["child_la_id"],
                    schoolURN: row["school_urn"], schoolName: row["school_name"], yearGroup: row["year_group"],
                    term: row["term"], academicYear: row["academic_year"], quality: quality, compliance: compliance,
                    requested: Pence(row["requested"] as Int), receivedAt: row["received_at"],
                    meetingDate: (row["meeting_date"] as String?).flatMap { CalendarDate(iso: $0) },
                    state: row["clarified"] ? .clarification : .waiting, touchedBy: touched)
            }
        }
    }

    /// Every rejected document, newest first, with what was done about it.
    package func rejected() throws -> [RejectedDocument] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id, s.file_name, s.sender, s.received_at, s.reject_reason,
                        (SELECT action FROM document_disposition d WHERE d.submission_id = s.id
                            ORDER BY d.id DESC LIMIT 1) AS disposition
                    FROM submission s WHERE s.status = 'rejected' ORDER BY s.received_at DESC, s.id DESC
                    """
            ) { row in
                RejectedDocument(
                    submissionID: row["id"], fileName: row["file_name"], sender: row["sender"],
                    receivedAt: row["received_at"], reason: row["reject_reason"], disposition: row["disposition"])
            }
        }
    }

    /// The overrides of a submission, oldest first (later ones stand over earlier ones).
    package func overrides(submissionID: Int64) throws -> [QAOverride] {
        try database.rows(
            """
            SELECT o.*, u.name AS user_name FROM qa_override o JOIN app_user u ON u.id = o.user_id
            WHERE o.submission_id = ? ORDER BY o.id
            """, [submissionID]
        ) { row in
            let subject: OverrideSubject
            switch row["subject"] as String {
            case "quality": subject = .quality
            case "compliance": subject = .compliance
            default: subject = .criterion(row["criterion_id"])
            }
            return QAOverride(
                subject: subject, machineValue: row["machine_value"], humanValue: row["human_value"],
                reason: row["reason"], userName: row["user_name"], at: row["at"])
        }
    }

    /// The clarifications asked about a submission, oldest first.
    package func clarifications(submissionID: Int64) throws -> [QAClarification] {
        try database.rows(
            """
            SELECT c.id, c.message, c.at, u.name AS user_name FROM qa_clarification c
            JOIN app_user u ON u.id = c.user_id WHERE c.submission_id = ? ORDER BY c.id
            """, [submissionID]
        ) { QAClarification(id: $0["id"], message: $0["message"], userName: $0["user_name"], at: $0["at"]) }
    }

    /// The completion of a submission's QA, if complete.
    package func completion(submissionID: Int64) throws -> QACompletion? {
        try database.read { try Self.completion(submissionID: submissionID, $0) }
    }

    static func completion(submissionID: Int64, _ db: Database) throws -> QACompletion? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM qa_completion WHERE submission_id = ?", arguments: [submissionID]),
            let quality = Rating(rawValue: row["quality"]), let compliance = Rating(rawValue: row["compliance"])
        else { return nil }
        return QACompletion(
            submissionID: row["submission_id"], runID: row["run_id"], quality: quality, compliance: compliance,
            officer: row["officer"], automatic: row["automatic"], at: row["at"])
    }

    /// Records a coordinator's verdict on a criterion or an overall rating, with its reason.
    package func override(
        submissionID: Int64, runID: Int64, subject: OverrideSubject, machineValue: String, humanValue: String,
        reason: String, by user: AppUser, at date: Date
    ) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ReviewError.emptyReason }
        try database.write { db in
            try Self.requireOpen(submissionID: submissionID, db)
            let previous = try String.fetchOne(
                db,
                sql: """
                    SELECT human_value FROM qa_override WHERE submission_id = ? AND subject = ?
                        AND criterion_id IS ? ORDER BY id DESC LIMIT 1
                    """,
                arguments: [submissionID, subject.column, Self.criterionID(subject)])
            try db.execute(
                sql: """
                    INSERT INTO qa_override (submission_id, run_id, subject, criterion_id, machine_value, human_value,
                        reason, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    submissionID, runID, subject.column, Self.criterionID(subject), machineValue, humanValue, reason,
                    user.id, date,
                ])
            try AuditStore.append(
                AuditEntry(
                    userID: user.id, actor: user.name, action: "qa.override", submissionID: submissionID,
                    subject: subject.label, before: previous ?? machineValue, after: humanValue, reason: reason),
                at: date, db)
        }
    }

    /// Records a clarification request; the PEP waits in "clarification".
    /// - Returns: the clarification's id (names its outbox file).
    @discardableResult
    package func requestClarification(
        submissionID: Int64, message: String, fileName: String?, by user: AppUser, at date: Date
    ) throws -> Int64 {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw ReviewError.emptyReason }
        return try database.write { db in
            try Self.requireOpen(submissionID: submissionID, db)
            try db.execute(
                sql: "INSERT INTO qa_clarification (submission_id, message, user_id, at, file_name) VALUES (?, ?, ?, ?, ?)",
                arguments: [submissionID, message, user.id, date, fileName])
            let id = db.lastInsertedRowID
            try AuditStore.append(
                AuditEntry(
                    userID: user.id, actor: user.name, action: "qa.clarification", submissionID: submissionID,
                    subject: "clarification \(id)", before: nil, after: "clarification", reason: message),
                at: date, db)
            return id
        }
    }

    /// Completes QA with the confirmed ratings: from now on feedback and the export may go out.
    package func complete(
        submissionID: Int64, runID: Int64, quality: Rating, compliance: Rating, by user: AppUser, at date: Date
    ) throws {
        try database.write { db in
            try Self.requireOpen(submissionID: submissionID, db)
            try db.execute(
                sql: """
                    INSERT INTO qa_completion (submission_id, run_id, quality, compliance, user_id, officer, automatic, at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?)
                    """,
                arguments: [submissionID, runID, quality.rawValue, compliance.rawValue, user.id, user.name, date])
            try AuditStore.append(
                AuditEntry(
                    userID: user.id, actor: user.name, action: "qa.complete", submissionID: submissionID,
                    subject: "QA", before: "waiting", after: "quality=\(quality.rawValue) compliance=\(compliance.rawValue)"),
                at: date, db)
        }
    }

    /// Completes QA without a person for a machine-Green PEP (only when a Virtual School turned
    /// the setting on). Does nothing when already complete or not Green on both axes.
    /// - Returns: true when it completed.
    @discardableResult
    package func autoCompleteIfGreen(submissionID: Int64, officer: String, at date: Date) throws -> Bool {
        try database.write { db in
            guard try Self.completion(submissionID: submissionID, db) == nil,
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.id, r.quality, r.compliance FROM rating_run r
                        WHERE r.submission_id = ? ORDER BY r.id DESC LIMIT 1
                        """,
                    arguments: [submissionID]),
                row["quality"] == "green", row["compliance"] == "green"
            else { return false }
            if try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM qa_override WHERE submission_id = ?",
                arguments: [submissionID]) ?? 0 > 0
            {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO qa_completion (submission_id, run_id, quality, compliance, user_id, officer, automatic, at)
                    VALUES (?, ?, 'green', 'green', NULL, ?, 1, ?)
                    """,
                arguments: [submissionID, row["id"] as Int64, officer, date])
            try AuditStore.append(
                AuditEntry(
                    actor: "auto-complete", action: "qa.complete", submissionID: submissionID, subject: "QA",
                    before: "waiting", after: "quality=green compliance=green", reason: "machine Green, setting on"),
                at: date, db)
            return true
        }
    }

    /// Records what a coordinator did with a rejected document.
    package func dispose(submissionID: Int64, action: String, note: String, by user: AppUser, at date: Date) throws {
        try database.write { db in
            guard
                try String.fetchOne(db, sql: "SELECT status FROM submission WHERE id = ?", arguments: [submissionID])
                    == "rejected"
            else { throw ReviewError.unknownSubmission(submissionID) }
            let previous = try String.fetchOne(
                db, sql: "SELECT action FROM document_disposition WHERE submission_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [submissionID])
            try db.execute(
                sql: "INSERT INTO document_disposition (submission_id, action, note, user_id, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [submissionID, action, note, user.id, date])
            try AuditStore.append(
                AuditEntry(
                    userID: user.id, actor: user.name, action: "document.\(action)", submissionID: submissionID,
                    subject: "rejected document", before: previous ?? "rejected", after: action,
                    reason: note.isEmpty ? nil : note),
                at: date, db)
        }
    }

    /// Every PEP of one child, oldest first.
    package func child(laID: String) throws -> [ChildPEPEntry] {
        try database.read { db in
            return try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id, s.term, s.academic_year, s.received_at, s.superseded_by, r.quality, r.compliance,
                        json_extract(p.canonical_json, '$.attendance.percentage') AS attendance,
                        json_extract(p.canonical_json, '$.attainment') AS attainment,
                        (SELECT COUNT(*) FROM qa_clarification c WHERE c.submission_id = s.id) AS clarifications,
                        (SELECT COUNT(*) FROM qa_override o WHERE o.submission_id = s.id) AS overrides,
                        (SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d WHERE d.run_id = r.id)
                            AS requested,
                        (SELECT COALESCE(SUM(d.approved_pence), 0) FROM funding_decision d
                            WHERE d.run_id = r.id AND d.status = 'approved') AS approved,
                        (SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                            JOIN funding_decision d ON d.id = b.decision_id WHERE d.submission_id = s.id) AS paid
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    LEFT JOIN pep p ON p.submission_id = s.id
                    WHERE s.status = 'rated' AND s.child_la_id = ?
                    ORDER BY s.academic_year, CASE s.term WHEN 'autumn' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END,
                        s.received_at, s.id
                    """,
                arguments: [laID]
            ) { row in
                guard let quality = Rating(rawValue: row["quality"]), let compliance = Rating(rawValue: row["compliance"])
                else { throw LedgerError.inconsistent("submission \(row["id"] as Int64) has an unknown rating") }
                return ChildPEPEntry(
                    submissionID: row["id"], term: row["term"], academicYear: row["academic_year"],
                    receivedAt: row["received_at"], superseded: (row["superseded_by"] as Int64?) != nil,
                    machineQuality: quality, machineCompliance: compliance,
                    confirmed: try Self.completion(submissionID: row["id"], db),
                    clarifications: row["clarifications"], overrides: row["overrides"],
                    attendance: (row["attendance"] as Double?).map { String(format: "%g", $0) },
                    attainment: Self.attainment(row["attainment"]),
                    requested: Pence(row["requested"] as Int), approved: Pence(row["approved"] as Int),
                    paid: Pence(row["paid"] as Int))
            }
        }
    }

    static func attainment(_ json: String?) -> [String] {
        guard let json, let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        else { return [] }
        return list.map { item in
            let text = { (key: String) in (item[key] as? String) ?? "–" }
            return "\(text("subject")): \(text("current")) → \(text("target")) (\(text("progress")))"
        }
    }

    static func criterionID(_ subject: OverrideSubject) -> String? {
        if case .criterion(let id) = subject { return id }
        return nil
    }

    /// Refuses a change to a PEP that is not current and rated, or whose QA is complete.
    static func requireOpen(submissionID: Int64, _ db: Database) throws {
        guard
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM submission WHERE id = ? AND status = 'rated' AND superseded_by IS NULL",
                arguments: [submissionID]) == 1
        else { throw ReviewError.unknownSubmission(submissionID) }
        if try completion(submissionID: submissionID, db) != nil { throw ReviewError.alreadyCompleted(submissionID) }
    }
}

/// Where a document came from, to find the original as it arrived.
package struct DocumentOrigin: Sendable, Hashable {
    package var fileName: String
    package var sha256: String
    package var originKind: String
    package var originPath: String
}

extension ReviewStore {
    /// True when a later submission for the same child, term and year replaced this one.
    package func isSuperseded(submissionID: Int64) throws -> Bool {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT superseded_by FROM submission WHERE id = ?", arguments: [submissionID]) != nil
        }
    }

    /// The origin of a submission, or nil if unknown.
    package func origin(submissionID: Int64) throws -> DocumentOrigin? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT file_name, sha256, origin_kind, origin_path FROM submission WHERE id = ?",
                arguments: [submissionID]
            ).map {
                DocumentOrigin(
                    fileName: $0["file_name"], sha256: $0["sha256"], originKind: $0["origin_kind"],
                    originPath: $0["origin_path"])
            }
        }
    }
}
