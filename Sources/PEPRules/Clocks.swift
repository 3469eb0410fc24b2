import Foundation
import PEPModel

/// The Virtual School's three clocks, each a named setting in `ruleset.yaml`, counted on the
/// rule set's calendar.
///
/// - *submission*: the PEP must reach the Virtual School within `sla_days` working days of its
///   meeting, and by its term's completion date, whichever comes first;
/// - *QA*: QA is due `qa_working_days` working days after the meeting (not after receipt: the
///   process says "received and quality assured within 10 working days of the meeting");
/// - *initial PEP*: the first PEP meeting is due within `initial_pep_school_days` school days
///   of the child entering care.
///
/// Pure: the same dates and calendar always give the same due dates.
package struct Clocks: Sendable, Hashable {
    /// The setting names and their defaults (used when `ruleset.yaml` leaves one out).
    package static let submissionSetting = "sla_days"
    package static let qaSetting = "qa_working_days"
    package static let initialPEPSetting = "initial_pep_school_days"
    package static let defaults: [String: Int] = [submissionSetting: 10, qaSetting: 10, initialPEPSetting: 20]

    package let calendar: WorkingCalendar
    package let submissionWorkingDays: Int
    package let qaWorkingDays: Int
    package let initialPEPSchoolDays: Int

    package init(calendar: WorkingCalendar, submissionWorkingDays: Int = 10, qaWorkingDays: Int = 10, initialPEPSchoolDays: Int = 20) {
        (self.calendar, self.submissionWorkingDays, self.qaWorkingDays, self.initialPEPSchoolDays) = (
            calendar, submissionWorkingDays, qaWorkingDays, initialPEPSchoolDays
        )
    }

    /// The clocks as `settings:` set them, with the defaults for any left out.
    package init(calendar: WorkingCalendar, settings: [String: SettingValue]) {
        func days(_ name: String) -> Int {
            settings[name]?.number.map { NSDecimalNumber(decimal: $0).intValue } ?? Self.defaults[name] ?? 0
        }
        self.init(
            calendar: calendar, submissionWorkingDays: days(Self.submissionSetting), qaWorkingDays: days(Self.qaSetting),
            initialPEPSchoolDays: days(Self.initialPEPSetting))
    }

    /// The last day the PEP may reach the Virtual School: `submissionWorkingDays` working days
    /// after the meeting, or the term's completion date if that is earlier.
    ///
    /// A completion date that is not a working day (a bank holiday, a weekend) moves back to the
    /// last working day before it: nobody is in to receive the PEP on the day itself.
    /// - Parameter term: the dates of the PEP's term; nil when the calendar lacks its year, so
    ///   only the working-day clock applies.
    package func submissionDue(meeting: CalendarDate, term: TermDates?) -> CalendarDate {
        let byClock = calendar.adding(workingDays: submissionWorkingDays, to: meeting)
        guard let completion = term?.completion else { return byClock }
        return min(byClock, lastWorkingDay(onOrBefore: completion))
    }

    /// The day QA must be complete by: `qaWorkingDays` working days after the meeting.
    package func qaDue(meeting: CalendarDate) -> CalendarDate {
        calendar.adding(workingDays: qaWorkingDays, to: meeting)
    }

    /// The day the initial PEP meeting must be held by: the `initialPEPSchoolDays`th school day
    /// after the child entered care (from the holidays, the next term's first school day is
    /// day 1). Nil when `calendar/terms.yaml` does not reach that far.
    package func initialPEPDue(enteredCare: CalendarDate) -> CalendarDate? {
        calendar.adding(schoolDays: initialPEPSchoolDays, to: enteredCare)
    }

    private func lastWorkingDay(onOrBefore date: CalendarDate) -> CalendarDate {
        var day = date
        while !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }
}
