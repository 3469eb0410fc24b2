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
        // A page of submissions at a time: a rebuild of 100,000 reports holds 1,000 headlines.
        var cursor = after
        while true {
            let page = try ledger.ratings.ratedSubmissionHeadlines(after: cursor, limit: 1_000)
            guard let last = page.last else { return restored }
            cursor = last.submissionID
            restore(page, into: &restored, problems: &problems)
        }
    }

    private func restore(_ page: [SubmissionHeadline], into restored: inout [String], problems: inout [String]) {
        for listed in page {
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
    }
}
