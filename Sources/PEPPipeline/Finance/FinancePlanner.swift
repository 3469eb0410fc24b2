import Foundation
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// Decides what a finance close pays and holds, from the ledger's decisions and the school
/// register (never from a PEP): each approved, unpaid decision goes to its school's route
/// (journal or cheque/BACS); one whose school is not in the register is held (`unknown-school`);
/// the over-cap rest of a part-approved request is held beside its paid part; every held
/// decision of a current PEP (Red, over cap, needs clarification, could not assess) is listed
/// with its reason, until a resubmission that passes supersedes it and pays.
enum FinancePlanner {
    struct Plan {
        var journal: [BatchItem] = []
        var cheque: [BatchItem] = []
        var held: [HeldEntry] = []
        /// The register rows of the schools paid, for the run's snapshot.
        var schools: [SchoolRecord] = []
        /// The terms of the lines paid.
        var terms: Set<TermKey> = []

        var paysAnything: Bool { !journal.isEmpty || !cheque.isEmpty }
    }

    static func plan(approved: [DecisionRecord], held: [DecisionRecord], register: SchoolRegister) -> Plan {
        var plan = Plan()
        var schools: [String: SchoolRecord] = [:]
        for d in approved where d.approved > .zero && d.childLAID != nil && d.term != nil && d.academicYear != nil {
            let item = BatchItem(decisionID: d.id, amount: d.approved)
            let school = d.schoolURN.flatMap { register[$0] }
            switch school?.route {
            case .journal: plan.journal.append(item)
            case .cheque: plan.cheque.append(item)
            case nil:
                plan.held.append(
                    HeldEntry(
                        decisionID: d.id, reason: .unknownSchool, amount: d.approved,
                        note: "Held: the school is not in the school register (Rules/schools.csv)"))
            }
            if let school {
                schools[school.urn] = school
                if let term = d.term, let year = d.academicYear { plan.terms.insert(TermKey(year.description, term)) }
            }
            if d.requested > d.approved {
                plan.held.append(
                    HeldEntry(
                        decisionID: d.id, reason: .overCap, amount: d.requested - d.approved,
                        note: "Held: the rest of a part-approved request is over the cap"))
            }
        }
        for d in held where d.requested > .zero && d.childLAID != nil && d.term != nil && d.academicYear != nil {
            plan.held.append(HeldEntry(decisionID: d.id, reason: d.reason ?? .rating, amount: d.requested, note: d.note))
        }
        plan.schools = schools.values.sorted { $0.urn < $1.urn }
        return plan
    }

    /// The term a run is for (its header and references, `PPAUT25-…`): the latest term it pays
    /// (a close at the end of term pays that term; stragglers from earlier terms ride along),
    /// else the calendar's term of its date.
    static func term(of date: CalendarDate, calendar: WorkingCalendar, paying terms: Set<TermKey>) -> TermKey? {
        if let latest = terms.max() { return latest }
        return calendar.term(on: date).map { TermKey($0.academicYear, $0.term) }
    }
}
