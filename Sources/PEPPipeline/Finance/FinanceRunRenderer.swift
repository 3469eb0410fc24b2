import Foundation
import PEPFiles
import PEPLedger
import PEPModel
import PEPOutput

/// Writes the files and payment notices of a recorded finance run, from the ledger alone:
/// the run's batches (route by batch kind, decided at close), its held items, the payments it
/// reverses, the ledger's reconciliation figures, and the register rows and finance settings it was closed with. Rendering is deterministic, so a run
/// rendered again after a crash gives the same bytes; a finance file already there is left
/// alone (and one with other content is an error, never overwritten). Notices are written,
/// then recorded in the ledger, per school; the run is marked written last.
struct FinanceRunRenderer {
    let ledger: Ledger
    let folders: OutputFolders

    struct Rendered {
        var files: [URL] = []
        var notices: [URL] = []
        /// Paid schools the register gives no remittance e-mail for.
        var schoolsWithoutNotice: [String] = []
        var run = PaymentRun()
    }

    func render(_ record: FinanceRunRecord, now: Date) throws -> Rendered {
        let detail = try ledger.financeRuns.detail(runID: record.id)
        let register = try Self.register(detail)
        let settings = try Self.settings(detail)
        let notices = try PaymentNoticeComposer(settings: settings)
        var out = Rendered()
        out.run = try Self.paymentRun(detail)
        let batch = Self.batchInfo(record)
        let files = try FinanceBatchWriter(settings: settings, register: register).files(
            out.run, batch: batch, figures: detail.figures, dashboardHref: OutputFolders.dashboardFromFinance)
        for (name, text) in files {
            let url = folders.financeFolder(for: name, settings: settings).appendingPathComponent(name)
            if try WriteOnceFile.writeOrConfirm(text, to: url) { out.files.append(url) }
        }
        let recorded = try ledger.outbox.paymentNoticesRecorded(financeRunID: record.id)
        let composed = notices.compose(out.run, batch: batch, register: register, sentAt: record.closedAt)
        let paid = Set((out.run.journal + out.run.cheque + out.run.journalReversals + out.run.chequeReversals).map(\.schoolURN))
        for urn in paid.sorted() where !recorded.contains(urn) {
            guard let notice = composed.first(where: { $0.fileName == "payment-\(batch.sequenceLabel)-\(urn).eml" }) else {
                try ledger.outbox.recordPaymentNotice(
                    financeRunID: record.id, schoolURN: urn, fileName: nil, note: "no remittance e-mail in the register",
                    at: now)
                out.schoolsWithoutNotice.append(urn)
                continue
            }
            let url = folders.outbox.appendingPathComponent(notice.fileName)
            try DurableFile.write(notice.message.rendered(), to: url)
            if try ledger.outbox.recordPaymentNotice(
                financeRunID: record.id, schoolURN: urn, fileName: notice.fileName, note: "written", at: now)
            {
                out.notices.append(url)
            }
        }
        try ledger.financeRuns.markWritten(runID: record.id, at: now)
        return out
    }

    static func batchInfo(_ record: FinanceRunRecord) -> PaymentBatchInfo {
        PaymentBatchInfo(
            sequence: record.sequence, date: record.date, term: record.term, academicYear: record.academicYear.description)
    }

    /// The register rows the run was closed with.
    static func register(_ detail: FinanceRunDetail) throws -> SchoolRegister {
        do {
            return SchoolRegister(try JSONDecoder().decode([SchoolRecord].self, from: Data(detail.registerJSON.utf8)))
        } catch {
            throw LedgerError.inconsistent("finance run \(detail.run.sequence) has a register snapshot that cannot be read")
        }
    }

    /// The finance settings the run was closed with.
    static func settings(_ detail: FinanceRunDetail) throws -> FinanceSettings {
        do {
            return try JSONDecoder().decode(FinanceSettings.self, from: Data(detail.settingsJSON.utf8))
        } catch {
            throw LedgerError.inconsistent("finance run \(detail.run.sequence) has a settings snapshot that cannot be read")
        }
    }

    /// The run's lines by route (from its batches' kinds) and its held items.
    static func paymentRun(_ detail: FinanceRunDetail) throws -> PaymentRun {
        var journal: [DecisionRecord] = []
        var cheque: [DecisionRecord] = []
        for paid in detail.batches {
            switch paid.batch.kind {
            case .journal: journal += paid.decisions
            case .cheque: cheque += paid.decisions
            }
        }
        var run = try paymentRun(journal: journal, cheque: cheque, held: detail.held.map { ($0.entry, $0.decision) })
        for reversal in detail.reversals {
            let line = try paymentLine(reversal.decision, amount: reversal.amount)
            switch reversal.route {
            case .journal: run.journalReversals.append(line)
            case .cheque: run.chequeReversals.append(line)
            }
        }
        return run
    }

    /// Decisions by route, and held entries with their decisions, as the finance renderers'
    /// lines: child IDs and references only. A paid line is its decision's approved amount.
    static func paymentRun(
        journal: [DecisionRecord], cheque: [DecisionRecord], held: [(entry: HeldEntry, decision: DecisionRecord)]
    ) throws -> PaymentRun {
        var run = PaymentRun()
        // What the line paid: the VSH's approved amount (equal to the batch line, by the schema's
        // trigger); the machine's for a run recorded before the VSH decided (ledger v7 and older).
        run.journal = try journal.map { try paymentLine($0, amount: $0.payable ?? $0.approved) }
        run.cheque = try cheque.map { try paymentLine($0, amount: $0.payable ?? $0.approved) }
        run.held = try held.map { held in
            HeldItem(
                line: try paymentLine(held.decision, amount: held.entry.amount), reason: held.entry.reason,
                note: held.entry.note)
        }
        return run
    }

    /// A decision as a finance line: child ID only, never a name.
    static func paymentLine(_ d: DecisionRecord, amount: Pence) throws -> PaymentLine {
        guard let child = d.childLAID, let term = d.term, let year = d.academicYear else {
            throw LedgerError.inconsistent("decision \(d.id) is in a finance run without a child, term or year")
        }
        return PaymentLine(
            childID: child, schoolURN: d.schoolURN ?? "", term: term, academicYear: year.description, amount: amount,
            sourceReference: d.reference)
    }
}
