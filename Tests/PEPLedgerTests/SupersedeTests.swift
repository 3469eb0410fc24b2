import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

@Test func aLaterSubmissionSupersedesTheEarlierAndBothStay() throws {
    let ledger = try Ledger.inMemory()
    let older = try Fixture.rate(
        ledger, "a", received: "2025-10-01T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 300)]))
    let newer = try Fixture.rate(
        ledger, "b", received: "2025-10-20T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 200)]))
    #expect(newer.superseded == older.submissionID)
    #expect(newer.supersededBy == nil)
    #expect(try ledger.submissions.supersededBy(submissionID: older.submissionID) == newer.submissionID)
    #expect(try ledger.submissions.supersededBy(submissionID: newer.submissionID) == nil)
    #expect(try ledger.count("submission") == 2)
    #expect(try ledger.payments.decisions(submissionID: older.submissionID).map(\.status) == [.superseded])
    #expect(try ledger.payments.decisions(submissionID: newer.submissionID).map(\.status) == [.approved])
}

@Test func anOlderDocumentArrivingLateIsSupersededAtOnce() throws {
    let ledger = try Ledger.inMemory()
    let newer = try Fixture.rate(
        ledger, "b", received: "2025-10-20T10:00:00Z", assessment: Fixture.assessment(funding: [Fixture.approved(0, 200)]))
    let late = try Fixture.rate(
        ledger, "a", received: "2025-10-01T10:00:00Z",
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 300), Fixture.held(1, 50)]))
    #expect(late.supersededBy == newer.submissionID)
    #expect(late.superseded == nil)
    #expect(try ledger.submissions.supersededBy(submissionID: newer.submissionID) == nil)
    #expect(try ledger.payments.decisions(submissionID: late.submissionID).map(\.status) == [.superseded, .superseded])
    #expect(try ledger.payments.decisions(submissionID: newer.submissionID).map(\.status) == [.approved])
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    #expect(try ledger.payments.unbatchedApprovedDecisions().map(\.submissionID) == [newer.submissionID])
}

@Test func paidDecisionsOfASupersededSubmissionStandAndUnpaidOnesAreWithdrawn() throws {
    let ledger = try Ledger.inMemory()
    let older = try Fixture.rate(
        ledger, "a", received: "2025-10-01T10:00:00Z",
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 300), Fixture.approved(1, 100)]))
    let paid = older.decisionIDs[0]
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    _ = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: paid, amount: 300)], fileName: "j1.csv", at: Fixture.now)
    try Fixture.rate(ledger, "b", received: "2025-10-20T10:00:00Z")
    let statuses = try ledger.payments.decisions(submissionID: older.submissionID).map { ($0.id, $0.status, $0.batchID != nil) }
    #expect(statuses.map(\.1) == [.approved, .superseded])
    #expect(statuses.map(\.2) == [true, false])
}

@Test func equalReceiptTimesAreOrderedByID() throws {
    let ledger = try Ledger.inMemory()
    let first = try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z")
    let second = try Fixture.rate(ledger, "b", received: "2025-10-01T10:00:00Z")
    #expect(second.superseded == first.submissionID)
}

@Test func otherTermsYearsAndChildrenAreNotSuperseded() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", read: Fixture.read(term: "autumn"))
    #expect(try Fixture.rate(ledger, "b", read: Fixture.read(term: "spring")).superseded == nil)
    #expect(try Fixture.rate(ledger, "c", read: Fixture.read(year: "2024/25")).superseded == nil)
    #expect(try Fixture.rate(ledger, "d", read: Fixture.read(child: "LA-2002")).superseded == nil)
    #expect(try ledger.integer("SELECT COUNT(*) FROM submission WHERE superseded_by IS NULL") == 4)
}

@Test func everySpellingOfTheAcademicYearIsOneKey() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z", read: Fixture.read(year: "2025-26"))
    let b = try Fixture.rate(ledger, "b", received: "2025-10-02T10:00:00Z", read: Fixture.read(year: "2025/2026"))
    #expect(b.superseded == a.submissionID)
    #expect(try ledger.text("SELECT academic_year FROM submission WHERE id = ?", [a.submissionID]) == "2025/26")
}

@Test func aPEPWithoutAChildIDSupersedesNothing() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", read: Fixture.read(child: nil))
    let b = try Fixture.rate(ledger, "b", received: "2025-11-01T10:00:00Z", read: Fixture.read(child: nil))
    #expect(b.superseded == nil && b.supersededBy == nil)
}

@Test func theSchemaRefusesTwoCurrentSubmissionsForOneChildAndTerm() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z")
    try Fixture.rate(ledger, "b", received: "2025-10-02T10:00:00Z")
    #expect(throws: (any Error).self) {
        try ledger.execute("UPDATE submission SET superseded_by = NULL WHERE id = ?", [a.submissionID])
    }
}

@Test func theSchemaRefusesToChangeOrDeleteRecordedFacts() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a", assessment: Fixture.assessment(funding: [Fixture.approved(0, 300)]))
    #expect(throws: (any Error).self) { try ledger.execute("DELETE FROM submission") }
    #expect(throws: (any Error).self) { try ledger.execute("UPDATE submission SET received_at = '2030-01-01'") }
    #expect(throws: (any Error).self) { try ledger.execute("UPDATE funding_decision SET approved_pence = 1") }
    #expect(throws: (any Error).self) { try ledger.execute("DELETE FROM funding_decision") }
    #expect(throws: (any Error).self) {
        try ledger.execute("UPDATE funding_decision SET status = 'held' WHERE id = ?", [a.decisionIDs[0]])
    }
    #expect(try ledger.payments.decisions(submissionID: a.submissionID).map(\.approved) == [Pence(300)])
}
