import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// School days against working days, in the shipped `Rules/calendar/` (2025/26: autumn
/// 3 Sep–19 Dec, half-term 27–31 Oct; spring 5 Jan–27 Mar, half-term 16–20 Feb; summer
/// 13 Apr–22 Jul, half-term 25–29 May; INSET 3, 4 Sep, 5 Jan, 13 Feb, 22 Jul).
@Suite struct SchoolCalendarTests {
    let calendar = RulesDirectory.rules.calendar

    @Test func christmasHolidaysAreWorkingDaysButNotSchoolDays() {
        // Mon 15 Dec 2025 to Fri 9 Jan 2026: 16 working days (25, 26 Dec and 1 Jan skipped);
        // 8 school days (16–19 Dec, 6–9 Jan; 5 Jan is an INSET day).
        #expect(calendar.workingDays(from: isoDay("2025-12-15"), to: isoDay("2026-01-09")) == 16)
        #expect(calendar.schoolDays(from: isoDay("2025-12-15"), to: isoDay("2026-01-09")) == 8)
    }

    @Test func easterHolidaysAreNotSchoolDays() {
        // Mon 23 Mar to Fri 17 Apr 2026: 17 working days (Good Friday, Easter Monday skipped);
        // 9 school days (24–27 Mar, 13–17 Apr).
        #expect(calendar.workingDays(from: isoDay("2026-03-23"), to: isoDay("2026-04-17")) == 17)
        #expect(calendar.schoolDays(from: isoDay("2026-03-23"), to: isoDay("2026-04-17")) == 9)
    }

    @Test func halfTermIsAWorkingWeekButNotASchoolWeek() {
        #expect(calendar.workingDays(from: isoDay("2025-10-24"), to: isoDay("2025-11-07")) == 10)
        #expect(calendar.schoolDays(from: isoDay("2025-10-24"), to: isoDay("2025-11-07")) == 5)
        #expect(calendar.isWorkingDay(isoDay("2025-10-29")))
        #expect(!calendar.isSchoolDay(isoDay("2025-10-29")))
    }

    @Test func aBankHolidayInHalfTermIsCountedOnceByEachCount() {
        // Fri 22 May to Fri 5 Jun 2026: the spring bank holiday (25 May) starts half-term.
        #expect(calendar.workingDays(from: isoDay("2026-05-22"), to: isoDay("2026-06-05")) == 9)
        #expect(calendar.schoolDays(from: isoDay("2026-05-22"), to: isoDay("2026-06-05")) == 5)
    }

    @Test func anINSETDayIsAWorkingDayButNotASchoolDay() {
        #expect(calendar.insetDays.contains(isoDay("2026-02-13")))
        #expect(calendar.isWorkingDay(isoDay("2026-02-13")))
        #expect(!calendar.isSchoolDay(isoDay("2026-02-13")))
        #expect(calendar.isSchoolDay(isoDay("2026-02-12")))
    }

    @Test func weekendsAndHolidaysAreNotSchoolDays() {
        #expect(!calendar.isSchoolDay(isoDay("2026-02-07")))
        #expect(!calendar.isSchoolDay(isoDay("2026-08-05")))
        #expect(calendar.isSchoolDay(isoDay("2026-02-10")))
    }

    @Test func schoolDaysCannotBeCountedOutsideTheListedYears() {
        #expect(calendar.schoolDays(from: isoDay("2027-09-06"), to: isoDay("2027-09-10")) == nil)
        #expect(calendar.schoolDays(from: isoDay("2025-08-20"), to: isoDay("2025-09-10")) == nil)
        // 21 Jul 2027 is the last (INSET) day of the listed terms: only 7 school days follow 10 Jul.
        #expect(calendar.adding(schoolDays: 7, to: isoDay("2027-07-10")) == isoDay("2027-07-20"))
        #expect(calendar.adding(schoolDays: 8, to: isoDay("2027-07-10")) == nil)
    }

    @Test func countingBackwardsIsNegative() {
        #expect(calendar.schoolDays(from: isoDay("2025-11-07"), to: isoDay("2025-10-24")) == -5)
    }

    @Test func addingThenCountingSchoolDaysRoundTrips() throws {
        let start = isoDay("2025-12-12")
        for n in [1, 5, 20, 60] {
            let due = try #require(calendar.adding(schoolDays: n, to: start))
            #expect(calendar.schoolDays(from: start, to: due) == n)
            #expect(calendar.isSchoolDay(due))
        }
    }

    @Test func aCalendarWithoutTermsHasNoSchoolDays() {
        let bare = WorkingCalendar(bankHolidays: [])
        #expect(!bare.isSchoolDay(isoDay("2026-02-10")))
        #expect(bare.schoolDays(from: isoDay("2026-02-09"), to: isoDay("2026-02-10")) == nil)
    }

    @Test func halfTermsAndCompletionDatesComeFromTermsYAML() {
        let autumn = calendar.dates(of: .autumn, in: "2025/26")
        #expect(autumn?.halfTerm == DateSpan(start: isoDay("2025-10-27"), end: isoDay("2025-10-31")))
        #expect(autumn?.completion == isoDay("2025-11-28"))
        #expect(autumn?.deadline == autumn?.completion)
    }
}
