import Foundation
import PEPModel

/// The Virtual School Head's decision on one PP+ request.
package enum PPPlusVerdict: String, Sendable, Hashable, CaseIterable {
    case approve
    /// Approved for less than was requested.
    case partApprove = "part-approve"
    /// Held for clarification: a message goes to the school.
    case hold
    case decline

    package var approves: Bool { self == .approve || self == .partApprove }

    package var label: String {
        switch self {
        case .approve: return "Approved"
        case .partApprove: return "Part-approved"
        case .hold: return "Held for clarification"
        case .decline: return "Declined"
        }
    }
}

/// One verdict as recorded: who, when, why.
package struct VerdictRecord: Sendable, Hashable {
    package var id, decisionID: Int64
    package var verdict: PPPlusVerdict
    package var amount: Pence
    package var reason, userName: String
    package var exception, schoolAcknowledged: Bool
    package var at: Date
}

/// What the VSH asks the ledger to record for one request.
package struct VerdictInput: Sendable, Hashable {
    package var decisionID: Int64
    package var verdict: PPPlusVerdict
    /// The amount approved, for a part-approval; ignored otherwise (approve takes the amount
    /// requested, hold and decline nothing).
    package var amount: Pence
    package var reason: String
    /// The VSH's exception for a PEP confirmed Red at QA (the reason says why).
    package var exception: Bool
    /// The VSH has seen that the register names another school for the child.
    package var schoolAcknowledged: Bool
    /// The register's word on the child, worked out by the caller (the ledger has no register).
    package var eligibility: PPPlusEligibility

    package init(
        decisionID: Int64, verdict: PPPlusVerdict, amount: Pence = .zero, reason: String, exception: Bool = false,
        schoolAcknowledged: Bool = false, eligibility: PPPlusEligibility
    ) {
        (self.decisionID, self.verdict, self.amount, self.reason) = (decisionID, verdict, amount, reason)
        (self.exception, self.schoolAcknowledged, self.eligibility) = (exception, schoolAcknowledged, eligibility)
    }
}

/// One PP+ request as the VSH's page lists it: the machine's recommendation, the QA state of
/// its PEP and the latest verdict.
package struct PPPlusRequest: Sendable, Hashable {
    package var decision: DecisionRecord
    /// QA of the PEP is complete, with these confirmed ratings (nil while QA is open).
    package var confirmedQuality: Rating?
    package var confirmedCompliance: Rating?
    package var latest: VerdictRecord?
    /// The PEP as stored (canonical JSON), for the intervention's target and last term's impact.
    package var canonicalJSON: String
    package var paid: Bool { decision.batchID != nil }
    package var qaComplete: Bool { confirmedQuality != nil }
}

/// Why the ledger refused a VSH decision.
package enum PPPlusError: Error, Equatable, CustomStringConvertible {
    case notVSH
    case unknownRequest(Int64)
    case superseded(Int64)
    case alreadyPaid(Int64)
    case qaNotComplete(Int64)
    case redNeedsException(Int64)
    case emptyReason
    case partAmount(Int64)
    case notEligible(Int64, String)
    case schoolNotAcknowledged(Int64, String)

    package var description: String {
        switch self {
        case .notVSH: return "only the Virtual School Head decides PP+"
        case .unknownRequest(let id): return "request \(id) does not exist"
        case .superseded(let id): return "request \(id) belongs to a PEP that has been superseded"
        case .alreadyPaid(let id): return "request \(id) has been paid and cannot be decided again"
        case .qaNotComplete(let id): return "request \(id): QA of its PEP is not complete yet"
        case .redNeedsException(let id):
            return "request \(id): the PEP was confirmed Red at QA; approving it needs an exception, with the reason"
        case .emptyReason: return "a reason is required"
        case .partAmount(let id): return "request \(id): a part-approval is for more than nothing and less than was requested"
        case .notEligible(let id, let why): return "request \(id) cannot be approved: \(why)"
        case .schoolNotAcknowledged(let id, let school):
            return "request \(id): the register has the child at \(school); acknowledge the difference to approve"
        }
    }
}
