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
        var body = "<nav><a href=\"\(HTML.escape(dashboardHref))\">Dashboard</a></nav>\n<h1>\(HTML.escape(title))</h1>\n"
        body += "<p class=\"muted\">Approved PP+ must equal journal + cheque/BACS + held, term by term.</p>\n"
        body += "<table><tr><th>Term</th><th>Approved</th><th>Journal</th><th>Cheque/BACS</th><th>Held</th><th>Difference</th><th>Status</th></tr>\n"
        for r in rows {
            let status = r.balanced ? HTML.badge("Balanced", kind: "green") : HTML.badge("Mismatch", kind: "red")
            body += "<tr><td>\(HTML.escape(r.term.rawValue.capitalized + " " + r.academicYear))</td><td>\(r.approved.display)</td><td>\(r.journal.display)</td><td>\(r.cheque.display)</td><td>\(r.held.display)</td><td>\(r.difference.display)</td><td>\(status)</td></tr>\n"
        }
        return HTML.page(title: title, body: body + "</table>\n")
    }
}

/// An academic year and term, ordered by year then term (autumn, spring, summer).
package struct TermKey: Sendable, Hashable, Comparable {
    package var academicYear: String
    package var term: Term

    package init(_ academicYear: String, _ term: Term) {
        self.academicYear = academicYear
        self.term = term
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
