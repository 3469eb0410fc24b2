import PEPModel

/// A payment run split by route: lines for the journal, lines for cheque/BACS, and held items.
package struct PaymentRun: Sendable, Hashable {
    package var journal: [PaymentLine]
    package var cheque: [PaymentLine]
    package var held: [HeldItem]

    package init(journal: [PaymentLine] = [], cheque: [PaymentLine] = [], held: [HeldItem] = []) {
        self.journal = journal
        self.cheque = cheque
        self.held = held
    }
}

/// Sends each approved line down its school's route, from the school register only (never
/// from the PEP). A line for a school the register does not know is held (`unknown-school`).
package enum PaymentRunPlanner {
    package static func plan(_ lines: [PaymentLine], held: [HeldItem] = [], register: SchoolRegister) -> PaymentRun {
        var run = PaymentRun(held: held)
        for line in lines {
            switch register[line.schoolURN]?.route {
            case .journal: run.journal.append(line)
            case .cheque: run.cheque.append(line)
            case nil:
                run.held.append(
                    HeldItem(
                        childID: line.childID, schoolURN: line.schoolURN, term: line.term, academicYear: line.academicYear,
                        amount: line.amount, reason: .unknownSchool,
                        note: "Held: the school is not in the school register (Rules/schools.csv)",
                        sourceReference: line.sourceReference))
            }
        }
        return run
    }

    /// Lines grouped by school URN, in URN order (so files do not depend on input order).
    package static func bySchool(_ lines: [PaymentLine]) -> [(urn: String, lines: [PaymentLine])] {
        Dictionary(grouping: lines, by: \.schoolURN).sorted { $0.key < $1.key }.map {
            (urn: $0.key, lines: $0.value.sorted { ($0.childID, $0.sourceReference) < ($1.childID, $1.sourceReference) })
        }
    }
}
