import Foundation
import GRDB

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
    /// for another.
    static let inputs = [
        "submission", "rating_run", "qa_override", "qa_clarification", "qa_completion", "document_disposition",
        "ppplus_verdict", "finance_run", "payment_reversal",
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

/// The highest row of each input table (see `OutputMarkStore`).
package struct LedgerMark: Sendable, Hashable {
    package var highest: [String: Int64]

    /// `submission=12 rating_run=14 …` in a fixed order.
    package var text: String {
        OutputMarkStore.inputs.map { "\($0)=\(highest[$0] ?? 0)" }.joined(separator: " ")
    }

    /// The highest submission id in a stored mark's text (0 when there is none).
    package static func submission(in text: String?) -> Int64 {
        guard let text, let field = text.split(separator: " ").first(where: { $0.hasPrefix("submission=") }) else { return 0 }
        return Int64(field.dropFirst("submission=".count)) ?? 0
    }
}
