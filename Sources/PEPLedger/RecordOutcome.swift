/// Whether the ledger already holds a submission's bytes, and how it ended.
package enum SubmissionStatus: String, Sendable, Hashable {
    case rated, rejected
}

/// What recording a submission did: wrote it, or found the same bytes already recorded (and
/// wrote nothing).
package enum RecordOutcome<Value: Sendable & Hashable>: Sendable, Hashable {
    case recorded(Value)
    /// The SHA-256 was already in the ledger, as this submission id.
    case duplicate(existingSubmissionID: Int64)

    /// The recorded value, or nil for a duplicate.
    package var recorded: Value? {
        if case .recorded(let value) = self { return value }
        return nil
    }

    package var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}

/// The ids written for a rated submission, and what superseding it did.
package struct RatedRecord: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    /// One per `Assessment.funding` entry, in the same order.
    package var decisionIDs: [Int64]
    /// The earlier submission for the same child, term and year that this one superseded.
    package var superseded: Int64?
    /// The later submission that supersedes this one at once (an older document arriving late).
    package var supersededBy: Int64?

    package var isSuperseded: Bool { supersededBy != nil }
}

package typealias RatedOutcome = RecordOutcome<RatedRecord>
package typealias RejectedOutcome = RecordOutcome<Int64>
