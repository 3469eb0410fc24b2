import Foundation
import PEPLedger
import PEPOutput

extension ReportPublisher {
    /// Whether both files of a report (JSON and HTML) are there.
    func hasReport(stem: String) -> Bool {
        FileManager.default.fileExists(atPath: reportsDir.appendingPathComponent(stem + ".json").path)
            && FileManager.default.fileExists(atPath: reportsDir.appendingPathComponent(stem + ".html").path)
    }
}

/// Writes the QA report of every rated submission whose report files are missing: a crash
/// between the ledger's commit and the report's write (among the submissions since the last
/// publish), or a report deleted by hand (`pepqa outputs rebuild` looks at all). The stems
/// come from the ledger (no PEP is decoded unless its report must be written).
struct ReportRecovery {
    let ledger: Ledger
    let reports: ReportPublisher
    let builder: StoredReportBuilder

    /// - Parameter after: looks only at submissions with a higher id (those since the last
    ///   publish); 0 for all.
    /// - Returns: the stems written; failures are added to `problems` and the rest go on.
    func restoreMissing(after: Int64 = 0, problems: inout [String]) throws -> [String] {
        var restored: [String] = []
        for listed in try ledger.ratings.ratedSubmissionHeadlines(after: after) {
            let h = listed.headline
            let stem = QAReport.reportStem(childID: h.childID, term: h.term, academicYear: h.academicYear, sha256: listed.sha256)
            guard !reports.hasReport(stem: stem) else { continue }
            do {
                guard let stored = try ledger.ratings.latestStoredRating(submissionID: listed.submissionID) else { continue }
                let report = try builder.report(stored)
                _ = try reports.publish(report)
                restored.append(report.reportStem)
            } catch {
                problems.append("report for submission \(listed.submissionID): \(error)")
            }
        }
        return restored
    }
}
