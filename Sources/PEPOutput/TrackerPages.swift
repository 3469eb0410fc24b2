import PEPModel

/// The tracker and the Virtual School Head's figures as pages beside their CSV files
/// (`tracker/index.html`, one page per term, `statistics.html`): what a coordinator chases
/// each morning and what the VSH puts in the annual report, readable without a spreadsheet.
/// Child IDs only, as in the CSV files.
package enum TrackerPages {
    /// One term's tracker, as `TrackerPublisher` worked it out.
    package struct TermTracker: Sendable {
        package var label: String
        /// The file stem (`2025-26-autumn`): the page and the CSV file share it.
        package var stem: String
        package var rows: [TrackerRow]

        package init(label: String, stem: String, rows: [TrackerRow]) {
            (self.label, self.stem, self.rows) = (label, stem, rows)
        }
    }

    /// A term's line on the index (the count of children in each state) and its headline
    /// figures (the `all` group's `headline` measures): all the index, the trend and
    /// `statistics.csv` need of it, so that a publish can keep the lines of terms that did not
    /// change (`OutputTermStore`) instead of working them out again. Every publish reads every
    /// term's line back, so a line keeps the figures' values only, in `headline` order.
    package struct TermSummary: Codable, Sendable, Equatable {
        package var label: String
        package var stem: String
        /// Children in each of `states`, in order.
        package var counts: [Int]
        var academicYear: String
        var term: Term?
        /// Each of `headline`'s values (nil: the term has no such figure).
        var values: [String?]

        /// - Parameter figures: the term's figures; only its headline ones are kept.
        package init(_ term: TermTracker, figures: [StatisticsFigure]) {
            label = term.label
            stem = term.stem
            counts = states.map { state in term.rows.count { $0.state.code == state.code } }
            let all = figures.filter { $0.groupKind == "all" && $0.group.isEmpty }
            academicYear = all.first?.academicYear ?? ""
            self.term = all.first?.term
            values = headline.map { name in all.first { $0.name == name }?.value }
        }

        // Kept as an array, not an object: every publish decodes every term's line, and
        // JSONDecoder's keyed containers cost several times its unkeyed ones.
        package init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            label = try c.decode(String.self)
            stem = try c.decode(String.self)
            counts = try c.decode([Int].self)
            academicYear = try c.decode(String.self)
            term = try c.decode(Term?.self)
            values = try c.decode([String?].self)
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(label)
            try c.encode(stem)
            try c.encode(counts)
            try c.encode(academicYear)
            try c.encode(term)
            try c.encode(values)
        }

        /// The headline figures, in `headline` order.
        package var figures: [StatisticsFigure] {
            zip(headline, values).compactMap { name, value in
                value.map { StatisticsFigure(academicYear: academicYear, term: term, groupKind: "all", group: "", name: name, value: $0) }
            }
        }
    }

    /// Figures as the ledger keeps them: each an array of six strings (year, term or "", group
    /// kind, group, measure, value), not an object, since a publish reads kept figures back
    /// and an array of strings decodes several times faster than an object with keys.
    package struct KeptFigures: Codable, Sendable, Equatable {
        package var figures: [StatisticsFigure]

        package init(_ figures: [StatisticsFigure]) { self.figures = figures }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            figures = try c.decode([[String]].self).map { cells in
                guard cells.count == 6 else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "a figure has \(cells.count) cells, not 6")
                }
                return StatisticsFigure(
                    academicYear: cells[0], term: cells[1].isEmpty ? nil : Term(rawValue: cells[1]), groupKind: cells[2],
                    group: cells[3], name: cells[4], value: cells[5])
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(figures.map { [$0.academicYear, $0.term?.rawValue ?? "", $0.groupKind, $0.group, $0.name, $0.value] })
        }
    }

    /// The states in the order a term moves through them; the columns of the index.
    static let states: [(code: String, name: String)] = [
        ("no-meeting-planned", "No meeting planned"), ("meeting-planned", "Meeting planned"),
        ("pep-awaited", "PEP awaited"), ("pep-overdue", "PEP overdue"), ("qa-due", "QA due"),
        ("qa-overdue", "QA overdue"), ("qa-complete", "QA complete"), ("on-case-record", "On the case record"),
    ]

    /// The headline measures, in the order of the trend table.
    static let headline = [
        "peps_due", "peps_received", "received_on_time", "received_on_time_pct_of_due", "qa_completed", "qa_on_time",
        "qa_on_time_pct_of_received",
    ]

    /// The tracker's front page: where the register came from, the on-time figures term by
    /// term (the trend the Virtual School Head reports), each term's tracker, and the initial
    /// PEPs due. Child IDs only. Written by `HTMLWriter`: a row per term, rewritten after every
    /// document.
    /// - Parameters:
    ///   - registerLine: where the register came from ("Register of children looked after: …").
    ///   - figures: the headline statistics figures, term rows and academic-year rows.
    package static func index(
        terms: [TermSummary], initial: [InitialPEPDue], figures: [StatisticsFigure], registerLine: String, skipped: Int,
        refreshed: CalendarDate
    ) -> String {
        var w = HTMLWriter(capacity: 8192 + 300 * terms.count + 200 * initial.count)
        w.raw("<nav><a href=\"../dashboard/index.html\">Dashboard</a> · <a href=\"statistics.html\">All figures</a></nav>\n")
        w.element("<h1>Tracker</h1>\n<p>", registerLine, "")
        if skipped > 0 {
            w.element(
                " <strong>", skipped, " row(s) of the register export were skipped</strong>: see <a href=\"register.txt\">register.txt</a>."
            )
        }
        w.element("</p>\n<p class=\"muted\">Refreshed ", refreshed.long, ". Each list is also a CSV file for spreadsheets.</p>\n")
        w.raw(
            """
            <h2>On time, term by term</h2>
            <table>
            <caption>PEPs due, received and quality-assured on time (<a href="statistics.csv">statistics.csv</a>)</caption>
            <thead><tr><th scope="col">Term</th><th scope="col">PEPs due</th><th scope="col">Received</th>\
            <th scope="col">Received on time</th><th scope="col">% of due</th><th scope="col">QA completed</th>\
            <th scope="col">QA on time</th><th scope="col">% of received</th></tr></thead>
            <tbody>

            """)
        for period in periods(figures) {
            var values: [String: String] = [:]
            for figure in period.figures where figure.groupKind == "all" && values[figure.name] == nil {
                values[figure.name] = figure.value
            }
            w.element("<tr><th scope=\"row\">", period.label, "</th>")
            for name in headline { w.element("<td>", values[name] ?? "", "</td>") }
            w.raw("</tr>\n")
        }
        w.raw("</tbody>\n</table>\n<h2>Each term's tracker</h2>\n<table>\n<caption>Children by state</caption>\n")
        w.raw("<thead><tr><th scope=\"col\">Term</th>")
        for state in states { w.element("<th scope=\"col\">", state.name, "</th>") }
        w.raw("<th scope=\"col\">CSV</th></tr></thead>\n<tbody>\n")
        for term in terms {
            w.element("<tr><th scope=\"row\"><a href=\"", term.stem, ".html\">")
            w.element("", term.label, "</a></th>")
            for count in term.counts {
                w.element("<td>", count, "</td>")
            }
            w.element("<td><a href=\"", term.stem, ".csv\">")
            w.element("", term.stem, ".csv</a></td></tr>\n")
        }
        w.element("</tbody>\n</table>\n<h2>Initial PEPs due (", initial.count, ")</h2>\n")
        guard !initial.isEmpty else {
            w.raw("<p>No child is waiting for an initial PEP meeting.</p>\n")
            return HTMLWriter.page(title: "Tracker", w)
        }
        w.raw(
            """

            <table>
            <caption>Children who entered care and have not had their first PEP meeting, counted in school days \
            (<a href="initial-peps.csv">initial-peps.csv</a>)</caption>
            <thead><tr><th scope="col">Child ID</th><th scope="col">School</th><th scope="col">Entered care</th>\
            <th scope="col">Due by</th><th scope="col">School days in care</th><th scope="col">Overdue</th></tr></thead>
            <tbody>

            """)
        for due in initial {
            w.element("<tr><th scope=\"row\">", due.childID, "</th>")
            w.element("<td>", due.schoolName, "</td>")
            w.element("<td class=\"date\">", due.enteredCare.iso, "</td>")
            w.element("<td class=\"date\">", due.due?.iso ?? "", "</td>")
            w.element("<td>", due.schoolDaysInCare.map(String.init) ?? "", "</td>")
            w.raw(due.overdue ? "<td><strong>Overdue</strong></td></tr>\n" : "<td>No</td></tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
        return HTMLWriter.page(title: "Tracker", w)
    }

    /// A term's page: every child in one state, overdue first. Written by `HTMLWriter`, not
    /// Mustache: it is rewritten after every document of its term, and lists every child.
    package static func term(_ term: TermTracker) -> String {
        var w = HTMLWriter(capacity: 2048 + 160 * term.rows.count)
        w.raw("<nav><a href=\"index.html\">Tracker</a> · <a href=\"../dashboard/index.html\">Dashboard</a></nav>\n")
        w.element("<h1>Tracker: ", term.label, "</h1>\n")
        w.raw("<div class=\"summary\">")
        for state in states {
            let count = term.rows.count { $0.state.code == state.code }
            guard count > 0 else { continue }
            w.element("<div>", state.name, "<br><strong>")
            w.text(count)
            w.raw("</strong></div>")
        }
        w.raw("</div>\n")
        w.element("<p><a href=\"", term.stem, ".csv\">")
        w.element("Download as CSV (", term.stem, ".csv)</a></p>\n")
        w.element("<table>\n<caption>", term.rows.count, " children, overdue first</caption>\n")
        w.raw(
            """
            <thead><tr><th scope="col">Child ID</th><th scope="col">School</th><th scope="col">Year</th>\
            <th scope="col">State</th><th scope="col">On the register</th></tr></thead>
            <tbody>

            """)
        for row in term.rows {
            w.element("<tr><th scope=\"row\">", row.childID, "</th>")
            w.element("<td>", row.schoolName, "</td>")
            w.element("<td>", row.yearGroup, "</td>")
            if row.state.isOverdue {
                w.element("<td><strong>", row.state.label, "</strong></td>")
            } else {
                w.element("<td>", row.state.label, "</td>")
            }
            w.raw(row.onRegister ? "<td>Yes</td></tr>\n" : "<td><strong>No</strong></td></tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
        return HTMLWriter.page(title: "Tracker: \(term.label)", w)
    }

    /// The Virtual School Head's figures: for each period (terms, then each academic year's
    /// totals) one table per grouping, one column per measure. Written by `HTMLWriter`.
    /// - Parameters:
    ///   - year: the academic year of a year's page (`statistics-2025-26.html`: every grouping);
    ///     nil for `statistics.html` (every term's headline figures, and a link to each year's page).
    ///   - years: the academic years with a page of their own, newest first (for the links).
    package static func statistics(_ figures: [StatisticsFigure], year: String? = nil, years: [String] = []) -> String {
        var w = HTMLWriter(capacity: 4096 + 60 * figures.count)
        if let year {
            w.raw("<nav><a href=\"index.html\">Tracker</a> · <a href=\"statistics.html\">Every year</a></nav>\n")
            w.element("<h1>The Virtual School Head's figures: ", year, "</h1>\n")
            w.element("<p>Every figure is also in <a href=\"", statisticsStem(year), ".csv\">")
            w.element("", statisticsStem(year), ".csv</a> (one figure a row, for a pivot table).</p>\n")
        } else {
            w.raw(
                """
                <nav><a href="index.html">Tracker</a> · <a href="../dashboard/index.html">Dashboard</a></nav>
                <h1>The Virtual School Head's figures</h1>
                <p>Every term's headline figures, and each academic year's; these are also in <a href="statistics.csv">statistics.csv</a> \
                (one figure a row, for a pivot table).</p>

                """)
            if !years.isEmpty {
                w.raw("<p>By school, phase, criterion and intervention:")
                for (i, y) in years.enumerated() {
                    w.raw(i == 0 ? " " : " · ")
                    w.element("<a href=\"", statisticsStem(y), ".html\">")
                    w.element("", y, "</a>")
                }
                w.raw("</p>\n")
            }
        }
        for period in periods(figures) {
            w.element("<h2 id=\"", period.anchor, "\">")
            w.element("", period.label, "</h2>\n")
            var kinds: [String] = []
            var byKind: [String: [StatisticsFigure]] = [:]
            for figure in period.figures {
                if byKind[figure.groupKind] == nil { kinds.append(figure.groupKind) }
                byKind[figure.groupKind, default: []].append(figure)
            }
            for kind in kinds { table(period.label, kind, byKind[kind] ?? [], into: &w) }
        }
        let title = year.map { "The Virtual School Head's figures: \($0)" } ?? "The Virtual School Head's figures"
        return HTMLWriter.page(title: title, w)
    }

    /// `statistics-2025-26`: the stem of an academic year's statistics files.
    package static func statisticsStem(_ academicYear: String) -> String {
        "statistics-" + academicYear.replacingOccurrences(of: "/", with: "-")
    }

    /// One grouping's table: a row per group, a column per measure.
    static func table(_ period: String, _ kind: String, _ ofKind: [StatisticsFigure], into w: inout HTMLWriter) {
        var columns: [String] = []
        var groups: [String] = []
        var values: [String: [String: String]] = [:]
        for figure in ofKind {
            if !columns.contains(figure.name) { columns.append(figure.name) }
            if values[figure.group] == nil { groups.append(figure.group) }
            if values[figure.group]?[figure.name] == nil { values[figure.group, default: [:]][figure.name] = figure.value }
        }
        if kind == "criterion" {
            // Which criteria fail most, first.
            func failed(_ group: String) -> Int { Int(values[group]?["failed"] ?? "") ?? 0 }
            groups = groups.enumerated().sorted { a, b in
                (failed(a.element), b.offset) > (failed(b.element), a.offset)
            }.map(\.element)
        }
        w.element("<table>\n<caption>", "\(period): \(caption(kind))", "</caption>\n")
        w.element("<thead><tr><th scope=\"col\">", groupTitle(kind), "</th>")
        for column in columns { w.element("<th scope=\"col\">", measureTitle(column), "</th>") }
        w.raw("</tr></thead>\n<tbody>\n")
        for group in groups {
            w.element("<tr><th scope=\"row\">", kind == "all" ? "All PEPs" : group, "</th>")
            for column in columns { w.element("<td>", values[group]?[column] ?? "", "</td>") }
            w.raw("</tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
    }

    struct Period {
        var label: String
        var anchor: String
        var figures: [StatisticsFigure]
    }

    /// Terms in the order given (each year's terms, then the year's totals).
    static func periods(_ figures: [StatisticsFigure]) -> [Period] {
        struct Key: Hashable {
            var year: String
            var term: Term?
        }
        var periods: [Period] = []
        var indexOf: [Key: Int] = [:]
        for figure in figures {
            let key = Key(year: figure.academicYear, term: figure.term)
            if let index = indexOf[key] {
                periods[index].figures.append(figure)
            } else {
                indexOf[key] = periods.count
                let label =
                    figure.term.map { "\($0.rawValue.capitalized) \(figure.academicYear)" } ?? "Academic year \(figure.academicYear)"
                let anchor = label.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "/", with: "-")
                periods.append(Period(label: label, anchor: anchor, figures: [figure]))
            }
        }
        return periods
    }

    static func caption(_ kind: String) -> String {
        switch kind {
        case "all": return "PEPs due, received and quality-assured on time"
        case "school": return "ratings and PP+ by school"
        case "phase": return "ratings by phase"
        case "criterion": return "how often each criterion failed, most failed first"
        case "intervention": return "PP+ by intervention type"
        default: return kind
        }
    }

    static func groupTitle(_ kind: String) -> String {
        switch kind {
        case "all": return "Group"
        case "criterion": return "Criterion"
        case "intervention": return "Intervention"
        default: return kind.capitalized
        }
    }

    static func measureTitle(_ name: String) -> String {
        let known: [String: String] = [
            "peps_due": "PEPs due", "peps_received": "Received", "received_on_time": "Received on time",
            "received_on_time_pct_of_due": "% received on time", "qa_completed": "QA completed", "qa_on_time": "QA on time",
            "qa_on_time_pct_of_received": "% QA on time", "assessed": "Assessed", "failed": "Failed",
            "ppplus_requested": "PP+ requested (£)", "ppplus_approved": "PP+ approved (£)", "ppplus_paid": "PP+ paid (£)",
            "ppplus_held": "PP+ held (£)",
        ]
        if let title = known[name] { return title }
        // quality_green → Quality Green
        return name.split(separator: "_").map { $0.capitalized }.joined(separator: " ")
    }
}
