import Foundation
import PEPModel

/// Whether a case-system record creates the child's PEP record for the term or updates one
/// already exported (a resubmission).
package enum ExportKind: String, Sendable, Hashable {
    case new, update
}

/// A rating run waiting to go to the case system.
package struct ExportCandidate: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var childLAID: String
    package var term: Term
    package var academicYear: AcademicYear
    package var kind: ExportKind
}

/// A closed export batch.
package struct ExportBatchRecord: Sendable, Hashable {
    package var id: Int64
    package var sequence: Int
    package var createdAt: Date
    package var fileName: String
    package var recordCount: Int
}

/// One rating run carried by an export batch.
package struct ExportedRun: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var kind: ExportKind
}
