import Foundation
import PEPIntake
import PEPModel
import Testing
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPLedger
@testable import PEPPipeline

/// Where each kind of item goes, and that it goes there only after the ledger commit.

private func dropItem(_ fixture: ServiceFixture, _ name: String) throws -> InboxItem {
    let scan = try DropFolder(root: fixture.inbox).scan()
    let file = try #require(scan.files.first { $0.name == name })
    return InboxItem(classifying: file)
}

private func processor(_ fixture: ServiceFixture, _ handler: any SubmissionHandling) -> ItemProcessor {
    ItemProcessor(handler: handler, filing: .file(fixture.filing), logger: quietLogger)
}

/// A two-attachment e-mail carrying samples 01 and 03 as JSON.
private func twoPEPMessage() throws -> String {
    func sample(_ name: String) throws -> String {
        try String(contentsOf: Repository.sampleInbox.appendingPathComponent("\(name)"), encoding: .utf8)
    }
    return """
        From: school@example.sch.uk\r
        To: pep@virtualschool.example\r
        Subject: two PEPs\r
        Date: Mon, 20 Oct 2025 09:00:00 +0100\r
        Message-ID: <two@example.sch.uk>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain\r
        \r
        Two PEPs attached.\r
        --b\r
        Content-Type: application/json\r
        Content-Disposition: attachment; filename="first.json"\r
        \r
        \(try sample("01-green-review-secondary.json"))\r
        --b\r
        Content-Type: application/json\r
        Content-Disposition: attachment; filename="second.json"\r
        \r
        \(try sample("03-amber-thin-targets.json"))\r
        --b--\r

        """
}

@Test func aRatedDropFileIsArchivedWithItsOriginalBytesAndItsReportWritten() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let original = try Data(contentsOf: try fixture.drop(sample: "01-green-review-secondary.json"))
    let rater = try fixture.pipeline().rater
    let result = processor(fixture, rater).process(try dropItem(fixture, "01-green-review-secondary.json"))
    rater.finishPending()  // as the service does at the end of a poll: reports are written off the rating thread
    guard case .archived(let path) = result.disposition else {
        Issue.record("not archived: \(result.disposition)")
        return
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    #expect(path.hasPrefix(fixture.archive.path + "/"))
    #expect(fixture.files(in: fixture.inbox).isEmpty)
    #expect(fixture.files(in: fixture.root.appendingPathComponent("out/reports")).count == 2)
}

@Test func aRejectedDropFileIsQuarantinedWithAReasonNote() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "90-broken-truncated.json")
    let pipeline = try fixture.pipeline()
    let result = processor(fixture, pipeline.rater).process(try dropItem(fixture, "90-broken-truncated.json"))
    guard case .quarantined(let path) = result.disposition else {
        Issue.record("not quarantined: \(result.disposition)")
        return
    }
    let note = try #require(fixture.filing.note(forQuarantined: URL(fileURLWithPath: path)))
    #expect(note.reason.contains("90-broken-truncated.json"))
    #expect(fixture.files(in: fixture.inbox).isEmpty)
    let sha = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(try pipeline.rater.recorded(sha256: sha)?.status == .rejected)
}

@Test func anEmptyDropFileIsQuarantinedWithoutTouchingTheLedger() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop("", as: "empty.json")
    let pipeline = try fixture.pipeline()
    let result = processor(fixture, pipeline.rater).process(try dropItem(fixture, "empty.json"))
    guard case .quarantined = result.disposition else {
        Issue.record("not quarantined: \(result.disposition)")
        return
    }
    #expect(try pipeline.ledger.count("submission") == 0)
}

@Test func aDuplicateLeftByACrashAfterCommitIsArchivedNotRatedAgain() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try fixture.drop(sample: "09-over-cap-ppplus.json")
    let pipeline = try fixture.pipeline()
    // The crash: the ledger committed and the report was being written, the move never happened.
    let item = try dropItem(fixture, "09-over-cap-ppplus.json")
    guard case .dropFile(let dropFile) = item else { return }
    guard case .rated = pipeline.rater.handle(try dropFile.submission()) else {
        Issue.record("sample 09 should rate")
        return
    }
    pipeline.rater.finishPending()
    let reports = fixture.root.appendingPathComponent("out/reports")
    for name in fixture.files(in: reports) { try FileManager.default.removeItem(at: reports.appendingPathComponent(name)) }
    let runsBefore = try pipeline.ledger.count("rating_run")
    let decisionsBefore = try pipeline.ledger.count("funding_decision")

    let result = processor(fixture, pipeline.rater).process(item)
    #expect(result.outcomes.count == 1)
    if case .duplicate = result.outcomes[0] {} else { Issue.record("expected a duplicate, got \(result.outcomes[0])") }
    guard case .archived = result.disposition else {
        Issue.record("not archived: \(result.disposition)")
        return
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
    #expect(try pipeline.ledger.count("rating_run") == runsBefore)
    #expect(try pipeline.ledger.count("funding_decision") == decisionsBefore)
    pipeline.rater.finishPending()
    #expect(fixture.files(in: reports).count == 2, "the lost QA report is written again")
}

