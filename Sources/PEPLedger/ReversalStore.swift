import Foundation
import GRDB
import PEPModel

/// Payments made in error, reversed: a named person (the VSH or a finance officer) records the
/// reversal of one paid PP+ request with a reason; the next finance run credits it (a credit
/// line on the journal, or an amount taken off the school's next cheque/BACS payment or
/// recovered by invoice). Nothing paid is ever edited or deleted: the payment, the reversal and
/// the run that credits it are three rows, each append-only, each with who and when.
package struct ReversalStore: Sendable {
    let database: any DatabaseWriter

    /// Records the reversal of the payment of request `reference` (`S000123-R1`, as the finance
    /// files name it), for all it was paid unless `amount` says less.
    /// - Throws: `ReversalError` naming what is wrong; nothing is recorded then.
    @discardableResult
    package func reverse(
        reference: String, amount: Pence? = nil, reason: String, by user: AppUser, at date: Date
    ) throws
        -> PendingReversal
    {
        guard !user.disabled, [.vsh, .finance].contains(user.role) else { throw ReversalError.notPermitted(user.name) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ReversalError.emptyReason }
        guard let (submission, index) = Self.parse(reference) else { throw ReversalError.badReference(reference) }
        return try database.write { db in
            guard
                let d = try PaymentStore.decisions(
                    where: "d.submission_id = ? AND d.request_index = ?", [submission, index], db
                ).first
            else { throw ReversalError.unknown(reference) }
            guard let batchID = d.batchID,
                let paid = try Int.fetchOne(db, sql: "SELECT amount_pence FROM batch_item WHERE decision_id = ?", arguments: [d.id]),
                let kind = try String.fetchOne(db, sql: "SELECT kind FROM payment_batch WHERE id = ?", arguments: [batchID])
            else { throw ReversalError.notPaid(reference) }
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment_reversal WHERE decision_id = ?", arguments: [d.id]) == 0
            else { throw ReversalError.alreadyReversed(reference) }
            let value = amount ?? Pence(paid)
            guard value > .zero, value.value <= paid else { throw ReversalError.amount(reference, paid: Pence(paid)) }
            try db.execute(
                sql: "INSERT INTO payment_reversal (decision_id, amount_pence, reason, user_id, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [d.id, value.value, reason, user.id, date])
            let id = db.lastInsertedRowID
            try AuditStore.append(
                AuditEntry(
                    userID: user.id, actor: user.name, action: "finance.reverse", submissionID: d.submissionID,
                    subject: "PP+ request \(d.id) (\(reference))", before: "paid \(Pence(paid).display)",
                    after: "reversed \(value.display): \(reason)"),
                at: date, db)
            return PendingReversal(id: id, decision: d, amount: value, route: BatchKind(rawValue: kind) ?? .cheque)
        }
    }

    /// Reversals recorded and not yet credited by a finance run: what the next run credits.
    package func pending() throws -> [PendingReversal] {
        try database.read { db in try Self.reversals(where: "NOT EXISTS (SELECT 1 FROM reversal_item i WHERE i.reversal_id = r.id)", [], db)
        }
    }

    /// The reversals run `runID` credited.
    static func credited(runID: Int64, _ db: Database) throws -> [PendingReversal] {
        try reversals(where: "r.id IN (SELECT reversal_id FROM reversal_item WHERE run_id = ?)", [runID], db)
    }

    static func reversals(where clause: String, _ arguments: StatementArguments, _ db: Database) throws -> [PendingReversal] {
        try Row.decodeAll(
            db,
            sql: """
                SELECT r.id, r.decision_id, r.amount_pence, pb.kind FROM payment_reversal r
                JOIN batch_item b ON b.decision_id = r.decision_id JOIN payment_batch pb ON pb.id = b.batch_id
                WHERE \(clause) ORDER BY r.id
                """, arguments: arguments
        ) { row in
            let id: Int64 = row["decision_id"]
            guard let d = try PaymentStore.decisions(where: "d.id = ?", [id], db).first, let kind = BatchKind(rawValue: row["kind"])
            else { throw LedgerError.inconsistent("reversal \(row["id"] as Int64) is of an unreadable payment") }
            return PendingReversal(id: row["id"], decision: d, amount: Pence(row["amount_pence"]), route: kind)
        }
    }

    /// `S000123-R1` as (submission 123, request index 0); nil when it is not one.
    static func parse(_ reference: String) -> (Int64, Int)? {
        let parts = reference.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].first == "S", parts[1].first == "R",
            let submission = Int64(parts[0].dropFirst()), let request = Int(parts[1].dropFirst()), request >= 1
        else { return nil }
        return (submission, request - 1)
    }
}

/// A reversal recorded and the payment it reverses: the decision, the amount taken back, and
/// the route it was paid by (and is credited by).
package struct PendingReversal: Sendable, Hashable {
    package var id: Int64
    package var decision: DecisionRecord
    package var amount: Pence
    package var route: BatchKind
}

/// Why a reversal cannot be recorded.
package enum ReversalError: Error, Equatable, CustomStringConvertible {
    case notPermitted(String)
    case emptyReason
    case badReference(String)
    case unknown(String)
    case notPaid(String)
    case alreadyReversed(String)
    case amount(String, paid: Pence)

    package var description: String {
        switch self {
        case .notPermitted(let name): return "\(name) may not reverse a payment; the VSH or a finance officer may"
        case .emptyReason: return "a reason is required"
        case .badReference(let r): return "'\(r)' is not a request reference such as S000123-R1 (as the finance files give it)"
        case .unknown(let r): return "there is no PP+ request \(r)"
        case .notPaid(let r): return "request \(r) has not been paid, so there is nothing to reverse"
        case .alreadyReversed(let r): return "the payment of request \(r) is already reversed"
        case .amount(let r, let paid): return "request \(r) was paid \(paid.display); a reversal is more than nothing and at most that"
        }
    }
}
