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
        var w = HTMLWriter(capacity: 4096 + 300 * items.count)
        w.element("<nav><a href=\"", dashboardHref, "\">Dashboard</a></nav>\n")
        w.element("<h1>", title, "</h1>\n")
        guard !items.isEmpty else {
            w.raw("<p>Nothing is held.</p>\n")
            return HTMLWriter.page(title: title, w)
        }
        w.raw("<div class=\"summary\">")
        for (reason, held) in Dictionary(grouping: items, by: \.reason).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            w.element("<div>", reason.rawValue, "<br><strong>")
            w.element("", total(held).display, "</strong> (")
            w.text(held.count)
            w.raw(")</div>")
        }
        w.element("<div>Total held<br><strong>", total(items).display, "</strong></div></div>\n")
        w.raw(
            """
            <table><tr><th>Child ID</th><th>School URN</th><th>Term</th><th>Amount</th><th>Reason</th><th>Note</th>\
            <th>Reference</th></tr>

            """)
        for i in sorted(items) {
            w.element("<tr><td>", i.childID, "</td>")
            w.element("<td>", i.schoolURN, "</td>")
            w.element("<td>", i.term.rawValue.capitalized + " " + i.academicYear, "</td>")
            w.element("<td>", i.amount.display, "</td><td>")
            w.badge(i.reason.rawValue, kind: "amber")
            w.element("</td><td>", i.note, "</td>")
            w.element("<td>", i.sourceReference, "</td></tr>\n")
        }
        w.raw("</table>\n")
        return HTMLWriter.page(title: title, w)
    }

    static func total(_ items: [HeldItem]) -> Pence { items.reduce(Pence.zero) { $0 + $1.amount } }

    static func sorted(_ items: [HeldItem]) -> [HeldItem] {
        items.sorted {
            ($0.academicYear, $0.term.rawValue, $0.childID, $0.sourceReference) < (
                $1.academicYear, $1.term.rawValue, $1.childID, $1.sourceReference
            )
        }
    }
}
