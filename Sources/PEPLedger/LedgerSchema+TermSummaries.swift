extension LedgerSchema {
    /// Each term's line of the dashboard's and the tracker's index pages, as last published
    /// (`OutputTermStore`): a publish re-reads and re-renders only the terms that changed since
    /// the last one and takes the others' lines from here, so a poll's cost follows what changed,
    /// not the ledger's size. Derived data, replaced at will: not append-only. With it, the
    /// documents that name no child, term or year (the index lists them on every publish) by a
    /// partial index, instead of a scan of every submission.
    static let termSummaries = """
        CREATE TABLE output_term_summary (
            output TEXT NOT NULL CHECK (output IN ('dashboard', 'tracker')),
            academic_year TEXT NOT NULL,
            term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
            summary TEXT NOT NULL,
            PRIMARY KEY (output, academic_year, term)
        ) WITHOUT ROWID;
        CREATE INDEX submission_unplaced ON submission(received_at, id)
            WHERE child_la_id IS NULL OR term IS NULL OR academic_year IS NULL;
        """
}

extension LedgerSchema {
    /// Each term's statistics kept on their own (`output = 'statistics'`), apart from its
    /// tracker line: a publish reads every term's tracker line (the index and the trend), but
    /// the figures of only the academic year it rewrites, so its cost does not grow with the
    /// years the ledger holds. The kept lines are derived data, so they are dropped with the
    /// mark (`output_mark`), and the next publish works every term out again.
    static let termStatistics = """
        CREATE TABLE output_term_summary_v13 (
            output TEXT NOT NULL CHECK (output IN ('dashboard', 'tracker', 'statistics')),
            academic_year TEXT NOT NULL,
            term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
            summary TEXT NOT NULL,
            PRIMARY KEY (output, academic_year, term)
        ) WITHOUT ROWID;
        DROP TABLE output_term_summary;
        ALTER TABLE output_term_summary_v13 RENAME TO output_term_summary;
        DELETE FROM output_mark;
        """
}

extension LedgerSchema {
    /// Each PEP's headline (child, names, term, year, school, year group) as a small JSON array
    /// beside its canonical JSON (`PEPHeadline.paths`), filled for the PEPs already recorded.
    /// The paths are spelled out (a migration names no Swift value); a test checks that they
    /// are `PEPHeadline.paths`, which new PEPs' headlines are made from.
    static let pepHeadline = """
        ALTER TABLE pep ADD COLUMN headline TEXT;
        UPDATE pep SET headline = json_extract(canonical_json, '$.child.la_id', '$.child.first_name', '$.child.last_name',
            '$.pep.term', '$.pep.academic_year', '$.school.name', '$.child.year_group');
        """
}

extension LedgerSchema {
    /// The documents that name no child, term or year, by an index that also holds what the
    /// dashboard's count asks of them (current, rated): the count is read from the index
    /// alone, not from a row of the submission table for each such document ever received.
    static let unplacedCovering = """
        DROP INDEX submission_unplaced;
        CREATE INDEX submission_unplaced ON submission(status, superseded_by, received_at, id)
            WHERE child_la_id IS NULL OR term IS NULL OR academic_year IS NULL;
        """
}
