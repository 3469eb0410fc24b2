import Foundation
import PEPModel
import Testing

@testable import PEPIntake

/// The one walk `pepqa process` and the service share: what it lists, and what it never does.

private let message = "From: school@example.sch.uk\r\nSubject: PEP\r\n\r\nhello\r\n"

@Test func aMaildirGivesTheMessagesInNewOnlyNeverCurOrTmp() throws {
    let folder = try TemporaryFolder()
    for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder("mail/\(sub)") }
    try folder.write("mail/new/1762400001.M1.host", message)
    try folder.write("mail/cur/1762400000.M0.host:2,S", message)
    try folder.write("mail/tmp/1762400002.M2.host", message)
    let listing = InboxWalker().list(folder.url.appendingPathComponent("mail").path)
    #expect(listing.items.map(\.name) == ["1762400001.M1.host"])
    #expect(listing.dropFiles.isEmpty)
}

@Test func aMaildirInsideADropFolderIsReadAsAMaildir() throws {
    let folder = try TemporaryFolder()
    for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder("inbox/mail/\(sub)") }
    try folder.write("inbox/mail/new/1762400001.M1.host", message)
    try folder.write("inbox/mail/cur/1762400000.M0.host:2,S", message)
    try folder.write("inbox/pep.json", "{}")
    let items = InboxWalker().list(folder.url.appendingPathComponent("inbox").path).items
    #expect(items.map(\.name) == ["pep.json", "1762400001.M1.host"])
    guard case .maildirMessage = items[1] else {
        Issue.record("expected a Maildir message: \(items[1])")
        return
    }
}

@Test func aWalkStopsAtTheDepthLimitIgnoresLockFilesAndNeverFollowsALinkOut() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    let outside = try folder.write("secret.json", "{}")
    let deepest = (1...DropFolder.maxDepth).map { "d\($0)" }.joined(separator: "/")
    try folder.write("inbox/\(deepest)/ok.json", "{}")
    try folder.write("inbox/\(deepest)/too-deep/no.json", "{}")
    try folder.write("inbox/~$ok.docx", "lock")
    try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("escape.json"), withDestinationURL: outside)
    #expect(InboxWalker().list(inbox.path).items.map(\.name) == ["ok.json"])
}

@Test func theProductsOwnFoldersAreNeverWalked() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    try folder.write("inbox/pep.json", "{}")
    try folder.write("inbox/archive/2025/11/old.json", "{}")
    let walker = InboxWalker(skipping: [inbox.appendingPathComponent("archive")])
    #expect(walker.list(inbox.path).items.map(\.name) == ["pep.json"])
}

@Test func aFileNamedDirectlyIsItselfAndAnEMailIsToldByItsFirstBytes() throws {
    let folder = try TemporaryFolder()
    let saved = try folder.write("saved-from-outlook", message)
    let pep = try folder.write("pep.json", "{}")
    let items = InboxWalker().list([saved.path, pep.path]).items
    #expect(items.map(\.name) == ["saved-from-outlook", "pep.json"])
    #expect(items.map { if case .emailFile = $0 { "e-mail" } else { "document" } } == ["e-mail", "document"])
}

@Test func aFolderThatCannotBeListedIsAProblemAndTheWalkGoesOn() throws {
    let folder = try TemporaryFolder()
    try folder.write("inbox/pep.json", "{}")
    let missing = folder.url.appendingPathComponent("no-such-inbox").path
    let listing = InboxWalker().list([missing, folder.url.appendingPathComponent("inbox").path])
    #expect(listing.problems.map(\.description) == ["cannot list \(missing): the drop folder cannot be read"])
    #expect(listing.items.map(\.name) == ["pep.json"])
}
