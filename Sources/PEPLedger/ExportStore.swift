import Foundation
import GRDB
import PEPModel

/// Case-system (Eclipse/ICS) export batches: each current rating goes out once, as a new
/// record for the child's term, or as an update when an earlier submission for the same child,
/// term and year was already exported.
///
/// Export batches recorded before their files are written: the batch (its number and the runs
/// it carries) is committed first, in one transaction with the choice of runs, and the files
/// are rendered from it afterwards. A crash between the two leaves a recorded batch without
/// files, which the next call renders; it can never leave a run in two batches or in none.
package struct ExportStore: Sendable {
    let database: any DatabaseWriter

    /// Records the next export batch for every pending run, choosing the runs and numbering the
    /// batch in ONE transaction (so two processes never export a run twice). The file stem is
    /// `<prefix>-NNNNNN` after the batch number. - Returns: nil when nothing is pending.
    /// - Parameter after: look only among the submissions changed since this mark (the last
    ///   publish's, when it succeeded: nothing older can be owed); nil looks at every one.
    package func closeBatch(
        filePrefix: String = "eclipse", at createdAt: Date, after mark: LedgerMark? = nil
    ) throws
        -> ExportBatchRecord?
    {
        try database.write { db in
            let pending = try Self.pending(db, after: mark)
            guard !pending.isEmpty else { return nil }
            let sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM export_batch") ?? 1
            return try Self.insertBatch(
                pending, fileName: "\(filePrefix)-\(BatchNumber.label(sequence))", at: createdAt, db)
        }
    }

    /// Export batches whose files are not yet marked written, by number.
    package func batchesAwaitingFiles() throws -> [ExportBatchRecord] {
        try batches(where: "NOT EXISTS (SELECT 1 FROM export_batch_written w WHERE w.batch_id = b.id)")
    }

    /// Every export batch, by number.
    package func batches() throws -> [ExportBatchRecord] {
        try batches(where: "1")
    }

    func batches(where clause: String) throws -> [ExportBatchRecord] {
        try database.read { db in
            try Row.decodeAll(
                db,
                sql: """
                    SELECT b.id, b.sequence, b.created_at, b.file_name, b.record_count FROM export_batch b
                    WHERE \(clause) ORDER BY b.sequence
                    """
            ) { row in
                ExportBatchRecord(
                    id: row["id"], sequence: row["sequence"], createdAt: row["created_at"], fileName: row["file_name"],
                    recordCount: row["record_count"])
            }
        }
    }

    /// The runs an export batch carries, in the order they were recorded.
    package func runs(batchID: Int64) throws -> [ExportedRun] {
        try database.read { db in
            try Row.decodeAll(
                db, sql: "SELECT submission_id, run_id, record_kind FROM export_record WHERE batch_id = ? ORDER BY id",
                arguments: [batchID]
            ) { row in
                guard let kind = ExportKind(rawValue: row["record_kind"]) else {
                    throw LedgerError.inconsistent("export batch \(batchID) has a record of unknown kind")
                }
                return ExportedRun(submissionID: row["submission_id"], runID: row["run_id"], kind: kind)
            }
        }
    }

    /// Marks an export batch's files as written. Idempotent.
    package func markBatchWritten(batchID: Int64, at date: Date) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO export_batch_written (batch_id, written_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [batchID, date])
        }
    }

    /// Latest runs of current rated submissions with a child, term and year (the case system's
    /// join key) that no export batch has carried yet, oldest receipt first.
    static func pending(_ db: Database, after mark: LedgerMark? = nil) throws -> [ExportCandidate] {
        let changed = mark.map(OutputMarkStore.changedSubmissions(after:))
        return try Row.decodeAll(
            db,
            sql: """
                SELECT s.id, r.id AS run_id, s.child_la_id, s.term, s.academic_year,
                    EXISTS (SELECT 1 FROM export_record e JOIN submission o ON o.id = e.submission_id
                        WHERE o.child_la_id = s.child_la_id AND o.term = s.term
                            AND o.academic_year = s.academic_year) AS exported_before
                FROM submission s
                JOIN rating_run r ON r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
                WHERE s.status = 'rated' AND s.superseded_by IS NULL AND s.child_la_id IS NOT NULL
                    AND s.term IS NOT NULL AND s.academic_year IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM export_record e WHERE e.run_id = r.id)
                    AND \(ReviewStore.qaCompleted)
                    \(changed.map { "AND s.id IN (\($0.sql))" } ?? "")
                ORDER BY s.received_at, s.id
                """, arguments: changed?.arguments ?? []
        ) { row in
            guard let term = Term(rawValue: row["term"]), let year = AcademicYear(parsing: row["academic_year"] as String)
            else { throw LedgerError.inconsistent("submission \(row["id"] as Int64) has an unreadable key") }
            return ExportCandidate(
                submissionID: row["id"], runID: row["run_id"], childLAID: row["child_la_id"], term: term,
                academicYear: year, kind: row["exported_before"] ? .update : .new)
        }
    }

    /// Inserts an export batch numbered next, with one record per run; fails, writing nothing
    /// (the caller's transaction rolls back), if a run is unknown or already exported.
    static func insertBatch(
        _ records: [ExportCandidate], fileName: String, at createdAt: Date, _ db: Database
    ) throws
        -> ExportBatchRecord
    {
        let runIDs = records.map(\.runID)
        let done = try Int64.fetchAll(
            db,
            sql: "SELECT run_id FROM export_record WHERE run_id IN (\(runIDs.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(runIDs))
        if !done.isEmpty { throw LedgerError.alreadyExported(runIDs: done.sorted()) }
        let sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM export_batch") ?? 1
        try db.execute(
            sql: "INSERT INTO export_batch (sequence, created_at, file_name, record_count) VALUES (?, ?, ?, ?)",
            arguments: [sequence, createdAt, fileName, records.count])
        let batchID = db.lastInsertedRowID
        for record in records {
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM rating_run WHERE id = ?)",
                    arguments: [record.runID]) == true
            else { throw LedgerError.unknownRun(runID: record.runID) }
            try db.execute(
                sql: """
                    INSERT INTO export_record (batch_id, submission_id, run_id, record_kind)
                    VALUES (?, (SELECT submission_id FROM rating_run WHERE id = ?), ?, ?)
                    """,
                arguments: [batchID, record.runID, record.runID, record.kind.rawValue])
        }
        return ExportBatchRecord(
            id: batchID, sequence: sequence, createdAt: createdAt, fileName: fileName, recordCount: records.count)
    }
}
