import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// Working days and term dates, counted in the calendars shipped in `Rules/calendar/`
/// (England and Wales bank holidays 2025-2027, the LA's terms).
@Suite struct WorkingCalendarTests {
    let calendar = RulesDirectory.rules.calendar

    // MARK: Bank holidays

    @Test func christmasBoxingDayAndNewYearAreNotWorkingDays() {
        #expect(calendar.workingDays(from: isoDay("2025-12-19"), to: isoDay("2026-01-02")) == 7)
        for holiday in ["2025-12-25", "2025-12-26", "2026-01-01"] {
            #expect(!calendar.isWorkingDay(isoDay(holiday)), "\(holiday)")
        }
        #expect(calendar.isWorkingDay(isoDay("2025-12-24")))
        #expect(calendar.isWorkingDay(isoDay("2026-01-02")))
    }

    @Test func theSameFortnightWithoutHolidaysHasTenWorkingDays() {
        let bare = WorkingCalendar(bankHolidays: [])
        #expect(bare.workingDays(from: isoDay("2025-12-19"), to: isoDay("2026-01-02")) == 10)
    }

    @Test func easter2026SkipsGoodFridayAndEasterMonday() {
        #expect(calendar.workingDays(from: isoDay("2026-04-02"), to: isoDay("2026-04-07")) == 1)
        #expect(!calendar.isWorkingDay(isoDay("2026-04-03")))
        #expect(!calendar.isWorkingDay(isoDay("2026-04-06")))
    }

    @Test func easter2025SkipsItsOwnGoodFridayAndEasterMonday() {
        #expect(calendar.workingDays(from: isoDay("2025-04-17"), to: isoDay("2025-04-22")) == 1)
    }

    @Test func earlyMayBankHolidayIsSkipped() {
        #expect(calendar.workingDays(from: isoDay("2026-05-01"), to: isoDay("2026-05-05")) == 1)
        #expect(!calendar.isWorkingDay(isoDay("2025-05-05")))
    }

    @Test func springBankHolidayIsSkipped() {
        #expect(calendar.workingDays(from: isoDay("2026-05-22"), to: isoDay("2026-05-29")) == 4)
        #expect(!calendar.isWorkingDay(isoDay("2025-05-26")))
    }

    @Test func summerBankHolidayIsSkipped() {
        #expect(!calendar.isWorkingDay(isoDay("2025-08-25")))
        #expect(!calendar.isWorkingDay(isoDay("2026-08-31")))
    }

    @Test func aBoxingDayAtTheWeekendMovesToTheMonday() {
        #expect(!calendar.isWorkingDay(isoDay("2026-12-28")))
        #expect(calendar.workingDays(from: isoDay("2026-12-24"), to: isoDay("2026-12-29")) == 1)
    }

    @Test func provisional2027HolidaysCountTheirSubstituteDays() {
        #expect(calendar.provisionalYears == [2027])
        #expect(calendar.workingDays(from: isoDay("2027-12-24"), to: isoDay("2027-12-29")) == 1)
        #expect(calendar.workingDays(from: isoDay("2027-03-25"), to: isoDay("2027-03-30")) == 1)
    }

    @Test func aYearNotListedHasNoBankHolidays() {
        // Documented in Rules/README.md §5: add next year's dates before it starts.
        #expect(calendar.isWorkingDay(isoDay("2028-12-25")))
    }

    // MARK: Weekends, order, counting

    @Test func weekendsAreNotWorkingDays() {
        #expect(!calendar.isWorkingDay(isoDay("2026-02-07")))
        #expect(!calendar.isWorkingDay(isoDay("2026-02-08")))
        #expect(calendar.workingDays(from: isoDay("2026-02-06"), to: isoDay("2026-02-09")) == 1)
        #expect(calendar.workingDays(from: isoDay("2026-02-07"), to: isoDay("2026-02-08")) == 0)
    }

    @Test func theNextWorkingDayIsOneWorkingDayLater() {
        #expect(calendar.workingDays(from: isoDay("2026-02-10"), to: isoDay("2026-02-11")) == 1)
    }

    @Test func theSameDayIsZeroWorkingDays() {
        #expect(calendar.workingDays(from: isoDay("2026-02-10"), to: isoDay("2026-02-10")) == 0)
        #expect(calendar.workingDays(from: isoDay("2025-12-25"), to: isoDay("2025-12-25")) == 0)
    }

    @Test func reversedDatesGiveANegativeCount() {
        #expect(calendar.workingDays(from: isoDay("2026-01-02"), to: isoDay("2025-12-19")) == -7)
        #expect(calendar.workingDays(from: isoDay("2026-02-17"), to: isoDay("2026-02-10")) == -5)
    }

    @Test func aFullWorkingWeekIsFiveWorkingDays() {
        #expect(calendar.workingDays(from: isoDay("2026-02-09"), to: isoDay("2026-02-16")) == 5)
    }

