import Foundation
import PEPFiles
import PEPModel

/// The coordinators' dashboard: a static site in the output folder, beside `reports/`.
///
/// - `index.html` lists the terms, and counts the documents that name no child, term or year,
///   which `unplaced.html` lists;
/// - `term-<year>-<term>.html` lists every PEP of a term with its ratings, dates, QA clock and
///   PP+, and counts per rating;
/// - `term-…-red.html`, `-amber.html`, `-overdue.html` are the same table pre-filtered, and
///   `-missing.html` lists roster children with no PEP yet.
///
/// Filters are separate pre-rendered pages (plain links), so there is no JavaScript at all;
/// all CSS is inline; the pages print (the filter bar is hidden in print).
package enum DashboardSite {
    /// A page's file name and its HTML.
    package typealias Page = (name: String, html: String)

    package enum Filter: String, CaseIterable, Sendable {
        case all, red, amber, overdue, missing

        var label: String {
            switch self {
            case .all: return "All PEPs"
            case .red: return "Red"
            case .amber: return "Amber"
            case .overdue: return "QA overdue"
            case .missing: return "No PEP yet"
            }
        }
    }

    package static func pageName(_ key: TermKey, _ filter: Filter) -> String {
        "term-\(key.slug)\(filter == .all ? "" : "-" + filter.rawValue).html"
    }

    /// Every page of the site, terms newest first on the index.
    /// - Parameter reportsHref: where the per-PEP reports are, relative to the pages
    ///   (`reports/` when the site sits in the output root, `../reports/` from `dashboard/`).
    package static func pages(
        _ terms: [DashboardTerm], unplaced: [UnplacedDocument] = [], reportsHref: String = "reports/"
    ) -> [Page] {
        [
            ("index.html", index(terms.map(indexLine), unplacedCount: unplaced.count)),
            ("unplaced.html", unplacedPage(unplaced, reportsHref: reportsHref)),
        ] + terms.sorted { $0.key > $1.key }.flatMap { termPages($0, reportsHref: reportsHref) }
    }

    /// A term's pages: all its PEPs, and each filter.
    package static func termPages(_ term: DashboardTerm, reportsHref: String = "reports/") -> [Page] {
        Filter.allCases.map { (pageName(term.key, $0), termPage(term, $0, reportsHref: reportsHref)) }
    }

    /// A term's line on the index: all the index needs of it, so that a publish can keep the
    /// lines of terms that did not change (`OutputTermStore`) instead of reading them again.
    package struct IndexLine: Codable, Sendable, Equatable {
        var academicYear: String
        var term: Term
        var count: Int
        var red: Int
        var amber: Int
        var green: Int
        var overdue: Int
        var missing: Int
        var deadline: String?

        var key: TermKey { TermKey(academicYear, term) }
    }

    package static func indexLine(_ t: DashboardTerm) -> IndexLine {
        let q = counts(t.entries)
        return IndexLine(
            academicYear: t.key.academicYear, term: t.key.term, count: t.entries.count, red: q[.red] ?? 0,
            amber: q[.amber] ?? 0, green: q[.green] ?? 0, overdue: t.entries.filter(\.isOverdue).count, missing: t.missing.count,
            deadline: t.deadline?.iso)
    }

    /// The index: the terms newest first, and how many documents name no child, term or year
    /// (listed on `unplaced.html`).
    package static func index(_ lines: [IndexLine], unplacedCount: Int) -> String {
        let rows = lines.sorted { $0.key > $1.key }.map { t -> [String: Any] in
            [
                "label": t.key.label, "count": t.count, "red": t.red, "amber": t.amber, "green": t.green,
                "overdue": t.overdue, "missing": t.missing, "deadline": t.deadline ?? "not set",
                "pages": Dictionary(uniqueKeysWithValues: Filter.allCases.map { ($0.rawValue, pageName(t.key, $0)) }),
            ]
        }
        return ReportTemplates.page(
            title: "PEP dashboard", template: "dashboard-index",
            ["hasTerms": !lines.isEmpty, "terms": rows, "hasUnplaced": unplacedCount > 0, "unplacedCount": unplacedCount])
    }

    /// `unplaced.html`: every document that names no child, term or year, with its report.
    package static func unplacedPage(_ unplaced: [UnplacedDocument], reportsHref: String = "reports/") -> String {
        let documents = unplaced.map { u -> [String: Any] in
            [
                "href": "\(reportsHref)\(u.reportStem).html", "fileName": u.fileName, "received": u.receivedOn.iso,
                "missing": u.missing, "rated": u.assessable, "notAssessed": ReportTemplates.badge("Could not assess", kind: "grey"),
            ]
        }
        return ReportTemplates.page(
            title: "PEP dashboard: documents not placed in a term", template: "dashboard-unplaced",
            ["hasUnplaced": !unplaced.isEmpty, "unplacedCount": unplaced.count, "unplaced": documents])
    }

    /// Quality counts, with PEPs that could not be assessed left out.
    static func counts(_ entries: [DashboardEntry]) -> [Rating: Int] {
        Dictionary(grouping: entries.filter(\.assessable), by: \.quality).mapValues(\.count)
    }

    static func termPage(_ t: DashboardTerm, _ filter: Filter, reportsHref: String = "reports/") -> String {
        var model = summary(t)
        model["filters"] = filterBar(t, current: filter)
        if filter != .all { model["filterLabel"] = filter.label }
        if filter == .missing {
            model["showsMissing"] = true
            missing(t, into: &model)
            return ReportTemplates.page(title: "PEPs \(t.key.label): no PEP yet", template: "dashboard-term", model)
        }
        let shown = t.entries.filter { e in
            switch filter {
            case .all, .missing: return true
            case .red: return e.assessable && e.quality == .red
            case .amber: return e.assessable && e.quality == .amber
            case .overdue: return e.isOverdue
            }
        }
        model["showsMissing"] = false
        model["hasEntries"] = !shown.isEmpty
        model["entries"] = sorted(shown).map { entry($0, reportsHref: reportsHref) }
        return ReportTemplates.page(title: "PEPs \(t.key.label)", template: "dashboard-term", model)
    }

    /// The counts at the top of a term's pages, and its PP+ totals.
    static func summary(_ t: DashboardTerm) -> [String: Any] {
        func byRating(_ c: [Rating: Int]) -> [String: Int] { ["red": c[.red] ?? 0, "amber": c[.amber] ?? 0, "green": c[.green] ?? 0] }
        var model: [String: Any] = [
            "label": t.key.label, "count": t.entries.count, "quality": byRating(counts(t.entries)),
            "compliance": byRating(Dictionary(grouping: t.entries, by: \.compliance).mapValues(\.count)),
            "notAssessed": t.entries.filter { !$0.assessable }.count, "overdue": t.entries.filter(\.isOverdue).count,
            "missingCount": t.missing.count,
            "requested": t.entries.reduce(Pence.zero) { $0 + $1.ppRequested }.display,
            "approved": t.entries.reduce(Pence.zero) { $0 + $1.ppApproved }.display,
            "held": t.entries.reduce(Pence.zero) { $0 + $1.ppHeld }.display,
            "today": t.today.iso,
        ]
        if let deadline = t.deadline { model["deadline"] = deadline.iso }
        return model
    }

    static func filterBar(_ t: DashboardTerm, current: Filter) -> [[String: Any]] {
        let q = counts(t.entries)
        let n: [Filter: Int] = [
            .all: t.entries.count, .red: q[.red] ?? 0, .amber: q[.amber] ?? 0,
            .overdue: t.entries.filter(\.isOverdue).count, .missing: t.missing.count,
        ]
        return Filter.allCases.map { f in
            ["href": pageName(t.key, f), "current": f == current, "label": f.label, "count": n[f] ?? 0]
        }
    }

    /// Red first, then the least time left on the QA clock, then child ID.
    static func sorted(_ entries: [DashboardEntry]) -> [DashboardEntry] {
        func rank(_ e: DashboardEntry) -> Int { !e.assessable ? 0 : e.quality == .red ? 1 : e.quality == .amber ? 2 : 3 }
        return entries.sorted { (rank($0), $0.qaWorkingDaysLeft ?? Int.max, $0.childID) < (rank($1), $1.qaWorkingDaysLeft ?? Int.max, $1.childID) }
    }

    static func entry(_ e: DashboardEntry, reportsHref: String) -> [String: Any] {
        var row: [String: Any] = [
            "href": reportsHref + e.reportStem + ".html", "childID": e.childID, "school": e.schoolName,
            "quality": e.assessable ? ReportTemplates.badge(e.quality.label, kind: e.quality.rawValue) : ReportTemplates.badge("Could not assess", kind: "grey"),
            "compliance": ReportTemplates.badge(e.compliance.label, kind: e.compliance.rawValue),
            "meeting": e.meetingDate?.iso ?? "–", "received": e.receivedOn.iso, "clock": clock(e.qaWorkingDaysLeft),
            "requested": e.ppRequested.display, "approved": e.ppApproved.display, "held": e.ppHeld.display,
        ]
        if !e.childName.isEmpty { row["name"] = e.childName }
        return row
    }

    /// The QA clock's cell: done, overdue by, due today, or working days left.
    static func clock(_ days: Int?) -> [String: Any] {
        func workingDays(_ n: Int) -> String { "\(n) working day\(n == 1 ? "" : "s")" }
        guard let days else { return ["done": true] }
        switch days {
        case ..<0: return ["overdue": workingDays(-days)]
        case 0: return ["dueToday": true]
        default: return ["left": workingDays(days)]
        }
    }

    /// The roster children with no PEP this term, and whether the termly deadline has passed.
    static func missing(_ t: DashboardTerm, into model: inout [String: Any]) {
        model["hasMissing"] = !t.missing.isEmpty
        model["pastDeadline"] = t.pastDeadline
        model["deadlineOrNotSet"] = t.deadline?.iso ?? "not set"
        if t.pastDeadline { model["deadline"] = t.deadline?.iso ?? "" }
        model["missing"] = t.missing.map { r -> [String: Any] in
            var row: [String: Any] = [
                "childID": r.childID, "yearGroup": r.yearGroup, "socialWorker": r.socialWorkerEmail,
                "school": [r.schoolName, r.schoolURN.isEmpty ? "" : "URN \(r.schoolURN)"].filter { !$0.isEmpty }.joined(separator: " · "),
                "status": t.pastDeadline ? ReportTemplates.badge("Past deadline", kind: "red") : ReportTemplates.badge("Awaited", kind: "amber"),
            ]
            if !r.displayName.isEmpty { row["name"] = r.displayName }
            return row
        }
    }
}
