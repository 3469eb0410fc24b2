import PEPModel

/// The tracker's and the statistics' CSV files, for the Virtual School's own spreadsheets and
/// returns. Child IDs only: no name leaves in these files.
package enum TrackerFiles {
    /// One term's tracker line, as `PEPRules.Tracker` gives it (copied here, since output does
    /// not import the rules).
    package struct Line: Sendable, Hashable {
        package var childID: String
        package var schoolName: String
        package var yearGroup: String
        package var state: TrackerState
        package var submissionID: Int64?
        package var onRegister: Bool

        package init(
            childID: String, schoolName: String, yearGroup: String, state: TrackerState, submissionID: Int64?, onRegister: Bool
        ) {
            self.childID = childID
            self.schoolName = schoolName
            self.yearGroup = yearGroup
            self.state = state
            self.submissionID = submissionID
            self.onRegister = onRegister
        }
    }

    /// A child whose initial PEP meeting is still to be held.
    package struct InitialLine: Sendable, Hashable {
        package var childID: String
        package var schoolName: String
        package var enteredCare: CalendarDate
        package var due: CalendarDate?
        package var overdue: Bool
        package var schoolDaysInCare: Int?

        package init(
            childID: String, schoolName: String, enteredCare: CalendarDate, due: CalendarDate?, overdue: Bool,
            schoolDaysInCare: Int?
        ) {
            self.childID = childID
            self.schoolName = schoolName
            self.enteredCare = enteredCare
            self.due = due
            self.overdue = overdue
            self.schoolDaysInCare = schoolDaysInCare
        }
    }

    /// One figure of the statistics (see `PEPRules.TermStatistics.Measure`).
    package struct Figure: Sendable, Hashable {
        package var academicYear: String
        /// Nil for the whole academic year's row.
        package var term: Term?
        package var groupKind: String
        package var group: String
        package var measure: String
        package var value: String

        package init(academicYear: String, term: Term?, groupKind: String, group: String, measure: String, value: String) {
            self.academicYear = academicYear
            self.term = term
            self.groupKind = groupKind
            self.group = group
            self.measure = measure
            self.value = value
        }
    }

    package static func tracker(_ lines: [Line]) -> String {
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

    package static func initialPEPs(_ lines: [InitialLine]) -> String {
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
    package static func statistics(_ figures: [Figure]) -> String {
        var csv = CSVWriter()
        csv.row(["academic_year", "term", "group_kind", "group", "measure", "value"])
        for figure in figures {
            csv.row([
                .number(figure.academicYear), .number(figure.term?.rawValue ?? "year"), .number(figure.groupKind), .text(figure.group),
                .number(figure.measure), .number(figure.value),
            ])
        }
        return csv.text
    }
}
