import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

@Test func bytesNeverRecordedAreNotSeen() throws {
    let ledger = try Ledger.inMemory()
    #expect(try ledger.submissions.recorded(sha256: Fixture.submission("a").sha256) == nil)
}

@Test func theSameBytesTwiceAreRecordedOnce() throws {
    let ledger = try Ledger.inMemory()
    let first = try ledger.submissions.recordRated(
        Fixture.submission("a"), read: Fixture.read(), assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]),
        at: Fixture.now)
    let again = try ledger.submissions.recordRated(
        Fixture.submission("a", received: "2025-11-01T10:00:00Z"), read: Fixture.read(),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]), at: Fixture.now)
    let id = try #require(first.recorded?.submissionID)
    #expect(again == .duplicate(existingSubmissionID: id))
    #expect(try ledger.count("submission") == 1)
    #expect(try ledger.count("rating_run") == 1)
    #expect(try ledger.count("funding_decision") == 1)
    #expect(try ledger.submissions.recorded(sha256: Fixture.submission("a").sha256)?.status == .rated)
}

@Test func theUniqueConstraintOnSHA256IsReportedAsADuplicateNotAnError() throws {
    let ledger = try Ledger.inMemory()
    let row = SubmissionRow(
        submission: Fixture.submission("a"), format: .json, recordedAt: Fixture.now, status: .rejected,
        rejectReason: "unreadable", key: nil, supersededBy: nil)
    let (first, second) = try ledger.submissions.insertTwice(row)
    #expect(first != nil)
    #expect(second == nil)
}

@Test func aRejectedFileIsRecordedAndItsBytesAreThenAKnownDuplicate() throws {
    let ledger = try Ledger.inMemory()
    let submission = Fixture.submission("broken", email: true)
    let outcome = try ledger.submissions.recordRejected(submission, reason: "not a PEP: no known format", at: Fixture.now)
    let id = try #require(outcome.recorded)
    #expect(try ledger.submissions.recorded(sha256: submission.sha256)?.status == .rejected)
    #expect(try ledger.text("SELECT reject_reason FROM submission WHERE id = ?", [id]) == "not a PEP: no known format")
    #expect(try ledger.text("SELECT sender FROM submission WHERE id = ?", [id]) == "dt@school.example")
    #expect(try ledger.text("SELECT format FROM submission WHERE id = ?", [id]) == nil)
    #expect(try ledger.submissions.recordRejected(submission, reason: "again", at: Fixture.now) == .duplicate(existingSubmissionID: id))
    let rated = try ledger.submissions.recordRated(submission, read: Fixture.read(), assessment: Fixture.assessment(), at: Fixture.now)
    #expect(rated == .duplicate(existingSubmissionID: id))
    #expect(try ledger.count("submission") == 1)
}

@Test func attachmentsOfAnEmailAreRecordedWithTheSubmission() throws {
    let ledger = try Ledger.inMemory()
    let submission = Fixture.submission(
        "a", email: true,
        attachments: [
            AttachmentInfo(fileName: "boxall.pdf", contentType: "application/pdf", size: 2048),
            AttachmentInfo(fileName: "photo.png", contentType: "image/png", size: 512),
        ])
    let record = try #require(
        try ledger.submissions.recordRated(submission, read: Fixture.read(), assessment: Fixture.assessment(), at: Fixture.now)
            .recorded)
    #expect(try ledger.count("attachment") == 2)
    #expect(
        try ledger.integer("SELECT SUM(size) FROM attachment WHERE submission_id = ?", [record.submissionID]) == 2560)
}

@Test func aRatedSubmissionKeepsItsPEPRunResultsAndDecisions() throws {
    let ledger = try Ledger.inMemory()
    let assessment = Fixture.assessment(funding: [Fixture.approved(0, 30_000), Fixture.held(1, 20_000, .overCap)])
    let record = try Fixture.rate(
        ledger, "a", read: Fixture.read(meeting: "2025-10-15", voice: "I like maths", requests: [30_000, 20_000]),
        assessment: assessment)
    #expect(try ledger.count("criterion_result") == 2)
    #expect(try ledger.text("SELECT outcome FROM criterion_result WHERE criterion_id = 'C1'") == "fail")
    #expect(try ledger.text("SELECT json_extract(canonical_json, '$.child_voice') FROM pep") == "I like maths")
    #expect(try ledger.text("SELECT meeting_date FROM pep") == "2025-10-15")
    let json = try #require(try ledger.ratings.assessmentJSON(submissionID: record.submissionID))
    #expect(try JSONDecoder().decode(Assessment.self, from: Data(json.utf8)) == assessment)
    let decisions = try ledger.payments.decisions(submissionID: record.submissionID)
    #expect(decisions.map(\.status) == [.approved, .held])
    #expect(decisions.map(\.reason) == [nil, .overCap])
    #expect(decisions.map(\.financialYear) == [FinancialYear(startYear: 2025), FinancialYear(startYear: 2025)])
    #expect(decisions.map(\.id) == record.decisionIDs)
}

