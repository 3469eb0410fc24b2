import GRDB

extension LedgerSchema {
    /// The Virtual School Head's word on PP+, and a person on every finance run:
    /// - `ppplus_verdict`: the VSH's decision on one PP+ request (a `funding_decision`, which is
    ///   from now on the machine's recommendation): approve, part-approve (an amount), hold for
    ///   clarification, or decline, each with a reason; a Red-after-QA exception and an
    ///   acknowledged school difference are recorded with it. Append-only; the latest per request
    ///   stands; none after the request is paid;
    /// - a payment line (`batch_item`) is now allowed only for a request whose latest verdict
    ///   approves exactly its amount (the old trigger, which trusted the machine, is dropped);
    /// - `finance_proposal`: a prepared run (what would be paid, held, reconciled), by whom;
    ///   writes nothing else. `finance_authorisation`: the named person who authorised a
    ///   proposal, and the run it became; one per proposal and per run; the preparer cannot
    ///   authorise unless the Virtual School runs with one person (`single_person`);
    /// - `finance_run_held` gains the VSH's reasons (awaiting the VSH, held by the VSH,
    ///   declined): the table is rebuilt, its rows copied, since SQLite cannot widen a CHECK.
    static func vsh(_ db: Database) throws {
        try db.execute(sql: vshTables)
        try appendOnly(["ppplus_verdict", "finance_proposal", "finance_authorisation", "finance_run_held"], db)
    }

    static let vshTables = """
        CREATE TABLE ppplus_verdict (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES funding_decision(id),
            verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'part-approve', 'hold', 'decline')),
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            reason TEXT NOT NULL CHECK (trim(reason) <> ''),
            exception INTEGER NOT NULL CHECK (exception IN (0, 1)),
            school_acknowledged INTEGER NOT NULL CHECK (school_acknowledged IN (0, 1)),
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            at TEXT NOT NULL,
            CHECK ((verdict IN ('approve', 'part-approve')) = (amount_pence > 0))
        );
        CREATE INDEX ppplus_verdict_by_decision ON ppplus_verdict(decision_id, id);
        CREATE TRIGGER ppplus_verdict_within_request BEFORE INSERT ON ppplus_verdict
        WHEN NEW.amount_pence > (SELECT requested_pence FROM funding_decision WHERE id = NEW.decision_id)
        BEGIN SELECT RAISE(ABORT, 'ledger: a PP+ request cannot be approved for more than was requested'); END;
        CREATE TRIGGER ppplus_verdict_not_after_payment BEFORE INSERT ON ppplus_verdict
        WHEN EXISTS (SELECT 1 FROM batch_item WHERE decision_id = NEW.decision_id)
        BEGIN SELECT RAISE(ABORT, 'ledger: a paid PP+ request cannot be decided again'); END;
        CREATE TRIGGER ppplus_verdict_current_only BEFORE INSERT ON ppplus_verdict
        WHEN (SELECT status FROM funding_decision WHERE id = NEW.decision_id) IS 'superseded'
        BEGIN SELECT RAISE(ABORT, 'ledger: a superseded PP+ request cannot be decided'); END;

        DROP TRIGGER batch_item_pays_approved_amount;
        CREATE TRIGGER batch_item_pays_vsh_approved_amount BEFORE INSERT ON batch_item
        WHEN (SELECT v.verdict IN ('approve', 'part-approve') AND v.amount_pence = NEW.amount_pence
                FROM ppplus_verdict v WHERE v.decision_id = NEW.decision_id ORDER BY v.id DESC LIMIT 1) IS NOT 1
            OR (SELECT status FROM funding_decision WHERE id = NEW.decision_id) IS 'superseded'
        BEGIN SELECT RAISE(ABORT, 'ledger: only a PP+ request the Virtual School Head approved is paid, for the amount approved'); END;

        CREATE TABLE finance_proposal (
            id INTEGER PRIMARY KEY,
            prepared_by TEXT NOT NULL CHECK (prepared_by <> ''),
            prepared_at TEXT NOT NULL,
            plan_hash TEXT NOT NULL CHECK (length(plan_hash) = 64),
            summary TEXT NOT NULL
        );
        CREATE TABLE finance_authorisation (
            proposal_id INTEGER PRIMARY KEY REFERENCES finance_proposal(id),
            run_id INTEGER NOT NULL UNIQUE REFERENCES finance_run(id),
            prepared_by TEXT NOT NULL,
            authorised_by TEXT NOT NULL CHECK (authorised_by <> ''),
            single_person INTEGER NOT NULL CHECK (single_person IN (0, 1)),
            at TEXT NOT NULL,
            CHECK (single_person = 1 OR prepared_by <> authorised_by)
        );

        CREATE TABLE finance_run_held_v8 (
            run_id INTEGER NOT NULL REFERENCES finance_run(id),
            decision_id INTEGER NOT NULL REFERENCES funding_decision(id),
            reason TEXT NOT NULL CHECK (reason IN ('rating', 'over-cap', 'needs-clarification',
                'could-not-assess', 'unknown-school', 'no-route', 'awaiting-vsh', 'vsh-hold', 'declined')),
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            note TEXT NOT NULL,
            PRIMARY KEY (run_id, decision_id, reason)
        ) WITHOUT ROWID;
        INSERT INTO finance_run_held_v8 SELECT run_id, decision_id, reason, amount_pence, note FROM finance_run_held;
        DROP TRIGGER finance_run_held_fixed;
        DROP TRIGGER finance_run_held_never_deleted;
        DROP TABLE finance_run_held;
        ALTER TABLE finance_run_held_v8 RENAME TO finance_run_held;
        """
}
