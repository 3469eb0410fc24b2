import Foundation
import PEPFiles
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// Builds the coordinators' dashboard from the ledger (every current rated submission with a
/// child, term and year), the roster and the school register, and writes it to `dashboard/`.
///
/// - The roster ("no PEP yet") is set against the current term only: the term `today` falls
///   in by the rules' calendar (in a holiday, the term just ended). Earlier terms list their
///   PEPs without it, since the roster is who is in care now.
/// - The QA clock: a Green or Amber PEP is signed off when it is rated (accepted, with feedback
///   for next time). A Red PEP, or one that could not be assessed, stays open until a corrected
///   PEP supersedes it; it has `sla_days` working days (Rules, 10) from receipt, counted in the
///   rules' working calendar, and is overdue after that.
/// - A page is rewritten only when its content changed, so a service calling this every poll
///   does not rewrite (and fsync) an unchanged site.
struct DashboardPublisher {
    let ledger: Ledger
    let rules: RuleSet
    let folder: URL

    struct Inputs {
        var roster: [RosterEntry]
        var register: SchoolRegister
    }

    /// Reads and renders each term in `changed` (every term when nil: a new day, new rules or
    /// register, a rebuild) one at a time, and the index from every term's line: those just
    /// made, and the others' as the last publish kept them (`OutputTermStore`). So a publish
    /// holds one term in memory, and costs what changed, not what the ledger holds.
    /// - Returns: the index path and how many pages were (re)written.
    /// - Parameter unplacedChanged: a document that names no child, term or year changed since
    ///   the last publish, so `unplaced.html` is written again.
    func publish(
        today: CalendarDate, inputs: Inputs, changed: Set<TermKey>?, unplacedChanged: Bool
    ) throws
        -> (index: URL, written: Int)
    {
        let current = rules.calendar.term(on: today).map { TermKey($0.academicYear, $0.term) }
        let store = TermLines<DashboardSite.IndexLine>(ledger: ledger, output: .dashboard)
        let kept = changed == nil ? .init() : try store.kept()
        var lines = kept.lines
        let roster = Dictionary(inputs.roster.map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        var written = 0
        var made: [TermKey: DashboardSite.IndexLine] = [:]
        var removed: [TermKey] = []
        for key in try store.toWork(changed: changed, kept: kept, current: current) {
            guard let year = AcademicYear(parsing: key.academicYear) else { continue }
            let entries = try ledger.ratings.currentRatedSubmissions(term: key.term, academicYear: year).map {
                entry($0, today: today, roster: roster, register: inputs.register)
            }
            if entries.isEmpty, key != current {
                lines[key] = nil
                removed.append(key)
                continue
            }
            let term = DashboardTerm(
                key: key, entries: entries, roster: key == current ? inputs.roster : [],
                deadline: rules.calendar.dates(of: key.term, in: key.academicYear)?.deadline, today: today)
            for page in DashboardSite.termPages(term, reportsHref: OutputFolders.reportsFromDashboard)
            where try DurableFile.writeIfChanged(page.html, to: folder.appendingPathComponent(page.name)) {
                written += 1
            }
            made[key] = DashboardSite.indexLine(term)
            lines[key] = made[key]
        }
        let unplacedPage = folder.appendingPathComponent("unplaced.html")
        if changed == nil || unplacedChanged || !FileManager.default.fileExists(atPath: unplacedPage.path) {
            let unplaced = try ledger.ratings.unplacedRatedSubmissions().map(Self.unplaced)
            let page = DashboardSite.unplacedPage(unplaced, reportsHref: OutputFolders.reportsFromDashboard)
            if try DurableFile.writeIfChanged(page, to: unplacedPage) { written += 1 }
        }
        let index = DashboardSite.index(Array(lines.values), unplacedCount: try ledger.ratings.unplacedCount())
        if try DurableFile.writeIfChanged(index, to: folder.appendingPathComponent("index.html")) { written += 1 }
        try store.store(made, removed: removed, replaceAll: changed == nil)
        return (folder.appendingPathComponent("index.html"), written)
    }

    static func unplaced(_ s: UnplacedSubmission) -> UnplacedDocument {
        let h = s.headline
        let missing = [(h.childID, "child ID"), (h.term, "term"), (h.academicYear, "academic year")]
            .filter { $0.0 == nil }.map { "no " + $0.1 }.joined(separator: ", ")
        return UnplacedDocument(
            fileName: s.fileName, receivedOn: CalendarDate(englandDateOf: s.receivedAt), missing: missing,
            assessable: s.assessable,
            reportStem: QAReport.reportStem(childID: h.childID, term: h.term, academicYear: h.academicYear, sha256: s.sha256))
    }

    func entry(
        _ row: RatedSubmissionSummary, today: CalendarDate, roster: [String: RosterEntry], register: SchoolRegister
    ) -> DashboardEntry {
        let h = row.headline
        let childID = row.childLAID ?? h.childID ?? "unknown"
        let onRoster = roster[childID]
        let name = [h.firstName, h.lastName].compactMap { $0 }.joined(separator: " ")
        let school = row.schoolURN.flatMap { register[$0]?.name } ?? h.schoolName ?? onRoster?.schoolName ?? row.schoolURN ?? ""
        let receivedOn = CalendarDate(englandDateOf: row.receivedAt)
        // The QA clock runs from the meeting (from receipt when the PEP gives none) until a
        // coordinator completes QA; the machine's rating does not stop it.
        let qaDue = rules.clocks.qaDue(meeting: row.meetingDate ?? receivedOn)
        return DashboardEntry(
            childID: childID, childName: name.isEmpty ? onRoster?.displayName ?? "" : name, schoolName: school,
            assessable: row.assessable, quality: row.quality, compliance: row.compliance, meetingDate: row.meetingDate,
            receivedOn: receivedOn,
            qaWorkingDaysLeft: row.qaCompletedAt == nil ? rules.calendar.workingDays(from: today, to: qaDue) : nil,
            ppRequested: row.requested, ppApproved: row.approved, ppHeld: row.held,
            reportStem: QAReport.reportStem(childID: h.childID, term: h.term, academicYear: h.academicYear, sha256: row.sha256))
    }
}
