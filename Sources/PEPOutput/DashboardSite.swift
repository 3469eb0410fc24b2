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
        // Each PEP's row written once, in the pages' order; each page takes the rows it keeps.
        let rows = sorted(term.entries).map { e in
            var w = HTMLWriter(capacity: 700)
            entry(e, reportsHref: reportsHref, into: &w)
            return (entry: e, html: w)
        }
        return Filter.allCases.map { (pageName(term.key, $0), termPage(term, $0, rows: rows)) }
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

        init(
            academicYear: String, term: Term, count: Int, red: Int, amber: Int, green: Int, overdue: Int, missing: Int,
            deadline: String?
        ) {
            (self.academicYear, self.term, self.count, self.red, self.amber, self.green) = (academicYear, term, count, red, amber, green)
            (self.overdue, self.missing, self.deadline) = (overdue, missing, deadline)
        }

        // Kept as an array, not an object: every publish decodes every term's line, and
        // JSONDecoder's keyed containers cost several times its unkeyed ones.
        package init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            academicYear = try c.decode(String.self)
            term = try c.decode(Term.self)
            (count, red, amber, green) = (try c.decode(Int.self), try c.decode(Int.self), try c.decode(Int.self), try c.decode(Int.self))
            (overdue, missing) = (try c.decode(Int.self), try c.decode(Int.self))
            deadline = try c.decodeIfPresent(String.self)
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(academicYear)
            try c.encode(term)
            for n in [count, red, amber, green, overdue, missing] { try c.encode(n) }
            try c.encode(deadline)
        }
    }

    package static func indexLine(_ t: DashboardTerm) -> IndexLine {
        let q = counts(t.entries)
        return IndexLine(
            academicYear: t.key.academicYear, term: t.key.term, count: t.entries.count, red: q[.red] ?? 0,
            amber: q[.amber] ?? 0, green: q[.green] ?? 0, overdue: t.entries.filter(\.isOverdue).count, missing: t.missing.count,
            deadline: t.deadline?.iso)
    }

    /// The index: the terms newest first, each with its counts linking to its pre-filtered
    /// pages (plain links, no JavaScript), and how many documents name no child, term or year
    /// (listed on `unplaced.html`). Written by `HTMLWriter`: a row per term, after every document.
    package static func index(_ lines: [IndexLine], unplacedCount: Int) -> String {
        var w = HTMLWriter(capacity: 4096 + 400 * lines.count)
        w.raw(dashboardStyle)
        w.raw(
            """
            <h1>PEP quality assurance dashboard</h1>
            <p><a href="../tracker/index.html">Tracker and the Virtual School Head's figures</a></p>

            """)
        if lines.isEmpty {
            w.raw("<p>No PEPs yet.</p>\n")
        } else {
            w.raw(
                """
                <table><tr><th>Term</th><th>PEPs</th><th>Red</th><th>Amber</th><th>Green</th><th>QA overdue</th>\
                <th>No PEP yet</th><th>Deadline</th></tr>

                """)
            for t in lines.sorted(by: { $0.key > $1.key }) {
                w.element("<tr><td><a href=\"", pageName(t.key, .all), "\">")
                w.element("", t.key.label, "</a></td>")
                w.element("<td>", t.count, "</td>")
                linkedCell(t.red, pageName(t.key, .red), into: &w)
                linkedCell(t.amber, pageName(t.key, .amber), into: &w)
                w.element("<td>", t.green, "</td>")
                linkedCell(t.overdue, pageName(t.key, .overdue), into: &w)
                linkedCell(t.missing, pageName(t.key, .missing), into: &w)
                w.element("<td class=\"date\">", t.deadline ?? "not set", "</td></tr>\n")
            }
            w.raw("</table>\n")
        }
        if unplacedCount > 0 {
            w.raw("<h2>Documents not placed in a term (")
            w.text(unplacedCount)
            w.raw(
                """
                )</h2>
                <p class="muted">They name no child, term or academic year, so no term lists them. \
                <a href="unplaced.html">List them</a>, open each report, then ask the school for the PEP on the template.</p>

                """)
        }
        return HTMLWriter.page(title: "PEP dashboard", w)
    }

    static func linkedCell(_ n: Int, _ href: String, into w: inout HTMLWriter) {
        w.element("<td><a href=\"", href, "\">")
        w.text(n)
        w.raw("</a></td>")
    }

    /// `unplaced.html`: every document that names no child, term or year, with its report. A
    /// page of its own, written only when the list may have changed.
    package static func unplacedPage(_ unplaced: [UnplacedDocument], reportsHref: String = "reports/") -> String {
        var w = HTMLWriter(capacity: 4096 + 300 * unplaced.count)
        w.raw(dashboardStyle)
        w.raw("<h1>Documents not placed in a term (")
        w.text(unplaced.count)
        w.raw(
            """
            )</h1>
            <p><a href="index.html">Back to the dashboard</a></p>
            <p class="muted">They name no child, term or academic year, so no term lists them. Open the report, \
            then ask the school for the PEP on the template.</p>

            """)
        guard !unplaced.isEmpty else {
            w.raw("<p>None.</p>\n")
            return HTMLWriter.page(title: "PEP dashboard: documents not placed in a term", w)
        }
        w.raw("<table class=\"peps\"><tr><th>Document</th><th>Received</th><th>Missing</th><th>Result</th></tr>\n")
        for u in unplaced {
            w.raw("<tr><td><a href=\"")
            w.text("\(reportsHref)\(u.reportStem).html")
            w.element("\">", u.fileName, "</a></td>")
            w.element("<td class=\"date\">", u.receivedOn.iso, "</td>")
            w.element("<td>", u.missing, "</td><td>")
            if u.assessable { w.raw("rated") } else { w.badge("Could not assess", kind: "grey") }
            w.raw("</td></tr>\n")
        }
        w.raw("</table>\n")
        return HTMLWriter.page(title: "PEP dashboard: documents not placed in a term", w)
    }

    /// Quality counts, with PEPs that could not be assessed left out.
    static func counts(_ entries: [DashboardEntry]) -> [Rating: Int] {
        Dictionary(grouping: entries.filter(\.assessable), by: \.quality).mapValues(\.count)
    }

    /// One of a term's pages, from its rows already written (`termPages`). Written by
    /// `HTMLWriter`, not Mustache: a term's five pages are rewritten after every document of
    /// the term, and list all its PEPs.
    static func termPage(_ t: DashboardTerm, _ filter: Filter, rows: [(entry: DashboardEntry, html: HTMLWriter)]) -> String {
        let shown = rows.filter { row in
            let e = row.entry
            switch filter {
            case .all, .missing: return true
            case .red: return e.assessable && e.quality == .red
            case .amber: return e.assessable && e.quality == .amber
            case .overdue: return e.isOverdue
            }
        }
        var w = HTMLWriter(capacity: 4096 + 700 * (filter == .missing ? t.missing.count : shown.count))
        summary(t, filter, into: &w)
        if filter == .missing {
            missing(t, into: &w)
            return HTMLWriter.page(title: "PEPs \(t.key.label): no PEP yet", w)
        }
        guard !shown.isEmpty else {
            w.raw("<p>None.</p>\n")
            return HTMLWriter.page(title: "PEPs \(t.key.label)", w)
        }
        w.raw(
            """
            <table class="peps"><tr><th>Child</th><th>School</th><th>Quality</th><th>Compliance</th><th>Meeting</th>\
            <th>Received</th><th>QA clock</th><th>PP+ requested</th><th>Approved by the VSH</th><th>Not approved</th></tr>

            """)
        for row in shown { w.append(row.html) }
        w.raw("</table>\n")
        return HTMLWriter.page(title: "PEPs \(t.key.label)", w)
    }

    /// The top of a term's pages: the title, the counts, the PP+ totals and the filter bar.
    static func summary(_ t: DashboardTerm, _ filter: Filter, into w: inout HTMLWriter) {
        let quality = counts(t.entries)
        let compliance = Dictionary(grouping: t.entries, by: \.compliance).mapValues(\.count)
        let overdue = t.entries.count(where: \.isOverdue)
        w.raw(dashboardStyle)
        w.raw("<nav><a href=\"index.html\">All terms</a></nav>\n")
        w.element("<h1>PEPs ", t.key.label, "")
        if filter != .all { w.element(": ", filter.label, "") }
        w.raw(
            """
            </h1>
            <table class="counts"><tr><th></th><th>Red</th><th>Amber</th><th>Green</th><th>Could not assess</th>\
            <th>PEPs</th><th>QA overdue</th><th>No PEP yet</th></tr>
            <tr><th>Quality</th>
            """)
        for rating in [Rating.red, .amber, .green] { w.element("<td>", quality[rating] ?? 0, "</td>") }
        w.element("<td>", t.entries.count { !$0.assessable }, "</td>")
        for n in [t.entries.count, overdue, t.missing.count] {
            w.element("<td rowspan=\"2\">", n, "</td>")
        }
        w.raw("</tr>\n<tr><th>Compliance</th>")
        for rating in [Rating.red, .amber, .green] { w.element("<td>", compliance[rating] ?? 0, "</td>") }
        w.raw("<td>–</td></tr>\n</table>\n")
        w.element("<p>PP+ requested <strong>", t.entries.reduce(Pence.zero) { $0 + $1.ppRequested }.display, "</strong>")
        w.element(" · approved by the VSH <strong>", t.entries.reduce(Pence.zero) { $0 + $1.ppApproved }.display, "</strong>")
        w.element(" · not approved <strong>", t.entries.reduce(Pence.zero) { $0 + $1.ppHeld }.display, "</strong>")
        w.element(" · <span class=\"muted\">as at ", t.today.iso, "")
        if let deadline = t.deadline { w.element("; termly deadline ", deadline.iso, "") }
        w.raw("</span></p>\n<div class=\"filters\">")
        let n: [Filter: Int] = [
            .all: t.entries.count, .red: quality[.red] ?? 0, .amber: quality[.amber] ?? 0, .overdue: overdue,
            .missing: t.missing.count,
        ]
        for f in Filter.allCases {
            w.element("<a href=\"", pageName(t.key, f), "\"")
            if f == filter { w.raw(" class=\"current\" aria-current=\"page\"") }
            w.element(">", f.label, " (")
            w.text(n[f] ?? 0)
            w.raw(")</a>")
        }
        w.raw("</div>\n")
    }

    /// The dashboard's own styles, at the top of each of its pages.
    static let dashboardStyle: StaticString = """
        <style>.filters{display:flex;gap:.4rem;flex-wrap:wrap;margin:.5rem 0 1rem}.filters a{padding:.25rem .7rem;\
        border:1px solid #bbb;border-radius:1rem;text-decoration:none;color:#1b1b1b;background:#fafafa}\
        .filters a.current{background:#1b1b1b;color:#fff;border-color:#1b1b1b}.overdue{color:#8a1c16;font-weight:600}\
        .num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}.counts td,.counts th{text-align:center}\
        .badge{white-space:nowrap}table.peps{font-size:.88rem}@media print{.filters{display:none}}</style>
        """

    /// Red first, then the least time left on the QA clock, then child ID.
    static func sorted(_ entries: [DashboardEntry]) -> [DashboardEntry] {
        func rank(_ e: DashboardEntry) -> Int { !e.assessable ? 0 : e.quality == .red ? 1 : e.quality == .amber ? 2 : 3 }
        return entries.sorted {
            (rank($0), $0.qaWorkingDaysLeft ?? Int.max, $0.childID) < (rank($1), $1.qaWorkingDaysLeft ?? Int.max, $1.childID)
        }
    }

    /// One PEP's row.
    static func entry(_ e: DashboardEntry, reportsHref: String, into w: inout HTMLWriter) {
        w.raw("<tr><td><a href=\"")
        w.text(reportsHref + e.reportStem + ".html")
        w.element("\">", e.childID, "</a>")
        if !e.childName.isEmpty { w.element("<br><span class=\"muted\">", e.childName, "</span>") }
        w.element("</td><td>", e.schoolName, "</td><td>")
        if e.assessable { w.badge(e.quality.label, kind: e.quality.rawValue) } else { w.badge("Could not assess", kind: "grey") }
        w.raw("</td><td>")
        w.badge(e.compliance.label, kind: e.compliance.rawValue)
        w.element("</td><td class=\"date\">", e.meetingDate?.iso ?? "–", "</td>")
        w.element("<td class=\"date\">", e.receivedOn.iso, "</td><td>")
        clock(e.qaWorkingDaysLeft, into: &w)
        w.element("</td><td class=\"num\">", e.ppRequested.display, "</td>")
        w.element("<td class=\"num\">", e.ppApproved.display, "</td>")
        w.element("<td class=\"num\">", e.ppHeld.display, "</td></tr>\n")
    }

    /// The QA clock's cell: done, overdue by, due today, or working days left.
    static func clock(_ days: Int?, into w: inout HTMLWriter) {
        func workingDays(_ n: Int) -> String { "\(n) working day\(n == 1 ? "" : "s")" }
        guard let days else { return w.raw("<span class=\"muted\">done</span>") }
        switch days {
        case ..<0: w.element("<span class=\"overdue\">overdue by ", workingDays(-days), "</span>")
        case 0: w.raw("<strong>due today</strong>")
        default: w.element("", workingDays(days), " left")
        }
    }

    /// The roster children with no PEP this term, and whether the termly deadline has passed.
    static func missing(_ t: DashboardTerm, into w: inout HTMLWriter) {
        guard !t.missing.isEmpty else {
            return w.raw("<p>Every child on the roster has a PEP this term.</p>\n")
        }
        if t.pastDeadline {
            w.element("<div class=\"notice\"><strong>The termly deadline (", t.deadline?.iso ?? "", ") has passed</strong>")
            w.element(" for these ", t.missing.count, " children.</div>\n")
        } else {
            w.element("<p class=\"muted\">Termly deadline: ", t.deadline?.iso ?? "not set", ".</p>\n")
        }
        w.raw("<table><tr><th>Child</th><th>Year</th><th>School</th><th>Social worker</th><th>Status</th></tr>\n")
        for r in t.missing {
            w.element("<tr><td>", r.childID, "")
            if !r.displayName.isEmpty { w.element("<br><span class=\"muted\">", r.displayName, "</span>") }
            w.element("</td><td>", r.yearGroup, "</td>")
            let school = [r.schoolName, r.schoolURN.isEmpty ? "" : "URN \(r.schoolURN)"].filter { !$0.isEmpty }
            w.element("<td>", school.joined(separator: " · "), "</td>")
            w.element("<td>", r.socialWorkerEmail, "</td><td>")
            if t.pastDeadline { w.badge("Past deadline", kind: "red") } else { w.badge("Awaited", kind: "amber") }
            w.raw("</td></tr>\n")
        }
        w.raw("</table>\n")
    }
}
