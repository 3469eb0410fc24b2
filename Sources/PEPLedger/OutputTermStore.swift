import Foundation
import GRDB
import PEPModel

/// Each term's line of an index page, as the last publish made it (see
/// `LedgerSchema.termSummaries`). The text is the output's own (JSON); the ledger only keeps it.
package struct OutputTermStore: Sendable {
    let database: any DatabaseWriter

    /// Which output a summary belongs to: a term's line on the dashboard's index, its line on
    /// the tracker's index, its statistics.
    package enum Output: String, Sendable {
        case dashboard, tracker, statistics
    }

    /// Every term's summary of `output`, or only those of `academicYear` (by the primary key).
    package func summaries(
        _ output: Output, academicYear: AcademicYear? = nil
    ) throws
        -> [(term: Term, academicYear: AcademicYear, summary: String)]
    {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT academic_year, term, summary FROM output_term_summary
                    WHERE output = ? AND (? IS NULL OR academic_year = ?)
                    """,
                arguments: [output.rawValue, academicYear?.description, academicYear?.description]
            ) { row in row.termAndYear.map { ($0.term, $0.academicYear, row["summary"]) } }.compactMap { $0 }
        }
    }

    /// Keeps `summaries` (replacing a term's earlier one) and forgets the terms in `removing`.
    /// - Parameter replaceAll: every other term's summary is forgotten too (a publish of every
    ///   term); false keeps them (a publish of some terms only).
    package func store(
        _ output: Output, _ summaries: [(term: Term, academicYear: AcademicYear, summary: String)], removing: [(Term, AcademicYear)] = [],
        replaceAll: Bool
    ) throws {
        try database.write { db in
            if replaceAll {
                try db.execute(sql: "DELETE FROM output_term_summary WHERE output = ?", arguments: [output.rawValue])
            }
            for (term, year) in removing {
                try db.execute(
                    sql: "DELETE FROM output_term_summary WHERE output = ? AND academic_year = ? AND term = ?",
                    arguments: [output.rawValue, year.description, term.rawValue])
            }
            for s in summaries {
                try db.execute(
                    sql: """
                        INSERT INTO output_term_summary (output, academic_year, term, summary) VALUES (?, ?, ?, ?)
                        ON CONFLICT (output, academic_year, term) DO UPDATE SET summary = excluded.summary
                        """, arguments: [output.rawValue, s.academicYear.description, s.term.rawValue, s.summary])
            }
        }
    }
}
