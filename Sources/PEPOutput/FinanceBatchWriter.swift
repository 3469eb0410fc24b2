import Foundation
import PEPModel

/// Writes every file of one payment run under `finance/`, each once and never replaced, with
/// the batch number in its name and header: journal, payment batch, remittance advice, held
/// report (CSV + HTML) and reconciliation (CSV + HTML). Payment notices go to `outbox/`.
package struct FinanceBatchWriter: Sendable {
    package let settings: FinanceSettings
    package let register: SchoolRegister

    package init(settings: FinanceSettings, register: SchoolRegister) {
        self.settings = settings
        self.register = register
    }

    /// The rendered files of a run, by file name (no I/O: tests compare these).
    /// - Parameter dashboardHref: the dashboard's index from the finance folder, for the HTML pages.
    package func files(
        _ run: PaymentRun, batch: PaymentBatchInfo, approved: [TermKey: Pence], dashboardHref: String = "index.html"
    ) throws -> [(name: String, text: String)] {
        let n = batch.sequenceLabel
        let rows = ReconciliationReport.rows(approved: approved, run: run)
        var files: [(String, String)] = []
        if !run.journal.isEmpty {
            files.append(("journal-\(n).csv", try JournalRenderer.render(run.journal, batch: batch, register: register, settings: settings)))
        }
        if !run.cheque.isEmpty {
            files.append(("payments-\(n).csv", ChequeBatchRenderer.render(run.cheque, batch: batch, register: register, settings: settings)))
            files.append(("remittance-\(n).csv", ChequeBatchRenderer.remittance(run.cheque, batch: batch, register: register, settings: settings)))
        }
        files.append(("held-\(n).csv", HeldReport.csv(run.held)))
        files.append(("held-\(n).html", HeldReport.html(run.held, title: "PP+ held, batch \(n)", dashboardHref: dashboardHref)))
        files.append(("reconciliation-\(n).csv", ReconciliationReport.csv(rows)))
        files.append(
            ("reconciliation-\(n).html", ReconciliationReport.html(rows, title: "PP+ reconciliation, batch \(n)", dashboardHref: dashboardHref)))
        return files
    }

    /// Writes the run's files and notices; returns the paths written.
    /// - Throws: `WriteOnceFile.AlreadyExists` if this batch number was used before.
    package func write(_ run: PaymentRun, batch: PaymentBatchInfo, approved: [TermKey: Pence], financeFolder: URL, outbox: URL, sentAt: Date) throws -> [URL] {
        let rendered = try files(run, batch: batch, approved: approved)
        for (name, _) in rendered where FileManager.default.fileExists(atPath: financeFolder.appendingPathComponent(name).path) {
            throw WriteOnceFile.AlreadyExists(path: financeFolder.appendingPathComponent(name).path)
        }
        var urls: [URL] = []
        for (name, text) in rendered {
            let url = financeFolder.appendingPathComponent(name)
            try WriteOnceFile.write(text, to: url)
            urls.append(url)
        }
        for notice in try PaymentNoticeComposer(settings: settings).compose(run, batch: batch, register: register, sentAt: sentAt) {
            let url = outbox.appendingPathComponent(notice.fileName)
            try WriteOnceFile.write(notice.message.rendered(), to: url)
            urls.append(url)
        }
        return urls
    }
}
