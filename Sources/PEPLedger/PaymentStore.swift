import Foundation
import GRDB
import PEPModel

/// Funding decisions and the payment batches that pay them, each decision at most once.
///
/// Batches are written only inside a finance run (`FinanceRunStore.close`), which calls
/// `checkPayable` and `insertBatch` in its own transaction; this store reads what they made.
package struct PaymentStore: Sendable {
    let database: any DatabaseWriter

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

    /// Says which line the schema would refuse, and why (the triggers and keys still guard):
    /// none at all, a decision twice, unknown, not approved, paid a different amount than
    /// approved, or already on a batch. Called inside the transaction that inserts the lines.
    static func checkPayable(_ items: [BatchItem], _ db: Database) throws {
        guard !items.isEmpty else { throw LedgerError.emptyBatch }
        var seen = Set<Int64>()
        for item in items where !seen.insert(item.decisionID).inserted {
            throw LedgerError.repeatedItem(decisionID: item.decisionID)
        }
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
        try database.read { try Self.batches(where: "1", [], $0) }
    }

    /// Approved decisions on no payment batch yet: what the next finance close pays. Optionally
    /// one financial year only. Ordered by school, child, id.
    package func unbatchedApprovedDecisions(financialYear: FinancialYear? = nil) throws -> [DecisionRecord] {
        try database.read { db in
            try Self.decisions(
                where: """
                    d.status = 'approved' AND b.decision_id IS NULL
                        AND (? IS NULL OR d.financial_year = ?)
                    ORDER BY d.school_urn, d.child_la_id, d.id
                    """,
                [financialYear?.description, financialYear?.description], db)
        }
    }

    /// Held decisions of current submissions, with their reasons: what a coordinator must clear.
    package func heldDecisions() throws -> [DecisionRecord] {
        try database.read {
            try Self.decisions(where: "d.status = 'held' ORDER BY d.school_urn, d.child_la_id, d.id", [], $0)
        }
    }

    /// The control totals: approved = batched + unbatched approved, held apart. Optionally one
    /// financial year only.
    package func reconciliation(financialYear: FinancialYear? = nil) throws -> Reconciliation {
        try database.read { db in
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

    // MARK: - Requests and rows, inside another store's transaction

    /// The payment batches `clause` selects (over `payment_batch`), by kind then sequence.
    static func batches(where clause: String, _ arguments: StatementArguments, _ db: Database) throws -> [BatchRecord] {
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

    /// The funding decisions `clause` selects (over `funding_decision d LEFT JOIN batch_item b`).
    static func decisions(where clause: String, _ arguments: StatementArguments, _ db: Database) throws
        -> [DecisionRecord]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(DecisionRecord.columns) FROM funding_decision d
                LEFT JOIN batch_item b ON b.decision_id = d.id
                WHERE \(clause)
                """,
            arguments: arguments
        ).map(DecisionRecord.init(row:))
    }

    /// Inserts the decision on one PP+ request, with its payee copied on (see `Payee`).
    static func insertDecision(
        _ decision: FundingDecision, payee: Payee, runID: Int64, submissionID: Int64, at date: Date, _ db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO funding_decision (run_id, submission_id, child_la_id, school_urn, term, academic_year,
                    financial_year, request_index, intervention, requested_pence, approved_pence, status, reason,
                    note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                runID, submissionID, payee.childLAID, payee.schoolURN, payee.key?.term.rawValue,
                payee.key?.academicYear.description, payee.financialYear?.description, decision.requestIndex,
                decision.intervention, decision.requested.value, decision.approved.value, decision.status.rawValue,
                decision.reason?.rawValue, decision.note, date,
            ])
        return db.lastInsertedRowID
    }
}
