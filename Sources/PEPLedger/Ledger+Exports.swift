import Foundation
import GRDB
import PEPModel

/// Case-system (Eclipse/ICS) export batches: each current rating goes out once, as a new
/// record for the child's term, or as an update when an earlier submission for the same child,
/// term and year was already exported.
extension Ledger {
    /// Latest runs of current rated submissions with a child, term and year (the case system's
    /// join key) whose QA a person completed and that no export batch has carried yet, oldest
    /// receipt first. Nothing is exported before QA completes.
    package func pendingExports() throws -> [ExportCandidate] {
        try writer.read(Self.pendingExports)
    }

    static func pendingExports(_ db: Database) throws -> [ExportCandidate] {
        try Row.fetchAll(
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
                ORDER BY s.received_at, s.id
                """
        ).map { row in
            guard let term = Term(rawValue: row["term"]), let year = AcademicYear(parsing: row["academic_year"] as String)
            else { throw LedgerError.inconsistent("submission \(row["id"] as Int64) has an unreadable key") }
            return ExportCandidate(
                submissionID: row["id"], runID: row["run_id"], childLAID: row["child_la_id"], term: term,
                academicYear: year, kind: row["exported_before"] ? .update : .new)
        }
    }

    /// Records an export batch in one transaction: the next sequence number and one record per
    /// run, with its kind taken from the candidates. Fails, writing nothing, if a run is unknown
    /// or already exported.
    package func recordExportBatch(_ records: [ExportCandidate], fileName: String, at createdAt: Date) throws
        -> ExportBatchRecord
    {
        guard !records.isEmpty else { throw LedgerError.emptyExport }
        return try writer.write { db in
            try Self.insertExportBatch(records, fileName: fileName, at: createdAt, db)
        }
    }

    static func insertExportBatch(_ records: [ExportCandidate], fileName: String, at createdAt: Date, _ db: Database) throws
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
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rating_run WHERE id = ?)",
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
