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
        try db.cachedStatement(
            sql: """
                INSERT INTO payment_batch (kind, sequence, created_at, file_name, item_count, total_pence)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [kind.rawValue, sequence, createdAt, fileName, items.count, total.value])
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
    /// none at all, a decision twice, unknown, superseded, not approved by the Virtual School
    /// Head, paid a different amount than the VSH approved, or already on a batch. Called inside the transaction that inserts the lines.
    static func checkPayable(_ items: [BatchItem], _ db: Database) throws {
        guard !items.isEmpty else { throw LedgerError.emptyBatch }
        var seen = Set<Int64>()
        for item in items where !seen.insert(item.decisionID).inserted {
            throw LedgerError.repeatedItem(decisionID: item.decisionID)
        }
        var batched: [Int64] = []
        for item in items {
            guard let decision = try decisions(where: "d.id = ?", [item.decisionID], db).first else {
                throw LedgerError.unknownDecision(decisionID: item.decisionID)
            }
            if decision.batchID != nil {
                batched.append(item.decisionID)
                continue
            }
            guard decision.status != .superseded else {
                throw LedgerError.notPayable(decisionID: item.decisionID, status: "superseded")
            }
            guard let payable = decision.payable else {
                throw LedgerError.notPayable(decisionID: item.decisionID, status: "not approved by the Virtual School Head")
            }
            guard item.amount == payable else { throw LedgerError.amountMismatch(decisionID: item.decisionID) }
        }
        if !batched.isEmpty { throw LedgerError.alreadyBatched(decisionIDs: batched) }
    }

    /// Every payment batch, by kind then sequence.
    package func batches() throws -> [BatchRecord] {
        try database.read { try Self.batches(where: "1", [], $0) }
    }

    /// Requests the Virtual School Head approved that are on no payment batch yet: what the
    /// next finance run pays (each for the VSH's amount, `DecisionRecord.payable`). Optionally
    /// one financial year only. Ordered by school, child, id.
    package func unbatchedApprovedDecisions(financialYear: FinancialYear? = nil) throws -> [DecisionRecord] {
        try database.read { db in
            try Self.decisions(
                where: """
                    d.status <> 'superseded' AND b.decision_id IS NULL AND \(Self.vshApproved)
                        AND (? IS NULL OR d.financial_year = ?)
                    ORDER BY d.school_urn, d.child_la_id, d.id
                    """,
                [financialYear?.description, financialYear?.description], db)
        }
    }

    /// Current requests not paid and not approved by the VSH (awaiting the VSH, held or
    /// declined by the VSH), with the machine's recommendation: what a run lists as held.
    package func heldDecisions() throws -> [DecisionRecord] {
        try database.read {
            try Self.decisions(
                where: """
                    d.status <> 'superseded' AND b.decision_id IS NULL AND NOT \(Self.vshApproved)
                    ORDER BY d.school_urn, d.child_la_id, d.id
                    """, [], $0)
        }
    }

    /// SQL over `funding_decision d`: the VSH's latest verdict on it approves.
    static let vshApproved = """
        COALESCE((SELECT v.verdict IN ('approve', 'part-approve') FROM ppplus_verdict v
            WHERE v.decision_id = d.id ORDER BY v.id DESC LIMIT 1), 0)
        """

    /// SQL over `funding_decision d`: the amount the VSH's latest verdict approves (0 if none).
    static let vshAmount = """
        COALESCE((SELECT v.amount_pence FROM ppplus_verdict v WHERE v.decision_id = d.id ORDER BY v.id DESC LIMIT 1), 0)
        """

    /// The control totals: approved = batched + unbatched approved, held apart. Optionally one
    /// financial year only.
    package func reconciliation(financialYear: FinancialYear? = nil) throws -> Reconciliation {
        try database.read { db in
            let fy = financialYear?.description
            func sum(_ sql: String) throws -> Pence {
                Pence(try Int.fetchOne(db.cachedStatement(sql: sql), arguments: [fy, fy]) ?? 0)
            }
            let scope = "(? IS NULL OR d.financial_year = ?)"
            var byKind: [BatchKind: Pence] = [:]
            for kind in BatchKind.allCases {
                byKind[kind] = Pence(
                    try Int.fetchOne(
                        db.cachedStatement(
                            sql: """
                                SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                                JOIN payment_batch pb ON pb.id = b.batch_id
                                JOIN funding_decision d ON d.id = b.decision_id
                                WHERE pb.kind = ? AND \(scope)
                                """),
                        arguments: [kind.rawValue, fy, fy]) ?? 0)
            }
            let paid = "EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = d.id)"
            let current = "d.status <> 'superseded'"
            return Reconciliation(
                approved: try sum(
                    """
                    SELECT COALESCE(SUM(\(Self.vshAmount)), 0) FROM funding_decision d
                    WHERE \(Self.vshApproved) AND (\(current) OR \(paid)) AND \(scope)
                    """),
                batched: try sum(
                    """
                    SELECT COALESCE(SUM(b.amount_pence), 0) FROM batch_item b
                    JOIN funding_decision d ON d.id = b.decision_id WHERE \(scope)
                    """),
                batchedByKind: byKind,
                unbatchedApproved: try sum(
                    """
                    SELECT COALESCE(SUM(\(Self.vshAmount)), 0) FROM funding_decision d
                    WHERE \(Self.vshApproved) AND \(current) AND NOT \(paid) AND \(scope)
                    """),
                held: try sum(
                    """
                    SELECT COALESCE(SUM(d.requested_pence), 0) FROM funding_decision d
                    WHERE NOT \(Self.vshApproved) AND \(current) AND NOT \(paid) AND \(scope)
                    """))
        }
    }

    // MARK: - Requests and rows, inside another store's transaction

    /// The payment batches `clause` selects (over `payment_batch`), by kind then sequence.
    static func batches(where clause: String, _ arguments: StatementArguments, _ db: Database) throws -> [BatchRecord] {
        try Row.decodeAll(
            db.cachedStatement(
                sql: """
                    SELECT id, kind, sequence, created_at, file_name, item_count, total_pence
                    FROM payment_batch WHERE \(clause) ORDER BY kind, sequence
                    """),
            arguments: arguments
        ) { row in
            guard let kind = BatchKind(rawValue: row["kind"]) else {
                throw LedgerError.inconsistent("batch \(row["id"] as Int64) has an unknown kind")
            }
            return BatchRecord(
                id: row["id"], kind: kind, sequence: row["sequence"], createdAt: row["created_at"],
                fileName: row["file_name"], itemCount: row["item_count"], total: Pence(row["total_pence"]))
        }
    }

    /// The funding decisions `clause` selects (over `funding_decision d LEFT JOIN batch_item b`).
    static func decisions(
        where clause: String, _ arguments: StatementArguments, _ db: Database
    ) throws
        -> [DecisionRecord]
    {
        try Row.decodeAll(
            db.cachedStatement(
                sql: """
                    SELECT \(DecisionRecord.columns) FROM funding_decision d
                    LEFT JOIN batch_item b ON b.decision_id = d.id
                    WHERE \(clause)
                    """),
            arguments: arguments, DecisionRecord.init(row:))
    }

    /// Inserts the decision on one PP+ request, with its payee copied on (see `Payee`).
    static func insertDecision(
        _ decision: FundingDecision, payee: Payee, runID: Int64, submissionID: Int64, at date: Date, _ db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO funding_decision (run_id, submission_id, child_la_id, school_urn, term, academic_year,
                    financial_year, request_index, intervention, requested_pence, approved_pence, status, reason,
                    note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            runID, submissionID, payee.childLAID, payee.schoolURN, payee.key?.term.rawValue,
            payee.key?.academicYear.description, payee.financialYear?.description, decision.requestIndex,
            decision.intervention, decision.requested.value, decision.approved.value, decision.status.rawValue,
            decision.reason?.rawValue, decision.note, date,
        ])
        return db.lastInsertedRowID
    }
}
