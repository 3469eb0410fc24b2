import Foundation
import PEPModel
import Testing

@testable import PEPLedger

private let autumn2025 = AcademicYear(startYear: 2025)
private let fy2025 = FinancialYear(startYear: 2025)

@Test func aChildNeverSeenHasAnEmptyHistory() throws {
    let ledger = try Ledger.inMemory()
    let history = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025)
    #expect(history == ChildHistory())
}

@Test func unpaidApprovalsOfTheSubmissionAboutToBeSupersededDoNotCountThisTerm() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(
        ledger, "a", received: "2025-10-01T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000)]))
    let resubmittedLater = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025,
        receivedAt: Fixture.date("2025-10-20T10:00:00Z"))
    #expect(resubmittedLater.approvedThisTerm == .zero)
    #expect(resubmittedLater.approvedThisFinancialYear == .zero)
    // An older document arriving late would not supersede it, so the approval stands.
    let arrivingLate = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025,
        receivedAt: Fixture.date("2025-09-20T10:00:00Z"))
    #expect(arrivingLate.approvedThisTerm == Pence(30_000))
    let unknownTime = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025)
    #expect(unknownTime.approvedThisTerm == Pence(30_000))
}

@Test func paidPPPlusCountsThisTermWhicheverSubmissionItCameFrom() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(
        ledger, "a", received: "2025-10-01T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000)]))
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    _ = try ledger.payments.closeBatch(
        kind: .cheque, items: [BatchItem(decisionID: a.decisionIDs[0], amount: 30_000)], fileName: "c1.csv",
        at: Fixture.now)
    let b = try Fixture.rate(
        ledger, "b", received: "2025-10-20T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 10_000)]))
    // A third submission: the paid 300.00 counts, b's unpaid 100.00 does not (c supersedes b).
    let third = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025,
        receivedAt: Fixture.date("2025-11-01T10:00:00Z"))
    #expect(third.approvedThisTerm == Pence(30_000))
    // Re-rating b itself: only what others approved counts.
    let rerate = try ledger.history.childHistory(
        childLAID: "LA-1001", term: .autumn, academicYear: autumn2025, financialYear: fy2025,
        excludingSubmission: b.submissionID)
    #expect(rerate.approvedThisTerm == Pence(30_000))
}

@Test func theFinancialYearSumsEveryTermInIt() throws {
    let ledger = try Ledger.inMemory()
    // Summer 2024/25 is FY 2025-26; autumn and spring 2025/26 are FY 2025-26; summer 2025/26 is 2026-27.
    try Fixture.rate(
        ledger, "summer", read: Fixture.read(term: "summer", year: "2024/25"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 1_000)]))
    try Fixture.rate(
        ledger, "autumn", read: Fixture.read(term: "autumn", year: "2025/26"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 20_000)]))
    try Fixture.rate(
        ledger, "next-summer", read: Fixture.read(term: "summer", year: "2025/26"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 400)]))
    let spring = try ledger.history.childHistory(
        for: Fixture.read(term: "spring", year: "2025/26").pep, receivedAt: Fixture.date("2026-02-01T10:00:00Z"))
    #expect(spring.approvedThisFinancialYear == Pence(21_000))
    #expect(spring.approvedThisTerm == .zero)
    // Another child's money never counts.
    let other = try ledger.history.childHistory(
        for: Fixture.read(child: "LA-2002", term: "spring").pep, receivedAt: Fixture.date("2026-02-01T10:00:00Z"))
    #expect(other.approvedThisFinancialYear == .zero)
}

@Test func lastTermIsReadFromTheCurrentSubmissionOfThePreviousTerm() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(
        ledger, "summer-old", received: "2025-06-01T10:00:00Z",
        read: Fixture.read(term: "summer", year: "2024/25", voice: "Old words"),
        assessment: Fixture.assessment(quality: .red))
    try Fixture.rate(
        ledger, "summer", received: "2025-06-20T10:00:00Z",
        read: Fixture.read(term: "summer", year: "2024/25", voice: "I want to be a vet"),
        assessment: Fixture.assessment(quality: .green, funding: [Fixture.approved(0, 55_000)]))
    let history = try ledger.history.childHistory(for: Fixture.read(term: "autumn", year: "2025/26").pep, receivedAt: nil)
    #expect(history.lastTermRating == .green)
    #expect(history.lastTermChildVoice == "I want to be a vet")
    #expect(history.ppPlusPaidLastTerm)
    // Spring looks back to autumn of the same year, where there is nothing yet.
    let spring = try ledger.history.childHistory(for: Fixture.read(term: "spring", year: "2025/26").pep, receivedAt: nil)
    #expect(spring.lastTermRating == nil)
    #expect(!spring.ppPlusPaidLastTerm)
}

@Test func aLastTermThatCouldNotBeAssessedGivesNoRatingAndHeldMoneyIsNotPaid() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(
        ledger, "autumn", read: Fixture.read(term: "autumn"),
        assessment: Fixture.assessment(quality: .red, assessable: false, funding: [Fixture.held(0, 100, .couldNotAssess)]))
    let history = try ledger.history.childHistory(for: Fixture.read(term: "spring").pep, receivedAt: nil)
    #expect(history.lastTermRating == nil)
    #expect(!history.ppPlusPaidLastTerm)
}

@Test func aPEPWithoutAKeyHasAnEmptyHistory() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]))
    #expect(try ledger.history.childHistory(for: Fixture.read(year: "sometime").pep, receivedAt: nil) == ChildHistory())
}
