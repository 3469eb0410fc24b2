import Foundation
import PEPModel

/// Renders every file of one payment run, with the batch number in its name and header:
/// journal, payment batch, remittance advice, recoveries (when a reversal leaves a school owing),
/// held report (CSV + HTML) and reconciliation (CSV + HTML). The pipeline's `FinanceRunRenderer` writes them once under `finance/`.
package struct FinanceBatchWriter: Sendable {
    package let settings: FinanceSettings
    package let register: SchoolRegister

    package init(settings: FinanceSettings, register: SchoolRegister) {
        (self.settings, self.register) = (settings, register)
    }

    /// The rendered files of a run, by file name (no I/O: tests compare these).
    /// - Parameter dashboardHref: the dashboard's index from the finance folder, for the HTML pages.
    package func files(
        _ run: PaymentRun, batch: PaymentBatchInfo, figures: [ReconciliationFigures], dashboardHref: String = "index.html"
    ) throws -> [(name: String, text: String)] {
        let n = batch.sequenceLabel
        let rows = ReconciliationReport.rows(figures: figures, run: run, register: register)
        var files: [(String, String)] = []
        if !run.journal.isEmpty || !run.journalReversals.isEmpty {
            files.append(("journal-\(n).csv", try JournalRenderer.render(run, batch: batch, register: register, settings: settings)))
        }
        if !run.cheque.isEmpty || !run.chequeReversals.isEmpty {
            let payments = ChequeBatchRenderer.payments(run, batch: batch, register: register, settings: settings)
            if payments.contains(where: \.paid) {
                files.append(("payments-\(n).csv", ChequeBatchRenderer.render(run, batch: batch, register: register, settings: settings)))
            }
            files.append(("remittance-\(n).csv", ChequeBatchRenderer.remittance(run, batch: batch, register: register, settings: settings)))
            if let recoveries = ChequeBatchRenderer.recoveries(run, batch: batch, register: register, settings: settings) {
                files.append(("recoveries-\(n).csv", recoveries))
            }
        }
        files.append(("held-\(n).csv", HeldReport.csv(run.held)))
        files.append(("held-\(n).html", HeldReport.html(run.held, title: "PP+ held, batch \(n)", dashboardHref: dashboardHref)))
        files.append(("reconciliation-\(n).csv", ReconciliationReport.csv(rows)))
        files.append(
            (
                "reconciliation-\(n).html",
                ReconciliationReport.html(rows, title: "PP+ reconciliation, batch \(n)", dashboardHref: dashboardHref)
            ))
        return files
    }
}
