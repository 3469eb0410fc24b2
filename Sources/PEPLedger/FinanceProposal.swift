import Foundation
import PEPModel

/// A prepared finance run: what would be paid, by whom it was prepared, and a hash of the plan
/// so that the authorisation pays exactly what was shown. Preparing writes nothing else.
package struct FinanceProposal: Sendable, Hashable {
    package var id: Int64
    package var preparedBy: String
    package var preparedAt: Date
    package var planHash: String
    /// The lines a person read when it was prepared (child IDs only, never a name).
    package var summary: String
    /// The run it became, once authorised.
    package var runID: Int64?
    package var authorisedBy: String?
}

/// Who authorised a run, recorded with it in the run's own transaction.
package struct FinanceAuthorisation: Sendable, Hashable {
    package var proposalID: Int64
    package var preparedBy, authorisedBy: String
    /// The Virtual School runs with one person (`single_person` in `Rules/finance.yaml`): the
    /// preparer may authorise. Otherwise the schema refuses the same name twice.
    package var singlePerson: Bool

    package init(proposalID: Int64, preparedBy: String, authorisedBy: String, singlePerson: Bool) {
        (self.proposalID, self.preparedBy, self.authorisedBy, self.singlePerson) = (
            proposalID, preparedBy, authorisedBy, singlePerson
        )
    }
}
