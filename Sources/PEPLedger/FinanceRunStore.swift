import Foundation
import GRDB
import PEPModel

/// Finance runs: one `pepqa finance close` recorded as a whole, before any file is written.
///
/// `close` commits, in ONE transaction, the run's number, its journal and cheque
/// batches with their lines, the held items, the register rows and the control totals. The
/// files are then rendered from that record and the run is marked written. A crash before the
/// commit leaves nothing (the next close starts again); a crash after it leaves a recorded run
/// without files, which `awaitingFiles()` hands back to be rendered. A decision is on at most
/// one batch line whatever happens (the schema's primary key on `batch_item`).
package struct FinanceRunStore: Sendable {
    let database: any DatabaseWriter

    /// Records a finance run. - Throws: `LedgerError.emptyBatch` when nothing is paid,
    /// `repeatedItem` when a decision is on two lines, or the `PaymentStore.checkPayable` errors
    /// when a line is not payable (already paid, not approved, wrong amount); nothing is
    /// written then.
    /// - Parameter authorisation: the person who authorised it, recorded in the same transaction
    ///   (a run is never recorded without one but by the ledger's own tests).
    package func close(
        _ plan: FinanceRunPlan, authorisation: FinanceAuthorisation? = nil, at closedAt: Date
    ) throws
        -> FinanceRunRecord
    {
        try database.write { db in
            guard !(plan.journal + plan.cheque).isEmpty || !plan.reversals.isEmpty else { throw LedgerError.emptyBatch }
            if !(plan.journal + plan.cheque).isEmpty { try PaymentStore.checkPayable(plan.journal + plan.cheque, db) }
            let sequence =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT MAX(COALESCE((SELECT MAX(sequence) FROM finance_run), 0),
                            COALESCE((SELECT MAX(sequence) FROM payment_batch), 0)) + 1
                        """) ?? 1
            try db.execute(
                sql: """
                    INSERT INTO finance_run (sequence, closed_at, run_date, term, academic_year, register_json,
                        settings_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    sequence, closedAt, plan.date.iso, plan.term.rawValue, plan.academicYear.description, plan.registerJSON,
                    plan.settingsJSON,
                ])
            let runID = db.lastInsertedRowID
            let label = BatchNumber.label(sequence)
            for (kind, lines, name) in [(BatchKind.journal, plan.journal, "journal"), (.cheque, plan.cheque, "payments")]
            where !lines.isEmpty {
                let batch = try PaymentStore.insertBatch(
                    kind: kind, sequence: sequence, items: lines, fileName: "\(name)-\(label).csv", at: closedAt, db)
                try db.execute(
                    sql: "INSERT INTO finance_run_batch (batch_id, run_id) VALUES (?, ?)", arguments: [batch.id, runID])
            }
            for entry in plan.held {
                try db.execute(
                    sql: """
                        INSERT INTO finance_run_held (run_id, decision_id, reason, amount_pence, note)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [runID, entry.decisionID, entry.reason.rawValue, entry.amount.value, entry.note])
            }
            for reversal in plan.reversals {
                try db.execute(
                    sql: "INSERT INTO reversal_item (reversal_id, run_id, route) VALUES (?, ?, ?)",
                    arguments: [reversal.id, runID, reversal.route.rawValue])
            }
            try Self.insertControls(runID: runID, db)
            try Self.insertFigures(runID: runID, db)
            if let a = authorisation {
                try db.execute(
                    sql: """
                        INSERT INTO finance_authorisation (proposal_id, run_id, prepared_by, authorised_by, single_person, at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [a.proposalID, runID, a.preparedBy, a.authorisedBy, a.singlePerson, closedAt])
                try AuditStore.append(
                    AuditEntry(
                        actor: a.authorisedBy, action: "finance.authorise", subject: "finance run \(sequence)",
                        before: "proposal \(a.proposalID) prepared by \(a.preparedBy)", after: "run \(sequence) recorded"),
                    at: closedAt, db)
            }
            return FinanceRunRecord(
                id: runID, sequence: sequence, closedAt: closedAt, date: plan.date, term: plan.term,
                academicYear: plan.academicYear)
        }
    }

    /// Per term, the requested amount of every decision the run must account for: held ones,
    /// those it pays, and approved ones still unpaid (held by the run for want of a school).
    static func insertControls(runID: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO finance_run_control (run_id, academic_year, term, decided_pence)
                SELECT :run, d.academic_year, d.term, SUM(d.requested_pence) FROM funding_decision d
                WHERE d.child_la_id IS NOT NULL AND d.term IS NOT NULL AND d.academic_year IS NOT NULL
                    AND (d.status = 'held' OR (d.status = 'approved' AND (
                        NOT EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = d.id)
                        OR EXISTS (SELECT 1 FROM batch_item b JOIN finance_run_batch f ON f.batch_id = b.batch_id
                            WHERE b.decision_id = d.id AND f.run_id = :run))))
                GROUP BY d.academic_year, d.term
                """,
            arguments: ["run": runID])
    }

    /// The ledger's figures per term and school for the run's reconciliation, taken after its
    /// lines and credits are inserted, for every term it pays or credits or in which anything
    /// is still to pay or held. Approved: the VSH's amount of every request approved (current,
    /// or paid); paid and reversed: all runs so far; to pay: approved, current and unpaid; held:
    /// what was requested and not approved (the rest of a part-approval too).
    static func insertFigures(runID: Int64, _ db: Database) throws {
        let approved = PaymentStore.vshApproved, amount = PaymentStore.vshAmount
        let current = "d.status <> 'superseded'"
        try db.execute(
            sql: """
                WITH facts AS (
                    SELECT d.academic_year, d.term, COALESCE(d.school_urn, '') AS school_urn,
                        CASE WHEN \(approved) AND (\(current) OR b.decision_id IS NOT NULL) THEN \(amount) ELSE 0 END AS approved,
                        COALESCE(b.amount_pence, 0) AS paid,
                        CASE WHEN ri.reversal_id IS NOT NULL THEN r.amount_pence ELSE 0 END AS reversed,
                        CASE WHEN \(approved) AND \(current) AND b.decision_id IS NULL THEN \(amount) ELSE 0 END AS to_pay,
                        CASE WHEN \(approved) AND (\(current) OR b.decision_id IS NOT NULL) THEN d.requested_pence - \(amount)
                            WHEN \(current) AND b.decision_id IS NULL THEN d.requested_pence ELSE 0 END AS held,
                        CASE WHEN b.batch_id IN (SELECT batch_id FROM finance_run_batch WHERE run_id = :run)
                            THEN b.amount_pence ELSE 0 END AS run_paid,
                        CASE WHEN ri.run_id = :run THEN r.amount_pence ELSE 0 END AS run_reversed
                    FROM funding_decision d
                    LEFT JOIN batch_item b ON b.decision_id = d.id
                    LEFT JOIN payment_reversal r ON r.decision_id = d.id
                    LEFT JOIN reversal_item ri ON ri.reversal_id = r.id
                    WHERE d.child_la_id IS NOT NULL AND d.term IS NOT NULL AND d.academic_year IS NOT NULL
                ),
                terms AS (
                    SELECT DISTINCT academic_year, term FROM facts
                    WHERE run_paid > 0 OR run_reversed > 0 OR to_pay > 0 OR (held > 0 AND paid = 0)
                )
                INSERT INTO finance_run_figures (run_id, academic_year, term, school_urn, approved_pence, paid_pence,
                    reversed_pence, to_pay_pence, held_pence, run_paid_pence, run_reversed_pence)
                SELECT :run, f.academic_year, f.term, f.school_urn, SUM(f.approved), SUM(f.paid), SUM(f.reversed),
                    SUM(f.to_pay), SUM(f.held), SUM(f.run_paid), SUM(f.run_reversed)
                FROM facts f JOIN terms t ON t.academic_year = f.academic_year AND t.term = f.term
                GROUP BY f.academic_year, f.term, f.school_urn
                """,
            arguments: ["run": runID])
    }

    /// Records a prepared run (nothing is paid or written by it) and returns its number.
    package func propose(preparedBy: String, planHash: String, summary: String, at date: Date) throws -> Int64 {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO finance_proposal (prepared_by, prepared_at, plan_hash, summary) VALUES (?, ?, ?, ?)",
                arguments: [preparedBy, date, planHash, summary])
            let id = db.lastInsertedRowID
            try AuditStore.append(
                AuditEntry(actor: preparedBy, action: "finance.prepare", subject: "finance proposal \(id)", after: planHash),
                at: date, db)
            return id
        }
    }

    /// A prepared run, with the run it became if authorised.
    package func proposal(id: Int64) throws -> FinanceProposal? {
        try database.read { db in try Self.proposals(where: "p.id = ?", [id], db).first }
    }

    /// Every prepared run, newest first.
    package func proposals() throws -> [FinanceProposal] {
        try database.read { db in try Self.proposals(where: "1", [], db) }
    }

    static func proposals(where clause: String, _ arguments: StatementArguments, _ db: Database) throws -> [FinanceProposal] {
        try Row.decodeAll(
            db,
            sql: """
                SELECT p.*, a.run_id, a.authorised_by FROM finance_proposal p
                LEFT JOIN finance_authorisation a ON a.proposal_id = p.id WHERE \(clause) ORDER BY p.id DESC
                """, arguments: arguments
        ) { row in
            FinanceProposal(
                id: row["id"], preparedBy: row["prepared_by"], preparedAt: row["prepared_at"], planHash: row["plan_hash"],
                summary: row["summary"], runID: row["run_id"], authorisedBy: row["authorised_by"])
        }
    }

    /// Every finance run, by number.
    package func all() throws -> [FinanceRunRecord] {
        try database.read { try Self.runs(where: "1", [], $0) }
    }

    /// Recorded runs whose files and notices are not yet all written, by number.
    package func awaitingFiles() throws -> [FinanceRunRecord] {
        try database.read {
            try Self.runs(where: "NOT EXISTS (SELECT 1 FROM finance_run_written w WHERE w.run_id = r.id)", [], $0)
        }
    }

    static func runs(
        where clause: String, _ arguments: StatementArguments, _ db: Database
    ) throws
        -> [FinanceRunRecord]
    {
        try Row.decodeAll(
            db,
            sql: """
                SELECT r.id, r.sequence, r.closed_at, r.run_date, r.term, r.academic_year FROM finance_run r
                WHERE \(clause) ORDER BY r.sequence
                """,
            arguments: arguments, Self.financeRun)
    }

    static func financeRun(_ row: Row) throws -> FinanceRunRecord {
        guard let date = CalendarDate(iso: row["run_date"] as String), let term = Term(rawValue: row["term"]),
            let year = AcademicYear(parsing: row["academic_year"] as String)
        else { throw LedgerError.inconsistent("finance run \(row["id"] as Int64) has an unreadable date or term") }
        return FinanceRunRecord(
            id: row["id"], sequence: row["sequence"], closedAt: row["closed_at"], date: date, term: term,
            academicYear: year)
    }

    /// The run with its batches and their decisions, its held items and control totals, read
    /// in one transaction.
    package func detail(runID: Int64) throws -> FinanceRunDetail {
        try database.read { db in try Self.detail(runID: runID, db) }
    }

    static func detail(runID: Int64, _ db: Database) throws -> FinanceRunDetail {
        guard let run = try runs(where: "r.id = ?", [runID], db).first,
            let snapshot = try Row.fetchOne(
                db, sql: "SELECT register_json, settings_json FROM finance_run WHERE id = ?", arguments: [runID])
        else { throw LedgerError.inconsistent("no finance run \(runID)") }
        let paid = try PaymentStore.batches(
            where: "id IN (SELECT batch_id FROM finance_run_batch WHERE run_id = ?)", [runID], db
        ).map { batch in
            FinanceRunDetail.PaidBatch(
                batch: batch,
                decisions: try PaymentStore.decisions(
                    where: "b.batch_id = ? ORDER BY d.school_urn, d.child_la_id, d.id", [batch.id], db))
        }
        let held = try Row.decodeAll(
            db, sql: "SELECT decision_id, reason, amount_pence, note FROM finance_run_held WHERE run_id = ?",
            arguments: [runID]
        ) { row -> FinanceRunDetail.Held in
            let id: Int64 = row["decision_id"]
            guard let reason = FundingDecision.HoldReason(rawValue: row["reason"]),
                let decision = try PaymentStore.decisions(where: "d.id = ?", [id], db).first
            else { throw LedgerError.inconsistent("finance run \(runID) holds an unreadable item") }
            return .init(
                entry: HeldEntry(decisionID: id, reason: reason, amount: Pence(row["amount_pence"]), note: row["note"]),
                decision: decision)
        }
        let controls = try Row.decodeAll(
            db, sql: "SELECT academic_year, term, decided_pence FROM finance_run_control WHERE run_id = ?",
            arguments: [runID]
        ) { row -> FinanceRunDetail.Control in
            guard let term = Term(rawValue: row["term"]), let year = AcademicYear(parsing: row["academic_year"] as String)
            else { throw LedgerError.inconsistent("finance run \(runID) has an unreadable control total") }
            return .init(term: term, academicYear: year, decided: Pence(row["decided_pence"]))
        }
        let figures = try Row.decodeAll(
            db, sql: "SELECT * FROM finance_run_figures WHERE run_id = ? ORDER BY academic_year, term, school_urn",
            arguments: [runID]
        ) { row -> ReconciliationFigures in
            guard let term = Term(rawValue: row["term"]) else {
                throw LedgerError.inconsistent("finance run \(runID) has an unreadable reconciliation figure")
            }
            return ReconciliationFigures(
                academicYear: row["academic_year"], term: term, schoolURN: row["school_urn"], approved: Pence(row["approved_pence"]),
                paid: Pence(row["paid_pence"]), reversed: Pence(row["reversed_pence"]), toPay: Pence(row["to_pay_pence"]),
                held: Pence(row["held_pence"]), runPaid: Pence(row["run_paid_pence"]), runReversed: Pence(row["run_reversed_pence"]))
        }
        var detail = FinanceRunDetail(
            run: run, batches: paid, held: held, controls: controls, registerJSON: snapshot["register_json"],
            settingsJSON: snapshot["settings_json"])
        detail.reversals = try ReversalStore.credited(runID: runID, db)
        detail.figures = figures
        return detail
    }

    /// Marks a run's files and notices as written. Idempotent.
    package func markWritten(runID: Int64, at date: Date) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO finance_run_written (run_id, written_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [runID, date])
        }
    }
}
