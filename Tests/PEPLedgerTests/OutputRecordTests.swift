import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

// MARK: - Outbox

@Test func feedbackIsRecordedOncePerSubmissionAndRecipient() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a")
    #expect(try ledger.outbox.submissionsAwaitingFeedback().map(\.recipients) == [[.designatedTeacher, .socialWorker]])
    #expect(try ledger.outbox.recordFeedback(submissionID: a.submissionID, recipient: .designatedTeacher, fileName: "a-dt.eml", note: "written", at: Fixture.now))
    #expect(try ledger.outbox.submissionsAwaitingFeedback().map(\.recipients) == [[.socialWorker]])
    #expect(try !ledger.outbox.recordFeedback(submissionID: a.submissionID, recipient: .designatedTeacher, fileName: "a-dt.eml", note: "written", at: Fixture.now))
    #expect(try ledger.outbox.recordFeedback(submissionID: a.submissionID, recipient: .socialWorker, fileName: nil, note: "no address", at: Fixture.now))
    #expect(try ledger.outbox.submissionsAwaitingFeedback().isEmpty)
    #expect(try ledger.outbox.messages().map(\.fileName) == ["a-dt.eml", nil])
}

@Test func theOutboxRecordNeverChangesAndIsNeverDeleted() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a")
    try ledger.outbox.recordFeedback(submissionID: a.submissionID, recipient: .designatedTeacher, fileName: "a-dt.eml", note: "written", at: Fixture.now)
    #expect(throws: (any Error).self) { try ledger.execute("UPDATE outbox_message SET file_name = 'x.eml'") }
    #expect(throws: (any Error).self) { try ledger.execute("DELETE FROM outbox_message") }
    #expect(try ledger.count("outbox_message") == 1)
}

@Test func aRejectedSubmissionAwaitsNoFeedback() throws {
    let ledger = try Ledger.inMemory()
    _ = try ledger.submissions.recordRejected(Fixture.submission("bad"), reason: "broken", at: Fixture.now)
    #expect(try ledger.outbox.submissionsAwaitingFeedback().isEmpty)
}

// MARK: - Export batches

@Test func anExportBatchIsChosenAndNumberedInOneStepAndNothingPendingGivesNone() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", read: Fixture.read(child: "LA-1"))
    try Fixture.rate(ledger, "b", read: Fixture.read(child: "LA-2"))
    let batch = try #require(try ledger.exports.closeBatch(at: Fixture.now))
    #expect(batch.sequence == 1 && batch.fileName == "eclipse-000001" && batch.recordCount == 2)
    #expect(try ledger.exports.closeBatch(at: Fixture.now) == nil)
    #expect(try ledger.exports.batchesAwaitingFiles().map(\.id) == [batch.id])
    try ledger.exports.markBatchWritten(batchID: batch.id, at: Fixture.now)
    try ledger.exports.markBatchWritten(batchID: batch.id, at: Fixture.now)
    #expect(try ledger.exports.batchesAwaitingFiles().isEmpty)
    #expect(try ledger.exports.runs(batchID: batch.id).map(\.kind) == [.new, .new])
}

@Test func aResubmissionAfterAnExportIsAnUpdateInTheNextBatch() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", received: "2025-10-01T10:00:00Z")
    _ = try ledger.exports.closeBatch(at: Fixture.now)
    let b = try Fixture.rate(ledger, "b", received: "2025-10-08T10:00:00Z")
    let second = try #require(try ledger.exports.closeBatch(at: Fixture.now))
    #expect(second.sequence == 2)
    #expect(try ledger.exports.runs(batchID: second.id) == [ExportedRun(submissionID: b.submissionID, runID: b.runID, kind: .update)])
}

// MARK: - Stored ratings

@Test func aStoredRatingGivesBackTheAssessmentAndTheCanonicalPEP() throws {
    let ledger = try Ledger.inMemory()
    let assessment = Fixture.assessment(funding: [Fixture.approved(0, 30_000)])
    let read = Fixture.read(requests: [30_000])
    let a = try Fixture.rate(ledger, "a", read: read, assessment: assessment)
    let stored = try #require(try ledger.ratings.latestStoredRating(submissionID: a.submissionID))
    #expect(stored.assessment == assessment)
    #expect(stored.canonicalJSON == read.pep.canonicalJSON.serialized(pretty: false))
    #expect(stored.runID == a.runID && stored.fileName == "a.json" && stored.format == .json)
    #expect(try ledger.ratings.storedRating(runID: a.runID) == stored)
    #expect(try ledger.ratings.storedRating(runID: 999) == nil)
}

@Test func headlinesAreReadFromTheStoredPEP() throws {
    let ledger = try Ledger.inMemory()
    try Fixture.rate(ledger, "a", read: Fixture.read(child: "LA-7", term: "Autumn", year: "2025-26"))
    let listed = try #require(try ledger.ratings.ratedSubmissionHeadlines().first)
    #expect(listed.headline.childID == "LA-7")
    #expect(listed.headline.term == "autumn")
    #expect(listed.headline.academicYear == "2025-26")
    #expect(try ledger.ratings.currentRatedSubmissions().map(\.headline.childID) == ["LA-7"])
}

