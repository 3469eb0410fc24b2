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

    package static func term(_ term: TermTracker) -> String {
        let rows: [[String: Any]] = term.rows.map {
            [
                "childID": $0.childID, "school": $0.schoolName, "year": $0.yearGroup, "state": $0.state.label,
                "overdue": $0.state.isOverdue, "onRegister": $0.onRegister,
            ]
        }
        let summary: [[String: Any]] = states.compactMap { state in
            let count = term.rows.filter { $0.state.code == state.code }.count
            return count == 0 ? nil : ["name": state.name, "count": String(count)]
        }
        return ReportTemplates.page(
            title: "Tracker: \(term.label)", template: "tracker-term",
            ["label": term.label, "stem": term.stem, "summary": summary, "rowCount": String(term.rows.count), "rows": rows])
    }

    /// Every period (terms, then each academic year's totals), each grouping as one table.
    package static func statistics(_ figures: [StatisticsFigure]) -> String {
        let periods: [[String: Any]] = periods(figures).map { period in
            var kinds: [String] = []
            for figure in period.figures where !kinds.contains(figure.groupKind) { kinds.append(figure.groupKind) }
            let tables: [[String: Any]] = kinds.map { kind in
                let ofKind = period.figures.filter { $0.groupKind == kind }
                var columns: [String] = []
                var groups: [String] = []
                for figure in ofKind {
                    if !columns.contains(figure.name) { columns.append(figure.name) }
                    if !groups.contains(figure.group) { groups.append(figure.group) }
                }
                if kind == "criterion" {
                    // Which criteria fail most, first.
                    func failed(_ group: String) -> Int {
                        Int(ofKind.first { $0.group == group && $0.name == "failed" }?.value ?? "") ?? 0
                    }
                    groups = groups.enumerated().sorted { a, b in
                        (failed(a.element), b.offset) > (failed(b.element), a.offset)
                    }.map(\.element)
                }
                let rows: [[String: Any]] = groups.map { group in
                    [
                        "group": kind == "all" ? "All PEPs" : group,
                        "values": columns.map { name in ofKind.first { $0.group == group && $0.name == name }?.value ?? "" },
                    ]
                }
                return [
                    "caption": "\(period.label): \(caption(kind))", "groupTitle": groupTitle(kind),
                    "columns": columns.map(measureTitle), "rows": rows,
                ]
            }
            return ["label": period.label, "anchor": period.anchor, "tables": tables]
        }
        return ReportTemplates.page(title: "The Virtual School Head's figures", template: "statistics", ["periods": periods])
    }

    struct Period {
        var label: String
        var anchor: String
        var figures: [StatisticsFigure]
    }

    /// Terms in the order given (each year's terms, then the year's totals).
    static func periods(_ figures: [StatisticsFigure]) -> [Period] {
        var periods: [Period] = []
        for figure in figures {
            let label = figure.term.map { "\($0.rawValue.capitalized) \(figure.academicYear)" } ?? "Academic year \(figure.academicYear)"
            if let index = periods.firstIndex(where: { $0.label == label }) {
                periods[index].figures.append(figure)
            } else {
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
