import Foundation
import GRDB

/// What a person may do in the workbench. The server checks it on every route.
package enum UserRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// A PEP coordinator: quality-assures PEPs (overrides, clarifications, completing QA).
    case coordinator
    /// The Virtual School Head: reads every PEP and child; PP+ approval is theirs.
    case vsh
    /// Finance: reads a child's PP+ decided and paid, nothing else.
    case finance
    /// Administers people; reads the worklist.
    case admin
}

/// The phase a coordinator looks after, so each sees their own worklist first.
package enum CoordinatorPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case earlyPrimary = "early-primary"
    case secondary
}

/// A person who can sign in.
package struct AppUser: Sendable, Hashable {
    package var id: Int64
    package var name: String
    package var role: UserRole
    package var phase: CoordinatorPhase?
    package var disabled: Bool
    package var createdAt: Date
}

/// Why the user store refused a change.
package enum UserStoreError: Error, Equatable, CustomStringConvertible {
    case duplicateName(String)
    case unknownUser(String)
    case invalidName(String)

    package var description: String {
        switch self {
        case .duplicateName(let n): return "user \(n) already exists"
        case .unknownUser(let n): return "no user named \(n)"
        case .invalidName(let n): return "user name \(n) may only use letters, digits, '.', '_' and '-'"
        }
    }
}

/// The people of the workbench: names, roles and bcrypt hashes (hashing is the caller's:
/// the ledger never sees a password).
package struct UserStore: Sendable {
    let database: any DatabaseWriter

    /// Adds a user, audited as done by `actor`, in one transaction.
    @discardableResult
    package func add(
        name: String, passwordHash: String, role: UserRole, phase: CoordinatorPhase?, actor: String, at date: Date
    ) throws -> AppUser {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw UserStoreError.invalidName(name) }
        return try database.write { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE name = ?", arguments: [name]) != nil {
                throw UserStoreError.duplicateName(name)
            }
            try db.execute(
                sql: """
                    INSERT INTO app_user (name, password_hash, role, phase, disabled, created_at)
                    VALUES (?, ?, ?, ?, 0, ?)
                    """,
                arguments: [name, passwordHash, role.rawValue, phase?.rawValue, date])
            let id = db.lastInsertedRowID
            try AuditStore.append(
                AuditEntry(
                    actor: actor, action: "user.add", subject: "user \(name)", before: nil,
                    after: "role=\(role.rawValue)" + (phase.map { " phase=\($0.rawValue)" } ?? "")),
                at: date, db)
            return AppUser(id: id, name: name, role: role, phase: phase, disabled: false, createdAt: date)
        }
    }

    /// Disables a user and ends their sessions, audited, in one transaction.
    package func disable(name: String, actor: String, at date: Date) throws {
        try database.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE name = ?", arguments: [name])
            else { throw UserStoreError.unknownUser(name) }
            try db.execute(sql: "UPDATE app_user SET disabled = 1 WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [id])
            try AuditStore.append(
                AuditEntry(
                    actor: actor, action: "user.disable", subject: "user \(name)", before: "enabled",
                    after: "disabled"),
                at: date, db)
        }
    }

    /// Every user, by name.
    package func all() throws -> [AppUser] {
        try database.read { db in
            try Row.decodeAll(db, sql: "SELECT * FROM app_user ORDER BY name", Self.user)
        }
    }

    /// A user and their password hash, by name (for signing in).
    package func credentials(name: String) throws -> (user: AppUser, passwordHash: String)? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name])
            else { return nil }
            return (try Self.user(row), row["password_hash"])
        }
    }

    static func user(_ row: Row) throws -> AppUser {
        guard let role = UserRole(rawValue: row["role"]) else {
            throw LedgerError.inconsistent("user \(row["id"] as Int64) has an unknown role")
        }
        return AppUser(
            id: row["id"], name: row["name"], role: role,
            phase: (row["phase"] as String?).flatMap(CoordinatorPhase.init(rawValue:)),
            disabled: row["disabled"], createdAt: row["created_at"])
    }

    /// Records a failed sign-in for `name` (known or not, so the lock cannot tell them apart).
    package func recordLoginFailure(name: String, at date: Date) throws {
        try database.write { db in
            try db.execute(sql: "INSERT INTO login_failure (name, at) VALUES (?, ?)", arguments: [name, date])
        }
    }

    /// Failed sign-ins for `name` since `date`.
    package func loginFailures(name: String, since date: Date) throws -> Int {
        try database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM login_failure WHERE name = ? AND at >= ?", arguments: [name, date]) ?? 0
        }
    }

    /// Forgets the failures of `name` after a successful sign-in.
    package func clearLoginFailures(name: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM login_failure WHERE name = ?", arguments: [name])
        }
    }
}
