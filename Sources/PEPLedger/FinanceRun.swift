import Foundation
import PEPModel

/// A PP+ amount a finance run holds back, and why: a held decision (its requested amount), the
/// over-cap rest of a part-approved one, or an approved one that cannot be paid (its school is
/// not in the register).
///
/// It is a `BatchItem` (the decision and the amount) plus why, so a held line and a paid line
/// carry the same two facts in the same shape.
package struct HeldEntry: Sendable, Hashable {
    package var item: BatchItem
    package var reason: FundingDecision.HoldReason
    /// A sentence for people; no personal data.
    package var note: String

    package var decisionID: Int64 { item.decisionID }
    package var amount: Pence { item.amount }

    package init(decisionID: Int64, reason: FundingDecision.HoldReason, amount: Pence, note: String) {
        (item, self.reason, self.note) = (BatchItem(decisionID: decisionID, amount: amount), reason, note)
    }
}

/// What one finance close decided, before it is recorded: the lines for each route, the held
/// items, and the school register rows it paid by (JSON), all taken together in one transaction.
package struct FinanceRunPlan: Sendable, Hashable {
    /// The run's date (journal date, payment date, financial period).
    package var date: CalendarDate
    /// The term the run is for (its payment references carry it: `PPAUT25-…`).
    package var term: Term
    package var academicYear: AcademicYear
    package var journal: [BatchItem]
    package var cheque: [BatchItem]
    package var held: [HeldEntry]
    /// Earlier payments reversed, credited by this run.
    package var reversals: [PendingReversal] = []
    /// The register rows the run's files are rendered with, so a later re-render is identical.
    package var registerJSON: String
    /// The finance settings (`Rules/finance.yaml`) the files are rendered with, likewise.
    package var settingsJSON: String

    package init(
        date: CalendarDate, term: Term, academicYear: AcademicYear, journal: [BatchItem], cheque: [BatchItem],
        held: [HeldEntry], registerJSON: String, settingsJSON: String
    ) {
        (self.date, self.term, self.academicYear, self.journal, self.cheque, self.held, self.registerJSON, self.settingsJSON) = (
            date, term, academicYear, journal, cheque, held, registerJSON, settingsJSON
        )
    }
}

/// A recorded finance run (one `pepqa finance close`).
package struct FinanceRunRecord: Sendable, Hashable {
    package var id: Int64
    /// 1, 2, 3 …: the number on every file of the run and on its payment batches.
    package var sequence: Int
    package var closedAt: Date
    package var date: CalendarDate
    package var term: Term
    package var academicYear: AcademicYear
}

/// Everything a recorded run's files are rendered from.
package struct FinanceRunDetail: Sendable, Hashable {
    /// A payment batch of the run and the decisions it pays.
    package struct PaidBatch: Sendable, Hashable {
        package var batch: BatchRecord
        package var decisions: [DecisionRecord]
    }

    /// A held item with the decision it holds back.
    package struct Held: Sendable, Hashable {
        package var entry: HeldEntry
        package var decision: DecisionRecord
    }

    /// PP+ decided for one term at close: the requested amount of every decision the run had to
    /// account for (paid by it, held, or approved and still unpaid). Taken by the ledger itself,
    /// so the reconciliation checks the files against it rather than against their own sums.
    package struct Control: Sendable, Hashable {
        package var term: Term
        package var academicYear: AcademicYear
        package var decided: Pence
    }

    package var run: FinanceRunRecord
    package var batches: [PaidBatch]
    package var held: [Held]
    package var controls: [Control]
    /// The payments this run reversed.
    package var reversals: [PendingReversal] = []
    /// The ledger's figures per term and school when the run was recorded (none for a run
    /// recorded before ledger v9).
    package var figures: [ReconciliationFigures] = []
    package var registerJSON: String
    package var settingsJSON: String
}
