import Foundation
import GRDB
import PEPModel

@testable import PEPLedger

// Requests and writes that only tests need, built from the stores' own `Database` functions
// (`checkPayable`, `insertBatch`, `Supersession` …), so that the tests exercise the product's
// rows and checks while the product keeps one path for each job.

extension SubmissionStore {
    /// `SubmissionStore.insert` of the same submission row twice in one transaction: the second
    /// must be refused by the UNIQUE constraint and reported as nil (a duplicate), not as an error.
    func insertTwice(_ row: SubmissionRow) throws -> (Int64?, Int64?) {
        try database.write { db in (try Self.insert(row, db), try Self.insert(row, db)) }
    }

    /// The submission currently superseding `submissionID`, if any.
    func supersededBy(submissionID: Int64) throws -> Int64? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT superseded_by FROM submission WHERE id = ?", arguments: [submissionID])
        }
    }
}

extension PaymentStore {
    /// A payment batch of one kind on its own (the product pays only through a finance run),
    /// numbered next for `kind`, checked and inserted as `FinanceRunStore.close` does.
    func closeBatch(kind: BatchKind, items: [BatchItem], fileName: String, at createdAt: Date) throws -> BatchRecord {
        try database.write { db in
            try Self.checkPayable(items, db)
            let sequence = try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM payment_batch WHERE kind = ?",
                arguments: [kind.rawValue]) ?? 1
            return try Self.insertBatch(kind: kind, sequence: sequence, items: items, fileName: fileName, at: createdAt, db)
        }
    }

    /// Every funding decision of a submission, in request order.
    func decisions(submissionID: Int64) throws -> [DecisionRecord] {
        try database.read { try Self.decisions(where: "d.submission_id = ? ORDER BY d.request_index", [submissionID], $0) }
    }

    /// The decisions on one batch, by school and child.
    func decisions(batchID: Int64) throws -> [DecisionRecord] {
        try database.read {
            try Self.decisions(where: "b.batch_id = ? ORDER BY d.school_urn, d.child_la_id, d.id", [batchID], $0)
        }
    }
}

extension ExportStore {
    /// What the next export batch would carry.
    func pending() throws -> [ExportCandidate] {
        try database.read { try Self.pending($0) }
    }

    /// An export batch of chosen runs under a chosen name (the product exports every pending run).
    func recordBatch(_ records: [ExportCandidate], fileName: String, at createdAt: Date) throws -> ExportBatchRecord {
        guard !records.isEmpty else { throw LedgerError.emptyExport }
        return try database.write { db in try Self.insertBatch(records, fileName: fileName, at: createdAt, db) }
    }
}
