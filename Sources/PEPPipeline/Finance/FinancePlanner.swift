import Foundation
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// Decides what a finance close pays and holds, from the ledger's decisions and the school
/// register (never from a PEP): each request the Virtual School Head approved and not yet paid
/// goes to its school's route (journal or cheque/BACS) for the amount the VSH approved; one
/// whose school is not in the register is held (`unknown-school`); the rest of a part-approved
/// request is listed beside its paid part; every other request of a current PEP is listed as
/// held: awaiting the VSH (with the machine's recommendation), held or declined by the VSH.
/// Payments reversed since the last run are credited by the route they were paid by.
enum FinancePlanner {
    struct Plan {
        var journal: [BatchItem] = []
        var cheque: [BatchItem] = []
        var held: [HeldEntry] = []
        /// The register rows of the schools paid, for the run's snapshot.
        var schools: [SchoolRecord] = []
        /// The terms of the lines paid.
        var terms: Set<TermKey> = []
        /// Every decision planned from (paid or held), by id, for the preview of a run.
        var decisions: [Int64: DecisionRecord] = [:]
        /// Payments reversed since the last run, credited by this one.
        var reversals: [PendingReversal] = []
        /// Schools of reversals that are no longer in the register (the run cannot credit them).
        var unregisteredReversals: [String] = []

        var paysAnything: Bool { !journal.isEmpty || !cheque.isEmpty }
    }

    static func plan(
        approved: [DecisionRecord], held: [DecisionRecord], reversals: [PendingReversal] = [], register: SchoolRegister
    ) -> Plan {
        var plan = Plan()
        plan.reversals = reversals
        plan.decisions = Dictionary((approved + held).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var schools: [String: SchoolRecord] = [:]
        for d in approved where d.childLAID != nil && d.term != nil && d.academicYear != nil {
            guard let amount = d.payable, amount > .zero else { continue }
            let item = BatchItem(decisionID: d.id, amount: amount)
            let school = d.schoolURN.flatMap { register[$0] }
            switch school?.route {
            case .journal: plan.journal.append(item)
            case .cheque: plan.cheque.append(item)
            case nil:
                plan.held.append(
                    HeldEntry(
                        decisionID: d.id, reason: .unknownSchool, amount: amount,
                        note: "Held: the school is not in the school register (Rules/schools.csv)"))
            }
            if let school {
                schools[school.urn] = school
                if let term = d.term, let year = d.academicYear { plan.terms.insert(TermKey(year.description, term)) }
            }
            if d.requested > amount {
                plan.held.append(
                    HeldEntry(
                        decisionID: d.id, reason: .declined, amount: d.requested - amount,
                        note: "Not paid: the Virtual School Head approved part of the request"))
            }
        }
        for d in held where d.requested > .zero && d.childLAID != nil && d.term != nil && d.academicYear != nil {
            plan.held.append(
                HeldEntry(decisionID: d.id, reason: heldReason(d), amount: d.requested, note: heldNote(d)))
        }
        for r in reversals {
            guard let urn = r.decision.schoolURN, let school = register[urn] else {
                plan.unregisteredReversals.append(r.decision.schoolURN ?? "(none)")
                continue
            }
            schools[urn] = school
        }
        plan.schools = schools.values.sorted { $0.urn < $1.urn }
        return plan
    }

    /// Why an unpaid request is held: the VSH's verdict; while the VSH has not decided, the
    /// machine's reason when it recommends holding, else "awaiting the VSH". Free text (the
    /// VSH's reason) never goes into a finance file: it may name the child.
    static func heldReason(_ d: DecisionRecord) -> FundingDecision.HoldReason {
        switch d.vshVerdict {
        case .hold: return .heldByVSH
        case .decline: return .declined
        default: return d.status == .held ? (d.reason ?? .rating) : .awaitingVSH
        }
    }

    static func heldNote(_ d: DecisionRecord) -> String {
        switch d.vshVerdict {
        case .hold: return "Held by the Virtual School Head for clarification from the school"
        case .decline: return "Declined by the Virtual School Head"
        default:
            return d.status == .held
                ? d.note : "Awaiting the Virtual School Head's decision (the machine recommends approving \(d.approved.display))"
        }
    }

    /// The term a run is for (its header and references, `PPAUT25-…`): the latest term it pays
    /// (a close at the end of term pays that term; stragglers from earlier terms ride along),
    /// else the calendar's term of its date.
    static func term(of date: CalendarDate, calendar: WorkingCalendar, paying terms: Set<TermKey>) -> TermKey? {
        if let latest = terms.max() { return latest }
        return calendar.term(on: date).map { TermKey($0.academicYear, $0.term) }
    }
}
