import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// `days_between` in its three units. The Green fixture's meeting is Tue 10 Feb 2026, received
/// Tue 17 Feb 2026 (7 calendar days, 5 working days); its next meeting is Tue 12 May 2026
/// (91 days, 13 weeks).
@Suite struct DaysBetweenTests {
    @Test func calendarDaysIsTheDefaultUnit() throws {
        #expect(try ExtraCriterion("{days_between: {from: meeting.date, to: received, max: 7}}").holds())
        #expect(!(try ExtraCriterion("{days_between: {from: meeting.date, to: received, max: 6}}").holds()))
        #expect(try ExtraCriterion("{days_between: {from: meeting.date, to: received, unit: calendar, min: 7, max: 7}}").holds())
    }

    @Test func workingDaysLeaveOutTheWeekend() throws {
        #expect(try ExtraCriterion("{days_between: {from: meeting.date, to: received, unit: working, min: 5, max: 5}}").holds())
        #expect(!(try ExtraCriterion("{days_between: {from: meeting.date, to: received, unit: working, max: 4}}").holds()))
    }

    @Test func workingDaysLeaveOutBankHolidays() throws {
        let c = try ExtraCriterion("{days_between: {from: meeting.date, to: received, unit: working, max: 7}}")
        let christmas = PEPFixture.context(received: isoDay("2026-01-02"))
        #expect(c.holds(ExtraCriterion.fixture { $0.set("meeting.date", "19/12/2025") }, context: christmas))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("meeting.date", "18/12/2025") }, context: christmas))
    }

    @Test func weeksAreCalendarDaysOverSeven() throws {
        #expect(try ExtraCriterion("{days_between: {from: meeting.date, to: meeting.next_date, unit: weeks, min: 13, max: 13}}").holds())
        #expect(!(try ExtraCriterion("{days_between: {from: meeting.date, to: meeting.next_date, unit: weeks, max: 12.9}}").holds()))
    }

    @Test func aWeeksMaximumAllowsExactlyThatManyWeeks() throws {
        let c = try ExtraCriterion("{days_between: {from: meeting.date, to: meeting.next_date, unit: weeks, max: 16}}")
        #expect(c.holds(ExtraCriterion.fixture { $0.set("meeting.next_date", "02/06/2026") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("meeting.next_date", "03/06/2026") }))
    }

    @Test func theCountIsNegativeWhenToIsBeforeFrom() throws {
        #expect(try ExtraCriterion("{days_between: {from: received, to: meeting.date, min: -7, max: -7}}").holds())
        #expect(try ExtraCriterion("{days_between: {from: received, to: meeting.date, unit: working, min: -5, max: -5}}").holds())
        #expect(!(try ExtraCriterion("{days_between: {from: received, to: meeting.date, min: 0}}").holds()))
    }

    @Test func boundsMayComeFromSettings() throws {
        let c = try ExtraCriterion("{days_between: {from: meeting.date, to: received, unit: working, max: settings.sla_days}}")
        #expect(c.holds())
        #expect(!c.holds(context: PEPFixture.context(received: isoDay("2026-02-25"))))
        #expect(c.holds(context: PEPFixture.context(received: isoDay("2026-02-24"))))
    }

    @Test func aDateNotGivenFails() throws {
        let c = try ExtraCriterion("{days_between: {from: meeting.date, to: received, max: 365}}")
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("meeting.date") }))
    }

    @Test func literalDatesAndTermDatesWork() throws {
        #expect(try ExtraCriterion("{days_between: {from: {date: 2026-02-01}, to: meeting.date, min: 9, max: 9}}").holds())
        // Spring 2025/26 deadline: Fri 13 Mar 2026, 23 working days after the meeting.
        #expect(try ExtraCriterion("{days_between: {from: meeting.date, to: term.deadline, unit: working, min: 23, max: 23}}").holds())
    }
}

