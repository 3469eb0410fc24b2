import Foundation
import Logging
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// Brings every output up to date with the LEDGER (never with what this process did), so it
/// can be called after `pepqa process`, after each poll of the service, and at service start
/// to recover from a crash. Idempotent: a second call with nothing new writes no e-mail, no
/// export batch and no finance file, and rewrites no unchanged dashboard page. The one place
/// that decides which outputs are written: a gate on any of them belongs here.
///
/// In order: QA reports missing on disk are written again; with `auto_complete_green`, QA of
/// machine-Green PEPs is completed; feedback e-mails for rated submissions whose QA is
/// complete (by a person or automatically; nothing leaves before) not yet recorded in the
/// outbox table; the export batch for ratings not yet
/// exported, and the files of any recorded batch not yet written; the files and notices of
/// any finance run recorded but not finished; then the dashboard. Each step runs even when
/// an earlier one failed.
package struct OutputPublisher: Sendable {
    let ledger: Ledger
    let settings: OutputSettings
    let folders: OutputFolders
    let reports: ReportPublisher
    let builder: StoredReportBuilder
    /// The rules' working calendar and QA clock, for the dashboard.
    let rules: RuleSet
    /// The register of children looked after: the roster file checked at start, or the case
    /// system's latest export (asked once per publish).
    let roster: RosterSource
    /// The school register, loaded and checked once at start (`StartupSettings`).
    let register: SchoolRegister
    /// `auto_complete_green`: machine-Green PEPs complete QA without a person (off by default).
    let autoCompleteGreen: Bool
    let logger: Logger

    /// Publishes only when something the outputs show has changed since the last publish that
    /// succeeded: the ledger's input tables (`OutputMarkStore`), the day (the clocks and the
    /// dashboard's "today"), the rules or the register. A poll with nothing new costs a few
    /// index look-ups whatever the ledger's size; it is also how the service picks up what
    /// people did in the workbench between documents.
    /// - Returns: nil when nothing changed (nothing was read or written).
    @discardableResult
    package func publishIfChanged(now: Date) throws -> OutputSummary? {
        let children = roster.current(now: now)
        let mark = try mark(now: now, children: children)
        let stored = try ledger.outputMark.stored()
        guard mark != stored else { return nil }
        return try publish(now: now, full: false, children: children, mark: mark, stored: stored)
    }

    /// What the outputs depend on, as one line: the ledger's mark, the day, the rules' hash and
    /// the register's digest.
    func mark(now: Date, children: RosterSource.Snapshot) throws -> String {
        var digest = ""
        for e in children.entries {
            digest +=
                [
                    e.childID, e.firstName, e.lastName, e.upn, e.schoolURN, e.schoolName, e.yearGroup, e.socialWorkerEmail,
                    e.designatedTeacherEmail, e.enteredCare?.iso ?? "",
                ].joined(separator: "\u{1F}") + "\n"
        }
        return try ledger.outputMark.current().text + " day=\(CalendarDate(englandDateOf: now).iso) rules=\(rules.hash) register="
            + SHA256.hex(Array(digest.utf8))
    }

    /// Brings every output up to date and, when every step succeeded, keeps the mark it was
    /// made from. QA reports missing on disk are looked for among the submissions since the
    /// last publish (a crash between a commit and its report), or among all when `full`
    /// (`pepqa outputs rebuild`, and the first publish of a ledger).
    /// - Parameter now: the clock (the dashboard's "today", the time recorded for what is written).
    /// - Throws: `OutputFailure` (with the summary of what was done) when any step failed.
    @discardableResult
    package func publish(now: Date, full: Bool = false) throws -> OutputSummary {
        let children = roster.current(now: now)
        return try publish(
            now: now, full: full, children: children, mark: mark(now: now, children: children), stored: ledger.outputMark.stored())
    }

    /// `publish(now:full:)` with the register, the mark and the stored mark already taken (by
    /// `publishIfChanged`).
    private func publish(
        now: Date, full: Bool, children: RosterSource.Snapshot, mark: String, stored: String?
    ) throws
        -> OutputSummary
    {
        var summary = OutputSummary(folders: folders)
        var problems: [String] = []
        // What changed since the last publish, when that can be told: only those terms are
        // rendered again, and only those submissions can be owed feedback or an export line.
        let marks = full ? nil : comparableMarks(stored: stored, mark: mark)
        let changes = try marks.flatMap { try ledger.outputMark.changes(since: $0.before, now: $0.now) }
        let changed = changes.map { Set($0.terms.map { TermKey($0.academicYear.description, $0.term) }) }
        let byChild = Dictionary(children.entries.map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        func step(_ name: String, _ body: () throws -> Void) {
            do { try body() } catch { problems.append("\(name): \(error)") }
        }
        step("reports") {
            summary.reportsRestored = try ReportRecovery(ledger: ledger, reports: reports, builder: builder)
                .restoreMissing(after: full ? 0 : LedgerMark(text: stored)?.highest["submission"] ?? 0, problems: &problems)
        }
        if autoCompleteGreen {
            step("auto-complete") {
                for entry in try ledger.reviews.worklist() where entry.quality == .green && entry.compliance == .green {
                    try ledger.reviews.autoCompleteIfGreen(submissionID: entry.submissionID, officer: "pepqa (auto)", at: now)
                }
            }
        }
        step("feedback") {
            guard let composer = settings.feedback else {
                summary.notConfigured.append("feedback (\(OutputSettings.feedbackFolder)/settings.yaml)")
                return
            }
            let result = try FeedbackPublisher(
                ledger: ledger, composer: composer, roster: byChild, builder: builder, outbox: folders.outbox
            ).publish(now: now, after: marks?.before, problems: &problems)
            summary.feedbackWritten = result.written
            summary.feedbackWithoutAddress = result.withoutAddress
        }
        step("exports") {
            guard let exporter = settings.eclipse else {
                summary.notConfigured.append("Eclipse export (\(OutputSettings.eclipseFile))")
                return
            }
            summary.exportFiles = try ExportPublisher(ledger: ledger, exporter: exporter, builder: builder, folder: folders.exports)
                .publish(now: now, after: marks?.before)
        }
        step("finance") {
            let renderer = FinanceRunRenderer(ledger: ledger, folders: folders)
            for run in try ledger.financeRuns.awaitingFiles() {
                let rendered = try renderer.render(run, now: now)
                summary.financeRecovered.append(run)
                summary.financeFiles += rendered.files
                summary.paymentNotices += rendered.notices
            }
        }
        step("dashboard") {
            let inputs = DashboardPublisher.Inputs(roster: children.entries, register: register)
            let result = try DashboardPublisher(ledger: ledger, rules: rules, folder: folders.dashboard)
                .publish(
                    today: CalendarDate(englandDateOf: now), inputs: inputs, changed: changed, unplacedChanged: changes?.unplaced ?? true)
            summary.dashboardIndex = result.index
            summary.dashboardPagesWritten = result.written
        }
        step("tracker") { summary.trackerFiles = try publishTracker(now: now, register: children, changed: changed) }
        summary.problems = problems
        for problem in problems { logger.error("output not written", metadata: ["problem": "\(problem)"]) }
        if !problems.isEmpty { throw OutputFailure(summary: summary) }
        try ledger.outputMark.store(mark, at: now)
        return summary
    }
}

extension OutputPublisher {
    /// The tracker, initial PEPs and statistics (`tracker/`): part of every publish, and what
    /// the service refreshes each day at `tracker_hour` even when nothing arrives.
    /// - Parameter changed: the terms to work out again (nil: all).
    /// - Returns: the files (written or unchanged).
    @discardableResult
    package func publishTracker(now: Date, register: RosterSource.Snapshot? = nil, changed: Set<TermKey>? = nil) throws -> [URL] {
        try TrackerPublisher(ledger: ledger, clocks: rules.clocks, folder: folders.tracker)
            .publish(today: CalendarDate(englandDateOf: now), register: register ?? roster.current(now: now), changed: changed).files
    }

    /// The last successful publish's ledger mark with the one now, when that publish was made
    /// on the same day with the same rules and register; nil when there is none, or when the
    /// day, the rules or the register changed (every clock and every term's register rows move,
    /// and outputs switched on since may be owed for old rows), so everything is looked at.
    func comparableMarks(stored: String?, mark: String) -> (before: LedgerMark, now: LedgerMark)? {
        guard let stored, let before = LedgerMark(text: stored), let now = LedgerMark(text: mark),
            Self.context(of: stored) == Self.context(of: mark)
        else { return nil }
        return (before, now)
    }

    /// What a mark holds beside the ledger's rows: ` day=… rules=… register=…`.
    static func context(of mark: String) -> Substring {
        mark.range(of: " day=").map { mark[$0.lowerBound...] } ?? ""
    }
}

/// What `OutputPublisher.publish` did: paths for the terminal, counts for the service's log.
package struct OutputSummary: Sendable {
    package var reportsFolder: URL
    package var outboxFolder: URL
    /// Reports written again because their files were missing.
    package var reportsRestored: [String] = []
    package var dashboardIndex: URL
    package var dashboardPagesWritten = 0
    package var feedbackWritten: [URL] = []
    /// Recipients with no usable address (recorded once, never retried).
    package var feedbackWithoutAddress = 0
    /// Export files (CSV and XML) written by this call.
    package var exportFiles: [URL] = []
    /// Finance runs whose files were finished by this call (after a crash).
    package var financeRecovered: [FinanceRunRecord] = []
    package var financeFiles: [URL] = []
    /// The tracker's files (`tracker/`), written or unchanged.
    package var trackerFiles: [URL] = []
    package var paymentNotices: [URL] = []
    /// Outputs switched off because their settings file is absent.
    package var notConfigured: [String] = []
    package var problems: [String] = []

    init(folders: OutputFolders) {
        reportsFolder = folders.reports
        outboxFolder = folders.outbox
        dashboardIndex = folders.dashboard.appendingPathComponent("index.html")
    }

    /// Whether this call wrote any e-mail, export or finance file (the dashboard aside).
    package var wroteAnything: Bool {
        !reportsRestored.isEmpty || !feedbackWritten.isEmpty || !exportFiles.isEmpty || !financeFiles.isEmpty
            || !paymentNotices.isEmpty
    }

    /// Lines for the terminal.
    package var lines: [String] {
        var out = ["Reports:   \(reportsFolder.path)" + (reportsRestored.isEmpty ? "" : " (\(reportsRestored.count) restored)")]
        out.append("Dashboard: \(dashboardIndex.path)")
        if let tracker = trackerFiles.first?.deletingLastPathComponent() {
            out.append("Tracker:   \(tracker.path) (each child's state per term, initial PEPs, statistics)")
        }
        var outbox = "Outbox:    \(feedbackWritten.count + paymentNotices.count) new message(s) in \(outboxFolder.path)"
        if feedbackWithoutAddress > 0 { outbox += "; \(feedbackWithoutAddress) recipient(s) with no usable address" }
        out.append(outbox)
        let csv = exportFiles.filter { $0.pathExtension == "csv" }
        out.append(csv.isEmpty ? "Eclipse:   no new export records" : "Eclipse:   " + csv.map(\.path).joined(separator: ", ") + " (+ .xml)")
        for run in financeRecovered { out.append("Finance:   finished run \(run.sequence) (its files were not all written)") }
        for item in notConfigured { out.append("Not configured: \(item)") }
        for problem in problems { out.append("Problem:   \(problem)") }
        return out
    }
}

/// Some outputs could not be written; the rest were. Carries what was done.
package struct OutputFailure: Error, CustomStringConvertible {
    package var summary: OutputSummary
    package var description: String { "outputs not all written: " + summary.problems.joined(separator: "; ") }
}
