import Foundation
import PEPModel
import Testing

@testable import PEPIntake

@Test func ignoresLockFilesDotfilesPartialDownloadsAndTemporaryFiles() {
    for name in ["~$PEP.docx", ".DS_Store", ".pep.json.swp", "pep.docx.part", "pep.tmp", "pep.json.crdownload", "Thumbs.db", "x.reason"] {
        #expect(DropFolder.isIgnored(name: name), "\(name)")
    }
    for name in ["PEP.docx", "pep.json", "pep.xml", "school.eml", "partial-pep.json", "tmp-notes.xml"] {
        #expect(!DropFolder.isIgnored(name: name), "\(name)")
    }
}

@Test func scanListsFilesButNotDirectoriesIgnoredNamesOrOutsideLinks() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    let outside = try folder.write("secret.json", "{}")
    try folder.write("inbox/b.json", "{}")
    try folder.write("inbox/a.docx", bytes: [0x50, 0x4B, 0x03, 0x04])
    try folder.write("inbox/~$a.docx", "lock")
    try folder.write("inbox/c.xml.part", "<")
    try folder.write("inbox/school.eml", "From: a@b.example\n\nx")
    try folder.write("inbox/sub/deep.json", "{}")
    try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("escape.json"), withDestinationURL: outside)
    try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("deep-link.json"), withDestinationURL: inbox.appendingPathComponent("sub/deep.json"))
    let scan = try DropFolder(root: inbox).scan()
    #expect(scan.files.map(\.name) == ["a.docx", "b.json", "deep.json", "school.eml"])
    #expect(scan.files.map(InboxItem.init(classifying:)).filter { if case .emailFile = $0 { true } else { false } }.map(\.name) == ["school.eml"])
    #expect(scan.maildirs.isEmpty)
}

@Test func scanFindsMaildirsButSkipsTheProductsOwnFolders() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder("inbox/mail/\(sub)") }
    for sub in ["new", "cur"] { _ = try folder.makeFolder("inbox/ARCHIVE/\(sub)") }  // would look like a Maildir
    try folder.write("inbox/ARCHIVE/2025/11/old.json", "{}")
    let scan = try DropFolder(root: inbox, skipping: [inbox.appendingPathComponent("ARCHIVE")]).scan()
    #expect(scan.maildirs.map(\.root.lastPathComponent) == ["mail"])
    #expect(scan.files.isEmpty)
}

@Test func scanWalksSubfoldersButNeverTheSkippedArchiveInside() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    try folder.write("inbox/pep.json", "{}")
    for i in 0..<50 { try folder.write("inbox/ARCHIVE/2025/11/\(i).json", "{}") }
    for i in 0..<3 { try folder.write("inbox/schools/\(i)/pep.json", "{}") }
    let scan = try DropFolder(root: inbox, skipping: [inbox.appendingPathComponent("ARCHIVE")]).scan()
    #expect(scan.files.map { $0.url.path.replacingOccurrences(of: inbox.path + "/", with: "") } == [
        "pep.json", "schools/0/pep.json", "schools/1/pep.json", "schools/2/pep.json",
    ])
}

@Test func scanStopsAtItsDepthLimit() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    let deepest = (1...DropFolder.maxDepth).map { "d\($0)" }.joined(separator: "/")
    try folder.write("inbox/\(deepest)/ok.json", "{}")
    try folder.write("inbox/\(deepest)/too-deep/no.json", "{}")
    #expect(try DropFolder(root: inbox).scan().files.map(\.name) == ["ok.json"])
}

@Test func dropFileBecomesASubmissionReceivedWhenItArrivedWithItsModificationTimeKept() throws {
    let folder = try TemporaryFolder()
    let when = Date(timeIntervalSince1970: 1_762_510_500)
    let before = Date().addingTimeInterval(-5)
    try folder.write("inbox/pep.json", "{\"schema\":\"pep/1\"}", modified: when)
    let file = try #require(try DropFolder(root: folder.url.appendingPathComponent("inbox")).scan().files.first)
    let submission = try file.submission()
    #expect(submission.fileName == "pep.json")
    #expect(submission.receivedAt >= before)
    #expect(submission.fileModifiedAt == when)
    #expect(try file.submission(clock: .fileModified).receivedAt == when)
    #expect(submission.origin == .dropFile(path: file.url.path))
}

@Test func emptyAndOversizedDropFilesAreIngestErrors() throws {
    let folder = try TemporaryFolder()
    try folder.write("inbox/empty.json", "")
    try folder.write("inbox/big.json", String(repeating: "x", count: 2048))
    let files = try DropFolder(root: folder.url.appendingPathComponent("inbox")).scan().files
    let tooLarge = #expect(throws: IngestError.self) { try files[0].submission(maxBytes: 1024) }
    #expect(tooLarge?.code == .tooLarge)
    #expect(tooLarge?.description == "big.json: the file is larger than the limit of 1024 bytes")
    let empty = #expect(throws: IngestError.self) { try files[1].submission() }
    #expect(empty?.code == .empty)
}
