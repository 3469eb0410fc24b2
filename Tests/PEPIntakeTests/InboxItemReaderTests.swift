import Foundation
import PEPModel
import Testing

@testable import PEPIntake

/// The one item reader `pepqa process` and the service share: each kind of item, and each way
/// it can fail, with the failure's kind (a retry or a quarantine is the caller's to decide).

private func dropFile(_ url: URL) -> DropFile {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
    return DropFile(
        url: url, size: size, modified: Date(timeIntervalSince1970: 1_700_000_000),
        arrived: Date(timeIntervalSince1970: 1_762_510_500))
}

@Test func aPEPFileIsOneSubmissionReceivedWhenItArrived() throws {
    let folder = try TemporaryFolder()
    let file = dropFile(try folder.write("pep.json", "{\"schema\":\"pep/1\"}"))
    guard case .submissions(let submissions, let receivedAt) = InboxItemReader().read(.dropFile(file)) else {
        Issue.record("expected a submission")
        return
    }
    #expect(submissions.map(\.fileName) == ["pep.json"])
    #expect(receivedAt == file.arrived)
    #expect(submissions.first?.receivedAt == file.arrived)
    #expect(submissions.first?.fileModifiedAt == file.modified)
}

@Test func aFileThatCannotBeReadIsATransientFailureNotAQuarantine() throws {
    let folder = try TemporaryFolder()
    // A path that exists but whose bytes cannot be read (as a file with no read permission).
    let unreadable = DropFile(url: try folder.makeFolder("locked.json"), size: 10, modified: Date())
    #expect(InboxItemReader().read(.dropFile(unreadable)) == .unreadable(reason: "locked.json: the file cannot be read"))
}

@Test func aFileGoneBeforeItIsReadIsGone() throws {
    let folder = try TemporaryFolder()
    let gone = DropFile(url: folder.url.appendingPathComponent("taken.json"), size: 10, modified: Date())
    #expect(InboxItemReader().read(.dropFile(gone)) == .gone)
    #expect(InboxItemReader().read(.emailFile(gone)) == .gone)
}

@Test func anEmptyOrOversizedFileIsUnusableWithItsReason() throws {
    let folder = try TemporaryFolder()
    var reader = InboxItemReader()
    reader.maxFileBytes = 1024
    let empty = dropFile(try folder.write("empty.json", ""))
    let big = dropFile(try folder.write("big.json", String(repeating: "x", count: 2048)))
    guard case .unusable(let emptyProblem, _) = reader.read(.dropFile(empty)),
        case .unusable(let bigProblem, _) = reader.read(.dropFile(big))
    else {
        Issue.record("expected both unusable")
        return
    }
    #expect(emptyProblem.description == "empty.json: the file is empty")
    #expect(bigProblem.description == "big.json: the file is larger than the limit of 1024 bytes")
}

@Test func anEMailWithNoPEPIsUnusableAndOneWithAPEPIsItsSubmissions() throws {
    let folder = try TemporaryFolder()
    let none = dropFile(try folder.write("none.eml", "From: a@b.example\r\nSubject: hi\r\n\r\nno attachment\r\n"))
    guard case .unusable(let problem, _) = InboxItemReader().read(.emailFile(none)) else {
        Issue.record("expected unusable")
        return
    }
    #expect(problem.description == "none.eml: the e-mail has no PEP attachment (DOCX, XML or JSON); it had no attachments")
    let withPEP = """
        From: school@example.sch.uk\r
        Date: Mon, 20 Oct 2025 09:00:00 +0100\r
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
    let mail = dropFile(try folder.write("one.eml", withPEP))
    guard case .submissions(let submissions, _) = InboxItemReader().read(.emailFile(mail)) else {
        Issue.record("expected submissions")
        return
    }
    #expect(submissions.map(\.fileName) == ["pep.json"])
}
