import Foundation
import GRDB

/// Signed-in sessions, kept by the SHA-256 of the cookie token (the caller hashes).
package struct SessionStore: Sendable {
    let database: any DatabaseWriter

    /// Starts a session for a user, audited as a sign-in, in one transaction.
    package func start(
        tokenHash: String, csrfToken: String, user: AppUser, at date: Date, expiresAt: Date
    ) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [date])
            try db.execute(
                sql: """
                    INSERT INTO web_session (token_hash, user_id, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [tokenHash, user.id, csrfToken, date, expiresAt])
            try AuditStore.append(
                AuditEntry(userID: user.id, actor: user.name, action: "session.sign-in", subject: "user \(user.name)"),
                at: date, db)
        }
    }

    /// The live session with this token hash at `date`, for an enabled user, or nil.
    package func session(tokenHash: String, at date: Date) throws -> WebSession? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.*, s.csrf_token, s.expires_at FROM web_session s
                        JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0
                        """,
                    arguments: [tokenHash, date])
            else { return nil }
            return WebSession(user: try UserStore.user(row), csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
        }
    }

    /// Ends a session (signing out), audited.
    package func end(tokenHash: String, user: AppUser, at date: Date) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [tokenHash])
            try AuditStore.append(
                AuditEntry(userID: user.id, actor: user.name, action: "session.sign-out", subject: "user \(user.name)"),
                at: date, db)
        }
    }
}

/// A signed-in browser: who, its CSRF token, and when it expires.
package struct WebSession: Sendable, Hashable {
    package var user: AppUser
    package var csrfToken: String
    package var expiresAt: Date
}
