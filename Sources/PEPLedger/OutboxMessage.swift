import Foundation

/// Who a feedback e-mail about a rated submission goes to.
package enum FeedbackRecipient: String, Sendable, Hashable, CaseIterable {
    /// The Designated Teacher (gets the PP+ decisions).
    case designatedTeacher = "dt"
    /// The child's social worker (never gets payment details).
    case socialWorker = "sw"
}

/// One message the pipeline handed to `outbox/` (or decided it could not, for want of an address).
package struct OutboxMessage: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable { case feedback, paymentNotice = "payment-notice" }

    package var kind: Kind
    package var submissionID: Int64?
    package var financeRunID: Int64?
    /// `dt` / `sw` for feedback; the school URN for a payment notice.
    package var recipient: String
    /// Nil when nothing was written (no address).
    package var fileName: String?
    package var note: String
    package var writtenAt: Date
}
