import Foundation
import PEPModel

/// One current (not superseded) rated submission with its latest rating and PP+ totals: a row
/// of the term's dashboard and export.
package struct RatedSubmissionSummary: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var fileName: String
    package var childLAID: String?
    package var schoolURN: String?
    package var term: Term
    package var academicYear: AcademicYear
    package var receivedAt: Date
    package var meetingDate: CalendarDate?
    package var quality: Rating
    package var compliance: Rating
    package var assessable: Bool
    package var requested: Pence
    package var approved: Pence
    /// requested − approved, as `Assessment.totalHeld`.
    package var held: Pence
    package var sha256: String
    /// Names and raw values from the stored PEP (for the coordinators' dashboard).
    package var headline: PEPHeadline
    /// When a coordinator completed QA (nil while it waits): this, not the machine's rating,
    /// stops the QA clock.
    package var qaCompletedAt: Date? = nil
}
