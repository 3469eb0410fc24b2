import PEPModel

/// One approved PP+ amount for one child, to be paid to one school: what the ledger hands the
/// finance renderers. It carries the child's LA ID only, never a name.
package struct PaymentLine: Sendable, Hashable {
    package var childID: String
    package var schoolURN: String
    package var term: Term
    package var academicYear: String
    package var amount: Pence
    /// The ledger's reference for the decision (e.g. `S000123-R1`), for audit.
    package var sourceReference: String

    package init(childID: String, schoolURN: String, term: Term, academicYear: String, amount: Pence, sourceReference: String) {
        (self.childID, self.schoolURN, self.term, self.academicYear, self.amount, self.sourceReference) = (
            childID, schoolURN, term, academicYear, amount, sourceReference
        )
    }
}

/// A PP+ amount held back, and why (a Red PEP, over the cap, a school not in the register...):
/// the line that would have been paid, with its amount the one held. Reads through to the
/// line's fields (`held.childID`).
@dynamicMemberLookup
package struct HeldItem: Sendable, Hashable {
    package var line: PaymentLine
    package var reason: FundingDecision.HoldReason
    /// A sentence for people; no personal data.
    package var note: String

    package init(line: PaymentLine, reason: FundingDecision.HoldReason, note: String) {
        (self.line, self.reason, self.note) = (line, reason, note)
    }

    package subscript<Value>(dynamicMember field: KeyPath<PaymentLine, Value>) -> Value { line[keyPath: field] }
}

/// A payment run split by route: lines for the journal, lines for cheque/BACS, held items, and
/// earlier payments reversed by this run (by the route they were paid by; each line's amount
/// the amount taken back). The pipeline's `FinancePlanner` decides the routes; this is what the
/// finance files render.
package struct PaymentRun: Sendable, Hashable {
    package var journal: [PaymentLine]
    package var cheque: [PaymentLine]
    package var held: [HeldItem]
    package var journalReversals: [PaymentLine]
    package var chequeReversals: [PaymentLine]

    package init(
        journal: [PaymentLine] = [], cheque: [PaymentLine] = [], held: [HeldItem] = [], journalReversals: [PaymentLine] = [],
        chequeReversals: [PaymentLine] = []
    ) {
        (self.journal, self.cheque, self.held) = (journal, cheque, held)
        (self.journalReversals, self.chequeReversals) = (journalReversals, chequeReversals)
    }

    /// A route's paid lines and reversals grouped by school, in URN order: every school with
    /// either (the journal, the payment batch and the notices all walk a route this way).
    package static func bySchool(
        paid: [PaymentLine], reversed: [PaymentLine]
    )
        -> [(urn: String, paid: [PaymentLine], reversed: [PaymentLine])]
    {
        let p = Dictionary(uniqueKeysWithValues: bySchool(paid).map { ($0.urn, $0.lines) })
        let r = Dictionary(uniqueKeysWithValues: bySchool(reversed).map { ($0.urn, $0.lines) })
        return Set(p.keys).union(r.keys).sorted().map { (urn: $0, paid: p[$0] ?? [], reversed: r[$0] ?? []) }
    }

    /// Lines grouped by school URN, in URN order (so files do not depend on input order).
    package static func bySchool(_ lines: [PaymentLine]) -> [(urn: String, lines: [PaymentLine])] {
        Dictionary(grouping: lines, by: \.schoolURN).sorted { $0.key < $1.key }.map {
            (urn: $0.key, lines: $0.value.sorted { ($0.childID, $0.sourceReference) < ($1.childID, $1.sourceReference) })
        }
    }
}

/// What identifies one payment run: its sequence number (the ledger's), date and term.
package struct PaymentBatchInfo: Sendable, Hashable {
    package var sequence: Int
    package var date: CalendarDate
    package var term: Term
    /// `2025/26`.
    package var academicYear: String

    package init(sequence: Int, date: CalendarDate, term: Term, academicYear: String) {
        (self.sequence, self.date, self.term, self.academicYear) = (sequence, date, term, academicYear)
    }

    /// `000007`.
    package var sequenceLabel: String { WriteOnceFile.sequenceLabel(sequence) }

    /// `AUT25`: the term's three letters and the academic year's first two-digit year.
    package var termCode: String {
        let letters: String
        switch term {
        case .autumn: letters = "AUT"
        case .spring: letters = "SPR"
        case .summer: letters = "SUM"
        }
        let digits = academicYear.prefix(4).filter(\.isNumber)
        return letters + (digits.count == 4 ? String(digits.suffix(2)) : "00")
    }

    /// The financial year (1 April to 31 March) of the batch date: `2025-26`.
    package var financialYear: String { FinancialYear(containing: date).description }

    /// The ledger period: April is P01, March P12 (`2025-26 P09`).
    package var period: String {
        let p = (date.month + 8) % 12 + 1
        return "\(financialYear) P\(p < 10 ? "0" : "")\(p)"
    }
}
