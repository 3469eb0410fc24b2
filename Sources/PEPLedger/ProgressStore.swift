import Foundation
import GRDB
import PEPModel

/// How far each current PEP has got: received, QA completed, on the case record. The clocks'
/// facts, read for the tracker and the statistics; the clocks themselves are `PEPRules`'.
package struct ProgressStore: Sendable {
    let database: any DatabaseWriter

    /// One row per current (not superseded) rated PEP of the term that names a child.
    package func progress(term: Term, academicYear: AcademicYear) throws -> [PEPProgress] {
        try progress(where: "s.term = ? AND s.academic_year = ?", [term.rawValue, academicYear.description])
    }

    /// The current rated PEPs of these children (any term): what the initial-PEP clock asks of
    /// the meetings of the register's children who entered care, read by child (an index look-up
    /// each), not over the whole ledger.
    package func progress(children: [String]) throws -> [PEPProgress] {
        guard !children.isEmpty else { return [] }
        let list = String(decoding: try JSONEncoder().encode(children), as: UTF8.self)
        return try progress(where: "s.child_la_id IN (SELECT value FROM json_each(?))", [list])
    }

    /// The terms that hold at least one current rated PEP, newest first.
    package func terms() throws -> [(term: Term, academicYear: AcademicYear)] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT DISTINCT term, academic_year FROM submission
                    WHERE status = 'rated' AND superseded_by IS NULL AND child_la_id IS NOT NULL
                        AND term IS NOT NULL AND academic_year IS NOT NULL
                    """, \.termAndYear
            ).compactMap { $0 }.sorted {
                ($0.academicYear.startYear, Term.allCases.firstIndex(of: $0.term) ?? 0) > (
                    $1.academicYear.startYear, Term.allCases.firstIndex(of: $1.term) ?? 0
                )
            }
        }
    }

    func progress(where clause: String, _ arguments: StatementArguments) throws -> [PEPProgress] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT s.id, s.child_la_id, s.received_at, p.school_urn, p.meeting_date,
                        \(PEPHeadline.field("$.school.name")) AS school_name,
                        (SELECT c.at FROM qa_completion c WHERE c.submission_id = s.id) AS completed_at,
                        (SELECT MIN(w.written_at) FROM export_record r
                            JOIN export_batch_written w ON w.batch_id = r.batch_id
                            WHERE r.submission_id = s.id) AS on_record_at
                    FROM submission s
                    LEFT JOIN \(PEPHeadline.pep) ON p.submission_id = s.id
                    WHERE s.status = 'rated' AND s.superseded_by IS NULL AND s.child_la_id IS NOT NULL
                        AND \(clause)
                    ORDER BY s.received_at, s.id
                    """,
                arguments: arguments
            ) { row in
                let completed: Date? = row["completed_at"]
                let onRecord: Date? = row["on_record_at"]
                return PEPProgress(
                    submissionID: row["id"], childID: row["child_la_id"], schoolURN: row["school_urn"], schoolName: row["school_name"],
                    meetingDate: (row["meeting_date"] as String?).flatMap { CalendarDate(iso: $0) },
                    receivedOn: CalendarDate(englandDateOf: row["received_at"]),
                    qaCompletedOn: completed.map(CalendarDate.init(englandDateOf:)),
                    onRecordOn: onRecord.map(CalendarDate.init(englandDateOf:)))
            }
        }
    }
}
