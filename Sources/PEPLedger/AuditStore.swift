import Foundation
import GRDB

/// One human action: who, what it was before and after, and why.
package struct AuditEntry: Sendable, Hashable {
    package var userID: Int64?
    /// The person's user name, or the command that acted (`pepqa users`).
    package var actor: String
    /// A dotted verb: `qa.override`, `qa.complete`, `user.add` ...
    package var action: String
    package var submissionID: Int64?
    /// What was acted on, in words without personal data ("criterion Q3", "user alice").
    package var subject: String
    package var before: String?
    package var after: String?
    package var reason: String?

    package init(
        userID: Int64? = nil, actor: String, action: String, submissionID: Int64? = nil, subject: String,
        before: String? = nil, after: String? = nil, reason: String? = nil
    ) {
        (self.userID, self.actor, self.action, self.submissionID, self.subject, self.before, self.after, self.reason) = (
            userID, actor, action, submissionID, subject, before, after, reason
        )
    }
}

/// A recorded audit event.
package struct AuditEvent: Sendable, Hashable {
    package var id: Int64
    package var at: Date
    package var entry: AuditEntry
}

/// The audit trail, append-only by the schema (triggers refuse UPDATE and DELETE). Writers
/// of a change append their entry inside the change's own transaction (`append(_:at:_:)`).
package struct AuditStore: Sendable {
    let database: any DatabaseWriter

    /// Appends an entry within the caller's transaction.
    static func append(_ entry: AuditEntry, at date: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_event (at, user_id, actor, action, submission_id, subject, before, after, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                date, entry.userID, entry.actor, entry.action, entry.submissionID, entry.subject, entry.before,
                entry.after, entry.reason,
            ])
    }

    /// The history of one submission, oldest first.
    package func events(submissionID: Int64) throws -> [AuditEvent] {
        try events(where: "submission_id = ?", [submissionID])
    }

    /// Every event, oldest first.
    package func all() throws -> [AuditEvent] {
        try events(where: "1", [])
    }

    func events(where clause: String, _ arguments: StatementArguments) throws -> [AuditEvent] {
        try database.read { db in
            try Row.decodeAll(db, sql: "SELECT * FROM audit_event WHERE \(clause) ORDER BY id", arguments: arguments) { row in
                AuditEvent(
                    id: row["id"], at: row["at"],
                    entry: AuditEntry(
                        userID: row["user_id"], actor: row["actor"], action: row["action"],
                        submissionID: row["submission_id"], subject: row["subject"], before: row["before"],
                        after: row["after"], reason: row["reason"]))
            }
        }
    }
}
