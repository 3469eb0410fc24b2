import PEPModel

/// The list of PP+ amounts held back, with reasons, for the Virtual School Head: CSV for
/// finance and an HTML page for people. Child IDs only.
package enum HeldReport {
    package static func csv(_ items: [HeldItem]) -> String {
        var w = CSVWriter()
        w.row(["child_id", "school_urn", "term", "academic_year", "amount", "reason", "note", "source_reference"])
        for i in sorted(items) {
            w.row([
                .text(i.childID), .text(i.schoolURN), .text(i.term.rawValue.capitalized), .text(i.academicYear),
                .number(i.amount.decimalString), .text(i.reason.rawValue), .text(i.note), .text(i.sourceReference),
            ])
        }
        w.row(["TOTAL", "", "", "", .number(total(items).decimalString), "", "", ""])
        return w.text
    }

    /// - Parameter dashboardHref: the dashboard's index, relative to this page.
    package static func html(_ items: [HeldItem], title: String, dashboardHref: String = "index.html") -> String {
        var body = "<nav><a href=\"\(HTML.escape(dashboardHref))\">Dashboard</a></nav>\n<h1>\(HTML.escape(title))</h1>\n"
        guard !items.isEmpty else { return HTML.page(title: title, body: body + "<p>Nothing is held.</p>\n") }
        let byReason = Dictionary(grouping: items, by: \.reason).sorted { $0.key.rawValue < $1.key.rawValue }
        body += "<div class=\"summary\">"
        for (reason, group) in byReason {
            body += "<div>\(HTML.escape(reason.rawValue))<br><strong>\(total(group).display)</strong> (\(group.count))</div>"
        }
        body += "<div>Total held<br><strong>\(total(items).display)</strong></div></div>\n"
        body += "<table><tr><th>Child ID</th><th>School URN</th><th>Term</th><th>Amount</th><th>Reason</th><th>Note</th><th>Reference</th></tr>\n"
        for i in sorted(items) {
            body += "<tr><td>\(HTML.escape(i.childID))</td><td>\(HTML.escape(i.schoolURN))</td><td>\(HTML.escape(i.term.rawValue.capitalized + " " + i.academicYear))</td><td>\(i.amount.display)</td><td>\(HTML.badge(i.reason.rawValue, kind: "amber"))</td><td>\(HTML.escape(i.note))</td><td>\(HTML.escape(i.sourceReference))</td></tr>\n"
        }
        return HTML.page(title: title, body: body + "</table>\n")
    }

    static func total(_ items: [HeldItem]) -> Pence { items.reduce(Pence.zero) { $0 + $1.amount } }

    static func sorted(_ items: [HeldItem]) -> [HeldItem] {
        items.sorted { ($0.academicYear, $0.term.rawValue, $0.childID, $0.sourceReference) < ($1.academicYear, $1.term.rawValue, $1.childID, $1.sourceReference) }
    }
}