@Test func aRecordingThatFailsMidwayLeavesNothing() throws {
    let ledger = try Ledger.inMemory()
    // The schema refuses approving more than requested: the failure comes after the
    // submission, PEP, run and results rows were written in the same transaction.
    let impossible = FundingDecision(
        requestIndex: 1, intervention: "Tutoring", requested: 100, approved: 500, status: .approved, note: "")
    let error = #expect(throws: (any Error).self) {
        try ledger.submissions.recordRated(
            Fixture.submission("a"), read: Fixture.read(),
            assessment: Fixture.assessment(funding: [Fixture.approved(0, 100), impossible]), at: Fixture.now)
    }
    #expect("\(error.map { "\($0)" } ?? "")".contains("CHECK constraint failed"))
    #expect(try ledger.submissions.recorded(sha256: Fixture.submission("a").sha256) == nil)
    for table in ["submission", "pep", "rating_run", "criterion_result", "funding_decision"] {
        #expect(try ledger.count(table) == 0, "\(table)")
    }
}

@Test func anApprovalWithoutASchoolIsRefusedNamingTheField() throws {
    let ledger = try Ledger.inMemory()
    #expect(
        throws: LedgerError.approvalWithoutPayee(file: "a.json", requestIndex: 0, missing: "school.urn")
    ) {
        try ledger.submissions.recordRated(
            Fixture.submission("a"), read: Fixture.read(school: nil),
            assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]), at: Fixture.now)
    }
    #expect(try ledger.count("submission") == 0)
}

@Test func aHeldRequestIsRecordedEvenWithoutAChildID() throws {
    let ledger = try Ledger.inMemory()
    let record = try Fixture.rate(
        ledger, "a", read: Fixture.read(child: nil), assessment: Fixture.assessment(funding: [Fixture.held(0, 100)]))
    #expect(record.superseded == nil && record.supersededBy == nil)
    #expect(try ledger.payments.decisions(submissionID: record.submissionID).first?.childLAID == nil)
}

/// Two ledgers on one file stand for two pepqa processes; each records the same document from
/// several threads at once. Exactly one recording wins; every other one is a duplicate.
@Test func twoConcurrentWritersRecordTheSameBytesOnce() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let ledgers = [try Ledger(path: path), try Ledger(path: path)]
    let tally = Tally()
    DispatchQueue.concurrentPerform(iterations: 16) { i in
        do {
            let outcome = try ledgers[i % 2].submissions.recordRated(
                Fixture.submission("shared"), read: Fixture.read(),
                assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]), at: Fixture.now)
            // Distinct documents interleaved with the shared one.
            _ = try ledgers[i % 2].submissions.recordRejected(Fixture.submission("other-\(i)"), reason: "unreadable", at: Fixture.now)
            tally.add(outcome.isDuplicate ? "duplicate" : "recorded")
        } catch {
            tally.add("\(error)")
        }
    }
    #expect(tally.counts == ["recorded": 1, "duplicate": 15])
    #expect(try ledgers[0].count("submission") == 17)
    #expect(try ledgers[1].count("funding_decision") == 1)
}

/// Counts outcomes from several threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Int] = [:]

    func add(_ key: String) {
        lock.lock()
        values[key, default: 0] += 1
        lock.unlock()
    }

    var counts: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

@Test func theSendersOwnTimesAreKeptBesideTheReceiptAsEvidence() throws {
    let ledger = try Ledger.inMemory()
    var dropped = Fixture.submission("dropped", received: "2025-11-07T10:15:00Z")
    dropped.fileModifiedAt = Fixture.date("2025-11-03T16:02:00Z")
    var mailed = Fixture.submission("mailed", received: "2025-11-07T10:15:00Z")
    mailed.origin = .email(
        EmailInfo(path: "/mail/new/1", sender: "dt@school.example", messageID: nil, date: Fixture.date("2025-11-02T09:00:00Z"), subject: nil))
    let droppedID = try #require(try ledger.submissions.recordRated(dropped, read: Fixture.read(child: "LA-1"), assessment: Fixture.assessment(), at: Fixture.now).recorded?.submissionID)
    let mailedID = try #require(try ledger.submissions.recordRated(mailed, read: Fixture.read(child: "LA-2"), assessment: Fixture.assessment(), at: Fixture.now).recorded?.submissionID)
    let droppedRating = try #require(try ledger.ratings.latestStoredRating(submissionID: droppedID))
    #expect(droppedRating.receivedAt == Fixture.date("2025-11-07T10:15:00Z"))
    #expect(droppedRating.fileModifiedAt == Fixture.date("2025-11-03T16:02:00Z"))
    #expect(droppedRating.sentAt == nil)
    let mailedRating = try #require(try ledger.ratings.latestStoredRating(submissionID: mailedID))
    #expect(mailedRating.sentAt == Fixture.date("2025-11-02T09:00:00Z"))
    #expect(mailedRating.fileModifiedAt == nil)
}