// MARK: - Finance runs

private func ledgerToPay() throws -> (Ledger, approved: [Int64], held: Int64) {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(
        ledger, "a", read: Fixture.read(child: "LA-1"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000), Fixture.held(1, 5_000)]))
    let b = try Fixture.rate(
        ledger, "b", read: Fixture.read(child: "LA-2", school: "100002"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 25_000)]))
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    return (ledger, [a.decisionIDs[0], b.decisionIDs[0]], a.decisionIDs[1])
}

private func plan(journal: [BatchItem], cheque: [BatchItem] = [], held: [HeldEntry] = []) -> FinanceRunPlan {
    FinanceRunPlan(
        date: CalendarDate(iso: "2025-12-12")!, term: .autumn, academicYear: AcademicYear(startYear: 2025), journal: journal,
        cheque: cheque, held: held, registerJSON: "[]", settingsJSON: "{}")
}

@Test func aFinanceRunRecordsBothBatchesUnderItsOwnNumber() throws {
    let (ledger, approved, held) = try ledgerToPay()
    let run = try ledger.financeRuns.close(
        plan(
            journal: [BatchItem(decisionID: approved[0], amount: 30_000)],
            cheque: [BatchItem(decisionID: approved[1], amount: 25_000)],
            held: [HeldEntry(decisionID: held, reason: .rating, amount: 5_000, note: "Held")]),
        at: Fixture.now)
    #expect(run.sequence == 1)
    let detail = try ledger.financeRuns.detail(runID: run.id)
    #expect(detail.batches.map(\.batch.fileName) == ["payments-000001.csv", "journal-000001.csv"])
    #expect(detail.batches.allSatisfy { $0.batch.sequence == 1 })
    #expect(detail.held.map(\.entry.amount) == [Pence(5_000)])
    #expect(detail.controls.map(\.decided) == [Pence(60_000)])
    #expect(try ledger.payments.unbatchedApprovedDecisions().isEmpty)
    #expect(try ledger.financeRuns.awaitingFiles().map(\.id) == [run.id])
    try ledger.financeRuns.markWritten(runID: run.id, at: Fixture.now)
    #expect(try ledger.financeRuns.awaitingFiles().isEmpty)
}

@Test func aFinanceRunNeverPaysADecisionTwiceAndAFailedOneWritesNothing() throws {
    let (ledger, approved, _) = try ledgerToPay()
    _ = try ledger.financeRuns.close(plan(journal: [BatchItem(decisionID: approved[0], amount: 30_000)]), at: Fixture.now)
    #expect(throws: LedgerError.alreadyBatched(decisionIDs: [approved[0]])) {
        try ledger.financeRuns.close(
            plan(journal: [BatchItem(decisionID: approved[1], amount: 25_000), BatchItem(decisionID: approved[0], amount: 30_000)]),
            at: Fixture.now)
    }
    #expect(try ledger.financeRuns.all().count == 1)
    #expect(try ledger.count("payment_batch") == 1)
    #expect(try ledger.count("finance_run_control") == 1)
}

@Test func aFinanceRunWithNothingToPayIsRefused() throws {
    let (ledger, _, held) = try ledgerToPay()
    #expect(throws: LedgerError.emptyBatch) {
        try ledger.financeRuns.close(plan(journal: [], held: [HeldEntry(decisionID: held, reason: .rating, amount: 5_000, note: "")]), at: Fixture.now)
    }
    #expect(try ledger.financeRuns.all().isEmpty)
}

@Test func aRunIsNumberedAfterEveryEarlierBatch() throws {
    let (ledger, approved, _) = try ledgerToPay()
    _ = try ledger.payments.closeBatch(kind: .cheque, items: [BatchItem(decisionID: approved[1], amount: 25_000)], fileName: "old.csv", at: Fixture.now)
    let run = try ledger.financeRuns.close(plan(journal: [BatchItem(decisionID: approved[0], amount: 30_000)]), at: Fixture.now)
    #expect(run.sequence == 2)
    #expect(try ledger.financeRuns.detail(runID: run.id).batches.map(\.batch.fileName) == ["journal-000002.csv"])
}

@Test func theSchemaKeepsARunsBatchOnTheRunsNumber() throws {
    let (ledger, approved, _) = try ledgerToPay()
    let run = try ledger.financeRuns.close(plan(journal: [BatchItem(decisionID: approved[0], amount: 30_000)]), at: Fixture.now)
    let other = try ledger.payments.closeBatch(kind: .journal, items: [BatchItem(decisionID: approved[1], amount: 25_000)], fileName: "x.csv", at: Fixture.now)
    #expect(other.sequence == 2)
    #expect(throws: (any Error).self) {
        try ledger.execute("INSERT INTO finance_run_batch (batch_id, run_id) VALUES (?, ?)", [other.id, run.id])
    }
}

@Test func theOutputsMigrationIsApplied() throws {
    #expect(try Ledger.inMemory().appliedMigrations().contains("v5-outputs"))
}
