import Foundation
import PEPLedger
import PEPModel
import PEPOutput
import PEPReaders

/// Rebuilds a `QAReport` from what the ledger stored for a rating run: the canonical PEP JSON
/// (read back with the JSON reader: it is itself a valid `pep/1` submission) and the assessment
/// (decoded by the ledger). Every value a report, a feedback e-mail or an export record shows
/// comes from these two; evidence locations come from the stored assessment, so the rebuilt
/// report renders byte for byte as the one written when the document was rated.
struct StoredReportBuilder: Sendable {
    let registry: ReaderRegistry

    /// A stored PEP that no longer reads (it was written by this program, so this is a bug or
    /// a damaged ledger): the submission and run, never a value.
    struct Unreadable: Error, CustomStringConvertible {
        var submissionID: Int64
        var runID: Int64
        var reason: String
        var description: String { "submission \(submissionID), run \(runID): the stored PEP cannot be read back: \(reason)" }
    }

    func report(_ stored: StoredRating) throws -> QAReport {
        let pep: PEP
        do {
            pep = try registry.read(Array(stored.canonicalJSON.utf8), file: "submission-\(stored.submissionID).json").pep
        } catch {
            throw Unreadable(submissionID: stored.submissionID, runID: stored.runID, reason: "\(error.code)")
        }
        return QAReport(
            submissionID: stored.submissionID, fileName: stored.fileName, sha256: stored.sha256,
            format: stored.format ?? .json, receivedOn: CalendarDate(englandDateOf: stored.receivedAt),
            sender: stored.sender, pep: pep, assessment: stored.assessment)
    }
}
