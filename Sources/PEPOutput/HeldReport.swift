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
        let byReason = Dictionary(grouping: items, by: \.reason).sorted { $0.key.rawValue < $1.key.rawValue }
        return ReportTemplates.page(
            title: title, template: "held",
            [
                "title": title, "dashboardHref": dashboardHref, "hasItems": !items.isEmpty, "total": total(items).display,
                "reasons": byReason.map { ["reason": $0.key.rawValue, "total": total($0.value).display, "count": $0.value.count] },
                "items": sorted(items).map { i -> [String: Any] in
                    [
                        "childID": i.childID, "schoolURN": i.schoolURN, "term": i.term.rawValue.capitalized + " " + i.academicYear,
                        "amount": i.amount.display, "reason": ReportTemplates.badge(i.reason.rawValue, kind: "amber"), "note": i.note,
                        "reference": i.sourceReference,
                    ]
                },
            ])
    }

    static func total(_ items: [HeldItem]) -> Pence { items.reduce(Pence.zero) { $0 + $1.amount } }

    static func sorted(_ items: [HeldItem]) -> [HeldItem] {
        items.sorted { ($0.academicYear, $0.term.rawValue, $0.childID, $0.sourceReference) < ($1.academicYear, $1.term.rawValue, $1.childID, $1.sourceReference) }
    }
}
