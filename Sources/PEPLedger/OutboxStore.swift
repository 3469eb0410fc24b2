import Foundation
import GRDB

/// The outbox record: each feedback e-mail and payment notice is written once. The outbox
/// folder is emptied by the mail relay, so whether a message went out is the ledger's to say;
/// the pipeline writes the file (atomically) first and records it after, so a crash in between
/// writes the same file again rather than losing it.
package struct OutboxStore: Sendable {
    let database: any DatabaseWriter

    /// Rated submissions whose QA a person completed, with a feedback recipient not yet
    /// recorded, oldest first. Nothing leaves before QA completes.
    /// - Parameter after: look only among the submissions changed since this mark (see
    ///   `ExportStore.closeBatch`); nil looks at every one.
    package func submissionsAwaitingFeedback(
        after mark: LedgerMark? = nil
    ) throws
        -> [(submissionID: Int64, recipients: [FeedbackRecipient])]
    {
        let changed = mark.map(OutputMarkStore.changedSubmissions(after:))
        return try database.read { db in
            return try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id,
                        EXISTS (SELECT 1 FROM outbox_message o WHERE o.kind = 'feedback'
                            AND o.submission_id = s.id AND o.recipient = 'dt') AS dt,
                        EXISTS (SELECT 1 FROM outbox_message o WHERE o.kind = 'feedback'
                            AND o.submission_id = s.id AND o.recipient = 'sw') AS sw
                    FROM submission s
                    WHERE s.status = 'rated' AND \(ReviewStore.qaCompleted) AND (
                        NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.kind = 'feedback'
                            AND o.submission_id = s.id AND o.recipient = 'dt')
                        OR NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.kind = 'feedback'
                            AND o.submission_id = s.id AND o.recipient = 'sw'))
                        \(changed.map { "AND s.id IN (\($0.sql))" } ?? "")
                    ORDER BY s.received_at, s.id
                    """, arguments: changed?.arguments ?? []
            ) { row in
                var missing: [FeedbackRecipient] = []
                if !(row["dt"] as Bool) { missing.append(.designatedTeacher) }
                if !(row["sw"] as Bool) { missing.append(.socialWorker) }
                return (row["id"], missing)
            }
        }
    }

    /// Records that feedback for `recipient` was written as `fileName` (nil: no address, so
    /// none will be). - Returns: false when it was already recorded (another process won).
    @discardableResult
    package func recordFeedback(
        submissionID: Int64, recipient: FeedbackRecipient, fileName: String?, note: String, at date: Date
    ) throws -> Bool {
        try insertOutbox(
            kind: .feedback, submissionID: submissionID, financeRunID: nil, recipient: recipient.rawValue,
            fileName: fileName, note: note, at: date)
    }

    /// The school URNs whose payment notice for a finance run is recorded.
    package func paymentNoticesRecorded(financeRunID: Int64) throws -> Set<String> {
        try database.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT recipient FROM outbox_message WHERE kind = 'payment-notice' AND finance_run_id = ?",
                    arguments: [financeRunID]))
        }
    }

    /// Records a payment notice to a school (nil file: the register has no remittance e-mail).
    /// - Returns: false when it was already recorded.
    @discardableResult
    package func recordPaymentNotice(
        financeRunID: Int64, schoolURN: String, fileName: String?, note: String, at date: Date
    ) throws -> Bool {
        try insertOutbox(
            kind: .paymentNotice, submissionID: nil, financeRunID: financeRunID, recipient: schoolURN,
            fileName: fileName, note: note, at: date)
    }

    /// Every outbox record, oldest first.
    package func messages() throws -> [OutboxMessage] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT kind, submission_id, finance_run_id, recipient, file_name, note, written_at
                    FROM outbox_message ORDER BY id
                    """
            ) { row in
                guard let kind = OutboxMessage.Kind(rawValue: row["kind"]) else {
                    throw LedgerError.inconsistent("an outbox message has an unknown kind")
                }
                return OutboxMessage(
                    kind: kind, submissionID: row["submission_id"], financeRunID: row["finance_run_id"],
                    recipient: row["recipient"], fileName: row["file_name"], note: row["note"],
                    writtenAt: row["written_at"])
            }
        }
    }

    func insertOutbox(
        kind: OutboxMessage.Kind, submissionID: Int64?, financeRunID: Int64?, recipient: String, fileName: String?,
        note: String, at date: Date
    ) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO outbox_message (kind, submission_id, finance_run_id, recipient, file_name, note, written_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [kind.rawValue, submissionID, financeRunID, recipient, fileName, note, date])
            return db.changesCount > 0
        }
    }
}
