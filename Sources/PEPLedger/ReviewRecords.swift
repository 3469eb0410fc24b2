import Foundation
import PEPModel

/// Where a PEP stands in QA.
package enum ReviewState: String, Sendable, Hashable {
    /// Rated by the machine; waiting for a coordinator.
    case waiting
    /// A clarification was asked of the school; waiting for its answer (or a new PEP).
    case clarification
    /// QA completed: feedback and the export may go out.
    case completed
}

/// One row of the worklist: a current rated PEP whose QA is not complete.
package struct WorklistEntry: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var childLAID: String?
    package var schoolURN: String?
    package var schoolName: String?
    package var yearGroup: String?
    package var term: String?
    package var academicYear: String?
    package var quality: Rating
    package var compliance: Rating
    package var requested: Pence
    package var receivedAt: Date
    /// The meeting date the PEP gives, from which the QA clock runs.
    package var meetingDate: CalendarDate?
    package var state: ReviewState
    /// User ids of the people who acted on this review (overrides, clarifications).
    package var touchedBy: Set<Int64>
}

/// A rejected (quarantined) document and what a coordinator did with it.
package struct RejectedDocument: Sendable, Hashable {
    package var submissionID: Int64
    package var fileName: String
    package var sender: String?
    package var receivedAt: Date
    package var reason: String
    /// The latest disposition (`requeue`, `not-a-pep`, `reply`), if any.
    package var disposition: String?
}

/// What an override is about: one criterion, or an overall rating.
package enum OverrideSubject: Sendable, Hashable {
    case criterion(String)
    case quality
    case compliance

    package var column: String {
        switch self {
        case .criterion: return "criterion"
        case .quality: return "quality"
        case .compliance: return "compliance"
        }
    }

    package var label: String {
        switch self {
        case .criterion(let id): return "criterion \(id)"
        case .quality: return "overall quality"
        case .compliance: return "overall compliance"
        }
    }
}

/// A coordinator's recorded verdict on one subject.
package struct QAOverride: Sendable, Hashable {
    package var subject: OverrideSubject
    package var machineValue: String
    package var humanValue: String
    package var reason: String
    package var userName: String
    package var at: Date
}

/// A message asked of the school.
package struct QAClarification: Sendable, Hashable {
    package var id: Int64
    package var message: String
    package var userName: String
    package var at: Date
}

/// QA completed: the confirmed ratings and the QA officer.
package struct QACompletion: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var quality: Rating
    package var compliance: Rating
    package var officer: String
    package var automatic: Bool
    package var at: Date
}

/// One PEP of a child, for the child page.
package struct ChildPEPEntry: Sendable, Hashable {
    package var submissionID: Int64
    package var term: String?
    package var academicYear: String?
    package var receivedAt: Date
    package var superseded: Bool
    package var machineQuality: Rating
    package var machineCompliance: Rating
    package var confirmed: QACompletion?
    package var clarifications: Int
    package var overrides: Int
    package var attendance: String?
    /// Attainment rows as `subject: current → target (progress)`.
    package var attainment: [String]
    package var requested: Pence
    package var approved: Pence
    package var paid: Pence
}
