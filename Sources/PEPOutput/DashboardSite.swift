import Foundation
import PEPFiles
import PEPModel

/// The coordinators' dashboard: a static site in the output folder, beside `reports/`.
///
/// - `index.html` lists the terms, and the documents that name no child, term or year;
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
        let ordered = terms.sorted { $0.key > $1.key }
        var pages: [Page] = [("index.html", index(ordered, unplaced: unplaced, reportsHref: reportsHref))]
        for term in ordered {
            for filter in Filter.allCases {
                pages.append((pageName(term.key, filter), termPage(term, filter, reportsHref: reportsHref)))
            }
        }
        return pages
    }

    static let extraStyle = """
        <style>.filters{display:flex;gap:.4rem;flex-wrap:wrap;margin:.5rem 0 1rem}.filters a{padding:.25rem .7rem;border:1px solid #bbb;border-radius:1rem;text-decoration:none;color:#1b1b1b;background:#fafafa}\
        .filters a.current{background:#1b1b1b;color:#fff;border-color:#1b1b1b}.overdue{color:#8a1c16;font-weight:600}.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}\
        .counts td,.counts th{text-align:center}.badge{white-space:nowrap}table.peps{font-size:.88rem}@media print{.filters{display:none}}</style>
        """

    static func index(_ terms: [DashboardTerm], unplaced: [UnplacedDocument] = [], reportsHref: String = "reports/") -> String {
        var body = extraStyle + "<h1>PEP quality assurance dashboard</h1>\n"
        let unplacedTable = unplacedSection(unplaced, reportsHref: reportsHref)
        guard !terms.isEmpty else {
            return HTML.page(title: "PEP dashboard", body: body + "<p>No PEPs yet.</p>\n" + unplacedTable)
        }
        body += "<table><tr><th>Term</th><th>PEPs</th><th>Red</th><th>Amber</th><th>Green</th><th>QA overdue</th><th>No PEP yet</th><th>Deadline</th></tr>\n"
        for t in terms {
            let q = counts(t.entries)
            body += "<tr><td><a href=\"\(pageName(t.key, .all))\">\(HTML.escape(t.key.label))</a></td><td>\(t.entries.count)</td>"
            body += "<td><a href=\"\(pageName(t.key, .red))\">\(q[.red] ?? 0)</a></td><td><a href=\"\(pageName(t.key, .amber))\">\(q[.amber] ?? 0)</a></td><td>\(q[.green] ?? 0)</td>"
            body += "<td><a href=\"\(pageName(t.key, .overdue))\">\(t.entries.filter(\.isOverdue).count)</a></td>"
            body += "<td><a href=\"\(pageName(t.key, .missing))\">\(t.missing.count)</a></td><td class=\"date\">\(t.deadline?.iso ?? "not set")</td></tr>\n"
        }
        body += "</table>\n"
        return HTML.page(title: "PEP dashboard", body: body + unplacedTable)
    }

    /// The documents no term can hold, with what they lack and a link to their report.
    static func unplacedSection(_ unplaced: [UnplacedDocument], reportsHref: String) -> String {
        guard !unplaced.isEmpty else { return "" }
        var out = "<h2>Documents not placed in a term (\(unplaced.count))</h2>\n"
        out += "<p class=\"muted\">They name no child, term or academic year, so no term lists them. Open the report, then ask the school for the PEP on the template.</p>\n"
        out += "<table class=\"peps\"><tr><th>Document</th><th>Received</th><th>Missing</th><th>Result</th></tr>\n"
        for u in unplaced {
            let result = u.assessable ? "rated" : HTML.badge("Could not assess", kind: "grey")
            out += "<tr><td><a href=\"\(reportsHref)\(HTML.escape(u.reportStem)).html\">\(HTML.escape(u.fileName))</a></td>"
            out += "<td class=\"date\">\(u.receivedOn.iso)</td><td>\(HTML.escape(u.missing))</td><td>\(result)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// Quality counts, with PEPs that could not be assessed left out.
    static func counts(_ entries: [DashboardEntry]) -> [Rating: Int] {
        Dictionary(grouping: entries.filter(\.assessable), by: \.quality).mapValues(\.count)
    }

    static func termPage(_ t: DashboardTerm, _ filter: Filter, reportsHref: String = "reports/") -> String {
        var body = extraStyle + "<nav><a href=\"index.html\">All terms</a></nav>\n"
        body += "<h1>PEPs \(HTML.escape(t.key.label))\(filter == .all ? "" : ": " + filter.label)</h1>\n"
        body += summary(t)
        body += filterBar(t, current: filter)
        if filter == .missing { return HTML.page(title: "PEPs \(t.key.label): no PEP yet", body: body + missingTable(t)) }
        let shown = t.entries.filter { e in
            switch filter {
            case .all, .missing: return true
            case .red: return e.assessable && e.quality == .red
            case .amber: return e.assessable && e.quality == .amber
            case .overdue: return e.isOverdue
            }
        }
        body += shown.isEmpty ? "<p>None.</p>\n" : pepTable(sorted(shown), reportsHref: reportsHref)
        return HTML.page(title: "PEPs \(t.key.label)", body: body)
    }

    static func summary(_ t: DashboardTerm) -> String {
        let q = counts(t.entries)
        let c = Dictionary(grouping: t.entries, by: \.compliance).mapValues(\.count)
        let notAssessed = t.entries.filter { !$0.assessable }.count
        var out = "<table class=\"counts\"><tr><th></th><th>Red</th><th>Amber</th><th>Green</th><th>Could not assess</th><th>PEPs</th><th>QA overdue</th><th>No PEP yet</th></tr>\n"
        out += "<tr><th>Quality</th><td>\(q[.red] ?? 0)</td><td>\(q[.amber] ?? 0)</td><td>\(q[.green] ?? 0)</td><td>\(notAssessed)</td>"
        out += "<td rowspan=\"2\">\(t.entries.count)</td><td rowspan=\"2\">\(t.entries.filter(\.isOverdue).count)</td><td rowspan=\"2\">\(t.missing.count)</td></tr>\n"
        out += "<tr><th>Compliance</th><td>\(c[.red] ?? 0)</td><td>\(c[.amber] ?? 0)</td><td>\(c[.green] ?? 0)</td><td>–</td></tr>\n</table>\n"
        let requested = t.entries.reduce(Pence.zero) { $0 + $1.ppRequested }
        let approved = t.entries.reduce(Pence.zero) { $0 + $1.ppApproved }
        let held = t.entries.reduce(Pence.zero) { $0 + $1.ppHeld }
        out += "<p>PP+ requested <strong>\(requested.display)</strong> · approved <strong>\(approved.display)</strong> · held <strong>\(held.display)</strong>"
        out += " · <span class=\"muted\">as at \(t.today.iso)\(t.deadline.map { "; termly deadline " + $0.iso } ?? "")</span></p>\n"
        return out
    }

    static func filterBar(_ t: DashboardTerm, current: Filter) -> String {
        let q = counts(t.entries)
        let n: [Filter: Int] = [
            .all: t.entries.count, .red: q[.red] ?? 0, .amber: q[.amber] ?? 0,
            .overdue: t.entries.filter(\.isOverdue).count, .missing: t.missing.count,
        ]
        let links = Filter.allCases.map { f in
            "<a href=\"\(pageName(t.key, f))\"\(f == current ? " class=\"current\" aria-current=\"page\"" : "")>\(f.label) (\(n[f] ?? 0))</a>"
        }
        return "<div class=\"filters\">\(links.joined())</div>\n"
    }

    /// Red first, then the least time left on the QA clock, then child ID.
    static func sorted(_ entries: [DashboardEntry]) -> [DashboardEntry] {
        func rank(_ e: DashboardEntry) -> Int { !e.assessable ? 0 : e.quality == .red ? 1 : e.quality == .amber ? 2 : 3 }
        return entries.sorted { (rank($0), $0.qaWorkingDaysLeft ?? Int.max, $0.childID) < (rank($1), $1.qaWorkingDaysLeft ?? Int.max, $1.childID) }
    }

    static func pepTable(_ entries: [DashboardEntry], reportsHref: String = "reports/") -> String {
        var out = "<table class=\"peps\"><tr><th>Child</th><th>School</th><th>Quality</th><th>Compliance</th><th>Meeting</th><th>Received</th><th>QA clock</th><th>PP+ requested</th><th>Approved</th><th>Held</th></tr>\n"
        for e in entries {
            let quality = e.assessable ? HTML.badge(e.quality.label, kind: e.quality.rawValue) : HTML.badge("Could not assess", kind: "grey")
            let name = e.childName.isEmpty ? "" : "<br><span class=\"muted\">\(HTML.escape(e.childName))</span>"
            out += "<tr><td><a href=\"\(HTML.escape(reportsHref + e.reportStem)).html\">\(HTML.escape(e.childID))</a>\(name)</td>"
            out += "<td>\(HTML.escape(e.schoolName))</td><td>\(quality)</td><td>\(HTML.badge(e.compliance.label, kind: e.compliance.rawValue))</td>"
            out += "<td class=\"date\">\(e.meetingDate?.iso ?? "–")</td><td class=\"date\">\(e.receivedOn.iso)</td><td>\(clock(e.qaWorkingDaysLeft))</td>"
            out += "<td class=\"num\">\(e.ppRequested.display)</td><td class=\"num\">\(e.ppApproved.display)</td><td class=\"num\">\(e.ppHeld.display)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    static func clock(_ days: Int?) -> String {
        guard let days else { return "<span class=\"muted\">done</span>" }
        switch days {
        case ..<0: return "<span class=\"overdue\">overdue by \(-days) working day\(days == -1 ? "" : "s")</span>"
        case 0: return "<strong>due today</strong>"
        default: return "\(days) working day\(days == 1 ? "" : "s") left"
        }
    }

    static func missingTable(_ t: DashboardTerm) -> String {
        let missing = t.missing
        guard !missing.isEmpty else { return "<p>Every child on the roster has a PEP this term.</p>\n" }
        var out = t.pastDeadline
            ? "<div class=\"notice\"><strong>The termly deadline (\(t.deadline?.iso ?? "")) has passed</strong> for these \(missing.count) children.</div>\n"
            : "<p class=\"muted\">Termly deadline: \(t.deadline?.iso ?? "not set").</p>\n"
        out += "<table><tr><th>Child</th><th>Year</th><th>School</th><th>Social worker</th><th>Status</th></tr>\n"
        for r in missing {
            let name = r.displayName.isEmpty ? "" : "<br><span class=\"muted\">\(HTML.escape(r.displayName))</span>"
            let school = [r.schoolName, r.schoolURN.isEmpty ? "" : "URN \(r.schoolURN)"].filter { !$0.isEmpty }.joined(separator: " · ")
            let status = t.pastDeadline ? HTML.badge("Past deadline", kind: "red") : HTML.badge("Awaited", kind: "amber")
            out += "<tr><td>\(HTML.escape(r.childID))\(name)</td><td>\(HTML.escape(r.yearGroup))</td><td>\(HTML.escape(school))</td><td>\(HTML.escape(r.socialWorkerEmail))</td><td>\(status)</td></tr>\n"
        }
        return out + "</table>\n"
    }
}
