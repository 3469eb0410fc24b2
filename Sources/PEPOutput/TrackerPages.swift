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

    /// A term's line on the index (the count of children in each state) and its statistics:
    /// all the index and the statistics pages need of it, so that a publish can keep the lines
    /// of terms that did not change (`OutputTermStore`) instead of working them out again.
    package struct TermSummary: Codable, Sendable, Equatable {
        package var label: String
        package var stem: String
        /// Children in each of `states`, in order.
        package var counts: [Int]
        package var figures: [StatisticsFigure]

        package init(_ term: TermTracker, figures: [StatisticsFigure]) {
            label = term.label
            stem = term.stem
            counts = states.map { state in term.rows.count { $0.state.code == state.code } }
            self.figures = figures
        }

        enum CodingKeys: String, CodingKey { case label, stem, counts, figures }

        /// Each figure is kept as an array of six strings (year, term or "", group kind, group,
        /// measure, value), not an object: every publish reads every term's line back, and an
        /// array of strings decodes several times faster than an object with keys.
        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            stem = try c.decode(String.self, forKey: .stem)
            counts = try c.decode([Int].self, forKey: .counts)
            figures = try c.decode([[String]].self, forKey: .figures).map { cells in
                guard cells.count == 6 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .figures, in: c, debugDescription: "a figure has \(cells.count) cells, not 6")
                }
                return StatisticsFigure(
                    academicYear: cells[0], term: cells[1].isEmpty ? nil : Term(rawValue: cells[1]), groupKind: cells[2],
                    group: cells[3], name: cells[4], value: cells[5])
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(stem, forKey: .stem)
            try c.encode(counts, forKey: .counts)
            try c.encode(
                figures.map { [$0.academicYear, $0.term?.rawValue ?? "", $0.groupKind, $0.group, $0.name, $0.value] }, forKey: .figures)
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

    /// - Parameters:
    ///   - registerLine: where the register came from ("Register of children looked after: …").
    ///   - figures: every statistics figure, term rows and academic-year rows.
    package static func index(
        terms: [TermSummary], initial: [InitialPEPDue], figures: [StatisticsFigure], registerLine: String, skipped: Int,
        refreshed: CalendarDate
    ) -> String {
        let trend: [[String: Any]] = periods(figures).map { period in
            var row: [String: Any] = ["label": period.label]
            for name in headline {
                row[name] = period.figures.first { $0.groupKind == "all" && $0.name == name }?.value ?? ""
            }
            return row
        }
        let termRows: [[String: Any]] = terms.map { term in
            ["label": term.label, "stem": term.stem, "counts": term.counts.map(String.init)]
        }
        let initialRows: [[String: Any]] = initial.map {
            [
                "childID": $0.childID, "school": $0.schoolName, "enteredCare": $0.enteredCare.iso, "due": $0.due?.iso ?? "",
                "days": $0.schoolDaysInCare.map(String.init) ?? "", "overdue": $0.overdue,
            ]
        }
        return ReportTemplates.page(
            title: "Tracker", template: "tracker-index",
            [
                "registerLine": registerLine, "hasSkipped": skipped > 0, "skipped": String(skipped),
                "refreshed": refreshed.long, "trend": trend, "stateNames": states.map(\.name), "terms": termRows,
                "hasInitial": !initial.isEmpty, "initialCount": String(initial.count), "initial": initialRows,
            ])
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
        w.raw("<table>\n<caption>")
        w.text(term.rows.count)
        w.raw(" children, overdue first</caption>\n")
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
        return ReportTemplates.page(title: "Tracker: \(term.label)", body: w.html)
    }

    /// Every period (terms, then each academic year's totals), each grouping as one table, one
    /// column per measure. Written by `HTMLWriter`: it holds every term's figures and is
    /// rewritten after every document.
    package static func statistics(_ figures: [StatisticsFigure]) -> String {
        var w = HTMLWriter(capacity: 4096 + 60 * figures.count)
        w.raw(
            """
            <nav><a href="index.html">Tracker</a> · <a href="../dashboard/index.html">Dashboard</a></nav>
            <h1>The Virtual School Head's figures</h1>
            <p>Every figure is also in <a href="statistics.csv">statistics.csv</a> (one figure a row, for a pivot table).</p>

            """)
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
        return ReportTemplates.page(title: "The Virtual School Head's figures", body: w.html)
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
        var periods: [Period] = []
        var indexOf: [String: Int] = [:]
        for figure in figures {
            let label = figure.term.map { "\($0.rawValue.capitalized) \(figure.academicYear)" } ?? "Academic year \(figure.academicYear)"
            if let index = indexOf[label] {
                periods[index].figures.append(figure)
            } else {
                indexOf[label] = periods.count
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
