import Foundation
import Testing

@testable import PEPIntake

private let simpleMessage = "From: dt@school.example\nDate: Fri, 7 Nov 2025 10:15:00 +0000\nContent-Type: application/json\nContent-Disposition: attachment; filename=pep.json\n\n{}\n"

private func makeMaildir(_ folder: TemporaryFolder) throws -> Maildir {
    for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder("mail/\(sub)") }
    return Maildir(root: folder.url.appendingPathComponent("mail"))
}

@Test func listsOnlyNewMessagesInNameOrderNeverTmp() throws {
    let folder = try TemporaryFolder()
    let maildir = try makeMaildir(folder)
    try folder.write("mail/new/1762600000.M2.host", simpleMessage)
    try folder.write("mail/new/1762500000.M1.host", simpleMessage)
    try folder.write("mail/tmp/1762700000.M3.host", "half-written")
    try folder.write("mail/cur/1762400000.M0.host:2,S", simpleMessage)
    try folder.write("mail/new/.hidden", simpleMessage)
    _ = try folder.makeFolder("mail/new/subfolder")
    #expect(try maildir.newMessageFiles().map(\.lastPathComponent) == ["1762500000.M1.host", "1762600000.M2.host"])
    #expect(try maildir.readNewMessages().map(\.fileName) == ["1762500000.M1.host", "1762600000.M2.host"])
}

@Test func readingDoesNotMoveAMessageOnlyMarkDoneDoes() throws {
    let folder = try TemporaryFolder()
    let maildir = try makeMaildir(folder)
    try folder.write("mail/new/1762500000.M1.host", simpleMessage)
    let messages = try maildir.readNewMessages()
    #expect(folder.names(in: "mail/new") == ["1762500000.M1.host"])
    #expect(folder.names(in: "mail/cur").isEmpty)
    let done = try maildir.markDone(messages[0])
    #expect(done.lastPathComponent == "1762500000.M1.host:2,S")
    #expect(folder.names(in: "mail/new").isEmpty)
    #expect(folder.names(in: "mail/cur") == ["1762500000.M1.host:2,S"])
    #expect(try Data(contentsOf: done) == Data(simpleMessage.utf8))
}

@Test func markDoneRefusesAMessageFromElsewhere() throws {
    let folder = try TemporaryFolder()
    let maildir = try makeMaildir(folder)
    let stray = try folder.write("elsewhere/x.eml", simpleMessage)
    #expect(throws: IntakeIOError.self) { try maildir.markDone(messageAt: stray) }
    #expect(FileManager.default.fileExists(atPath: stray.path))
}

@Test func seenNameReplacesExistingInfo() {
    #expect(Maildir.seenName("123.M1.host") == "123.M1.host:2,S")
    #expect(Maildir.seenName("123.M1.host:2,") == "123.M1.host:2,S")
}

@Test func messageWithoutPEPCanBeQuarantinedFromNew() throws {
    let folder = try TemporaryFolder()
    let maildir = try makeMaildir(folder)
    try folder.write("mail/new/1762500000.M1.host", "From: a@school.example\nContent-Type: application/pdf\n\n%PDF")
    let message = try #require(try maildir.readNewMessages().first)
    #expect(message.problem != nil)
    let filing = Filing(archiveRoot: folder.url.appendingPathComponent("ARCHIVE"), quarantineRoot: folder.url.appendingPathComponent("QUARANTINE"))
    let moved = try filing.quarantine(message: message)
    #expect(folder.names(in: "mail/new").isEmpty)
    #expect(filing.note(forQuarantined: moved)?.reason == "1762500000.M1.host: the e-mail has no PEP attachment (DOCX, XML or JSON); it had: 1 PDF")
}

@Test func sampleMaildirKeepsItsTmpFolderEmptyButPresent() {
    #expect(Maildir.isMaildir(Samples.maildir))
    #expect(FileManager.default.fileExists(atPath: Samples.maildir.appendingPathComponent("tmp/.gitkeep").path))
}