    @Test func addingWorkingDaysSkipsWeekendsAndHolidays() {
        #expect(calendar.adding(workingDays: 10, to: isoDay("2025-12-19")) == isoDay("2026-01-07"))
        #expect(calendar.adding(workingDays: 1, to: isoDay("2026-04-02")) == isoDay("2026-04-07"))
        #expect(calendar.adding(workingDays: 0, to: isoDay("2026-02-07")) == isoDay("2026-02-07"))
    }

    @Test func addingThenCountingWorkingDaysRoundTrips() {
        let start = isoDay("2025-12-15")
        for n in [1, 5, 10, 20] {
            #expect(calendar.workingDays(from: start, to: calendar.adding(workingDays: n, to: start)) == n)
        }
    }

    // MARK: Term dates

    @Test func termDatesComeFromTermsYAML() {
        let spring = calendar.dates(of: .spring, in: "2025/26")
        #expect(spring == TermDates(
            start: isoDay("2026-01-05"), end: isoDay("2026-03-27"),
            halfTerm: DateSpan(start: isoDay("2026-02-16"), end: isoDay("2026-02-20")), completion: isoDay("2026-03-13")))
        #expect(calendar.dates(of: .autumn, in: "2026/27")?.completion == isoDay("2026-11-27"))
        #expect(calendar.dates(of: .summer, in: "2026/27")?.end == isoDay("2027-07-21"))
    }

    @Test func anAcademicYearNotListedHasNoTermDates() {
        #expect(calendar.dates(of: .autumn, in: "2027/28") == nil)
        #expect(calendar.dates(of: .autumn, in: "2025-26") == nil)
    }

    @Test func everyListedTermRunsStartCompletionEnd() {
        #expect(calendar.terms.keys.contains("2025/26"))
        for (year, terms) in calendar.terms {
            #expect(terms.count == 3, "\(year)")
            for (term, dates) in terms { #expect(dates.start <= dates.completion && dates.completion <= dates.end, "\(year) \(term)") }
        }
    }
}

/// The `term.*` operands and `days_between` units, through criteria on the Green fixture
/// (a spring 2025/26 review PEP, meeting Tue 10 Feb 2026, received Tue 17 Feb 2026).
@Suite struct CalendarOperandTests {
    @Test func termDeadlineIsTheDeadlineOfThePEPsOwnTerm() throws {
        let before = try ExtraCriterion("{compare: {value: term.deadline, eq: {date: 2026-03-13}}}")
        #expect(before.holds())
        let summer = ExtraCriterion.fixture { $0.set("pep.term", "Summer") }
        #expect(!before.holds(summer))
        let startAndEnd = try ExtraCriterion(
            "{all: [{compare: {value: term.start, eq: {date: 2026-04-13}}}, {compare: {value: term.end, eq: {date: 2026-07-22}}}]}")
        #expect(startAndEnd.holds(summer))
    }

    @Test func termDatesFollowTheMeetingDateWhenNoAcademicYearIsWritten() throws {
        let autumn2026 = try ExtraCriterion("{compare: {value: term.start, eq: {date: 2026-09-02}}}")
        let september = ExtraCriterion.fixture {
            $0.remove("pep.academic_year")
            $0.set("pep.term", "Autumn")
            $0.set("meeting.date", "01/10/2026")
        }
        #expect(autumn2026.holds(september))
        let july = ExtraCriterion.fixture {
            $0.remove("pep.academic_year")
            $0.set("pep.term", "Summer")
            $0.set("meeting.date", "01/07/2026")
        }
        let summer2026 = try ExtraCriterion("{compare: {value: term.start, eq: {date: 2026-04-13}}}")
        #expect(summer2026.holds(july))
    }

    @Test func termDatesAreNotGivenForAYearTheCalendarLacks() throws {
        let given = try ExtraCriterion("{present: term.deadline}")
        #expect(given.holds())
        #expect(!given.holds(ExtraCriterion.fixture { $0.set("pep.academic_year", "2030/31") }))
        #expect(!given.holds(ExtraCriterion.fixture { $0.blank("pep.term") }))
    }

    @Test func timelinessCountsWorkingDaysAcrossChristmas() {
        // Meeting Mon 15 Dec 2025; the 10th working day after it is Wed 31 Dec (25, 26 Dec and 1 Jan skipped).
        var fixture = PEPFixture.greenReview()
        fixture.set("meeting.date", "15/12/2025")
        fixture.set("pep.term", "Autumn")
        #expect(assess(fixture, context: PEPFixture.context(received: isoDay("2025-12-31"))).outcome("TIME-01") == .pass)
        #expect(assess(fixture, context: PEPFixture.context(received: isoDay("2026-01-02"))).outcome("TIME-01") == .fail)
    }
}
