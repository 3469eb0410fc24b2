import Foundation
import GRDB
import PEPModel

/// The facts behind the Virtual School Head's figures for one term: each current PEP's
/// ratings (a coordinator's confirmed ones once QA is complete, else the machine's), which
/// criteria failed, and PP+ requested, approved, paid and held. Counting them up is
/// `PEPRules.TermStatistics`'s job; this only reads.
package struct StatisticsStore: Sendable {
    let database: any DatabaseWriter

    static let current = "s.status = 'rated' AND s.superseded_by IS NULL AND s.term = ? AND s.academic_year = ?"

    package func peps(term: Term, academicYear: AcademicYear) throws -> [StatisticsFacts.PEP] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id, s.child_la_id, p.school_urn,
                        \(PEPHeadline.field("$.school.name")) AS school_name,
                        \(PEPHeadline.field("$.child.year_group")) AS year_group,
                        COALESCE(c.quality, r.quality) AS quality, COALESCE(c.compliance, r.compliance) AS compliance
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    LEFT JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                    LEFT JOIN qa_completion c ON c.submission_id = s.id
                    WHERE \(Self.current) AND s.child_la_id IS NOT NULL
                    ORDER BY s.id
                    """,
                arguments: [term.rawValue, academicYear.description]
            ) { row in
                guard let quality = Rating(rawValue: row["quality"]), let compliance = Rating(rawValue: row["compliance"])
                else { return nil }
                let yearGroup: DatabaseValue = row["year_group"]
                return StatisticsFacts.PEP(
                    submissionID: row["id"], childID: row["child_la_id"], schoolURN: row["school_urn"],
                    schoolName: row["school_name"],
                    yearGroup: String.fromDatabaseValue(yearGroup) ?? Int.fromDatabaseValue(yearGroup).map(String.init),
                    quality: quality, compliance: compliance)
            }.compactMap { $0 }
        }
    }

    /// Criteria by how often they failed, most first (then by ID), counted from each current
    /// run's outcomes (`CriterionOutcomes`): one row per PEP, not one per criterion result.
    package func criterionFailures(term: Term, academicYear: AcademicYear) throws -> [StatisticsFacts.Criterion] {
        var tally = CriterionOutcomes.Tally()
        try database.read { db in
            let cursor = try String.fetchCursor(
                db,
                sql: """
                    SELECT o.outcomes FROM submission s
                    JOIN run_outcome o ON o.run_id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    WHERE \(Self.current)
                    """,
                arguments: [term.rawValue, academicYear.description])
            while let outcomes = try cursor.next() { tally.add(outcomes) }
        }
        return tally.criteria.map { StatisticsFacts.Criterion(criterionID: $0.id, assessed: $0.assessed, failed: $0.failed) }
            .sorted { ($1.failed, $0.criterionID) < ($0.failed, $1.criterionID) }
    }

    /// PP+ of the term's current ratings by school and intervention: requested, approved by the
    /// Virtual School Head (the machine's recommendation is not an approval), paid, and held
    /// (requested, not approved).
    package func funding(term: Term, academicYear: AcademicYear) throws -> [StatisticsFacts.Funding] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT COALESCE(d.school_urn, '') AS school_urn, d.intervention,
                        SUM(d.requested_pence) AS requested,
                        SUM(CASE WHEN \(PaymentStore.vshApproved) THEN \(PaymentStore.vshAmount) ELSE 0 END) AS approved,
                        SUM(COALESCE((SELECT b.amount_pence FROM batch_item b WHERE b.decision_id = d.id), 0)) AS paid
                    FROM submission s
                    JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                    JOIN funding_decision d ON d.run_id = r.id
                    WHERE \(Self.current)
                    GROUP BY 1, 2
                    ORDER BY 1, 2
                    """,
                arguments: [term.rawValue, academicYear.description]
            ) { row in
                let requested = Pence(row["requested"] as Int)
                let approved = Pence(row["approved"] as Int)
                return StatisticsFacts.Funding(
                    schoolURN: row["school_urn"], intervention: row["intervention"], requested: requested,
                    approved: approved, held: requested - approved, paid: Pence(row["paid"] as Int))
            }
        }
    }
}
