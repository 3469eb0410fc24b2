import Foundation
import GRDB
import PEPModel

/// The finance close: turning approved decisions into numbered payment batches, each decision
/// at most once.
extension Ledger {
    /// Closes a payment batch in one transaction: the next sequence number for `kind`, the batch
    /// and one line per item. Fails, writing nothing, if any decision is already on a batch, is
    /// not approved, does not exist, appears twice, or is paid a different amount than approved.
    /// Write the batch's file first (to a temporary name), then close, then rename: a crash in
    /// between leaves either no batch or an unrenamed file whose batch is recorded.
    package func closeBatch(kind: BatchKind, items: [BatchItem], fileName: String, at createdAt: Date) throws
        -> BatchRecord
    {
        guard !items.isEmpty else { throw LedgerError.emptyBatch }
        var seen = Set<Int64>()
        for item in items where !seen.insert(item.decisionID).inserted {
            throw LedgerError.repeatedItem(decisionID: item.decisionID)
        }
        return try writer.write { db in
            try Self.checkPayable(items, db)
            let sequence = try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM payment_batch WHERE kind = ?",
                arguments: [kind.rawValue]) ?? 1
            return try Self.insertBatch(kind: kind, sequence: sequence, items: items, fileName: fileName, at: createdAt, db)
        }
    }

    /// Inserts a payment batch and its lines (the caller has checked them).
    static func insertBatch(
        kind: BatchKind, sequence: Int, items: [BatchItem], fileName: String, at createdAt: Date, _ db: Database
    ) throws -> BatchRecord {
        let total = items.reduce(Pence.zero) { $0 + $1.amount }
        try db.execute(
            sql: """
                INSERT INTO payment_batch (kind, sequence, created_at, file_name, item_count, total_pence)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [kind.rawValue, sequence, createdAt, fileName, items.count, total.value])
        let batchID = db.lastInsertedRowID
        let statement = try db.makeStatement(
            sql: "INSERT INTO batch_item (decision_id, batch_id, amount_pence) VALUES (?, ?, ?)")
        for item in items {
            try statement.execute(arguments: [item.decisionID, batchID, item.amount.value])
        }
        return BatchRecord(
            id: batchID, kind: kind, sequence: sequence, createdAt: createdAt, fileName: fileName,
            itemCount: items.count, total: total)
    }

    /// Says which item the schema would refuse, and why (the triggers and keys still guard).
    static func checkPayable(_ items: [BatchItem], _ db: Database) throws {
        var batched: [Int64] = []
        for item in items {
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT d.status, d.approved_pence, b.batch_id FROM funding_decision d
                    LEFT JOIN batch_item b ON b.decision_id = d.id WHERE d.id = ?
                    """,
                arguments: [item.decisionID])
            guard let row else { throw LedgerError.unknownDecision(decisionID: item.decisionID) }
            if (row["batch_id"] as Int64?) != nil {
                batched.append(item.decisionID)
                continue
            }
            let status: String = row["status"]
            guard status == "approved" else { throw LedgerError.notPayable(decisionID: item.decisionID, status: status) }
            guard item.amount.value == row["approved_pence"] else {
                throw LedgerError.amountMismatch(decisionID: item.decisionID)
            }
        }
        if !batched.isEmpty { throw LedgerError.alreadyBatched(decisionIDs: batched) }
    }

    /// Every payment batch, by kind then sequence.
    package func batches() throws -> [BatchRecord] {
        try batches(where: "1", [])
    }

    func batches(where clause: String, _ arguments: StatementArguments) throws -> [BatchRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, sequence, created_at, file_name, item_count, total_pence
                    FROM payment_batch WHERE \(clause) ORDER BY kind, sequence
                    """,
                arguments: arguments
            ).map { row in
                guard let kind = BatchKind(rawValue: row["kind"]) else {
                    throw LedgerError.inconsistent("batch \(row["id"] as Int64) has an unknown kind")
                }
                return BatchRecord(
                    id: row["id"], kind: kind, sequence: row["sequence"], createdAt: row["created_at"],
                    fileName: row["file_name"], itemCount: row["item_count"], total: Pence(row["total_pence"]))
            }
        }
    }

    /// The decisions on one batch, by school and child.
    package func decisions(batchID: Int64) throws -> [DecisionRecord] {
        try decisions(where: "b.batch_id = ? ORDER BY d.school_urn, d.child_la_id, d.id", [batchID])
    }

    /// The control totals: approved = batched + unbatched approved, held apart. Optionally one
    /// financial year only.
    package func reconciliation(financialYear: FinancialYear? = nil) throws -> Reconciliation {
        try writer.read { db in
            let fy = financialYear?.description
            func sum(_ sql: String) throws -> Pence {
                Pence(try Int.fetchOne(db, sql: sql, arguments: [fy, fy]) ?? 0)
            }
            let scope = "(? IS NULL OR d.financial_year = ?)"
            var byKind: [BatchKind: Pence] = [:]
            for kind in BatchKind.allCases {
                byKind[kind] = Pence(
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                            JOIN payment_batch pb ON pb.id = b.batch_id
                            JOIN funding_decision d ON d.id = b.decision_id
                            WHERE pb.kind = ? AND \(scope)
                            """,
                        arguments: [kind.rawValue, fy, fy]) ?? 0)
            }
            return Reconciliation(
                approved: try sum(
                    "SELECT COALESCE(SUM(d.approved_pence), 0) FROM funding_decision d WHERE d.status = 'approved' AND \(scope)"),
                batched: try sum(
                    """
                    SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                    JOIN funding_decision d ON d.id = b.decision_id WHERE \(scope)
                    """),
                batchedByKind: byKind,
                unbatchedApproved: try sum(
                    """
                    SELECT COALESCE(SUM(d.approved_pence), 0) FROM funding_decision d
                    WHERE d.status = 'approved' AND \(scope)
                        AND NOT EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = d.id)
                    """),
                held: try sum(
                    "SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d WHERE d.status = 'held' AND \(scope)"))
        }
    }
}
