import GRDB

/// The ledger's schema as versioned, named, append-only migrations.
///
/// A migration that has shipped is never edited: change the schema by appending one. The SQL
/// names no Swift type, so later code changes cannot alter what an old migration does.
/// The constraints carry the ledger's promises, so that they hold whatever the Swift code does:
/// - a document (by SHA-256) is recorded once: `submission.sha256 UNIQUE`;
/// - at most one current submission per child, term and academic year (a partial UNIQUE index);
/// - a PP+ request gets one decision: `funding_decision UNIQUE (submission_id, request_index)`;
/// - a decision is paid at most once, only when approved and for its approved amount:
///   `batch_item.decision_id` is the primary key, and a trigger checks status and amount;
/// - a paid decision can no longer be superseded; decisions' terms never change;
/// - nothing is ever deleted from the money tables.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-submissions") { try $0.execute(sql: submissions) }
        migrator.registerMigration("v2-ratings") { try $0.execute(sql: ratings) }
        migrator.registerMigration("v3-payments") { try $0.execute(sql: payments) }
        migrator.registerMigration("v4-exports") { try $0.execute(sql: exports) }
        migrator.registerMigration("v5-outputs", migrate: outputs)
        migrator.registerMigration("v6-review", migrate: review)
        migrator.registerMigration("v7-arrival-evidence") { try $0.execute(sql: arrivalEvidence) }
        migrator.registerMigration("v8-vsh", migrate: vsh)
        migrator.registerMigration("v9-reversals", migrate: reversals)
        migrator.registerMigration("v10-output-mark") { try $0.execute(sql: outputMark) }
        migrator.registerMigration("v11-funding-by-run") { try $0.execute(sql: fundingByRun) }
        migrator.registerMigration("v12-term-summaries") { try $0.execute(sql: termSummaries) }
        migrator.registerMigration("v13-term-statistics") { try $0.execute(sql: termStatistics) }
        migrator.registerMigration("v14-pep-headline") { try $0.execute(sql: pepHeadline) }
        migrator.registerMigration("v15-unplaced-covering") { try $0.execute(sql: unplacedCovering) }
        migrator.registerMigration("v16-narrow-reads") { try $0.execute(sql: narrowReads) }
        return migrator
    }

    /// Makes tables append-only: a row, once written, can be neither changed nor deleted,
    /// whatever the Swift code does (the audit and the record of what went out depend on it).
    static func appendOnly(_ tables: [String], _ db: Database) throws {
        for table in tables {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_fixed BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'ledger: \(table) rows never change'); END;
                    CREATE TRIGGER \(table)_never_deleted BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'ledger: \(table) rows are never deleted'); END;
                    """)
        }
    }

    /// Every document that arrived, its other attachments, and its canonical PEP.
    static let submissions = """
        CREATE TABLE submission (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE
                CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            file_name TEXT NOT NULL,
            format TEXT CHECK (format IN ('json', 'xml', 'docx')),
            origin_kind TEXT NOT NULL CHECK (origin_kind IN ('drop', 'email')),
            origin_path TEXT NOT NULL,
            sender TEXT,
            message_id TEXT,
            received_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('rated', 'rejected')),
            reject_reason TEXT,
            child_la_id TEXT CHECK (child_la_id <> ''),
            term TEXT CHECK (term IN ('autumn', 'spring', 'summer')),
            academic_year TEXT CHECK (academic_year GLOB '[12][0-9][0-9][0-9]/[0-9][0-9]'),
            superseded_by INTEGER REFERENCES submission(id),
            CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
            CHECK (status = 'rated' OR (superseded_by IS NULL AND child_la_id IS NULL)),
            CHECK (superseded_by IS NULL OR superseded_by <> id),
            CHECK (superseded_by IS NULL
                OR (child_la_id IS NOT NULL AND term IS NOT NULL AND academic_year IS NOT NULL))
        );
        CREATE INDEX submission_by_child_term ON submission(child_la_id, term, academic_year, received_at);
        CREATE INDEX submission_by_term ON submission(academic_year, term);
        CREATE UNIQUE INDEX submission_one_current_per_child_term
            ON submission(child_la_id, term, academic_year)
            WHERE superseded_by IS NULL AND child_la_id IS NOT NULL
                AND term IS NOT NULL AND academic_year IS NOT NULL;
        CREATE TRIGGER submission_never_deleted BEFORE DELETE ON submission
        BEGIN SELECT RAISE(ABORT, 'ledger: submissions are never deleted'); END;
        CREATE TRIGGER submission_identity_fixed
        BEFORE UPDATE OF id, sha256, file_name, format, origin_kind, origin_path, sender, message_id,
            received_at, recorded_at, status, reject_reason, child_la_id, term, academic_year
        ON submission
        BEGIN SELECT RAISE(ABORT, 'ledger: only superseded_by of a submission may change'); END;

        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0)
        );
        CREATE INDEX attachment_by_submission ON attachment(submission_id);

        CREATE TABLE pep (
            submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
            canonical_json TEXT NOT NULL CHECK (json_valid(canonical_json)),
            school_urn TEXT,
            meeting_date TEXT CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
        );
        CREATE TRIGGER pep_only_for_rated BEFORE INSERT ON pep
        WHEN (SELECT status FROM submission WHERE id = NEW.submission_id) IS NOT 'rated'
        BEGIN SELECT RAISE(ABORT, 'ledger: only a rated submission has a PEP'); END;
        """

    /// Rating runs, their criterion results and the funding decision on each PP+ request.
    static let ratings = """
        CREATE TABLE rating_run (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            ruleset_hash TEXT NOT NULL,
            ruleset_version TEXT NOT NULL,
            quality TEXT NOT NULL CHECK (quality IN ('red', 'amber', 'green')),
            compliance TEXT NOT NULL CHECK (compliance IN ('red', 'amber', 'green')),
            assessable INTEGER NOT NULL CHECK (assessable IN (0, 1)),
            assessment_json TEXT NOT NULL CHECK (json_valid(assessment_json)),
            created_at TEXT NOT NULL,
            UNIQUE (id, submission_id)
        );
        CREATE INDEX rating_run_by_submission ON rating_run(submission_id);
        CREATE TRIGGER rating_run_only_for_rated BEFORE INSERT ON rating_run
        WHEN (SELECT status FROM submission WHERE id = NEW.submission_id) IS NOT 'rated'
        BEGIN SELECT RAISE(ABORT, 'ledger: only a rated submission has a rating run'); END;
        CREATE TRIGGER rating_run_fixed BEFORE UPDATE ON rating_run
        BEGIN SELECT RAISE(ABORT, 'ledger: a rating run never changes'); END;

        CREATE TABLE criterion_result (
            run_id INTEGER NOT NULL REFERENCES rating_run(id),
            position INTEGER NOT NULL CHECK (position >= 0),
            criterion_id TEXT NOT NULL,
            section TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'info')),
            axis TEXT NOT NULL CHECK (axis IN ('quality', 'compliance')),
            outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'n/a')),
            evidence_json TEXT NOT NULL CHECK (json_valid(evidence_json)),
            PRIMARY KEY (run_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX criterion_result_by_criterion ON criterion_result(criterion_id, outcome);

        CREATE TABLE funding_decision (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            child_la_id TEXT,
            school_urn TEXT,
            term TEXT CHECK (term IN ('autumn', 'spring', 'summer')),
            academic_year TEXT CHECK (academic_year GLOB '[12][0-9][0-9][0-9]/[0-9][0-9]'),
            financial_year TEXT CHECK (financial_year GLOB '[12][0-9][0-9][0-9]-[0-9][0-9]'),
            request_index INTEGER NOT NULL CHECK (request_index >= 0),
            intervention TEXT NOT NULL,
            requested_pence INTEGER NOT NULL CHECK (requested_pence >= 0),
            approved_pence INTEGER NOT NULL CHECK (approved_pence BETWEEN 0 AND requested_pence),
            status TEXT NOT NULL CHECK (status IN ('approved', 'held', 'superseded')),
            reason TEXT CHECK (reason IN ('rating', 'over-cap', 'needs-clarification',
                'could-not-assess', 'unknown-school', 'no-route')),
            note TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (submission_id, request_index),
            FOREIGN KEY (run_id, submission_id) REFERENCES rating_run(id, submission_id),
            CHECK (status <> 'held' OR approved_pence = 0),
            CHECK (status <> 'approved' OR (child_la_id IS NOT NULL AND school_urn IS NOT NULL
                AND term IS NOT NULL AND academic_year IS NOT NULL AND financial_year IS NOT NULL))
        );
        CREATE INDEX funding_decision_by_child_term ON funding_decision(child_la_id, academic_year, term);
        CREATE INDEX funding_decision_by_child_fy ON funding_decision(child_la_id, financial_year);
        CREATE INDEX funding_decision_by_status ON funding_decision(status);
        CREATE TRIGGER funding_decision_never_deleted BEFORE DELETE ON funding_decision
        BEGIN SELECT RAISE(ABORT, 'ledger: funding decisions are never deleted'); END;
        CREATE TRIGGER funding_decision_terms_fixed
        BEFORE UPDATE OF id, run_id, submission_id, child_la_id, school_urn, term, academic_year,
            financial_year, request_index, intervention, requested_pence, approved_pence, reason,
            note, created_at
        ON funding_decision
        BEGIN SELECT RAISE(ABORT, 'ledger: only the status of a funding decision may change'); END;
        CREATE TRIGGER funding_decision_only_superseded BEFORE UPDATE OF status ON funding_decision
        WHEN NEW.status IS NOT OLD.status AND NOT (OLD.status IN ('approved', 'held') AND NEW.status = 'superseded')
        BEGIN SELECT RAISE(ABORT, 'ledger: a funding decision can only become superseded'); END;
        """

    /// Payment batches (journal or cheque/BACS) and the one line each paid decision lands on.
    static let payments = """
        CREATE TABLE payment_batch (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('journal', 'cheque')),
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            created_at TEXT NOT NULL,
            file_name TEXT NOT NULL UNIQUE CHECK (file_name <> ''),
            item_count INTEGER NOT NULL CHECK (item_count >= 1),
            total_pence INTEGER NOT NULL CHECK (total_pence >= 0),
            UNIQUE (kind, sequence)
        );
        CREATE TABLE batch_item (
            decision_id INTEGER PRIMARY KEY REFERENCES funding_decision(id),
            batch_id INTEGER NOT NULL REFERENCES payment_batch(id),
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0)
        );
        CREATE INDEX batch_item_by_batch ON batch_item(batch_id);
        CREATE TRIGGER batch_item_pays_approved_amount BEFORE INSERT ON batch_item
        WHEN NOT EXISTS (SELECT 1 FROM funding_decision
            WHERE id = NEW.decision_id AND status = 'approved' AND approved_pence = NEW.amount_pence)
        BEGIN SELECT RAISE(ABORT, 'ledger: only an approved decision is paid, for its approved amount'); END;
        CREATE TRIGGER batch_item_fixed BEFORE UPDATE ON batch_item
        BEGIN SELECT RAISE(ABORT, 'ledger: a batch line never changes'); END;
        CREATE TRIGGER batch_item_never_deleted BEFORE DELETE ON batch_item
        BEGIN SELECT RAISE(ABORT, 'ledger: a batch line is never deleted'); END;
        CREATE TRIGGER payment_batch_fixed BEFORE UPDATE ON payment_batch
        BEGIN SELECT RAISE(ABORT, 'ledger: a payment batch never changes'); END;
        CREATE TRIGGER payment_batch_never_deleted BEFORE DELETE ON payment_batch
        BEGIN SELECT RAISE(ABORT, 'ledger: a payment batch is never deleted'); END;
        CREATE TRIGGER paid_decision_stands BEFORE UPDATE OF status ON funding_decision
        WHEN NEW.status <> 'approved' AND EXISTS (SELECT 1 FROM batch_item WHERE decision_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'ledger: a paid decision cannot be superseded'); END;
        """

    /// Case-system (Eclipse/ICS) export batches and the rating runs each one carried.
    static let exports = """
        CREATE TABLE export_batch (
            id INTEGER PRIMARY KEY,
            sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
            created_at TEXT NOT NULL,
            file_name TEXT NOT NULL UNIQUE CHECK (file_name <> ''),
            record_count INTEGER NOT NULL CHECK (record_count >= 1)
        );
        CREATE TABLE export_record (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES export_batch(id),
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            run_id INTEGER NOT NULL UNIQUE,
            record_kind TEXT NOT NULL CHECK (record_kind IN ('new', 'update')),
            FOREIGN KEY (run_id, submission_id) REFERENCES rating_run(id, submission_id)
        );
        CREATE INDEX export_record_by_submission ON export_record(submission_id);
        CREATE TRIGGER export_record_fixed BEFORE UPDATE ON export_record
        BEGIN SELECT RAISE(ABORT, 'ledger: an export record never changes'); END;
        CREATE TRIGGER export_record_never_deleted BEFORE DELETE ON export_record
        BEGIN SELECT RAISE(ABORT, 'ledger: an export record is never deleted'); END;
        """
}
