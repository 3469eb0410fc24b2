import PEPModel

/// The tracker's and the statistics' CSV files, for the Virtual School's own spreadsheets and
/// returns. Child IDs only: no name leaves in these files.
package enum TrackerFiles {
    package static func tracker(_ lines: [TrackerRow]) -> String {
        table(["child_la_id", "school", "year_group", "state", "detail", "overdue", "on_register", "submission_id"], lines) {
            [
                .text($0.childID), .text($0.schoolName), .text($0.yearGroup), .text($0.state.code), .text($0.state.label),
                yesNo($0.state.isOverdue), yesNo($0.onRegister), .number($0.submissionID.map(String.init) ?? ""),
            ]
        }
    }

    package static func initialPEPs(_ lines: [InitialPEPDue]) -> String {
        table(["child_la_id", "school", "entered_care", "initial_pep_due", "school_days_in_care", "overdue"], lines) {
            [
                .text($0.childID), .text($0.schoolName), .number($0.enteredCare.iso), .number($0.due?.iso ?? ""),
                .number($0.schoolDaysInCare.map(String.init) ?? ""), yesNo($0.overdue),
            ]
        }
    }

    /// Long format: one figure a row, every term in one file, so trends are one pivot away.
    package static func statistics(_ figures: [StatisticsFigure]) -> String {
        table(["academic_year", "term", "group_kind", "group", "measure", "value"], figures) {
            [
                .number($0.academicYear), .number($0.term?.rawValue ?? "year"), .number($0.groupKind), .text($0.group),
                .number($0.name), .number($0.value),
            ]
        }
    }

    static func table<Line>(_ header: [String], _ lines: [Line], _ cells: (Line) -> [CSVWriter.Cell]) -> String {
        var csv = CSVWriter()
        csv.row(header)
        for line in lines { csv.row(cells(line)) }
        return csv.text
    }

    static func yesNo(_ value: Bool) -> CSVWriter.Cell { .number(value ? "yes" : "no") }
}
