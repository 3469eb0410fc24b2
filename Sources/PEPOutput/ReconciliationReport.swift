import PEPModel

/// The control report finance signs off: per term, the PP+ the ledger approved against what
/// went to the journal, to cheque/BACS and to the held list (research §8.5:
/// approved = journal + cheque + held). A difference is shown, never hidden.
package enum ReconciliationReport {
    /// One term's figures.
    package struct Row: Sendable, Hashable {
        package var term: Term
        package var academicYear: String
        package var approved: Pence
        package var journal: Pence
        package var cheque: Pence
        package var held: Pence
        package var difference: Pence { approved - (journal + cheque + held) }
        package var balanced: Bool { difference == .zero }
    }

    /// Rows for every term that appears in the approved totals or the run, in year and term order.
    /// - Parameter approved: the ledger's approved total per (academic year, term).
    package static func rows(approved: [TermKey: Pence], run: PaymentRun) -> [Row] {
        var keys = Set(approved.keys)
        keys.formUnion(run.journal.map { TermKey($0.academicYear, $0.term) })
        keys.formUnion(run.cheque.map { TermKey($0.academicYear, $0.term) })
        keys.formUnion(run.held.map { TermKey($0.academicYear, $0.term) })
        return keys.sorted().map { key in
            func sum(_ lines: [PaymentLine]) -> Pence {
                lines.filter { TermKey($0.academicYear, $0.term) == key }.reduce(Pence.zero) { $0 + $1.amount }
            }
            return Row(
                term: key.term, academicYear: key.academicYear, approved: approved[key] ?? .zero, journal: sum(run.journal),
                cheque: sum(run.cheque),
                held: run.held.filter { TermKey($0.academicYear, $0.term) == key }.reduce(Pence.zero) { $0 + $1.amount })
        }
    }

    package static func csv(_ rows: [Row]) -> String {
        var w = CSVWriter()
        w.row(["academic_year", "term", "approved", "journal", "cheque", "held", "difference", "status"])
        for r in rows {
            w.row([
                .text(r.academicYear), .text(r.term.rawValue.capitalized), .number(r.approved.decimalString),
                .number(r.journal.decimalString), .number(r.cheque.decimalString), .number(r.held.decimalString),
                .number(r.difference.decimalString), .text(r.balanced ? "BALANCED" : "MISMATCH"),
            ])
        }
        return w.text
    }

    /// - Parameter dashboardHref: the dashboard's index, relative to this page.
    package static func html(_ rows: [Row], title: String, dashboardHref: String = "index.html") -> String {
        ReportTemplates.page(
            title: title, template: "reconciliation",
            [
                "title": title, "dashboardHref": dashboardHref,
                "rows": rows.map { r -> [String: Any] in
                    [
                        "term": r.term.rawValue.capitalized + " " + r.academicYear, "approved": r.approved.display,
                        "journal": r.journal.display, "cheque": r.cheque.display, "held": r.held.display,
                        "difference": r.difference.display,
                        "status": r.balanced
                            ? ReportTemplates.badge("Balanced", kind: "green") : ReportTemplates.badge("Mismatch", kind: "red"),
                    ]
                },
            ])
    }
}

/// An academic year and term, ordered by year then term (autumn, spring, summer).
package struct TermKey: Sendable, Hashable, Comparable {
    package var academicYear: String
    package var term: Term

    package init(_ academicYear: String, _ term: Term) {
        (self.academicYear, self.term) = (academicYear, term)
    }

    static func order(_ t: Term) -> Int { t == .autumn ? 0 : t == .spring ? 1 : 2 }

    package static func < (a: TermKey, b: TermKey) -> Bool {
        (a.academicYear, order(a.term)) < (b.academicYear, order(b.term))
    }

    /// `2025-26-autumn`: safe in a file name.
    package var slug: String { academicYear.replacing("/", with: "-") + "-" + term.rawValue }
    /// `Autumn 2025/26`.
    package var label: String { term.rawValue.capitalized + " " + academicYear }
}