/// `upn_valid`, `attached`, `same_text`, `year_group_fits_age`.
@Suite struct ComputedOperatorTests {
    @Test func upnValidChecksLengthAndCheckLetter() throws {
        let c = try ExtraCriterion("{upn_valid: child.upn}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture {
            let wrong: Character = PEPFixture.upn.first == "A" ? "B" : "A"
            $0.set("child.upn", String(wrong) + PEPFixture.upn.dropFirst())
        }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("child.upn", String(PEPFixture.upn.dropLast())) }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("child.upn") }))
    }

    @Test func attachedMatchesAnAttachmentsFileNameIgnoringCase() throws {
        let c = try ExtraCriterion("{attached: 'boxall'}")
        let boxall = AttachmentInfo(fileName: "BOXALL-Profile.pdf", contentType: "application/pdf", size: 1000)
        let notes = AttachmentInfo(fileName: "notes.pdf", contentType: "application/pdf", size: 1000)
        #expect(!c.holds())
        #expect(!c.holds(context: PEPFixture.context(attachments: [notes])))
        #expect(c.holds(context: PEPFixture.context(attachments: [notes, boxall])))
    }

    @Test func sameTextIgnoresCaseAndPunctuation() throws {
        let c = try ExtraCriterion("{same_text: [school.designated_teacher.name, sign_off.designated_teacher.name]}")
        #expect(c.holds())
        #expect(c.holds(ExtraCriterion.fixture { $0.set("sign_off.designated_teacher.name", "sam  TEACHER.") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("sign_off.designated_teacher.name", "Sam Teach") }))
    }

    @Test func sameTextNeedsBothTexts() throws {
        let c = try ExtraCriterion("{same_text: [school.designated_teacher.name, sign_off.designated_teacher.name]}")
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("sign_off.designated_teacher.name") }))
        let copy = try ExtraCriterion("{same_text: [child_voice, history.last_term_child_voice]}")
        #expect(!copy.holds())
    }

    @Test func sameTextSpotsAVoiceCopiedFromLastTerm() throws {
        let c = try ExtraCriterion("{same_text: [child_voice, history.last_term_child_voice]}")
        let voice = PEPFixture.greenReview().read.pep.childVoice?.value ?? ""
        #expect(c.holds(context: PEPFixture.context(history: ChildHistory(lastTermChildVoice: voice.uppercased()))))
        #expect(!c.holds(context: PEPFixture.context(history: ChildHistory(lastTermChildVoice: "I like art."))))
    }

    @Test func yearGroupFitsTheDateOfBirth() throws {
        // Born 14 Mar 2012: Year 9 in 2025/26.
        #expect(try ExtraCriterion("{year_group_fits_age: {}}").holds())
        #expect(try ExtraCriterion("{year_group_fits_age: {tolerance: 0}}").holds())
    }

    @Test func aYearGroupOneYearOutNeedsAToleranceOfOne() throws {
        let year10 = ExtraCriterion.fixture { $0.set("child.year_group", "Year 10") }
        #expect(!(try ExtraCriterion("{year_group_fits_age: {}}").holds(year10)))
        #expect(try ExtraCriterion("{year_group_fits_age: {tolerance: 1}}").holds(year10))
        let year7 = ExtraCriterion.fixture { $0.set("child.year_group", "Year 7") }
        #expect(!(try ExtraCriterion("{year_group_fits_age: {tolerance: 1}}").holds(year7)))
    }

    @Test func receptionIsTheYearAChildTurnsFive() throws {
        let c = try ExtraCriterion("{year_group_fits_age: {}}")
        let september = ExtraCriterion.fixture {
            $0.set("child.year_group", "Reception")
            $0.set("child.date_of_birth", "01/09/2020")
        }
        #expect(c.holds(september))
        let august = ExtraCriterion.fixture {
            $0.set("child.year_group", "Reception")
            $0.set("child.date_of_birth", "31/08/2020")
        }
        #expect(!c.holds(august))
        #expect(c.holds(ExtraCriterion.fixture {
            $0.set("child.year_group", "Year 1")
            $0.set("child.date_of_birth", "31/08/2020")
        }))
    }

    @Test func theAcademicYearFollowsTheMeetingWhenNotWritten() throws {
        let c = try ExtraCriterion("{year_group_fits_age: {}}")
        #expect(c.holds(ExtraCriterion.fixture { $0.remove("pep.academic_year") }))
        #expect(!c.holds(ExtraCriterion.fixture {
            $0.remove("pep.academic_year")
            $0.set("meeting.date", "10/10/2026")
        }))
    }

    @Test func yearGroupFitsAgeFailsWithoutADateOfBirth() throws {
        #expect(!(try ExtraCriterion("{year_group_fits_age: {tolerance: 5}}").holds(ExtraCriterion.fixture {
            $0.blank("child.date_of_birth")
        })))
    }
}

/// Facts from the ledger's history of the child (`AssessmentContext.history`).
@Suite struct HistoryFactTests {
    func context(_ history: ChildHistory) -> AssessmentContext { PEPFixture.context(history: history) }

    @Test func ppPlusApprovedThisFinancialYearIsANumberInPounds() throws {
        let c = try ExtraCriterion("{compare: {value: history.approved_this_financial_year, ge: 1500}}")
        #expect(!c.holds())
        #expect(c.holds(context: context(ChildHistory(approvedThisFinancialYear: Pence(150000)))))
        #expect(!c.holds(context: context(ChildHistory(approvedThisFinancialYear: Pence(149999)))))
    }

    @Test func theYearsPPPlusAddsUpWithThisPEPsRequests() throws {
        let c = try ExtraCriterion(
            #"{compare: {value: {sum: [history.approved_this_financial_year, "ppplus.requests[].amount"]}, le: settings.ppplus_financial_year_cap}}"#
        )
        #expect(c.holds(context: context(ChildHistory(approvedThisFinancialYear: Pence(135000)))))
        #expect(!c.holds(context: context(ChildHistory(approvedThisFinancialYear: Pence(135001)))))
    }

    @Test func ppPlusApprovedThisTermIsANumberInPounds() throws {
        let c = try ExtraCriterion("{compare: {value: history.approved_this_term, eq: 250}}")
        #expect(c.holds(context: context(ChildHistory(approvedThisTerm: Pence(25000)))))
        #expect(!c.holds())
    }

    @Test func lastTermsRatingIsText() throws {
        let c = try ExtraCriterion("{compare: {value: history.last_term_rating, eq: {text: red}}}")
        #expect(c.holds(context: context(ChildHistory(lastTermRating: .red))))
        #expect(!c.holds(context: context(ChildHistory(lastTermRating: .amber))))
        let either = try ExtraCriterion("{in: {value: history.last_term_rating, of: [red, amber]}}")
        #expect(either.holds(context: context(ChildHistory(lastTermRating: .amber))))
        #expect(!either.holds(context: context(ChildHistory(lastTermRating: .green))))
    }

    @Test func noRatingLastTermIsNotGiven() throws {
        let rated = try ExtraCriterion("{present: history.last_term_rating}")
        #expect(!rated.holds())
        #expect(rated.holds(context: context(ChildHistory(lastTermRating: .green))))
        let notRed = try ExtraCriterion("{not: {compare: {value: history.last_term_rating, eq: {text: red}}}}")
        #expect(notRed.holds())
    }

    @Test func ppPlusPaidLastTermIsYesOrNo() throws {
        let c = try ExtraCriterion("{compare: {value: history.pp_plus_paid_last_term, eq: true}}")
        #expect(!c.holds())
        #expect(c.holds(context: context(ChildHistory(ppPlusPaidLastTerm: true))))
    }
}