@Test func aDuplicateOfARejectedFileIsQuarantinedWithTheLedgersReason() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "91-broken-wrong-namespace.xml")
    let pipeline = try fixture.pipeline()
    let item = try dropItem(fixture, "91-broken-wrong-namespace.xml")
    guard case .dropFile(let dropFile) = item else { return }
    guard case .rejected(_, let reason) = pipeline.rater.handle(try dropFile.submission()) else {
        Issue.record("sample 91 should be rejected")
        return
    }
    let result = processor(fixture, pipeline.rater).process(item)
    guard case .quarantined(let path) = result.disposition else {
        Issue.record("not quarantined: \(result.disposition)")
        return
    }
    #expect(fixture.filing.note(forQuarantined: URL(fileURLWithPath: path))?.reason == reason)
}

@Test func aTransientFailureLeavesTheFileInTheInbox() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try fixture.drop(sample: "01-green-review-secondary.json")
    let handler = ScriptedHandler(pipeline: try fixture.pipeline())
    handler.fail("01-green-review-secondary.json", times: 1)
    let result = processor(fixture, handler).process(try dropItem(fixture, "01-green-review-secondary.json"))
    #expect(result.disposition == .retry(reason: "database is locked (simulated)"))
    #expect(FileManager.default.fileExists(atPath: file.path))
    #expect(fixture.files(in: fixture.archive).isEmpty)
}

@Test func aMoveThatFailsAfterTheCommitIsRetriedAsADuplicate() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    // The archive cannot be created: a plain file stands where its folder should be.
    try FileManager.default.createDirectory(at: fixture.archive.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("in the way".utf8).write(to: fixture.archive)
    let pipeline = try fixture.pipeline()
    let first = processor(fixture, pipeline.rater).process(try dropItem(fixture, "01-green-review-secondary.json"))
    guard case .retry = first.disposition else {
        Issue.record("the move should have failed: \(first.disposition)")
        return
    }
    #expect(try pipeline.ledger.count("submission") == 1)
    try FileManager.default.removeItem(at: fixture.archive)
    let second = processor(fixture, pipeline.rater).process(try dropItem(fixture, "01-green-review-secondary.json"))
    guard case .archived = second.disposition else {
        Issue.record("not archived on retry: \(second.disposition)")
        return
    }
    #expect(try pipeline.ledger.count("rating_run") == 1)
}

@Test func aMaildirMessageMovesToCurOnlyAfterAllItsPEPsAreCommitted() throws {
    let fixture = try ServiceFixture(maildir: true)
    defer { fixture.remove() }
    let message = fixture.inbox.appendingPathComponent("new/1760947200.M1P1.host")
    try Data(try twoPEPMessage().utf8).write(to: message)
    let pipeline = try fixture.pipeline()
    let handler = ScriptedHandler(pipeline: pipeline)
    handler.fail("second.json", times: 1)
    let maildir = Maildir(root: fixture.inbox)
    let item = InboxItem.maildirMessage(message, maildir)

    let first = processor(fixture, handler).process(item)
    guard case .retry = first.disposition else {
        Issue.record("expected a retry: \(first.disposition)")
        return
    }
    #expect(FileManager.default.fileExists(atPath: message.path), "still in new/")
    #expect(fixture.files(in: maildir.curDirectory).isEmpty)
    #expect(try pipeline.ledger.count("submission") == 1, "the first PEP is committed")

    let second = processor(fixture, handler).process(item)
    guard case .markedDone(let done) = second.disposition else {
        Issue.record("expected new/ -> cur/: \(second.disposition)")
        return
    }
    #expect(done.hasSuffix("/cur/1760947200.M1P1.host:2,S"))
    #expect(try pipeline.ledger.count("submission") == 2)
    #expect(try pipeline.ledger.count("rating_run") == 2, "the first PEP is not rated again")
}

@Test func aMessageWithNoPEPIsQuarantinedNotDropped() throws {
    let fixture = try ServiceFixture(maildir: true)
    defer { fixture.remove() }
    let name = "1763368200.M104P4714.mx1.virtualschool.example"
    let message = fixture.inbox.appendingPathComponent("new/\(name)")
    try FileManager.default.copyItem(at: Repository.sampleInbox.appendingPathComponent("maildir/new/\(name)"), to: message)
    let result = processor(fixture, try fixture.pipeline().rater).process(.maildirMessage(message, Maildir(root: fixture.inbox)))
    guard case .quarantined(let path) = result.disposition else {
        Issue.record("not quarantined: \(result.disposition)")
        return
    }
    #expect(fixture.filing.note(forQuarantined: URL(fileURLWithPath: path))?.reason.contains("no PEP attachment") == true)
    #expect(fixture.files(in: fixture.inbox).isEmpty)
}

@Test func aSavedEmailInADropFolderIsArchivedAfterItsPEPIsRated() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(try twoPEPMessage(), as: "two.eml")
    let pipeline = try fixture.pipeline()
    let result = processor(fixture, pipeline.rater).process(try dropItem(fixture, "two.eml"))
    guard case .archived = result.disposition else {
        Issue.record("not archived: \(result.disposition)")
        return
    }
    #expect(result.outcomes.count == 2)
    #expect(try pipeline.ledger.count("submission") == 2)
}
