import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// The submission, QA and initial-PEP clocks at their edges, on the shipped calendar and
/// settings (10 working days, 10 working days, 20 school days).
@Suite struct ClocksTests {
    let clocks = RulesDirectory.rules.clocks
    var autumn: TermDates? { clocks.calendar.dates(of: .autumn, in: "2025/26") }

    @Test func theShippedClocksAreTheDefaults() {
        #expect(clocks.submissionWorkingDays == 10)
        #expect(clocks.qaWorkingDays == 10)
        #expect(clocks.initialPEPSchoolDays == 20)
    }

    // MARK: QA and submission

    @Test func aMeetingOnTheFridayBeforeHalfTermCountsHalfTermAsWorkingDays() {
        // Fri 24 Oct 2025; half-term 27–31 Oct is five working days.
        #expect(clocks.qaDue(meeting: isoDay("2025-10-24")) == isoDay("2025-11-07"))
        #expect(clocks.submissionDue(meeting: isoDay("2025-10-24"), term: autumn) == isoDay("2025-11-07"))
    }

    @Test func qaCountsFromTheMeetingAcrossChristmas() {
        // Mon 15 Dec 2025: 25, 26 Dec and 1 Jan skipped.
        #expect(clocks.qaDue(meeting: isoDay("2025-12-15")) == isoDay("2025-12-31"))
    }

    @Test func qaCountsFromTheMeetingAcrossEaster() {
        // Fri 27 Mar 2026, the last day of spring term: Good Friday and Easter Monday skipped.
        #expect(clocks.qaDue(meeting: isoDay("2026-03-27")) == isoDay("2026-04-14"))
    }

    @Test func submissionIsDueByTheCompletionDateWhenThatComesFirst() {
        // Mon 24 Nov 2025: 10 working days is Mon 8 Dec, but autumn's completion date is Fri 28 Nov.
        #expect(clocks.submissionDue(meeting: isoDay("2025-11-24"), term: autumn) == isoDay("2025-11-28"))
        #expect(clocks.qaDue(meeting: isoDay("2025-11-24")) == isoDay("2025-12-08"))
    }

    @Test func aCompletionDateOnABankHolidayMovesBackToTheWorkingDayBefore() {
        // Completion Mon 25 May 2026 (spring bank holiday): due Fri 22 May.
        let term = TermDates(start: isoDay("2026-04-13"), end: isoDay("2026-07-22"), completion: isoDay("2026-05-25"))
        #expect(clocks.submissionDue(meeting: isoDay("2026-05-18"), term: term) == isoDay("2026-05-22"))
        // A meeting early enough is due by its own clock.
        #expect(clocks.submissionDue(meeting: isoDay("2026-05-05"), term: term) == isoDay("2026-05-19"))
    }

    @Test func withoutTermDatesOnlyTheWorkingDayClockApplies() {
        #expect(clocks.submissionDue(meeting: isoDay("2025-11-24"), term: nil) == isoDay("2025-12-08"))
    }

    // MARK: Initial PEP

    @Test func enteringCareInTheHolidaysStartsTheCountAtTheNextSchoolDay() {
        // Sat 20 Dec 2025: 5 Jan is an INSET day, so Tue 6 Jan is day 1 and Mon 2 Feb day 20.
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2025-12-20")) == isoDay("2026-02-02"))
        // Mon 10 Aug 2026: autumn starts with two INSET days, Fri 4 Sep is day 1, Thu 1 Oct day 20.
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2026-08-10")) == isoDay("2026-10-01"))
    }

    @Test func enteringCareOnTheFridayBeforeHalfTermSkipsHalfTerm() {
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2025-10-24")) == isoDay("2025-11-28"))
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2025-10-22")) == isoDay("2025-11-26"))
    }

    @Test func enteringCareBeforeEasterSkipsTheHolidays() {
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2026-03-20")) == isoDay("2026-05-01"))
    }

