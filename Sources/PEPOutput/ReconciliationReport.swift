import PEPModel

/// The control report finance signs off, per term and per school: the PP+ the Virtual School
/// Head approved against what was paid, reversed, is still to pay and is held.
///
/// The ledger's figures are taken when the run is recorded (`ReconciliationFigures`); what this
/// run paid and reversed is taken from the lines its files were rendered from. A row says
/// BALANCED only when approved = paid + to pay, no more is reversed than was paid, and the
/// files' paid and reversed agree with the ledger's; the last row only when every row does.
/// A difference is shown, never hidden.
package enum ReconciliationReport {
    /// One school's figures in one term, or (`schoolURN` nil) the term's, or (`key` nil) all.
    package struct Row: Sendable, Hashable {
        package var key: TermKey?
        package var schoolURN: String?
        package var schoolName: String
        package var approved = Pence.zero
        /// Paid by the runs before this one (ledger) and by this run (its files).
        package var paid = Pence.zero
        package var reversed = Pence.zero
        package var toPay = Pence.zero
        package var held = Pence.zero
        /// The ledger's own paid and reversed, this run's included.
        package var ledgerPaid = Pence.zero
        package var ledgerReversed = Pence.zero

        package var net: Pence { paid - reversed }
        package var difference: Pence { approved - paid - toPay }
        /// Why the row does not balance (nil when it does).
        package var problem: String? {
            if paid != ledgerPaid { return "the files pay \(paid.display), the ledger \(ledgerPaid.display)" }
            if reversed != ledgerReversed { return "the files reverse \(reversed.display), the ledger \(ledgerReversed.display)" }
            if difference != .zero { return "approved is not paid + to pay" }
            if reversed > paid { return "more is reversed than was paid" }
            return nil
        }
        package var balanced: Bool { problem == nil }

        mutating func add(_ other: Row) {
            approved = approved + other.approved
            paid = paid + other.paid
            reversed = reversed + other.reversed
            toPay = toPay + other.toPay
            held = held + other.held
            ledgerPaid = ledgerPaid + other.ledgerPaid
            ledgerReversed = ledgerReversed + other.ledgerReversed
        }
    }

    /// Per term: a row per school, then the term's total; last, the total of all terms.
    /// - Parameter register: the run's register rows (the schools it pays), for names; other
    ///   schools are shown by URN.
    package static func rows(figures: [ReconciliationFigures], run: PaymentRun, register: SchoolRegister) -> [Row] {
        struct Key: Hashable { var term: TermKey, urn: String }
        var rows: [Key: Row] = [:]
        func row(_ key: Key) -> Row {
            rows[key]
                ?? Row(key: key.term, schoolURN: key.urn, schoolName: register[key.urn]?.name ?? (key.urn.isEmpty ? "(no school)" : ""))
        }
        for f in figures {
            let key = Key(term: TermKey(f.academicYear, f.term), urn: f.schoolURN)
            var r = row(key)
            r.add(
                Row(
                    key: nil, schoolURN: nil, schoolName: "", approved: f.approved, paid: f.paid - f.runPaid,
                    reversed: f.reversed - f.runReversed, toPay: f.toPay, held: f.held, ledgerPaid: f.paid, ledgerReversed: f.reversed))
            rows[key] = r
        }
        for line in run.journal + run.cheque {
            let key = Key(term: TermKey(line.academicYear, line.term), urn: line.schoolURN)
            var r = row(key)
            r.paid = r.paid + line.amount
            rows[key] = r
        }
        for line in run.journalReversals + run.chequeReversals {
            let key = Key(term: TermKey(line.academicYear, line.term), urn: line.schoolURN)
            var r = row(key)
            r.reversed = r.reversed + line.amount
            rows[key] = r
        }
        var out: [Row] = []
        var all = Row(key: nil, schoolURN: nil, schoolName: "All schools")
        for term in Set(rows.keys.map(\.term)).sorted() {
            var total = Row(key: term, schoolURN: nil, schoolName: "All schools")
            for key in rows.keys.filter({ $0.term == term }).sorted(by: { $0.urn < $1.urn }) {
                out.append(rows[key]!)
                total.add(rows[key]!)
            }
            out.append(total)
            all.add(total)
        }
        out.append(all)
        return out
    }

    /// BALANCED when every row is.
    package static func balanced(_ rows: [Row]) -> Bool { rows.allSatisfy(\.balanced) }

    /// A school's row: its own figures; a term's total: every row of the term; the last row: every row.
    static func status(_ row: Row, in rows: [Row]) -> Bool {
        guard row.schoolURN == nil else { return row.balanced }
        return balanced(row.key == nil ? rows : rows.filter { $0.key == row.key })
    }

    package static func csv(_ rows: [Row]) -> String {
        var w = CSVWriter()
        w.row([
            "academic_year", "term", "school_urn", "school", "approved", "paid", "reversed", "net_paid", "to_pay", "held", "difference",
            "status",
        ])
        for r in rows {
            w.row([
                .text(r.key?.academicYear ?? "ALL"), .text(r.key?.term.rawValue.capitalized ?? ""), .text(r.schoolURN ?? ""),
                .text(r.schoolName), .number(r.approved.decimalString), .number(r.paid.decimalString),
                .number(r.reversed.decimalString), .number(r.net.decimalString), .number(r.toPay.decimalString),
                .number(r.held.decimalString), .number(r.difference.decimalString),
                .text(status(r, in: rows) ? "BALANCED" : "MISMATCH"),
            ])
        }
        return w.text
    }

    /// - Parameter dashboardHref: the dashboard's index, relative to this page.
    package static func html(_ rows: [Row], title: String, dashboardHref: String = "index.html") -> String {
        let ok = balanced(rows)
        var w = HTMLWriter(capacity: 4096 + 500 * rows.count)
        w.element("<nav><a href=\"", dashboardHref, "\">Dashboard</a></nav>\n")
        w.element("<h1>", title, "</h1>\n<p>")
        if ok { w.badge("Balanced", kind: "green") } else { w.badge("Mismatch", kind: "red") }
        w.element(
            " ",
            ok
                ? "Every figure agrees with the ledger."
                : "\(rows.filter { !$0.balanced && $0.key != nil }.count) row(s) do not agree with the ledger: see below.",
            "</p>\n")
        w.raw(
            """
            <p class="muted">For every term and school: approved = paid + still to pay, and what this run's files pay and \
            reverse agrees with the ledger. Net paid is paid less reversed. Held is what was requested and not approved.</p>
            <table>
            <caption>Reconciliation by term and school</caption>
            <thead><tr><th scope="col">Term</th><th scope="col">School</th><th scope="col">Approved</th><th scope="col">Paid</th>\
            <th scope="col">Reversed</th><th scope="col">Net paid</th><th scope="col">To pay</th><th scope="col">Held</th>\
            <th scope="col">Difference</th><th scope="col">Status</th></tr></thead>
            <tbody>

            """)
        for r in rows {
            w.raw(r.schoolURN == nil ? "<tr class=\"total\">" : "<tr>")
            w.element("<th scope=\"row\">", r.key?.label ?? "All terms", "</th>")
            let school = r.schoolURN.map { r.schoolName.isEmpty ? "URN " + $0 : r.schoolName + " (URN " + $0 + ")" } ?? r.schoolName
            w.element("<td>", school, "</td>")
            for amount in [r.approved, r.paid, r.reversed, r.net, r.toPay, r.held, r.difference] {
                w.element("<td>", amount.display, "</td>")
            }
            w.raw("<td>")
            if status(r, in: rows) { w.badge("Balanced", kind: "green") } else { w.badge("Mismatch", kind: "red") }
            if let why = r.problem, !why.isEmpty { w.element(" <span class=\"muted\">", why, "</span>") }
            w.raw("</td></tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
        return HTMLWriter.page(title: title, w)
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
