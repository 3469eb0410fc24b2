import Foundation
import GRDB
import PEPModel

/// One rating run carried by an export batch.
package struct ExportedRun: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var kind: ExportKind
}

/// Export batches recorded before their files are written: the batch (its number and the runs
/// it carries) is committed first, in one transaction with the choice of runs, and the files
/// are rendered from it afterwards. A crash between the two leaves a recorded batch without
/// files, which the next call renders; it can never leave a run in two batches or in none.
extension Ledger {
    /// Records the next export batch for every pending run, choosing the runs and numbering the
    /// batch in ONE transaction (so two processes never export a run twice). The file stem is
    /// `<prefix>-NNNNNN` after the batch number. - Returns: nil when nothing is pending.
    package func closeExportBatch(filePrefix: String = "eclipse", at createdAt: Date) throws -> ExportBatchRecord? {
        try writer.write { db in
            let pending = try Self.pendingExports(db)
            guard !pending.isEmpty else { return nil }
            let sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM export_batch") ?? 1
            return try Self.insertExportBatch(
                pending, fileName: "\(filePrefix)-\(Self.sequenceLabel(sequence))", at: createdAt, db)
        }
    }

    /// Export batches whose files are not yet marked written, by number.
    package func exportBatchesAwaitingFiles() throws -> [ExportBatchRecord] {
        try exportBatches(where: "NOT EXISTS (SELECT 1 FROM export_batch_written w WHERE w.batch_id = b.id)")
    }

    /// Every export batch, by number.
    package func exportBatches() throws -> [ExportBatchRecord] {
        try exportBatches(where: "1")
    }

    func exportBatches(where clause: String) throws -> [ExportBatchRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT b.id, b.sequence, b.created_at, b.file_name, b.record_count FROM export_batch b
                    WHERE \(clause) ORDER BY b.sequence
                    """
            ).map { row in
                ExportBatchRecord(
                    id: row["id"], sequence: row["sequence"], createdAt: row["created_at"], fileName: row["file_name"],
                    recordCount: row["record_count"])
            }
        }
    }

    /// The runs an export batch carries, in the order they were recorded.
    package func exportedRuns(batchID: Int64) throws -> [ExportedRun] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT submission_id, run_id, record_kind FROM export_record WHERE batch_id = ? ORDER BY id",
                arguments: [batchID]
            ).map { row in
                guard let kind = ExportKind(rawValue: row["record_kind"]) else {
                    throw LedgerError.inconsistent("export batch \(batchID) has a record of unknown kind")
                }
                return ExportedRun(submissionID: row["submission_id"], runID: row["run_id"], kind: kind)
            }
        }
    }

    /// Marks an export batch's files as written. Idempotent.
    package func markExportBatchWritten(batchID: Int64, at date: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO export_batch_written (batch_id, written_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [batchID, date])
        }
    }

    /// `000042`: six digits, as batch files are numbered.
    static func sequenceLabel(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
