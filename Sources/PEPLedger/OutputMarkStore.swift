import Foundation
import GRDB
import PEPModel

/// Where the outputs stand against the ledger: the highest row of each table the outputs are
/// made from, taken before a publish and kept once it succeeded. A poll compares the ledger's
/// mark now with the one kept: the same mark means nothing the outputs show has changed, so the
/// poll publishes nothing and reads nothing else, however large the ledger (each figure is one
/// `MAX(rowid)`, a walk down one B-tree). A different one (a PEP rated, QA completed or a PP+
/// verdict given in the workbench, a run recorded) publishes, which is also how the watcher
/// picks up what people did in the workbench while no document arrived.
package struct OutputMarkStore: Sendable {
    let database: any DatabaseWriter

    /// The tables whose rows the outputs are made from. Tables the publish itself writes to
    /// (the outbox, export batches, files written) are left out, so a publish does not call
    /// for another. `audit_event` is there because `qa_completion`'s rowid is its submission's
    /// id: QA completed on an older PEP raises no `MAX(rowid)` there, but its audit event does.
    static let inputs = [
        "submission", "rating_run", "qa_override", "qa_clarification", "qa_completion", "document_disposition",
        "ppplus_verdict", "finance_run", "payment_reversal", "audit_event",
    ]

    /// The ledger's mark now: `table=maxrowid` for each input table.
    package func current() throws -> LedgerMark {
        try database.read { db in
            let sql = "SELECT " + Self.inputs.map { "(SELECT COALESCE(MAX(rowid), 0) FROM \($0))" }.joined(separator: ", ")
            guard let row = try Row.fetchOne(db, sql: sql) else { return LedgerMark(highest: [:]) }
            var highest: [String: Int64] = [:]
            for (i, table) in Self.inputs.enumerated() { highest[table] = row[i] }
            return LedgerMark(highest: highest)
        }
    }

    /// What may show differently from what was published at `stored`: the terms of every
    /// submission that arrived, was rated again, or that a person (or auto-complete) acted on
    /// since, and whether one of them names no child, term or year. Each part is an index range
    /// from the stored mark up. Nil when that cannot be told by term: a finance run or a
    /// reversal since (what was paid changes in many terms).
    package func changes(since stored: LedgerMark, now current: LedgerMark) throws -> OutputChanges? {
        for table in ["finance_run", "payment_reversal"] where current.highest[table] != stored.highest[table] { return nil }
        let changed = Self.changedSubmissions(after: stored)
        return try database.read { db in
            let rows = try Row.decodeAll(
                db,
                sql: """
                    SELECT DISTINCT s.term, s.academic_year,
                        \(RatingStore.unplaced) AS unplaced
                    FROM submission s WHERE s.id IN (\(changed.sql))
                    """,
                arguments: changed.arguments
            ) { row in (term: row.termAndYear, unplaced: row["unplaced"] as Bool) }
            return OutputChanges(terms: rows.compactMap(\.term), unplaced: rows.contains(where: \.unplaced))
        }
    }

    /// The submissions that arrived, were rated again, or that a person (or auto-complete)
    /// acted on after `mark`, as SQL for `id IN (…)`: each part an index range from the mark up.
    /// What a publish owes (feedback, an export line) can only be for one of these when the
    /// publish at `mark` succeeded.
    static func changedSubmissions(after mark: LedgerMark) -> (sql: String, arguments: StatementArguments) {
        let after = { (table: String) in mark.highest[table] ?? 0 }
        return (
            """
            SELECT id FROM submission WHERE id > ?
            UNION SELECT submission_id FROM rating_run WHERE id > ?
            UNION SELECT submission_id FROM audit_event WHERE id > ? AND submission_id IS NOT NULL
            UNION SELECT submission_id FROM qa_override WHERE id > ?
            UNION SELECT submission_id FROM qa_clarification WHERE id > ?
            UNION SELECT submission_id FROM document_disposition WHERE id > ?
            UNION SELECT d.submission_id FROM ppplus_verdict v JOIN funding_decision d ON d.id = v.decision_id WHERE v.id > ?
            """,
            [
                after("submission"), after("rating_run"), after("audit_event"), after("qa_override"), after("qa_clarification"),
                after("document_disposition"), after("ppplus_verdict"),
            ]
        )
    }

    /// The mark of the last publish that succeeded, with what else it depended on (nil: none yet).
    package func stored() throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT mark FROM output_mark WHERE id = 1") }
    }

    /// Keeps `mark` as the last successful publish's.
    package func store(_ mark: String, at date: Date) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO output_mark (id, mark, published_at) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET mark = excluded.mark, published_at = excluded.published_at
                    """, arguments: [mark, date])
        }
    }
}

/// What changed since a publish (`OutputMarkStore.changes`).
package struct OutputChanges: Sendable {
    /// The terms of the submissions changed (a term can appear with a document that names no child).
    package var terms: [(term: Term, academicYear: AcademicYear)]
    /// One of the submissions changed names no child, term or academic year.
    package var unplaced: Bool
}

/// The highest row of each input table (see `OutputMarkStore`).
package struct LedgerMark: Sendable, Hashable {
    package var highest: [String: Int64]

    /// `submission=12 rating_run=14 …` in a fixed order.
    package var text: String {
        OutputMarkStore.inputs.map { "\($0)=\(highest[$0] ?? 0)" }.joined(separator: " ")
    }

    /// The ledger part of a stored mark's text (`table=N` fields); nil when it holds none.
    package init?(text: String?) {
        guard let text else { return nil }
        var highest: [String: Int64] = [:]
        for field in text.split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, OutputMarkStore.inputs.contains(String(parts[0])), let n = Int64(parts[1]) else { continue }
            highest[String(parts[0])] = n
        }
        guard !highest.isEmpty else { return nil }
        self.highest = highest
    }

    package init(highest: [String: Int64]) { self.highest = highest }
}
