import Foundation
import Testing
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPPipeline

/// Drop-file stability and what a poll lists.

private func setModified(_ url: URL, secondsAgo: Double) throws {
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-secondsAgo)], ofItemAtPath: url.path)
}

@Test func aDropFileIsTakenOnlyAfterHoldingStillAcrossTwoPolls() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: nil)
    let first = scanner.poll()
    #expect(first.ready.isEmpty)
    #expect(first.waiting == 1)
    let second = scanner.poll()
    #expect(second.ready.map(\.name) == ["01-green-review-secondary.json"])
    #expect(second.waiting == 0)
}

@Test func aFileStillGrowingIsNotTaken() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try fixture.drop("{\"schema\": ", as: "upload.json")
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: nil)
    _ = scanner.poll()
    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\"pep/1\"".utf8))
    try handle.close()
    let whileGrowing = scanner.poll()
    #expect(whileGrowing.ready.isEmpty)
    #expect(whileGrowing.waiting == 1)
    #expect(scanner.poll().ready.map(\.name) == ["upload.json"])
}

@Test func lockFilesDotfilesAndPartialUploadsAreNeverListed() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    for name in ["~$pep.docx", ".hidden.json", "pep.json.part", "pep.docx.tmp", "pep.json.crdownload", "x.reason"] {
        try fixture.drop("{}", as: name)
    }
    try fixture.drop(sample: "03-amber-thin-targets.json")
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: nil)
    let first = scanner.poll()
    #expect(first.waiting == 1)
    #expect(first.listed.map { URL(fileURLWithPath: $0).lastPathComponent } == ["03-amber-thin-targets.json"])
    #expect(scanner.poll().ready.map(\.name) == ["03-amber-thin-targets.json"])
}

@Test func inOnceModeAFileQuietForAPollIntervalIsTakenAtFirstSight() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let old = try fixture.drop(sample: "01-green-review-secondary.json")
    try setModified(old, secondsAgo: 120)
    try fixture.drop(sample: "03-amber-thin-targets.json")
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: 60)
    let poll = scanner.poll()
    #expect(poll.ready.map(\.name) == ["01-green-review-secondary.json"])
    #expect(poll.waiting == 1)
}

@Test func maildirMessagesInNewAreReadyAtOnceAndTmpIsNeverRead() throws {
    let fixture = try ServiceFixture(maildir: true)
    defer { fixture.remove() }
    try Data("half a message".utf8).write(to: fixture.inbox.appendingPathComponent("tmp/1.M1.host"))
    try Data("Subject: x\n\nbody".utf8).write(to: fixture.inbox.appendingPathComponent("new/2.M2.host"))
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: nil)
    let poll = scanner.poll()
    #expect(poll.ready.map(\.name) == ["2.M2.host"])
    #expect(poll.waiting == 0)
}

@Test func anArchiveInsideTheInboxIsNotListed() throws {
    let fixture = try ServiceFixture(maildir: false)
    defer { fixture.remove() }
    let archive = fixture.inbox.appendingPathComponent("archive")
    for sub in ["new", "cur", "tmp"] {  // even one shaped like a Maildir
        try FileManager.default.createDirectory(at: archive.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    try Data("x".utf8).write(to: archive.appendingPathComponent("new/1.M1.host"))
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [archive.path], settledAfter: nil)
    #expect(scanner.poll().listed.isEmpty)
}

@Test func anInboxThatCannotBeListedIsReportedAndTheOthersStillPolled() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    var scanner = InboxScanner(
        inboxes: [fixture.root.appendingPathComponent("missing").path, fixture.inbox.path], skipping: [], settledAfter: nil)
    let poll = scanner.poll()
    #expect(poll.problems.count == 1)
    #expect(poll.waiting == 1)
}

@Test func aMessageSavedWithoutEmlIsTakenAsAnEmail() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let message = Repository.sampleInbox.appendingPathComponent("maildir/new/1762510500.M101P4711.mx1.virtualschool.example")
    try FileManager.default.copyItem(at: message, to: fixture.inbox.appendingPathComponent("Fwd PEP from Northgate"))
    try fixture.drop(sample: "01-green-review-secondary.json")
    var scanner = InboxScanner(inboxes: [fixture.inbox.path], skipping: [], settledAfter: nil)
    _ = scanner.poll()
    let ready = scanner.poll().ready
    #expect(ready.count == 2)
    for item in ready {
        switch item {
        case .emailFile(let file): #expect(file.name == "Fwd PEP from Northgate")
        case .dropFile(let file): #expect(file.name == "01-green-review-secondary.json")
        case .maildirMessage: Issue.record("no Maildir here")
        }
    }
}