    @Test func theInitialPEPHasNoDueDateBeyondTheTermDates() {
        #expect(clocks.initialPEPDue(enteredCare: isoDay("2027-07-10")) == nil)
    }

    @Test func schoolDaysAndWorkingDaysGiveDifferentInitialPEPDates() {
        // Counted as working days, the 20 days include half-term week and end a week earlier.
        let entered = isoDay("2025-10-22")
        #expect(clocks.calendar.adding(workingDays: 20, to: entered) == isoDay("2025-11-19"))
        #expect(clocks.initialPEPDue(enteredCare: entered) == isoDay("2025-11-26"))
    }

    // MARK: Settings

    @Test func clockSettingsChangeTheClocks() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "qa_working_days: 10", with: "qa_working_days: 5")
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "initial_pep_school_days: 20", with: "initial_pep_school_days: 1")
        let edited = try RuleSet.load(directory: dir).clocks
        #expect(edited.qaDue(meeting: isoDay("2025-10-24")) == isoDay("2025-10-31"))
        #expect(edited.initialPEPDue(enteredCare: isoDay("2025-12-20")) == isoDay("2026-01-06"))
    }

    @Test func aClockSettingLeftOutTakesItsDefault() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "  qa_working_days: 10", with: "")
        #expect(try RuleSet.load(directory: dir).clocks.qaWorkingDays == 10)
    }

    @Test(arguments: ["0", "2.5", "ten"]) func aClockSettingMustBeAWholeNumberOfDays(_ bad: String) throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "qa_working_days: 10", with: "qa_working_days: \(bad)")
        let place = try RulesDirectory.place(dir, "ruleset.yaml", "qa_working_days", column: bad)
        #expect(RuleSet.check(directory: dir).map(\.description)
            == ["ruleset.yaml:\(place): [settings] bad value: the clock setting 'qa_working_days' must be a whole number of days, at least 1"])
    }
}

/// `days_between` with `unit: school`, as TIME-03 counts the initial-PEP clock.
@Suite struct SchoolDayUnitTests {
    @Test func schoolDaysSkipHalfTermWhereWorkingDaysDoNot() throws {
        // Meeting Fri 24 Oct 2025 to Fri 7 Nov: 10 working days, 5 school days.
        let fixture = ExtraCriterion.fixture {
            $0.set("child.care_start_date", "24/10/2025")
            $0.set("meeting.date", "07/11/2025")
        }
        #expect(try ExtraCriterion("{days_between: {from: child.care_start_date, to: meeting.date, unit: school, min: 5, max: 5}}").holds(fixture))
        #expect(try ExtraCriterion("{days_between: {from: child.care_start_date, to: meeting.date, unit: working, min: 10, max: 10}}").holds(fixture))
    }

    @Test func schoolDaysOutsideTheTermDatesFailWithANote() throws {
        let check = try ExtraCriterion("{days_between: {from: child.care_start_date, to: meeting.date, unit: school, max: 20}}")
        // The Green fixture's child entered care on 1 May 2023, before the listed terms.
        let result = try #require(check.result())
        #expect(result.outcome == .fail)
        #expect(result.evidence.map(\.note).contains("school days cannot be counted: calendar/terms.yaml does not cover these dates"))
    }

    @Test func initialPEPIsCountedInSchoolDays() {
        // Entered care Fri 24 Oct 2025 (before half-term), meeting Fri 28 Nov: the 20th school day.
        var fixture = PEPFixture.greenReview()
        fixture.set("pep.type", "Initial")
        fixture.set("pep.term", "Autumn")
        fixture.set("child.care_start_date", "24/10/2025")
        fixture.set("meeting.date", "28/11/2025")
        #expect(assess(fixture, context: PEPFixture.context(received: isoDay("2025-12-01"))).outcome("TIME-03") == .pass)
        fixture.set("meeting.date", "01/12/2025")
        #expect(assess(fixture, context: PEPFixture.context(received: isoDay("2025-12-02"))).outcome("TIME-03") == .fail)
    }
}
