import GRDB

extension LedgerSchema {
    /// The people who confirm what the machine recommends, and what they decided:
    /// - `app_user`: a named person with a bcrypt hash and one role; never deleted (the audit
    ///   names them), only disabled; a name never changes;
    /// - `web_session`: signed-in browsers, by the SHA-256 of the cookie's token (a stolen
    ///   database does not give working cookies), each with its CSRF token and expiry;
    /// - `login_failure`: failed sign-ins by name, which slow and then lock further attempts;
    /// - `audit_event`: every human action, who/when/what before and after/why, append-only;
    /// - `qa_override`: a coordinator's verdict on one criterion or on an overall rating, with
    ///   a reason; the latest per subject is the one that stands; append-only;
    /// - `qa_clarification`: a message to the school (it goes to the outbox); append-only;
    /// - `qa_completion`: QA completed for a submission, by whom, with the confirmed ratings;
    ///   once per submission, never changed: only this releases feedback and the export;
    /// - `document_disposition`: what a coordinator did with a rejected document (requeue, not
    ///   a PEP, reply to the sender); append-only.
    static func review(_ db: Database) throws {
        try db.execute(sql: reviewTables)
        try appendOnly(["audit_event", "qa_override", "qa_clarification", "qa_completion", "document_disposition"], db)
    }

    static let reviewTables = """
        CREATE TABLE app_user (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '' AND name NOT GLOB '*[^A-Za-z0-9._-]*'),
            password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
            role TEXT NOT NULL CHECK (role IN ('coordinator', 'vsh', 'finance', 'admin')),
            phase TEXT CHECK (phase IN ('early-primary', 'secondary')),
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER app_user_never_deleted BEFORE DELETE ON app_user
        BEGIN SELECT RAISE(ABORT, 'ledger: users are never deleted, only disabled'); END;
        CREATE TRIGGER app_user_name_fixed BEFORE UPDATE OF id, name, created_at ON app_user
        BEGIN SELECT RAISE(ABORT, 'ledger: a user''s name never changes'); END;

        CREATE TABLE web_session (
            token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX web_session_by_user ON web_session(user_id);

        CREATE TABLE login_failure (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX login_failure_by_name ON login_failure(name, at);

        CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id INTEGER REFERENCES app_user(id),
            actor TEXT NOT NULL CHECK (actor <> ''),
            action TEXT NOT NULL CHECK (action <> ''),
            submission_id INTEGER REFERENCES submission(id),
            subject TEXT NOT NULL,
            before TEXT,
            after TEXT,
            reason TEXT
        );
        CREATE INDEX audit_event_by_submission ON audit_event(submission_id, id);

        CREATE TABLE qa_override (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            run_id INTEGER NOT NULL,
            subject TEXT NOT NULL CHECK (subject IN ('criterion', 'quality', 'compliance')),
            criterion_id TEXT,
            machine_value TEXT NOT NULL,
            human_value TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (trim(reason) <> ''),
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            at TEXT NOT NULL,
            FOREIGN KEY (run_id, submission_id) REFERENCES rating_run(id, submission_id),
            CHECK ((subject = 'criterion') = (criterion_id IS NOT NULL)),
            CHECK (subject = 'criterion' OR human_value IN ('red', 'amber', 'green')),
            CHECK (subject <> 'criterion' OR human_value IN ('pass', 'fail', 'n/a'))
        );
        CREATE INDEX qa_override_by_submission ON qa_override(submission_id, id);

        CREATE TABLE qa_clarification (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            message TEXT NOT NULL CHECK (trim(message) <> ''),
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            at TEXT NOT NULL,
            file_name TEXT UNIQUE
        );
        CREATE INDEX qa_clarification_by_submission ON qa_clarification(submission_id, id);

        CREATE TABLE qa_completion (
            submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
            run_id INTEGER NOT NULL,
            quality TEXT NOT NULL CHECK (quality IN ('red', 'amber', 'green')),
            compliance TEXT NOT NULL CHECK (compliance IN ('red', 'amber', 'green')),
            user_id INTEGER REFERENCES app_user(id),
            officer TEXT NOT NULL CHECK (officer <> ''),
            automatic INTEGER NOT NULL CHECK (automatic IN (0, 1)),
            at TEXT NOT NULL,
            FOREIGN KEY (run_id, submission_id) REFERENCES rating_run(id, submission_id),
            CHECK (automatic = 1 OR user_id IS NOT NULL)
        );

        CREATE TABLE document_disposition (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            action TEXT NOT NULL CHECK (action IN ('requeue', 'not-a-pep', 'reply')),
            note TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES app_user(id),
            at TEXT NOT NULL
        );
        CREATE INDEX document_disposition_by_submission ON document_disposition(submission_id, id);
        """
}
