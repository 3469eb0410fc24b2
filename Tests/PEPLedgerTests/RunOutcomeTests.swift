import Foundation
import GRDB
import PEPModel
import Testing

@testable import PEPLedger

/// `run_outcome` (ledger v16): the termly criterion counts read from each run's outcomes must be
/// the counts of its criterion results, whether the ledger wrote them or the migration did.
struct RunOutcomeTests {
    /// An assessment with these (id, outcome) results.
    static func assessment(_ results: [(String, CriterionOutcome)]) -> Assessment {
        var a = Fixture.assessment()
        a.results = results.map { id, outcome in
            CriterionResult(id: id, section: "voice", title: "T \(id)", severity: .minor, axis: .quality, outcome: outcome, evidence: [])
        }
        return a
    }

    /// Five PEPs of one term, by two rule sets (a criterion added, one dropped), with passes,
    /// failures and criteria that did not apply; one superseded, one of another term, one with
    /// no criteria at all.
    static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        let older: [(String, CriterionOutcome)] = [("ATN-01", .pass), ("VOI-01", .fail), ("TGT-02", .notApplicable)]
        let newer: [(String, CriterionOutcome)] = [("ATN-01", .fail), ("TGT-02", .fail), ("NEW-01", .pass)]
        try Fixture.rate(ledger, "a", read: Fixture.read(child: "LA-1"), assessment: assessment(older))
        try Fixture.rate(ledger, "b", read: Fixture.read(child: "LA-2"), assessment: assessment(older.map { ($0.0, .fail) }))
        try Fixture.rate(ledger, "c", read: Fixture.read(child: "LA-3"), assessment: assessment(newer))
        try Fixture.rate(ledger, "d", read: Fixture.read(child: "LA-4"), assessment: assessment([]))
        // Superseded by a later PEP of the same child and term: only the later one counts.
        try Fixture.rate(
            ledger, "e", received: "2025-10-02T10:00:00Z", read: Fixture.read(child: "LA-3", voice: "later"),
            assessment: assessment(newer.map { ($0.0, .pass) }))
        try Fixture.rate(ledger, "f", read: Fixture.read(child: "LA-5", term: "spring"), assessment: assessment(older))
        return ledger
    }

    /// The counts as the results give them (the query the outcomes replaced).
    static func fromResults(_ ledger: Ledger) throws -> [StatisticsFacts.Criterion] {
        try ledger.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT cr.criterion_id, SUM(cr.outcome <> 'n/a') AS assessed, SUM(cr.outcome = 'fail') AS failed
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    JOIN criterion_result cr ON cr.run_id = r.id
                    WHERE \(StatisticsStore.current)
                    GROUP BY cr.criterion_id ORDER BY failed DESC, cr.criterion_id
                    """, arguments: ["autumn", "2025/26"]
            ).map { StatisticsFacts.Criterion(criterionID: $0["criterion_id"], assessed: $0["assessed"], failed: $0["failed"]) }
        }
    }

    @Test func aTermsCriterionCountsAreThoseOfItsCurrentResults() throws {
        let ledger = try Self.ledger()
        let year = try #require(AcademicYear(parsing: "2025/26"))
        let counted = try ledger.statistics.criterionFailures(term: .autumn, academicYear: year)
        #expect(counted == (try Self.fromResults(ledger)))
        #expect(
            counted.map { "\($0.criterionID) \($0.assessed) \($0.failed)" } == [
                "VOI-01 2 2", "ATN-01 3 1", "TGT-02 2 1", "NEW-01 1 0",
            ])
    }

    @Test func theMigrationWritesEachRunsOutcomesAsTheLedgerDoes() throws {
        let ledger = try Self.ledger()
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v15-unplaced-covering")
        for table in ["submission", "rating_run", "criterion_result"] {
            try Fixture.copy("SELECT * FROM \(table)", from: ledger, into: table, of: queue)
        }
        try LedgerSchema.migrator.migrate(queue)
        let sql = "SELECT run_id, outcomes FROM run_outcome WHERE outcomes <> '' ORDER BY run_id"
        let written = try ledger.database.read { db in try Row.fetchAll(db, sql: sql) }
        let migrated = try queue.read { db in try Row.fetchAll(db, sql: sql) }
        #expect(written.count == 5)
        #expect(migrated == written)
    }

    @Test func eachResultIsRecordedInOrderWithItsEvidence() throws {
        let ledger = try Ledger.inMemory()
        var assessment = Fixture.assessment()
        assessment.results[1].evidence = [
            Evidence(path: "meeting.date", source: SourceRef(file: "pep.docx", location: "table 2, row 3"), note: "held 3 Nov / \"late\""),
            Evidence(note: "café ✓"),
        ]
        let record = try Fixture.rate(ledger, "a", assessment: assessment)
        let rows = try ledger.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM criterion_result WHERE run_id = ? ORDER BY position", arguments: [record.runID])
        }
        #expect(rows.count == assessment.results.count)
        for (position, (row, result)) in zip(rows, assessment.results).enumerated() {
            #expect(row["position"] as Int == position)
            #expect(row["criterion_id"] as String == result.id)
            #expect(row["section"] as String == result.section)
            #expect(row["severity"] as String == result.severity.rawValue)
            #expect(row["axis"] as String == result.axis.rawValue)
            #expect(row["outcome"] as String == result.outcome.rawValue)
            let evidence = try JSONDecoder().decode([Evidence].self, from: Data((row["evidence_json"] as String).utf8))
            #expect(evidence == result.evidence)
        }
    }

    @Test func outcomesTellLettersFromIDs() {
        let text = CriterionOutcomes.encode(
            Self.assessment([("A-1", .pass), ("B-2", .fail), ("C-3", .notApplicable)]).results)
        #expect(text == "pfn\nA-1\nB-2\nC-3")
        var tally = CriterionOutcomes.Tally()
        tally.add(text)
        tally.add("fp\nB-2\nA-1")
        tally.add("")
        #expect(tally.criteria.map { "\($0.id) \($0.assessed) \($0.failed)" } == ["A-1 2 0", "B-2 2 2", "C-3 0 0"])
    }
}
