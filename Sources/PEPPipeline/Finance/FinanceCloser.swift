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

/// A finance run in two steps and two hands. `prepare` (`pepqa finance close`, or the
/// workbench's finance page) plans what would be paid, to whom, by which route, with the held
/// items and the reconciliation, and records only that a run was prepared and by whom: nothing
/// is written to the finance folders and nothing is paid. `authorise`, by a named person with
/// the authority (`authorisation.authorisers` in `Rules/finance.yaml`: the VSH by default) who
/// did not prepare it (unless `single_person`), plans again, refuses if anything changed since
/// (so the authoriser pays exactly what was shown), records the run and the authorisation in
/// ONE transaction, and only then writes the journal, the cheque/BACS batch, the remittances
/// and the payment notices, each naming the run, the preparer and the authoriser. A prepared
/// run never authorised changes nothing.
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
    /// `finance_close_day`: from this day of the month the service reminds that a run is due;
    /// 0 means never. It never prepares or pays on its own: money needs a person.
    let closeDay: Int
    let logger: Logger

    /// The workbench roles that may authorise (`authorisation.authorisers`); none without settings.
    package var authoriserRoles: [String] { settings?.authorisers ?? [] }

    /// What a preparation shows, and its number to authorise (nil when nothing is payable).
    package struct Preparation: Sendable {
        package var proposalID: Int64?
        package var lines: [String]
    }

    /// Plans a run and records that `preparer` prepared it. Writes no file.
    package func prepare(by preparer: String, now: Date) throws -> Preparation {
        let (plan, runPlan) = try plan(now: now)
        var lines = try preview(plan)
        guard let runPlan else {
            lines.insert("Nothing to pay: no PP+ request approved by the Virtual School Head and no reversal is waiting.", at: 0)
            return Preparation(proposalID: nil, lines: lines)
        }
        let id = try ledger.financeRuns.propose(preparedBy: preparer, planHash: Self.hash(runPlan), summary: lines.joined(separator: "\n"), at: now)
        logger.notice("finance run prepared", metadata: ["finance.proposal": "\(id)", "prepared_by": "\(preparer)"])
        return Preparation(
            proposalID: id,
            lines: ["Finance run prepared as proposal \(id) by \(preparer); nothing is paid or written until it is authorised."] + lines)
    }

    /// Authorises proposal `proposalID` as `user`, records the run and writes its files.
    /// - Throws: `FinanceCloseError` when the user may not authorise, prepared it (two-person
    ///   rule), the proposal is unknown or already authorised, or the plan changed since.
    package func authorise(proposalID: Int64, by user: AppUser, now: Date) throws -> FinanceCloseSummary {
        let settings = try requiredSettings()
        guard !user.disabled, settings.authorisers.contains(user.role.rawValue) else {
            throw FinanceCloseError(
                message: "\(user.name) (\(user.role.rawValue)) may not authorise a finance run; authorisers: \(settings.authorisers.joined(separator: ", "))")
        }
        guard let proposal = try ledger.financeRuns.proposal(id: proposalID) else {
            throw FinanceCloseError(message: "there is no prepared finance run \(proposalID)")
        }
        guard proposal.runID == nil else {
            throw FinanceCloseError(message: "prepared run \(proposalID) was already authorised by \(proposal.authorisedBy ?? "someone")")
        }
        let single = settings.singlePerson ?? false
        guard single || proposal.preparedBy != user.name else {
            throw FinanceCloseError(
                message: "\(user.name) prepared run \(proposalID); another person must authorise it (two-person rule)")
        }
        let renderer = FinanceRunRenderer(ledger: ledger, folders: folders)
        var summary = FinanceCloseSummary()
        for pending in try ledger.financeRuns.awaitingFiles() {
            _ = try renderer.render(pending, now: now)
            summary.recovered.append(pending)
        }
        var signed = settings
        (signed.preparedBy, signed.authorisedBy) = (proposal.preparedBy, user.name)
        let (plan, runPlan) = try plan(now: now, settings: signed)
        guard var runPlan, Self.hash(runPlan) == proposal.planHash else {
            throw FinanceCloseError(
                message: "what would be paid has changed since run \(proposalID) was prepared; prepare it again and check it")
        }
        runPlan.date = CalendarDate(englandDateOf: now)
        let bacs = plan.schools.flatMap(ChequeBatchRenderer.bacsProblems)
        guard bacs.isEmpty else {
            throw FinanceCloseError(message: "nothing is paid: the BACS batch would break the bank's rules: " + bacs.joined(separator: "; "))
        }
        guard plan.unregisteredReversals.isEmpty else {
            throw FinanceCloseError(
                message: "nothing is paid: a reversal is for a school no longer in the register (URN "
                    + plan.unregisteredReversals.joined(separator: ", ") + "); add it back to credit the reversal")
        }
        let record = try ledger.financeRuns.close(
            runPlan,
            authorisation: FinanceAuthorisation(
                proposalID: proposalID, preparedBy: proposal.preparedBy, authorisedBy: user.name, singlePerson: single),
            at: now)
        logger.notice(
            "finance run authorised",
            metadata: [
                "finance.run": "\(record.sequence)", "prepared_by": "\(proposal.preparedBy)", "authorised_by": "\(user.name)",
                "journal.lines": "\(plan.journal.count)", "cheque.lines": "\(plan.cheque.count)", "held.items": "\(plan.held.count)",
            ])
        let rendered = try renderer.render(record, now: now)
        summary.run = record
        summary.heldCount = plan.held.count
        summary.heldTotal = plan.held.reduce(Pence.zero) { $0 + $1.amount }
        summary.files = rendered.files
        summary.notices = rendered.notices
        summary.schoolsWithoutNotice = rendered.schoolsWithoutNotice
        summary.journalTotal = rendered.run.journal.reduce(Pence.zero) { $0 + $1.amount }
        summary.chequeTotal = rendered.run.cheque.reduce(Pence.zero) { $0 + $1.amount }
        summary.journalSchools = Set(rendered.run.journal.map(\.schoolURN)).count
        summary.chequePayees = Set(rendered.run.cheque.map(\.schoolURN)).count
        return summary
    }

    /// Plans from the ledger and the school register. - Returns: the plan, and the run to
    /// record (nil when nothing is payable).
    func plan(now: Date, settings override: FinanceSettings? = nil) throws -> (FinancePlanner.Plan, FinanceRunPlan?) {
        let settings = try override ?? requiredSettings()
        guard let register else { throw FinanceCloseError(message: "\(registerFile): the school register is not there") }
        let plan = FinancePlanner.plan(
            approved: try ledger.payments.unbatchedApprovedDecisions(), held: try ledger.payments.heldDecisions(),
            reversals: try ledger.reversals.pending(), register: register)
        guard plan.paysAnything || !plan.reversals.isEmpty else { return (plan, nil) }
        let today = CalendarDate(englandDateOf: now)
        guard let term = FinancePlanner.term(of: today, calendar: calendar, paying: plan.terms),
            let year = AcademicYear(parsing: term.academicYear)
        else { throw FinanceCloseError(message: "no term to close the run for") }
        var runPlan = FinanceRunPlan(
            date: today, term: term.term, academicYear: year, journal: plan.journal, cheque: plan.cheque, held: plan.held,
            registerJSON: String(decoding: try Self.sortedJSON.encode(plan.schools), as: UTF8.self),
            settingsJSON: String(decoding: try Self.sortedJSON.encode(settings), as: UTF8.self))
        runPlan.reversals = plan.reversals
        return (plan, runPlan)
    }

    /// What is paid and held, and to which schools: the part of a run the authoriser checks.
    /// The date, the settings and the people are not in it (they are the authorisation's own).
    static func hash(_ plan: FinanceRunPlan) -> String {
        var text = "\(plan.term.rawValue) \(plan.academicYear)\n"
        for (route, items) in [("journal", plan.journal), ("cheque", plan.cheque)] {
            for item in items { text += "\(route) \(item.decisionID) \(item.amount.value)\n" }
        }
        for held in plan.held { text += "held \(held.decisionID) \(held.reason.rawValue) \(held.amount.value)\n" }
        for r in plan.reversals { text += "reversal \(r.id) \(r.decision.id) \(r.route.rawValue) \(r.amount.value)\n" }
        text += plan.registerJSON
        return SHA256.hex(Array(text.utf8))
    }

    /// The lines a preparer and an authoriser read: each school's total by route, the held
    /// items by reason, and the control totals. Child IDs and school names only.
    func preview(_ plan: FinancePlanner.Plan) throws -> [String] {
        let decisions = plan.decisions
        var lines: [String] = []
        for (route, items) in [("journal (Finance team)", plan.journal), ("cheque/BACS (Admin team)", plan.cheque)] where !items.isEmpty {
            var bySchool: [String: (count: Int, total: Pence)] = [:]
            for item in items {
                let urn = decisions[item.decisionID]?.schoolURN ?? "?"
                bySchool[urn, default: (0, .zero)].count += 1
                bySchool[urn, default: (0, .zero)].total = bySchool[urn, default: (0, .zero)].total + item.amount
            }
            let total = items.reduce(Pence.zero) { $0 + $1.amount }
            lines.append("  \(route): \(total.display) in \(items.count) line(s)")
            for urn in bySchool.keys.sorted() {
                let name = register?[urn]?.name ?? urn
                lines.append("    \(name) (URN \(urn)): \(bySchool[urn]!.total.display) for \(bySchool[urn]!.count) request(s)")
            }
        }
        for r in plan.reversals {
            let urn = r.decision.schoolURN ?? "?"
            lines.append(
                "  reversal (\(r.route == .journal ? "journal" : "cheque/BACS")): \(r.amount.display) taken back from "
                    + "\(register?[urn]?.name ?? urn) (URN \(urn)) for \(r.decision.reference)")
        }
        for urn in plan.unregisteredReversals { lines.append("  CANNOT BE CREDITED AS IT IS: URN \(urn) is not in the school register") }
        var heldByReason: [String: (count: Int, total: Pence)] = [:]
        for entry in plan.held {
            heldByReason[entry.reason.rawValue, default: (0, .zero)].count += 1
            heldByReason[entry.reason.rawValue, default: (0, .zero)].total = heldByReason[entry.reason.rawValue, default: (0, .zero)].total + entry.amount
        }
        for reason in heldByReason.keys.sorted() {
            lines.append("  held (\(reason)): \(heldByReason[reason]!.total.display) in \(heldByReason[reason]!.count) item(s)")
        }
        for problem in plan.schools.flatMap(ChequeBatchRenderer.bacsProblems) {
            lines.append("  CANNOT BE PAID AS IT IS: \(problem)")
        }
        let totals = try ledger.payments.reconciliation()
        lines.append(
            "  reconciliation: approved \(totals.approved.display) = paid \(totals.batched.display) + to pay \(totals.unbatchedApproved.display)"
                + (totals.balances ? " (balanced)" : " (DOES NOT BALANCE)") + "; held \(totals.held.display)")
        return lines
    }

    /// For the service, after each poll: from `finance_close_day` of the month, while no run
    /// was recorded this month and something is approved to pay, a reminder to prepare one.
    /// - Returns: the reminder, or nil.
    package func reminderIfDue(now: Date) throws -> String? {
        guard closeDay > 0 else { return nil }
        let today = CalendarDate(englandDateOf: now)
        guard today.day >= closeDay else { return nil }
        let closedThisMonth = try ledger.financeRuns.all().contains { run in
            let closed = CalendarDate(englandDateOf: run.closedAt)
            return closed.year == today.year && closed.month == today.month
        }
        let waiting = try ledger.payments.unbatchedApprovedDecisions()
        guard !closedThisMonth, !waiting.isEmpty else { return nil }
        let total = waiting.reduce(Pence.zero) { $0 + ($1.payable ?? .zero) }
        return "a PP+ finance run is due: \(waiting.count) approved request(s), \(total.display); prepare it (pepqa finance close --as NAME) and have it authorised"
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
            out.append("Nothing new to pay; no batch written.")
            return out
        }
        out.append("Finance run \(run.sequence) authorised and written (\(run.term.rawValue.capitalized) \(run.academicYear)):")
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
