import GRDB

extension LedgerSchema {
    /// What has gone out, so that every output is made once and a crash is recovered from the
    /// ledger, not guessed from the files (the mail relay empties `outbox/`; admin may move
    /// export files away):
    /// - `outbox_message`: each feedback e-mail (per submission and recipient: `dt`, `sw`) and
    ///   each payment notice (per finance run and school URN) at most once; `file_name` is NULL
    ///   when there was no address to write to (decided once, never retried);
    /// - `export_batch_written`: the export batches whose CSV and XML files are written;
    /// - `finance_run`: one `pepqa finance close`, numbered; it owns at most one payment batch
    ///   per kind (numbered as the run), a snapshot of the held items, of the school register
    ///   rows it paid by and of the finance settings, and the per-term control totals taken at
    ///   close, so that its files can be rendered again, byte for byte, after a crash (whatever
    ///   was edited in `Rules/` meanwhile); `finance_run_written` marks the runs
    ///   whose files and notices are out.
    static func outputs(_ db: Database) throws {
        try db.execute(sql: outputTables)
        try appendOnly(
            [
                "finance_run", "finance_run_batch", "finance_run_held", "finance_run_control", "finance_run_written",
                "export_batch_written", "outbox_message",
            ], db)
    }

    static let outputTables = """
        CREATE TABLE finance_run (
            id INTEGER PRIMARY KEY,
            sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
            closed_at TEXT NOT NULL,
            run_date TEXT NOT NULL CHECK (run_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
            academic_year TEXT NOT NULL CHECK (academic_year GLOB '[12][0-9][0-9][0-9]/[0-9][0-9]'),
            register_json TEXT NOT NULL CHECK (json_valid(register_json)),
            settings_json TEXT NOT NULL CHECK (json_valid(settings_json))
        );
        CREATE TABLE finance_run_batch (
            batch_id INTEGER PRIMARY KEY REFERENCES payment_batch(id),
            run_id INTEGER NOT NULL REFERENCES finance_run(id)
        );
        CREATE INDEX finance_run_batch_by_run ON finance_run_batch(run_id);
        CREATE TRIGGER finance_run_batch_numbered_as_run BEFORE INSERT ON finance_run_batch
        WHEN (SELECT sequence FROM payment_batch WHERE id = NEW.batch_id)
            IS NOT (SELECT sequence FROM finance_run WHERE id = NEW.run_id)
        BEGIN SELECT RAISE(ABORT, 'ledger: a run''s payment batch carries the run''s number'); END;
        CREATE TABLE finance_run_held (
            run_id INTEGER NOT NULL REFERENCES finance_run(id),
            decision_id INTEGER NOT NULL REFERENCES funding_decision(id),
            reason TEXT NOT NULL CHECK (reason IN ('rating', 'over-cap', 'needs-clarification',
                'could-not-assess', 'unknown-school', 'no-route')),
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            note TEXT NOT NULL,
            PRIMARY KEY (run_id, decision_id, reason)
        ) WITHOUT ROWID;
        CREATE TABLE finance_run_control (
            run_id INTEGER NOT NULL REFERENCES finance_run(id),
            academic_year TEXT NOT NULL,
            term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
            decided_pence INTEGER NOT NULL CHECK (decided_pence >= 0),
            PRIMARY KEY (run_id, academic_year, term)
        ) WITHOUT ROWID;
        CREATE TABLE finance_run_written (
            run_id INTEGER PRIMARY KEY REFERENCES finance_run(id),
            written_at TEXT NOT NULL
        );

        CREATE TABLE export_batch_written (
            batch_id INTEGER PRIMARY KEY REFERENCES export_batch(id),
            written_at TEXT NOT NULL
        );

        CREATE TABLE outbox_message (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('feedback', 'payment-notice')),
            submission_id INTEGER REFERENCES submission(id),
            finance_run_id INTEGER REFERENCES finance_run(id),
            recipient TEXT NOT NULL CHECK (recipient <> ''),
            file_name TEXT UNIQUE CHECK (file_name <> ''),
            note TEXT NOT NULL,
            written_at TEXT NOT NULL,
            CHECK (kind <> 'feedback'
                OR (submission_id IS NOT NULL AND finance_run_id IS NULL AND recipient IN ('dt', 'sw'))),
            CHECK (kind <> 'payment-notice' OR (finance_run_id IS NOT NULL AND submission_id IS NULL))
        );
        CREATE UNIQUE INDEX outbox_feedback_once ON outbox_message(submission_id, recipient)
            WHERE kind = 'feedback';
        CREATE UNIQUE INDEX outbox_notice_once ON outbox_message(finance_run_id, recipient)
            WHERE kind = 'payment-notice';
        """
}
