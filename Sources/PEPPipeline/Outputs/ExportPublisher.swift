import Foundation
import PEPLedger
import PEPModel
import PEPOutput

/// Makes the Eclipse/ICS export batch for every rating not yet exported, and writes the files
/// of every batch the ledger holds without them.
///
/// Record first, then render: the batch (its number and the runs it carries) is committed in
/// one transaction, then its CSV and XML are rendered from the ledger alone (the stored PEP
/// and assessment, the run's date as the QA date, the record kind the ledger decided), each
/// written once under its number, and the batch is marked written. A crash after the commit
/// leaves a batch without (some of) its files; the next call renders them, byte for byte the
/// same, and leaves a file already there alone. So a run is on exactly one batch, and a batch
/// file, once written, is never replaced. A submission that supersedes one already exported
/// goes out as an `update` record.
struct ExportPublisher {
    let ledger: Ledger
    let exporter: EclipseExporter
    let builder: StoredReportBuilder
    let folder: URL

    /// - Parameter after: the last successful publish's mark (only what changed since can be
    ///   owed); nil looks at every submission.
    /// - Returns: the files written by this call.
    func publish(now: Date, after mark: LedgerMark? = nil) throws -> [URL] {
        _ = try ledger.exports.closeBatch(at: now, after: mark)
        var written: [URL] = []
        for batch in try ledger.exports.batchesAwaitingFiles() {
            written += try write(batch)
            try ledger.exports.markBatchWritten(batchID: batch.id, at: now)
        }
        return written
    }

    /// A recorded batch's two files (`eclipse-000001.csv`, `.xml`), from the ledger alone,
    /// streamed a record at a time: a batch can hold every rating of the years behind it (the
    /// first after the export is switched on), and memory holds one record, not the batch.
    /// - Returns: the files written now (a file already there, byte for byte the same, is left alone).
    func write(_ batch: ExportBatchRecord) throws -> [URL] {
        let runs = try ledger.exports.runs(batchID: batch.id)
        let csvURL = folder.appendingPathComponent(batch.fileName + ".csv")
        let xmlURL = folder.appendingPathComponent(batch.fileName + ".xml")
        let csv = try WriteOnceFile.Staging(for: csvURL)
        let xml = try WriteOnceFile.Staging(for: xmlURL)
        try csv.write(exporter.csvHeader())
        try xml.write(exporter.xmlHead(count: runs.count, batch: batch.sequence))
        for run in runs {
            let record = try record(run)
            try csv.write(exporter.csvRow(record, batch: batch.sequence))
            try xml.write(exporter.xmlRecord(record, batch: batch.sequence))
        }
        try xml.write(exporter.xmlTail())
        var written: [URL] = []
        if try csv.place() { written.append(csvURL) }
        if try xml.place() { written.append(xmlURL) }
        return written
    }

    func record(_ run: ExportedRun) throws -> ExportRecord {
        guard let stored = try ledger.ratings.storedRating(runID: run.runID) else {
            throw LedgerError.unknownRun(runID: run.runID)
        }
        var record = ExportRecord(
            report: try builder.report(stored), qaDate: CalendarDate(englandDateOf: stored.ratedAt),
            kind: run.kind == .update ? .update : .new)
        // The ratings a person confirmed, on the day they did, stand over the machine's.
        if let completion = try ledger.reviews.completion(submissionID: stored.submissionID) {
            record.qaOutcome = completion.quality
            record.qaCompliance = completion.compliance
            record.qaDate = CalendarDate(englandDateOf: completion.at)
            record.qaOfficer = completion.officer
            record.status = .from(quality: completion.quality, assessable: stored.assessment.assessable)
        }
        return record
    }
}
