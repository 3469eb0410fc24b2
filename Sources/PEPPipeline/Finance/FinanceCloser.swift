import Foundation
import Logging
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// A finance close that cannot run: the file and what is wrong.
package struct FinanceCloseError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// `pepqa finance close`, and the service's monthly close: pays every approved, unpaid PP+
/// decision exactly once.
package struct FinanceCloser: Sendable {
    let ledger: Ledger
    /// `Rules/finance.yaml` (nil when absent: a close refuses to run) and where it is looked for.
    let settings: FinanceSettings?
    let settingsFile: String
    /// The school register (nil when its file is absent: a close refuses to run) and its path.
    let register: SchoolRegister?
    let registerFile: String
    let calendar: WorkingCalendar
    let folders: OutputFolders
    /// `finance_close_day`: the day of the month the service closes a run; 0 means never.
    let closeDay: Int
    let logger: Logger

    /// First finishes any run recorded earlier whose files or notices were not all written (a
    /// crash). Then plans from the ledger and the school register, records the run in ONE
    /// transaction (number, journal and cheque batches, held items, register rows, control
    /// totals) and only then renders its files under `finance/` and its payment notices into
    /// `outbox/`. With nothing to pay it records nothing and writes no file.
    package func close(now: Date) throws -> FinanceCloseSummary {
        _ = try requiredSettings()
        let renderer = FinanceRunRenderer(ledger: ledger, folders: folders)
        var summary = FinanceCloseSummary()
        for pending in try ledger.financeRuns.awaitingFiles() {
            _ = try renderer.render(pending, now: now)
            summary.recovered.append(pending)
        }
        let (recorded, plan) = try record(now: now)
        summary.heldCount = plan.held.count
        summary.heldTotal = plan.held.reduce(Pence.zero) { $0 + $1.amount }
        guard let record = recorded else { return summary }
        let rendered = try renderer.render(record, now: now)
        summary.run = record
        summary.files = rendered.files
        summary.notices = rendered.notices
        summary.schoolsWithoutNotice = rendered.schoolsWithoutNotice
        summary.journalTotal = rendered.run.journal.reduce(Pence.zero) { $0 + $1.amount }
        summary.chequeTotal = rendered.run.cheque.reduce(Pence.zero) { $0 + $1.amount }
        summary.journalSchools = Set(rendered.run.journal.map(\.schoolURN)).count
        summary.chequePayees = Set(rendered.run.cheque.map(\.schoolURN)).count
        return summary
    }

    /// The first half of a close: plans and records the run (nothing is written to disk).
    /// - Returns: the run, or nil when there is nothing to pay; and the plan.
    func record(now: Date) throws -> (FinanceRunRecord?, FinancePlanner.Plan) {
        let settings = try requiredSettings()
        guard let register else { throw FinanceCloseError(message: "\(registerFile): the school register is not there") }
        let approved = try ledger.payments.unbatchedApprovedDecisions()
        let plan = FinancePlanner.plan(approved: approved, held: try ledger.payments.heldDecisions(), register: register)
        guard plan.paysAnything else { return (nil, plan) }
        let today = CalendarDate(englandDateOf: now)
        guard let term = FinancePlanner.term(of: today, calendar: calendar, paying: plan.terms),
            let year = AcademicYear(parsing: term.academicYear)
        else { throw FinanceCloseError(message: "no term to close the run for") }
        let registerJSON = String(decoding: try Self.sortedJSON.encode(plan.schools), as: UTF8.self)
        let settingsJSON = String(decoding: try Self.sortedJSON.encode(settings), as: UTF8.self)
        let record = try ledger.financeRuns.close(
            FinanceRunPlan(
                date: today, term: term.term, academicYear: year, journal: plan.journal, cheque: plan.cheque,
                held: plan.held, registerJSON: registerJSON, settingsJSON: settingsJSON),
            at: now)
        logger.info(
            "finance run closed",
            metadata: [
                "finance.run": "\(record.sequence)", "journal.lines": "\(plan.journal.count)",
                "cheque.lines": "\(plan.cheque.count)", "held.items": "\(plan.held.count)",
            ])
        return (record, plan)
    }

    /// For the service, after each poll: closes a run when today (in England) is on or after
    /// `finance_close_day` of the month and no run was closed this month. 0 means never.
    /// - Returns: nil when no close was due; else what the close did (possibly nothing to pay,
    ///   in which case it is tried again on the next call).
    package func closeIfDue(now: Date) throws -> FinanceCloseSummary? {
        guard closeDay > 0 else { return nil }
        let today = CalendarDate(englandDateOf: now)
        guard today.day >= closeDay else { return nil }
        let closedThisMonth = try ledger.financeRuns.all().contains { run in
            let closed = CalendarDate(englandDateOf: run.closedAt)
            return closed.year == today.year && closed.month == today.month
        }
        guard !closedThisMonth else { return nil }
        return try close(now: now)
    }

    /// `Rules/finance.yaml`, which a close needs.
    func requiredSettings() throws -> FinanceSettings {
        guard let settings else {
            throw FinanceCloseError(message: "\(settingsFile): not found; finance close needs it")
        }
        return settings
    }

    static var sortedJSON: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// What a finance close did, for the terminal and the service's log.
package struct FinanceCloseSummary: Sendable {
    /// The run closed now; nil when there was nothing to pay.
    package var run: FinanceRunRecord?
    /// Runs recorded earlier whose files were finished now (after a crash).
    package var recovered: [FinanceRunRecord] = []
    package var files: [URL] = []
    package var notices: [URL] = []
    package var schoolsWithoutNotice: [String] = []
    package var journalTotal = Pence.zero
    package var chequeTotal = Pence.zero
    package var journalSchools = 0
    package var chequePayees = 0
    package var heldCount = 0
    package var heldTotal = Pence.zero

    /// Lines for the terminal.
    package var lines: [String] {
        var out = recovered.map { "finished finance run \($0.sequence) (its files were not all written)" }
        guard let run else {
            out.append(
                "Nothing new to pay: no approved PP+ is waiting for a school in the register; no batch written."
                    + (heldCount > 0 ? " \(heldCount) item(s) held, \(heldTotal.display)." : ""))
            return out
        }
        out.append("Finance run \(run.sequence) closed (\(run.term.rawValue.capitalized) \(run.academicYear)):")
        out.append("  journal   \(journalTotal.display) to \(journalSchools) school(s)")
        out.append("  cheque    \(chequeTotal.display) to \(chequePayees) payee(s)")
        out.append("  held      \(heldTotal.display) in \(heldCount) item(s)")
        out += files.map { "  \($0.path)" }
        out.append("  \(notices.count) payment notice(s) in the outbox")
        if !schoolsWithoutNotice.isEmpty {
            out.append("  no remittance e-mail in the register for URN \(schoolsWithoutNotice.joined(separator: ", "))")
        }
        return out
    }
}
