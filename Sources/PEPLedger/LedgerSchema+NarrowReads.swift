extension LedgerSchema {
    /// What a publish reads of each PEP and rating run, kept where reading it touches few
    /// pages. A term's figures and dashboard rows read, for each of its PEPs, the headline and
    /// the school from `pep`, whose rows are a page each (the canonical JSON), and each run's
    /// criterion outcomes: counted from `criterion_result`, a join and a grouping of every
    /// result of the term (about 20,000 rows for 500 PEPs). So:
    /// - `run_outcome`: each run's outcomes as one short text (`CriterionOutcomes`), written
    ///   with the run and its results, filled here for the runs already recorded. A column of
    ///   `rating_run` would sit after the assessment JSON, and SQLite walks that column's
    ///   overflow pages to reach it. `criterion_result` stays the record, with the evidence.
    /// - `pep_headline`: an index holding what the dashboard and the statistics read of a PEP
    ///   (queries name it with `INDEXED BY`: SQLite would otherwise go to the row by its id).
    /// The outcomes' encoding is spelled out here (a migration names no Swift value); a test
    /// checks that it is `CriterionOutcomes.encode`'s.
    static let narrowReads = """
        CREATE TABLE run_outcome (
            run_id INTEGER PRIMARY KEY REFERENCES rating_run(id),
            outcomes TEXT NOT NULL
        );
        INSERT INTO run_outcome (run_id, outcomes)
            SELECT run_id,
                group_concat(CASE outcome WHEN 'pass' THEN 'p' WHEN 'fail' THEN 'f' ELSE 'n' END, '')
                    || char(10) || group_concat(criterion_id, char(10))
            FROM (SELECT run_id, outcome, criterion_id FROM criterion_result ORDER BY run_id, position)
            GROUP BY run_id;
        CREATE INDEX pep_headline ON pep(submission_id, school_urn, meeting_date, headline);
        """
}
