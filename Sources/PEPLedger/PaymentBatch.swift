import Foundation
import PEPModel

/// How a batch pays: a GL journal (maintained schools on the LA ledger) or cheque/BACS
/// (academies and other settings), research §5.4.
package enum BatchKind: String, Sendable, Hashable, CaseIterable {
    case journal, cheque
}

/// One line to pay: a decision and the amount (which must equal the amount approved).
package struct BatchItem: Sendable, Hashable {
    package var decisionID: Int64
    package var amount: Pence

    package init(decisionID: Int64, amount: Pence) {
        (self.decisionID, self.amount) = (decisionID, amount)
    }
}

/// A closed payment batch.
package struct BatchRecord: Sendable, Hashable {
    package var id: Int64
    package var kind: BatchKind
    /// 1, 2, 3 ... per kind: the batch number finance sees.
    package var sequence: Int
    package var createdAt: Date
    package var fileName: String
    package var itemCount: Int
    package var total: Pence
}

/// The finance control totals (research §8.5): every approved penny is either on a batch or
/// still to pay; held money is apart.
package struct Reconciliation: Sendable, Hashable {
    /// Σ approved of decisions that stand (status approved, paid or not).
    package var approved: Pence
    /// Σ of batch lines.
    package var batched: Pence
    package var batchedByKind: [BatchKind: Pence]
    /// Σ approved of decisions on no batch yet.
    package var unbatchedApproved: Pence
    /// Σ requested of held decisions.
    package var held: Pence

    /// True when approved = batched + unbatched approved.
    package var balances: Bool { approved == batched + unbatchedApproved }
}
