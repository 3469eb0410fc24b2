import Foundation
import PEPModel
import Testing

@testable import PEPLedger

@Test func theTermListShowsCurrentSubmissionsWithRatingsAndTotals() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "old", received: "2025-10-01T10:00:00Z")
    let current = try Fixture.rate(
        ledger, "new", received: "2025-10-20T10:00:00Z", read: Fixture.read(meeting: "2025-10-15"),
        assessment: Fixture.assessment(quality: .amber, funding: [Fixture.approved(0, 30_000), Fixture.held(1, 20_000)]))
    try Fixture.rate(ledger, "spring", read: Fixture.read(child: "LA-2", term: "spring"))
    let rows = try ledger.ratings.currentRatedSubmissions(term: .autumn, academicYear: AcademicYear(startYear: 2025))
    #expect(rows.map(\.submissionID) == [current.submissionID])
    let row = try #require(rows.first)
    #expect(row.quality == .amber && row.compliance == .amber && row.assessable)
    #expect(row.meetingDate == CalendarDate(iso: "2025-10-15"))
    #expect(row.receivedAt == Fixture.date("2025-10-20T10:00:00Z"))
    // The machine recommends £300; nothing is approved until the VSH says so.
    #expect(row.requested == Pence(50_000) && row.approved == .zero && row.held == Pence(50_000))
    #expect(row.schoolURN == "100001" && row.childLAID == "LA-1001")
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    let decided = try #require(try ledger.ratings.currentRatedSubmissions(term: .autumn, academicYear: AcademicYear(startYear: 2025)).first)
    #expect(decided.approved == Pence(30_000) && decided.held == Pence(20_000))
}

@Test func eachCurrentRatingIsExportedOnceAndAResubmissionIsAnUpdate() throws {
    let ledger = try Ledger.inMemory()
    let first = try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z")
    try Fixture.rate(ledger, "nokey", read: Fixture.read(child: nil))
    let pending = try ledger.exports.pending()
    #expect(pending.map(\.runID) == [first.runID])
    #expect(pending.map(\.kind) == [.new])
    let batch = try ledger.exports.recordBatch(pending, fileName: "eclipse-1.csv", at: Fixture.now)
    #expect(batch.sequence == 1 && batch.recordCount == 1)
    #expect(try ledger.exports.pending().isEmpty)
    #expect(throws: LedgerError.alreadyExported(runIDs: [first.runID])) {
        try ledger.exports.recordBatch(pending, fileName: "eclipse-2.csv", at: Fixture.now)
    }
    let second = try Fixture.rate(ledger, "b", received: "2025-10-20T10:00:00Z")
    let next = try ledger.exports.pending()
    #expect(next.map(\.runID) == [second.runID])
    #expect(next.map(\.kind) == [.update])
    #expect(try ledger.exports.recordBatch(next, fileName: "eclipse-2.csv", at: Fixture.now).sequence == 2)
}

@Test func aSubmissionSupersededBeforeExportIsNeverExported() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z")
    let b = try Fixture.rate(ledger, "b", received: "2025-10-20T10:00:00Z")
    #expect(try ledger.exports.pending().map(\.submissionID) == [b.submissionID])
    #expect(try ledger.exports.pending().map(\.kind) == [.new])
}
