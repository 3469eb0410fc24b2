import Foundation
import PEPModel
import Testing

@testable import PEPIntake

/// The receipt is when a document reached the inbox, never a time the sender can set: the
/// submission clock (10 working days from the meeting) starts there.

private let senderTime = Date(timeIntervalSince1970: 1_600_000_000)  // September 2020

private func message(date: String) -> String {
    """
    From: school@example.sch.uk\r
    Date: \(date)\r
    MIME-Version: 1.0\r
    Content-Type: multipart/mixed; boundary="b"\r
    \r
    --b\r
    Content-Type: application/json\r
    Content-Disposition: attachment; filename="pep.json"\r
    \r
    {"schema": "pep/1"}\r
    --b--\r

    """
}

private func onlySubmission(_ contents: InboxItemReader.Contents) -> Submission? {
    guard case .submissions(let submissions, _) = contents, submissions.count == 1 else { return nil }
    return submissions[0]
}

@Test func aDropFileIsReceivedWhenItReachedTheFolderNotAtTheTimeItsCopyKept() throws {
    let folder = try TemporaryFolder()
    let before = Date().addingTimeInterval(-5)
    // As `cp -p` or an unzip leaves it: the sender's modification time, years ago.
    try folder.write("inbox/pep.json", "{\"schema\":\"pep/1\"}", modified: senderTime)
    let listed = try #require(InboxWalker().list(folder.url.appendingPathComponent("inbox").path).dropFiles.first)
    let submission = try #require(onlySubmission(InboxItemReader().read(.dropFile(listed))))
    #expect(submission.receivedAt >= before)
    #expect(submission.receivedAt <= Date().addingTimeInterval(5))
    #expect(submission.fileModifiedAt == senderTime, "the sender's time is kept as evidence")
}

@Test func aBacklogImportTakesTheFileTimesItWasCopiedWith() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("pep.json", "{\"schema\":\"pep/1\"}", modified: senderTime)
    let listed = try #require(InboxWalker().list(file.path).dropFiles.first)
    let submission = try #require(onlySubmission(InboxItemReader(clock: .fileModified).read(.dropFile(listed))))
    #expect(submission.receivedAt == senderTime)
}

@Test func aMaildirMessageIsReceivedAtItsDeliveryTimeNotItsDateHeader() throws {
    let folder = try TemporaryFolder()
    _ = try folder.makeFolder("mail/cur")
    _ = try folder.makeFolder("mail/tmp")
    // Delivered 7 Nov 2025 10:15 UTC; the sender's clock said 2 November.
    let url = try folder.write(
        "mail/new/1762510500.M101P4711.mx1.example", message(date: "Sun, 2 Nov 2025 09:00:00 +0000"), modified: senderTime)
    let maildir = Maildir(root: folder.url.appendingPathComponent("mail"))
    for clock in [ArrivalClock.arrival, .fileModified] {
        let submission = try #require(onlySubmission(InboxItemReader(clock: clock).read(.maildirMessage(url, maildir))))
        #expect(submission.receivedAt == Date(timeIntervalSince1970: 1_762_510_500))
        guard case .email(let info) = submission.origin else { throw EmailExpected() }
        #expect(info.date == Date(timeIntervalSince1970: 1_762_074_000), "the Date: header is kept as evidence")
    }
}

@Test func aSavedEMailIsReceivedWhenItReachedTheFolderWhateverItsDateHeaderSays() throws {
    let folder = try TemporaryFolder()
    let before = Date().addingTimeInterval(-5)
    let url = try folder.write("saved.eml", message(date: "Mon, 14 Sep 2020 09:00:00 +0000"), modified: senderTime)
    let listed = try #require(InboxWalker().list(url.path).dropFiles.first)
    let submission = try #require(onlySubmission(InboxItemReader().read(.emailFile(listed))))
    #expect(submission.receivedAt >= before)
}

@Test(arguments: [
    ("1762510500.M101P4711.mx1.example", 1_762_510_500.0),
    ("1762510500.M101P4711.mx1.example:2,S", 1_762_510_500.0),
    ("pep.eml", nil),
    ("17625.M1.host", nil),  // too short to be a time
    ("99999999999.M1.host", nil),  // far in the future
    ("0946684799.M1.host", nil),  // before 2000
    ("1762510500", nil),  // no dot after the time
])
func aMaildirNameGivesItsDeliveryTimeOnlyWhenItIsOne(name: String, seconds: Double?) {
    #expect(ArrivalClock.deliveryTime(maildirName: name) == seconds.map(Date.init(timeIntervalSince1970:)))
}

private struct EmailExpected: Error {}
