import GRDB

extension LedgerSchema {
    /// Corrections and the reconciliation per school:
    /// - `payment_reversal`: a payment made in error, reversed by a named person with a reason:
    ///   one per request, only of a request paid, for at most what was paid; append-only (a
    ///   payment is never undone by editing a file or a row);
    /// - `reversal_item`: the finance run that credits it (a credit line in the next run), once;
    /// - `finance_run_figures`: the ledger's own figures per term and school taken when a run is
    ///   recorded (approved, paid, reversed, to pay, held, and what this run paid and reversed),
    ///   so its reconciliation checks the files against the ledger and renders the same again.
    static func reversals(_ db: Database) throws {
        try db.execute(sql: reversalTables)
        try appendOnly(["payment_reversal", "reversal_item", "finance_run_figures"], db)
    }

    static let reversalTables = """
        CREATE TABLE payment_reversal (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL UNIQUE REFERENCES funding_decision(id),
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            reason TEXT NOT NULL CHECK (trim(reason) <> ''),
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            at TEXT NOT NULL
        );
        CREATE TRIGGER payment_reversal_of_a_payment BEFORE INSERT ON payment_reversal
        WHEN NEW.amount_pence > COALESCE((SELECT amount_pence FROM batch_item WHERE decision_id = NEW.decision_id), 0)
        BEGIN SELECT RAISE(ABORT, 'ledger: only a payment made is reversed, for at most what was paid'); END;

        CREATE TABLE reversal_item (
            reversal_id INTEGER PRIMARY KEY REFERENCES payment_reversal(id),
            run_id INTEGER NOT NULL REFERENCES finance_run(id),
            route TEXT NOT NULL CHECK (route IN ('journal', 'cheque'))
        ) WITHOUT ROWID;
        CREATE INDEX reversal_item_by_run ON reversal_item(run_id);

        CREATE TABLE finance_run_figures (
            run_id INTEGER NOT NULL REFERENCES finance_run(id),
            academic_year TEXT NOT NULL,
            term TEXT NOT NULL,
            school_urn TEXT NOT NULL,
            approved_pence INTEGER NOT NULL,
            paid_pence INTEGER NOT NULL,
            reversed_pence INTEGER NOT NULL,
            to_pay_pence INTEGER NOT NULL,
            held_pence INTEGER NOT NULL,
            run_paid_pence INTEGER NOT NULL,
            run_reversed_pence INTEGER NOT NULL,
            PRIMARY KEY (run_id, academic_year, term, school_urn)
        ) WITHOUT ROWID;
        """
}

extension LedgerSchema {
    /// Where the outputs stand (`OutputMarkStore`): one row, replaced after each successful
    /// publish. Not a record of anything a person did, so not append-only.
    static let outputMark = """
        CREATE TABLE output_mark (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            mark TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        """
}

extension LedgerSchema {
    /// A PEP's PP+ decisions by the rating run that made them: the dashboard's, the tracker's
    /// and the statistics' per-PEP totals looked them up with a scan of every decision ever
    /// made, once per PEP (11 s to publish at 10,000 PEPs; `QueryPlanTests` now checks these
    /// queries too).
    static let fundingByRun = "CREATE INDEX funding_decision_by_run ON funding_decision(run_id);"
}
