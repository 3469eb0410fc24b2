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
