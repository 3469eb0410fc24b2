import Foundation
import PEPModel

/// A current rated submission that names no child, term or academic year: it cannot sit in a
/// term's list, yet a coordinator must see it (a letter instead of a form, a blank template).
package struct UnplacedSubmission: Sendable, Hashable {
    package var submissionID: Int64
    package var fileName: String
    package var sha256: String
    package var receivedAt: Date
    package var assessable: Bool
    package var headline: PEPHeadline
}
