import PEPModel

/// The tracker's and the statistics' CSV files, for the Virtual School's own spreadsheets and
/// returns. Child IDs only: no name leaves in these files.
package enum TrackerFiles {
    package static func tracker(_ lines: [TrackerRow]) -> String {
        var csv = CSVWriter()
        csv.row(["child_la_id", "school", "year_group", "state", "detail", "overdue", "on_register", "submission_id"])
        for line in lines {
            csv.row([
                .text(line.childID), .text(line.schoolName), .text(line.yearGroup), .text(line.state.code),
                .text(line.state.label), .number(line.state.isOverdue ? "yes" : "no"),
                .number(line.onRegister ? "yes" : "no"), .number(line.submissionID.map(String.init) ?? ""),
            ])
        }
        return csv.text
    }

    package static func initialPEPs(_ lines: [InitialPEPDue]) -> String {
        var csv = CSVWriter()
        csv.row(["child_la_id", "school", "entered_care", "initial_pep_due", "school_days_in_care", "overdue"])
        for line in lines {
            csv.row([
                .text(line.childID), .text(line.schoolName), .number(line.enteredCare.iso), .number(line.due?.iso ?? ""),
                .number(line.schoolDaysInCare.map(String.init) ?? ""), .number(line.overdue ? "yes" : "no"),
            ])
        }
        return csv.text
    }

    /// Long format: one figure a row, every term in one file, so trends are one pivot away.
    package static func statistics(_ figures: [StatisticsFigure]) -> String {
        var csv = CSVWriter()
        csv.row(["academic_year", "term", "group_kind", "group", "measure", "value"])
        for figure in figures {
            csv.row([
                .number(figure.academicYear), .number(figure.term?.rawValue ?? "year"), .number(figure.groupKind), .text(figure.group),
                .number(figure.name), .number(figure.value),
            ])
        }
        return csv.text
    }
}
